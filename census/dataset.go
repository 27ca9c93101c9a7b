package census

import (
	"cmp"
	"hash/maphash"
	"slices"
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

	rules *Rules
	// hashes holds the hash of each model's name, at the model's index;
	// Finish sorts them to find repeated names. Models from index deduped
	// on have not been checked yet.
	hashes  []uint64
	deduped int
	seed    maphash.Seed
	orgs    map[string]*orgCell
	ctry    map[string]*countryCell
	doms    map[string]*domainCell
	access  map[string]accessCell
	strs    map[string]string
}

type orgCell struct {
	Affiliation
	unmapped []string
}

type countryCell struct {
	codes    []string
	unmapped []string
}

type domainCell struct {
	Topics
	unmapped []string
}

// intern returns one shared copy of a short, often repeated value.
func (d *Dataset) intern(s string) string {
	if v, ok := d.strs[s]; ok {
		return v
	}
	s = strings.Clone(s)
	if len(d.strs) < 1<<12 {
		d.strs[s] = s
	}
	return s
}

type accessCell struct {
	category, unmapped string
}

// NewDataset returns an empty dataset that normalizes with rules.
func NewDataset(rules *Rules) *Dataset {
	return &Dataset{
		Unmapped: map[string]map[string]int{},
		rules:    rules,
		seed:     maphash.MakeSeed(),
		orgs:     map[string]*orgCell{},
		ctry:     map[string]*countryCell{},
		doms:     map[string]*domainCell{},
		access:   map[string]accessCell{},
		strs:     map[string]string{},
	}
}

