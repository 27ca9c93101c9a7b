package census

import (
	"sort"
	"strconv"
	"strings"
)

// Exclusion reasons for rows that are left out of the counts.
const (
	ReasonNoName  = "no_name"
	ReasonNoDate  = "no_date"
	ReasonBadDate = "bad_date"
)

// Excluded is a row left out of the counts, with the reason.
type Excluded struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Name   string `json:"name,omitempty"`
	Value  string `json:"value,omitempty"`
}

// Duplicate is a row whose trimmed model name was already read; only the
// first row with a name is counted.
type Duplicate struct {
	Name      string `json:"name"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	FirstFile string `json:"first_file"`
	FirstLine int    `json:"first_line"`
}

// Problem is a row that could not be read at all (a malformed CSV record),
// or a cell that could not be parsed; the rest of the file is still counted.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// Dataset accumulates the normalized models of a snapshot, with everything
// that was left out and why.
type Dataset struct {
	Snapshot   Snapshot
	Models     []Model
	Duplicates []Duplicate
	Excluded   []Excluded
	Problems   []Problem
	// Unmapped counts, per kind, the rows holding each raw value that the
	// rules do not know.
	Unmapped map[string]map[string]int

	rules   *Rules
	seen    map[string]int
	orgs    map[string]*orgCell
	ctry    map[string]*countryCell
	doms    map[string]*domainCell
	access  map[string]accessCell
	compute map[string]computeCell
}

type orgCell struct {
	orgs, groups         []string
	homes, groupHomes    []string
	unmapped             []string
	unmappedCountryCodes []string
}

type countryCell struct {
	codes    []string
	unmapped []string
}

type domainCell struct {
	domains, groups []string
	multimodal      bool
	unmapped        []string
}

type accessCell struct {
	category, unmapped string
}

type computeCell struct {
	v  float64
	ok bool
}

// NewDataset returns an empty dataset that normalizes with rules.
func NewDataset(rules *Rules) *Dataset {
	return &Dataset{
		Unmapped: map[string]map[string]int{},
		rules:    rules,
		seen:     map[string]int{},
		orgs:     map[string]*orgCell{},
		ctry:     map[string]*countryCell{},
		doms:     map[string]*domainCell{},
		access:   map[string]accessCell{},
		compute:  map[string]computeCell{},
	}
}

// Rules returns the rules the dataset normalizes with.
func (d *Dataset) Rules() *Rules { return d.rules }

func (d *Dataset) unmapped(kind string, values []string) {
	if len(values) == 0 {
		return
	}
	m := d.Unmapped[kind]
	if m == nil {
		m = map[string]int{}
		d.Unmapped[kind] = m
	}
	for _, v := range values {
		m[v]++
	}
}

// AddProblem records a row or cell that could not be read.
func (d *Dataset) AddProblem(p Problem) { d.Problems = append(d.Problems, p) }

// Add normalizes one raw row and adds it, or records why it is left out.
func (d *Dataset) Add(raw *Raw) {
	name := Clean(raw.Get(FieldName))
	dateCell := raw.Get(FieldDate)
	if name == "" {
		d.Excluded = append(d.Excluded, Excluded{File: raw.File, Line: raw.Line, Reason: ReasonNoName, Value: Clean(dateCell)})
		return
	}
	if strings.TrimSpace(dateCell) == "" {
		d.Excluded = append(d.Excluded, Excluded{File: raw.File, Line: raw.Line, Reason: ReasonNoDate, Name: name})
		return
	}
	date, ok := ParseDate(dateCell)
	if !ok {
		d.Excluded = append(d.Excluded, Excluded{File: raw.File, Line: raw.Line, Reason: ReasonBadDate, Name: name, Value: Clean(dateCell)})
		return
	}
	if first, dup := d.seen[name]; dup {
		fm := &d.Models[first]
		d.Duplicates = append(d.Duplicates, Duplicate{Name: name, File: raw.File, Line: raw.Line, FirstFile: fm.File, FirstLine: fm.Line})
		return
	}
	m := Model{Name: name, Date: date, File: raw.File, Line: raw.Line}

	oc := d.orgCell(raw.Get(FieldOrganization))
	d.unmapped(KindOrganization, oc.unmapped)
	m.Organizations, m.Groups = oc.orgs, oc.groups

	cc := d.countryCell(raw.Get(FieldCountry))
	d.unmapped(KindCountry, cc.unmapped)
	m.Countries = cc.codes
	if len(m.Countries) == 0 && len(oc.homes) > 0 {
		m.Countries, m.CountryFilled = oc.homes, true
	}
	m.GroupCountries = oc.groupHomes
	if len(m.GroupCountries) == 0 {
		m.GroupCountries = m.Countries
	}

	dc := d.domainCell(raw.Get(FieldDomain))
	d.unmapped(KindDomain, dc.unmapped)
	m.Domains, m.DomainGroups, m.Multimodal = dc.domains, dc.groups, dc.multimodal

	m.Compute, m.HasCompute = d.parseCompute(raw)
	m.Confidence = Clean(raw.Get(FieldConfidence))
	m.Access = d.accessCategory(raw.Get(FieldAccessibility))
	m.Link = strings.TrimSpace(raw.Get(FieldLink))

	d.seen[name] = len(d.Models)
	d.Models = append(d.Models, m)
}

func (d *Dataset) parseCompute(raw *Raw) (float64, bool) {
	s := raw.Get(FieldCompute)
	if s == "" {
		return 0, false
	}
	if c, ok := d.compute[s]; ok {
		return c.v, c.ok
	}
	v, ok := ParseNumber(s)
	if !ok && strings.TrimSpace(s) != "" {
		d.AddProblem(Problem{File: raw.File, Line: raw.Line, Message: "training compute " + strconv.Quote(s) + " is not a number; the model counts as having no compute"})
		return 0, false
	}
	if len(d.compute) < 1<<16 {
		d.compute[s] = computeCell{v, ok}
	}
	return v, ok
}

// ParseNumber reads numbers as Epoch writes them: 1.07e+24, 98000000000.0,
// and also 1,000,000 with thousands separators. ok is false for anything
// else, for negative values, and for NaN or infinities.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if strings.ContainsRune(s, ',') {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v != v || v > 1e300 {
		return 0, false
	}
	return v, true
}

// SplitList splits a multi-valued cell on commas, cleans each value and
// drops blanks and repeats, keeping the first order.
func SplitList(cell string) []string {
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	parts := strings.Split(cell, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = Clean(p)
		if p == "" || contains(out, p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// orgSuffixes are company-form suffixes that Epoch's comma-separated lists
// split off from the name they belong to ("Co., Ltd.").
var orgSuffixes = []string{"ltd", "ltd.", "inc", "inc.", "llc", "co.", "corp.", "gmbh", "s.a.", "limited"}

// SplitOrganizations splits an organization cell like SplitList, but joins a
// split-off company suffix ("Ltd.", "Inc", "Ltd. (APUS)") back onto the name
// before it, and strips stray quotes.
func SplitOrganizations(cell string) []string {
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	parts := strings.Split(cell, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = Clean(strings.Trim(strings.TrimSpace(p), `"`))
		if p == "" {
			continue
		}
		if len(out) > 0 && isOrgSuffix(p) {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	// Repeats are dropped only after joining, so that "A Co., Ltd." and
	// "B Co., Ltd." stay apart.
	uniq := out[:0]
	for _, p := range out {
		if !contains(uniq, p) {
			uniq = append(uniq, p)
		}
	}
	return uniq
}

func isOrgSuffix(p string) bool {
	l := strings.ToLower(p)
	if i := strings.IndexByte(l, '('); i > 0 {
		l = strings.TrimSpace(l[:i])
	}
	for _, s := range orgSuffixes {
		if l == s {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func appendUniq(list []string, s string) []string {
	if s == "" || contains(list, s) {
		return list
	}
	return append(list, s)
}

func (d *Dataset) orgCell(cell string) *orgCell {
	if c, ok := d.orgs[cell]; ok {
		return c
	}
	c := &orgCell{}
	for _, raw := range SplitOrganizations(cell) {
		o, ok := d.rules.Organization(raw)
		if !ok {
			c.unmapped = append(c.unmapped, raw)
			o = Organization{Name: raw, Group: raw}
		}
		if contains(c.orgs, o.Name) {
			continue
		}
		c.orgs = append(c.orgs, o.Name)
		c.groups = append(c.groups, o.Group)
		c.homes = appendUniq(c.homes, o.Country)
		home := o.Country
		if g, ok := d.rules.Group(o.Group); ok && g.Country != "" {
			home = g.Country
		}
		c.groupHomes = appendUniq(c.groupHomes, home)
	}
	d.orgs[cell] = c
	return c
}

func (d *Dataset) countryCell(cell string) *countryCell {
	if c, ok := d.ctry[cell]; ok {
		return c
	}
	c := &countryCell{}
	for _, raw := range SplitList(cell) {
		if co, ok := d.rules.Country(raw); ok {
			c.codes = appendUniq(c.codes, co.Code)
			continue
		}
		// An unknown spelling still counts, under its own name, so that
		// nothing silently disappears; it is listed as unmapped.
		c.unmapped = append(c.unmapped, raw)
		c.codes = appendUniq(c.codes, raw)
	}
	d.ctry[cell] = c
	return c
}

func (d *Dataset) domainCell(cell string) *domainCell {
	if c, ok := d.doms[cell]; ok {
		return c
	}
	c := &domainCell{}
	for _, raw := range SplitList(cell) {
		dom, ok := d.rules.Domain(raw)
		if !ok {
			c.unmapped = append(c.unmapped, raw)
			dom = Domain{Name: raw, Group: "Other"}
		}
		c.domains = appendUniq(c.domains, dom.Name)
		if dom.Name == MultimodalDomain {
			c.multimodal = true
		}
		c.groups = appendUniq(c.groups, dom.Group)
	}
	if len(c.groups) == 0 {
		if len(c.domains) == 0 {
			c.groups = []string{DomainGroupUnknown}
		} else {
			// Only flag domains (Multimodal): the model still needs a group.
			c.groups = []string{"Other"}
		}
	}
	d.doms[cell] = c
	return c
}

func (d *Dataset) accessCategory(cell string) string {
	c, ok := d.access[cell]
	if !ok {
		c.category = AccessUnknown
		if v := Clean(cell); v != "" {
			if cat, known := d.rules.Access(v); known {
				c.category = cat
			} else {
				c.unmapped = v
			}
		}
		d.access[cell] = c
	}
	if c.unmapped != "" {
		d.unmapped(KindAccessibility, []string{c.unmapped})
	}
	return c.category
}

// UnmappedList returns the unmapped values of kind, most rows first.
func (d *Dataset) UnmappedList(kind string) []NameCount {
	var out []NameCount
	for v, n := range d.Unmapped[kind] {
		out = append(out, NameCount{Name: v, Count: float64(n)})
	}
	sortCounts(out)
	return out
}

func sortStrings(s []string) { sort.Strings(s) }
