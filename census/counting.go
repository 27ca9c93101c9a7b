package census

import (
	"fmt"
	"slices"
	"strings"
)

// The counting rules that published figures use beside Options (see
// Counting). Each default is what the census has always done.
const (
	// MultinationalKeep counts Epoch's "Multinational" as a country of
	// its own (XM).
	MultinationalKeep = "keep"
	// MultinationalHeadOffice counts a "Multinational" row for the head
	// offices of its organizations (the head-office table, else the
	// organization table's home country): Google DeepMind, London.
	MultinationalHeadOffice = "head-office"
	// MultinationalGroup counts it for the home countries of its
	// organizations' parent groups: Google DeepMind → Google → US.
	MultinationalGroup = "group"

	// BlankCountryFill gives a model with a blank country its
	// organizations' home countries.
	BlankCountryFill = "fill"
	// BlankCountryLeave leaves it without a country (counted as unknown).
	BlankCountryLeave = "leave"

	// DuplicatesMerge counts a repeated model name once (the first row).
	DuplicatesMerge = "merge"
	// DuplicatesRows counts every row, repeats included.
	DuplicatesRows = "rows"
)

// MultinationalCode is the country code that stands for Epoch's
// "Multinational" (see countries.csv).
const MultinationalCode = "XM"

// Counting are the counting rules of a figure beyond Options. The zero
// value is today's census: keep, fill, merge.
type Counting struct {
	Multinational string `json:"multinational"`
	BlankCountry  string `json:"blank_country"`
	Duplicates    string `json:"duplicates"`
	// Merge counts organizations as one developer at --org-level
	// organization: canonical name → the name it counts as (SPRI counted
	// Google Brain and Google Research as Google).
	Merge map[string]string `json:"merge,omitempty"`
}

// CountingError is a counting rule with a value outside its choices.
type CountingError struct {
	Rule, Value, Choices string
}

// Error names the counting rule and the value it refused.
func (e *CountingError) Error() string {
	return fmt.Sprintf("%s %q: want %s", e.Rule, e.Value, e.Choices)
}

// Validate checks the rules and fills in the defaults.
func (c *Counting) Validate() error {
	check := func(rule string, v *string, choices ...string) error {
		if *v == "" {
			*v = choices[0]
			return nil
		}
		if !slices.Contains(choices, *v) {
			return &CountingError{Rule: rule, Value: *v, Choices: strings.Join(choices, ", ")}
		}
		return nil
	}
	if err := check("multinational", &c.Multinational, MultinationalKeep, MultinationalHeadOffice, MultinationalGroup); err != nil {
		return err
	}
	if err := check("blank-country", &c.BlankCountry, BlankCountryFill, BlankCountryLeave); err != nil {
		return err
	}
	return check("duplicates", &c.Duplicates, DuplicatesMerge, DuplicatesRows)
}

// view is how a model's fields are seen under one set of rules; it caches
// what several models share (their organization cells).
type view struct {
	r    *Rules
	opt  Options
	c    Counting
	buf  []weighted
	tmp  []weighted
	orgs map[*Affiliation]*orgUnits
	// sectors caches a model's sector by its categorization cell and
	// organizations.
	sectors map[string]map[*Affiliation]string
	// places caches an organization's head office and group home.
	places map[string][2]string
}

// orgUnits are a model's organizations as the figure engine counts them,
// index by index with Model.Organizations.
type orgUnits struct {
	names   []string // canonical names, merged (Counting.Merge)
	groups  []string
	dev     []string // the developer counted at --org-level
	country []string // org_country at --org-level
	heads   []string // head offices, distinct
	homes   []string // group homes, distinct
	// distinct is the number of distinct developers.
	distinct int
}

func newView(r *Rules, opt Options, c Counting) *view {
	_ = opt.Validate()
	_ = c.Validate()
	return &view{r: r, opt: opt, c: c, orgs: map[*Affiliation]*orgUnits{}}
}