// Grow makes room for n more models, so that a large file does not copy
// its models over and over as it is read.
func (d *Dataset) Grow(n int) {
	if n > 0 {
		d.Models = slices.Grow(d.Models, n)
		d.hashes = slices.Grow(d.hashes, n)
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
		if _, ok := m[v]; !ok {
			v = strings.Clone(v)
		}
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
	// Cells are slices of the whole record as read; clone what is kept so
	// that a model does not pin its row's abstract and notes in memory.
	name = strings.Clone(name)
	m := Model{Name: name, Date: date, File: raw.File, Line: raw.Line}

	oc := d.orgCell(raw.Get(FieldOrganization))
	d.unmapped(KindOrganization, oc.unmapped)
	m.Affiliation = &oc.Affiliation

	cc := d.countryCell(raw.Get(FieldCountry))
	d.unmapped(KindCountry, cc.unmapped)
	m.Countries = cc.codes
	if len(m.Countries) == 0 && len(oc.Homes) > 0 {
		m.Countries, m.CountryFilled = oc.Homes, true
	}

	dc := d.domainCell(raw.Get(FieldDomain))
	d.unmapped(KindDomain, dc.unmapped)
	m.Topics = &dc.Topics

	m.Compute, m.HasCompute = d.parseCompute(raw)
	m.Confidence = d.intern(Clean(raw.Get(FieldConfidence)))
	m.Access = d.accessCategory(raw.Get(FieldAccessibility))

	d.hashes = append(d.hashes, maphash.String(d.seed, name))
	d.Models = append(d.Models, m)
}

// Finish drops the rows whose trimmed name repeats a name read before
// them (the first row with a name is the one counted) and lists them in
// Duplicates. Readers call it when a snapshot is read; Compute calls it too.
// Sorting name hashes once is much faster, for a million rows, than asking a
// map at every row.
func (d *Dataset) Finish() {
	n := len(d.Models)
	if d.deduped >= n {
		return
	}
	type entry struct {
		h uint64
		i int32
	}
	es := make([]entry, n)
	for i := range es {
		es[i] = entry{d.hashes[i], int32(i)}
	}
	slices.SortFunc(es, func(a, b entry) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	firstOf := map[int32]int32{} // duplicate index → index of the first row
	for start := 0; start < n; {
		end := start + 1
		for end < n && es[end].h == es[start].h {
			end++
		}
		for j := start + 1; j < end; j++ {
			if int(es[j].i) < d.deduped {
				continue // checked by an earlier Finish
			}
			for k := start; k < j; k++ {
				if d.Models[es[k].i].Name == d.Models[es[j].i].Name {
					firstOf[es[j].i] = es[k].i
					break
				}
			}
		}
		start = end
	}
	if len(firstOf) > 0 {
		kept := d.Models[:0:0]
		keptHashes := d.hashes[:0:0]
		kept = slices.Grow(kept, n-len(firstOf))
		keptHashes = slices.Grow(keptHashes, n-len(firstOf))
		for i := range d.Models {
			m := &d.Models[i]
			if first, dup := firstOf[int32(i)]; dup {
				fm := &d.Models[first]
				d.Duplicates = append(d.Duplicates, Duplicate{Name: m.Name, File: m.File, Line: m.Line, FirstFile: fm.File, FirstLine: fm.Line})
				continue
			}
			kept = append(kept, *m)
			keptHashes = append(keptHashes, d.hashes[i])
		}
		d.Models, d.hashes = kept, keptHashes
	}
	d.deduped = len(d.Models)
}

func (d *Dataset) parseCompute(raw *Raw) (float64, bool) {
	s := raw.Get(FieldCompute)
	if s == "" {
		return 0, false
	}
	v, ok := ParseNumber(s)
	if !ok && strings.TrimSpace(s) != "" {
		d.AddProblem(Problem{File: raw.File, Line: raw.Line, Message: "training compute " + strconv.Quote(s) + " is not a number; the model counts as having no compute"})
		return 0, false
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
		if p = Clean(p); p != "" {
			out = append(out, p)
		}
	}
	return dedupe(out)
}

// dedupe drops repeated values in place, keeping the first of each. Short
// lists (nearly every real cell) are scanned; long ones use a set, so that a
// hostile cell of many thousand values stays linear.
func dedupe(list []string) []string {
	out := list[:0]
	if len(list) <= 16 {
		for _, p := range list {
			if !contains(out, p) {
				out = append(out, p)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(list))
	for _, p := range list {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
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
	return dedupe(out)
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
	seen := map[string]bool{}
	for _, raw := range SplitOrganizations(cell) {
		raw = strings.Clone(raw) // kept in the cache: do not pin the record
		o, ok := d.rules.Organization(raw)
		if !ok {
			c.unmapped = append(c.unmapped, raw)
			o = Organization{Name: raw, Group: raw}
		}
		if seen[o.Name] {
			continue
		}
		seen[o.Name] = true
		c.Organizations = append(c.Organizations, o.Name)
		c.Groups = append(c.Groups, o.Group)
		c.Homes = appendUniq(c.Homes, o.Country)
		home := o.Country
		if g, ok := d.rules.Group(o.Group); ok && g.Country != "" {
			home = g.Country
		}
		c.GroupHomes = appendUniq(c.GroupHomes, home)
	}
	d.orgs[strings.Clone(cell)] = c
	return c
}

func (d *Dataset) countryCell(cell string) *countryCell {
	if c, ok := d.ctry[cell]; ok {
		return c
	}
	c := &countryCell{}
	for _, raw := range SplitList(cell) {
		raw = strings.Clone(raw)
		if co, ok := d.rules.Country(raw); ok {
			c.codes = append(c.codes, co.Code)
			continue
		}
		// An unknown spelling still counts, under its own name, so that
		// nothing silently disappears; it is listed as unmapped.
		c.unmapped = append(c.unmapped, raw)
		c.codes = append(c.codes, raw)
	}
	c.codes = dedupe(c.codes)
	d.ctry[strings.Clone(cell)] = c
	return c
}

func (d *Dataset) domainCell(cell string) *domainCell {
	if c, ok := d.doms[cell]; ok {
		return c
	}
	c := &domainCell{}
	for _, raw := range SplitList(cell) {
		raw = strings.Clone(raw)
		dom, ok := d.rules.Domain(raw)
		if !ok {
			c.unmapped = append(c.unmapped, raw)
			dom = Domain{Name: raw, Group: "Other"}
		}
		c.Domains = append(c.Domains, dom.Name)
		if dom.Name == MultimodalDomain {
			c.Multimodal = true
		}
		c.Groups = appendUniq(c.Groups, dom.Group)
	}
	c.Domains = dedupe(c.Domains)
	if len(c.Groups) == 0 {
		if len(c.Domains) == 0 {
			c.Groups = []string{DomainGroupUnknown}
		} else {
			// Only flag domains (Multimodal): the model still needs a group.
			c.Groups = []string{"Other"}
		}
	}
	d.doms[strings.Clone(cell)] = c
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
				c.unmapped = strings.Clone(v)
			}
		}
		d.access[strings.Clone(cell)] = c
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
