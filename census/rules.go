package census

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Country is one canonical country: its ISO 3166-1 alpha-2 code (XM for
// Epoch's "Multinational"), and its English and Korean names.
type Country struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameKo string `json:"name_ko"`
}

// Organization is one canonical organization with its parent group, home
// country code and sector (industry, academia, government, ...).
type Organization struct {
	Name    string `json:"name"`
	Group   string `json:"group"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// Group is a parent group of organizations, such as Google or Alibaba.
type Group struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// Domain is one of Epoch's domain values with its domain group.
type Domain struct {
	Name   string `json:"name"`
	Group  string `json:"group"` // empty for a flag-only domain (Multimodal)
	NameKo string `json:"name_ko"`
}

// DomainGroup is a group of domains counted together (Language, Vision, ...).
type DomainGroup struct {
	Name   string `json:"name"`
	NameKo string `json:"name_ko"`
}

// Accessibility categories.
const (
	AccessOpenWeights = "open-weights"
	AccessAPI         = "api"
	AccessHosted      = "hosted"
	AccessUnreleased  = "unreleased"
	AccessUnknown     = "unknown"
)

// MultimodalDomain is the Epoch domain value that marks a model multimodal.
const MultimodalDomain = "Multimodal"

// DomainGroupUnknown is the domain group of models whose domain is blank.
const DomainGroupUnknown = "Unknown"

// Kinds of values that rules map, as used in Unmapped and in the rules
// listing.
const (
	KindOrganization  = "organization"
	KindCountry       = "country"
	KindDomain        = "domain"
	KindAccessibility = "accessibility"
	KindColumn        = "column"
	KindHardware      = "hardware"
)

// Rules maps raw export values to canonical ones. Build it with NewRules and
// the Add methods (package rules loads the embedded tables); lookups fold
// case, white space and stray quotes.
type Rules struct {
	// Version identifies the tables' content (a short hash).
	Version string

	Countries     []Country
	Organizations []Organization
	Groups        []Group
	Domains       []Domain
	DomainGroups  []DomainGroup
	// Hardware are the accelerators and their peak throughputs.
	Hardware []Chip
	// Thresholds are the compute thresholds of laws and of Epoch's
	// pages, in the table's order (see AddThreshold).
	Thresholds []Threshold

	columns   map[string]Field
	countries *keyIndex
	orgs      *keyIndex
	groups    *keyIndex
	domains   *keyIndex
	hardware  *keyIndex
	access    map[string]string
	accessRaw map[string]string
	// figure holds the tables of the figure engine: regions, head
	// offices, sectors (rules_figures.go).
	figure figureRules
}

// Clone returns a copy of r that shares nothing with it: adding to one
// leaves the other as it was.
func (r *Rules) Clone() *Rules {
	return &Rules{
		Version: r.Version, Countries: slices.Clone(r.Countries), Organizations: slices.Clone(r.Organizations),
		Groups: slices.Clone(r.Groups), Domains: slices.Clone(r.Domains), DomainGroups: slices.Clone(r.DomainGroups),
		columns: maps.Clone(r.columns), countries: r.countries.clone(), orgs: r.orgs.clone(), groups: r.groups.clone(),
		domains: r.domains.clone(), access: maps.Clone(r.access), accessRaw: maps.Clone(r.accessRaw),
		Hardware: slices.Clone(r.Hardware), hardware: r.hardware.clone(),
		figure:     r.figure.clone(),
		Thresholds: slices.Clone(r.Thresholds),
	}
}

// NewRules returns empty rules.
func NewRules() *Rules {
	return &Rules{
		columns:   map[string]Field{},
		countries: newKeyIndex(KindCountry, 1024),
		orgs:      newKeyIndex(KindOrganization, 2048),
		groups:    newKeyIndex("group", 1024),
		domains:   newKeyIndex(KindDomain, 32),
		hardware:  newKeyIndex(KindHardware, 128),
		access:    map[string]string{},
		accessRaw: map[string]string{},
	}
}

// Fold returns the matching key of a raw value: NFC, trimmed, inner white
// space (newlines included) collapsed to one space, double quotes removed,
// lower case.
func Fold(s string) string {
	if strings.IndexByte(s, '"') >= 0 {
		s = strings.ReplaceAll(s, `"`, "")
	}
	s = Clean(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// Clean trims s, collapses inner white space to single spaces and puts it in
// Unicode NFC form. It is how names are read.
func Clean(s string) string {
	ascii, simple := true, true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if sp && (prevSpace || c != ' ') {
			simple = false
		}
		prevSpace = sp
	}
	if ascii && simple && !prevSpace {
		return s
	}
	if !ascii {
		s = norm.NFC.String(s)
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// AddColumn maps a header spelling to a field.
func (r *Rules) AddColumn(f Field, header string) error {
	if Slot(f) < 0 {
		return fmt.Errorf("unknown field %q", f)
	}
	k := Fold(header)
	if old, ok := r.columns[k]; ok && old != f {
		return fmt.Errorf("column %q is already mapped to %s", header, old)
	}
	r.columns[k] = f
	return nil
}

// Column returns the field a header names.
func (r *Rules) Column(header string) (Field, bool) {
	f, ok := r.columns[Fold(header)]
	return f, ok
}

// ColumnAliases returns the header spellings known for f.
func (r *Rules) ColumnAliases(f Field) []string {
	var out []string
	for k, v := range r.columns {
		if v == f {
			out = append(out, k)
		}
	}
	sortStrings(out)
	return out
}

// keyIndex finds a table row by any of its spellings. Exact spellings are
// indexed as rules load, which is cheap; the folded index (case, white
// space and quotes ignored) is built on the first lookup that the exact
// index cannot answer, so a run whose values are all spelled as in the
// tables never pays for folding thousands of aliases. It is safe for
// concurrent lookups.
type keyIndex struct {
	kind   string
	exact  map[string]int
	keys   []string
	rows   []int
	once   sync.Once
	folded map[string]int
	clash  error
}

// clone copies the index; the folded keys are built again when first asked.
func (x *keyIndex) clone() *keyIndex {
	return &keyIndex{kind: x.kind, exact: maps.Clone(x.exact), keys: slices.Clone(x.keys), rows: slices.Clone(x.rows)}
}

func newKeyIndex(kind string, size int) *keyIndex {
	return &keyIndex{kind: kind, exact: make(map[string]int, size)}
}

func (x *keyIndex) add(key string, i int) error {
	if key = strings.TrimSpace(key); key == "" {
		return nil
	}
	if old, ok := x.exact[key]; ok && old != i {
		return fmt.Errorf("%s %q is listed twice", x.kind, key)
	}
	x.exact[key] = i
	x.keys = append(x.keys, key)
	x.rows = append(x.rows, i)
	if x.folded != nil { // folded already: keep it up to date
		f := Fold(key)
		if old, ok := x.folded[f]; ok && old != i && x.clash == nil {
			x.clash = fmt.Errorf("%s %q is listed twice (spelled differently)", x.kind, key)
		}
		x.folded[f] = i
	}
	return nil
}

func (x *keyIndex) fold() {
	x.once.Do(func() {
		x.folded = make(map[string]int, len(x.keys))
		for j, k := range x.keys {
			f := Fold(k)
			if old, ok := x.folded[f]; ok && old != x.rows[j] && x.clash == nil {
				x.clash = fmt.Errorf("%s %q is listed twice (spelled differently)", x.kind, k)
			}
			x.folded[f] = x.rows[j]
		}
	})
}

func (x *keyIndex) lookup(raw string) (int, bool) {
	if i, ok := x.exact[raw]; ok {
		return i, true
	}
	x.fold()
	i, ok := x.folded[Fold(raw)]
	return i, ok
}

// check reports spellings that differ only in case or white space but map
// to different rows.
func (x *keyIndex) check() error {
	x.fold()
	return x.clash
}

// AddCountry adds a country and the raw spellings that map to it.
func (r *Rules) AddCountry(c Country, aliases ...string) error {
	if c.Code == "" || c.Name == "" {
		return fmt.Errorf("country %q needs a code and a name", c.Name)
	}
	i := len(r.Countries)
	r.Countries = append(r.Countries, c)
	for _, k := range append([]string{c.Code, c.Name, c.NameKo}, aliases...) {
		if err := r.countries.add(k, i); err != nil {
			return err
		}
	}
	return nil
}

// Country looks up a raw country value.
func (r *Rules) Country(raw string) (Country, bool) {
	i, ok := r.countries.lookup(raw)
	if !ok {
		return Country{}, false
	}
	return r.Countries[i], true
}

// CountryByCode returns the country with ISO code code.
func (r *Rules) CountryByCode(code string) (Country, bool) {
	i, ok := r.countries.exact[code]
	if !ok || r.Countries[i].Code != code {
		return Country{}, false
	}
	return r.Countries[i], true
}

// AddOrganization adds an organization and the raw spellings that map to it.
func (r *Rules) AddOrganization(o Organization, aliases ...string) error {
	if o.Name == "" {
		return fmt.Errorf("organization with no name")
	}
	if o.Group == "" {
		o.Group = o.Name
	}
	i := len(r.Organizations)
	r.Organizations = append(r.Organizations, o)
	for _, k := range append([]string{o.Name}, aliases...) {
		if err := r.orgs.add(k, i); err != nil {
			return err
		}
	}
	return nil
}

// Organization looks up a raw organization value.
func (r *Rules) Organization(raw string) (Organization, bool) {
	i, ok := r.orgs.lookup(raw)
	if !ok {
		return Organization{}, false
	}
	return r.Organizations[i], true
}

// AddGroup adds a parent group.
func (r *Rules) AddGroup(g Group) error {
	if g.Name == "" {
		return fmt.Errorf("group with no name")
	}
	i := len(r.Groups)
	r.Groups = append(r.Groups, g)
	return r.groups.add(g.Name, i)
}

// Group looks up a group by name.
func (r *Rules) Group(name string) (Group, bool) {
	i, ok := r.groups.lookup(name)
	if !ok {
		return Group{}, false
	}
	return r.Groups[i], true
}

// AddDomain adds an Epoch domain value and its group.
func (r *Rules) AddDomain(d Domain) error {
	i := len(r.Domains)
	r.Domains = append(r.Domains, d)
	return r.domains.add(d.Name, i)
}

// AddHardware adds a chip and the other spellings of its name.
func (r *Rules) AddHardware(c Chip, aliases ...string) error {
	i := len(r.Hardware)
	r.Hardware = append(r.Hardware, c)
	for _, k := range append([]string{c.Name}, aliases...) {
		if err := r.hardware.add(k, i); err != nil {
			return err
		}
	}
	return nil
}

// HardwareChip looks up a chip by a raw `Training hardware` value (one
// name, not a list).
func (r *Rules) HardwareChip(raw string) (Chip, bool) {
	i, ok := r.hardware.lookup(raw)
	if !ok {
		return Chip{}, false
	}
	return r.Hardware[i], true
}

// Domain looks up a raw domain value.
func (r *Rules) Domain(raw string) (Domain, bool) {
	i, ok := r.domains.lookup(raw)
	if !ok {
		return Domain{}, false
	}
	return r.Domains[i], true
}

// AddDomainGroup adds a domain group; groups are listed in the order added.
func (r *Rules) AddDomainGroup(g DomainGroup) {
	r.DomainGroups = append(r.DomainGroups, g)
}

// AddAccess maps a raw accessibility value to a category.
func (r *Rules) AddAccess(raw, category string) error {
	switch category {
	case AccessOpenWeights, AccessAPI, AccessHosted, AccessUnreleased, AccessUnknown:
	default:
		return fmt.Errorf("accessibility %q: unknown category %q", raw, category)
	}
	r.access[Fold(raw)] = category
	r.accessRaw[raw] = category
	return nil
}

// Access looks up a raw accessibility value.
func (r *Rules) Access(raw string) (string, bool) {
	c, ok := r.access[Fold(raw)]
	return c, ok
}

// AccessTable returns the raw accessibility values and their categories.
func (r *Rules) AccessTable() map[string]string {
	out := make(map[string]string, len(r.accessRaw))
	for k, v := range r.accessRaw {
		out[k] = v
	}
	return out
}

// Check reports inconsistencies between tables: spellings listed for two
// rows, organizations whose group is not listed, and country codes that are
// not in the country table.
func (r *Rules) Check() []string {
	var out []string
	for _, x := range []*keyIndex{r.countries, r.orgs, r.groups, r.domains} {
		if err := x.check(); err != nil {
			out = append(out, err.Error())
		}
	}
	for _, o := range r.Organizations {
		if _, ok := r.Group(o.Group); !ok && o.Group != o.Name {
			out = append(out, fmt.Sprintf("organization %q: group %q is not in the group table", o.Name, o.Group))
		}
		if o.Country != "" {
			if _, ok := r.CountryByCode(o.Country); !ok {
				out = append(out, fmt.Sprintf("organization %q: unknown country code %q", o.Name, o.Country))
			}
		}
	}
	for _, g := range r.Groups {
		if g.Country != "" {
			if _, ok := r.CountryByCode(g.Country); !ok {
				out = append(out, fmt.Sprintf("group %q: unknown country code %q", g.Name, g.Country))
			}
		}
	}
	known := map[string]bool{}
	for _, g := range r.DomainGroups {
		known[g.Name] = true
	}
	for _, d := range r.Domains {
		if d.Group != "" && !known[d.Group] {
			out = append(out, fmt.Sprintf("domain %q: group %q is not in the domain group table", d.Name, d.Group))
		}
	}
	return append(out, r.checkFigureRules()...)
}