func (v *view) units(m *Model) *orgUnits {
	a := m.affiliation()
	if u, ok := v.orgs[a]; ok {
		return u
	}
	u := &orgUnits{}
	for i, o := range a.Organizations {
		name := o
		if to, ok := v.c.Merge[o]; ok {
			name = to
		}
		g := a.Groups[i]
		u.names = append(u.names, name)
		u.groups = append(u.groups, g)
		p, ok := v.places[o]
		if !ok {
			p = [2]string{v.r.HeadOfficeOf(o), v.r.GroupHomeOf(o)}
			if v.places == nil {
				v.places = map[string][2]string{}
			}
			v.places[o] = p
		}
		head, home := p[0], p[1]
		if v.opt.OrgLevel == OrgLevelOrganization {
			u.dev = append(u.dev, name)
			u.country = append(u.country, orUnknown(head))
		} else {
			u.dev = append(u.dev, g)
			u.country = append(u.country, orUnknown(home))
		}
		u.heads = appendUniq(u.heads, head)
		u.homes = appendUniq(u.homes, home)
	}
	for i, d := range u.dev {
		if !slices.Contains(u.dev[:i], d) {
			u.distinct++
		}
	}
	v.orgs[a] = u
	return u
}

func orUnknown(s string) string {
	if s == "" {
		return ValueUnknown
	}
	return s
}

// orgValues gives a per-organization dimension's values: organization
// org's, or every organization's once.
func (v *view) orgValues(m *Model, org int, out []weighted, pick func(*orgUnits, int) string) []weighted {
	u := v.units(m)
	if org >= 0 && org < len(u.names) {
		return one(out, pick(u, org))
	}
	start := len(out)
	for i := range u.names {
		s := pick(u, i)
		if !slices.ContainsFunc(out[start:], func(w weighted) bool { return w.code == s }) {
			out = one(out, s)
		}
	}
	return out
}

// countries are the model's country codes under the counting rules.
func (v *view) countries(m *Model) []string {
	cs := m.Countries
	if v.opt.CountryBy == CountryByGroup {
		cs = m.GroupCountries()
	} else if m.CountryFilled && v.c.BlankCountry == BlankCountryLeave {
		cs = nil
	}
	if v.c.Multinational == MultinationalKeep || !slices.Contains(cs, MultinationalCode) {
		return cs
	}
	u := v.units(m)
	with := u.heads
	if v.c.Multinational == MultinationalGroup {
		with = u.homes
	}
	if len(with) == 0 {
		return cs
	}
	out := make([]string, 0, len(cs)+len(with))
	for _, c := range cs {
		if c == MultinationalCode {
			for _, h := range with {
				out = appendUniq(out, h)
			}
			continue
		}
		out = appendUniq(out, c)
	}
	return out
}

// attribute weighs a model's countries by the attribution.
func (v *view) attribute(cs []string, out []weighted) []weighted {
	if len(cs) == 0 {
		return out
	}
	switch v.opt.Attribution {
	case AttributionFirst:
		return one(out, cs[0])
	case AttributionFractional:
		w := 1 / float64(len(cs))
		for _, c := range cs {
			out = append(out, weighted{c, w})
		}
		return out
	}
	for _, c := range cs {
		out = one(out, c)
	}
	return out
}

// sector is the model's sector: Epoch's "Organization categorization"
// through the sector table (the organization table's sectors where the
// cell is blank); collaboration when that gives more than one.
func (v *view) sector(m *Model) string {
	a := m.affiliation()
	if s, ok := v.sectors[m.Categorization][a]; ok {
		return s
	}
	s := v.sectorOf(m)
	if v.sectors == nil {
		v.sectors = map[string]map[*Affiliation]string{}
	}
	if v.sectors[m.Categorization] == nil {
		v.sectors[m.Categorization] = map[*Affiliation]string{}
	}
	v.sectors[m.Categorization][a] = s
	return s
}

func (v *view) sectorOf(m *Model) string {
	var found []string
	for _, s := range SplitList(m.Categorization) {
		if sec, ok := v.r.Sector(s); ok {
			found = appendUniq(found, sec)
		} else {
			found = appendUniq(found, strings.ToLower(s))
		}
	}
	if len(found) == 0 {
		for _, o := range m.Organizations() {
			if org, ok := v.r.Organization(o); ok && org.Sector != "" {
				found = appendUniq(found, org.Sector)
			}
		}
	}
	switch len(found) {
	case 0:
		return ValueUnknown
	case 1:
		return found[0]
	}
	return SectorCollaboration
}
