package census

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Mapping is one raw value and what the rules make of it: for a rule
// table, its entry; for a source, a value found in it, with the rows that
// hold it (0 for a column name).
type Mapping struct {
	Kind   string `json:"kind"`
	Raw    string `json:"raw"`
	MapsTo string `json:"maps_to"`
	Detail string `json:"detail,omitempty"`
	Rows   int    `json:"rows,omitempty"`
	Mapped bool   `json:"mapped"`
}

// RuleKinds are the kinds of raw value the rules map, in the order they
// are listed: columns, countries, organizations, domains, accessibility
// and hardware.
func RuleKinds() []string {
	return []string{KindColumn, KindCountry, KindOrganization, KindDomain, KindAccessibility, KindHardware}
}

// kindOrder is a kind's place in RuleKinds, past the end for another.
func kindOrder(k string) int {
	if i := slices.Index(RuleKinds(), k); i >= 0 {
		return i
	}
	return len(RuleKinds())
}

// ValueCounter counts the raw values of a source, by kind, as its rows and
// headers are read, and maps them (Mappings).
type ValueCounter struct {
	rules  *Rules
	counts map[string]map[string]int // kind (a column's: KindColumn, NUL, its field) → raw → rows
}

// NewValueCounter returns an empty counter that maps by r.
func NewValueCounter(r *Rules) *ValueCounter {
	return &ValueCounter{rules: r, counts: map[string]map[string]int{}}
}

func (c *ValueCounter) add(kind, v string) {
	if c.counts[kind] == nil {
		c.counts[kind] = map[string]int{}
	}
	c.counts[kind][v]++
}

// Add counts a row's organizations, countries, domains, accessibility and
// hardware, each value of a list apart.
func (c *ValueCounter) Add(raw *Raw) {
	for _, v := range SplitOrganizations(raw.Get(FieldOrganization)) {
		c.add(KindOrganization, v)
	}
	for _, v := range SplitList(raw.Get(FieldCountry)) {
		c.add(KindCountry, v)
	}
	for _, v := range SplitList(raw.Get(FieldDomain)) {
		c.add(KindDomain, v)
	}
	if v := Clean(raw.Get(FieldAccessibility)); v != "" {
		c.add(KindAccessibility, v)
	}
	for _, v := range SplitList(raw.Get(FieldHardware)) {
		c.add(KindHardware, v)
	}
}

// AddHeader counts a file's column names, each with the field it is read
// as, if any.
func (c *ValueCounter) AddHeader(header []string) {
	for _, h := range header {
		if fld, ok := c.rules.Column(h); ok {
			c.add(KindColumn+"\x00"+string(fld), h)
		} else {
			c.add(KindColumn+"\x00", h)
		}
	}
}

// Mappings is every value counted and what the rules map it to, by kind
// (RuleKinds' order), then the columns the census reads before the
// others, then the rows that hold a value (most first), then the value.
// A column the census does not read maps to "-" and counts as mapped:
// only the fields it reads need a rule.
func (c *ValueCounter) Mappings() []Mapping {
	r := c.rules
	var out []Mapping
	for key, m := range c.counts {
		for raw, n := range m {
			mp := Mapping{Raw: raw, Rows: n}
			switch {
			case strings.HasPrefix(key, KindColumn+"\x00"):
				mp.Kind, mp.Rows = KindColumn, 0
				mp.MapsTo = strings.TrimPrefix(key, KindColumn+"\x00")
				mp.Mapped = true
				if mp.MapsTo == "" {
					mp.MapsTo = "-"
				}
			case key == KindOrganization:
				mp.Kind = key
				if org, ok := r.Organization(raw); ok {
					mp.MapsTo, mp.Detail, mp.Mapped = org.Name, org.Group+" "+org.Country, true
				}
			case key == KindCountry:
				mp.Kind = key
				if c, ok := r.Country(raw); ok {
					mp.MapsTo, mp.Detail, mp.Mapped = c.Code, c.Name, true
				}
			case key == KindDomain:
				mp.Kind = key
				if d, ok := r.Domain(raw); ok {
					mp.MapsTo, mp.Mapped = d.Group, true
					if d.Group == "" {
						mp.MapsTo = "(multimodal flag)"
					}
				}
			case key == KindAccessibility:
				mp.Kind = key
				if c, ok := r.Access(raw); ok {
					mp.MapsTo, mp.Mapped = c, true
				}
			case key == KindHardware:
				mp.Kind = key
				if c, ok := r.HardwareChip(raw); ok {
					mp.MapsTo, mp.Mapped = c.Name, true
					if peak, prec, ok := c.Peak(); ok {
						mp.Detail = fmt.Sprintf("%.4g FLOP/s %s", peak, prec)
					}
				}
			}
			out = append(out, mp)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Kind != b.Kind {
			return kindOrder(a.Kind) < kindOrder(b.Kind)
		}
		if ua, ub := a.MapsTo == "-", b.MapsTo == "-"; ua != ub {
			return ub // columns the census reads first
		}
		if a.Rows != b.Rows {
			return a.Rows > b.Rows
		}
		return a.Raw < b.Raw
	})
	return out
}

// FilterMappings keeps the mappings of kind ("" for every kind) and, when
// unmappedOnly, those the rules do not map; never nil.
func FilterMappings(maps []Mapping, kind string, unmappedOnly bool) []Mapping {
	keep := []Mapping{}
	for _, m := range maps {
		if (kind == "" || m.Kind == kind) && (!unmappedOnly || !m.Mapped) {
			keep = append(keep, m)
		}
	}
	return keep
}
