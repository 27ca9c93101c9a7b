package publish

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// RulesTitle is the heading, in l, of the rule tables r: their version
// and where they come from, the folder dir that --rules named or, for "",
// the tables embedded in the program.
func RulesTitle(r *census.Rules, dir string, l i18n.Lang) string {
	origin := l.T("rules.embedded")
	if dir != "" {
		origin = dir
	}
	return l.T("rules.version", r.Version, origin)
}

// RuleMappings lists the rule tables themselves, with details in l: a
// country's or domain's Korean name in Korean, an organization's home
// country and sector, a chip's peak throughput.
func RuleMappings(r *census.Rules, l i18n.Lang) []census.Mapping {
	ko := func(name string) string {
		if l == i18n.KO {
			return name
		}
		return ""
	}
	var out []census.Mapping
	for _, f := range census.Fields {
		for _, a := range r.ColumnAliases(f) {
			out = append(out, census.Mapping{Kind: census.KindColumn, Raw: a, MapsTo: string(f), Mapped: true})
		}
	}
	for _, c := range r.Countries {
		out = append(out, census.Mapping{Kind: census.KindCountry, Raw: c.Name, MapsTo: c.Code, Detail: ko(c.NameKo), Mapped: true})
	}
	for _, o := range r.Organizations {
		sector := o.Sector
		if i18n.Has("sector." + sector) {
			sector = l.T("sector." + sector)
		}
		out = append(out, census.Mapping{Kind: census.KindOrganization, Raw: o.Name, MapsTo: o.Group, Detail: strings.TrimSpace(o.Country + " " + sector), Mapped: true})
	}
	for _, d := range r.Domains {
		out = append(out, census.Mapping{Kind: census.KindDomain, Raw: d.Name, MapsTo: d.Group, Detail: ko(d.NameKo), Mapped: true})
	}
	for _, c := range r.Hardware {
		m := census.Mapping{Kind: census.KindHardware, Raw: c.Name, Detail: c.Type, Mapped: true}
		if peak, precision, ok := c.Peak(); ok {
			m.MapsTo = FormatFLOP(peak) + " FLOP/s (" + precision + ")"
		}
		out = append(out, m)
	}
	acc := r.AccessTable()
	keys := make([]string, 0, len(acc))
	for k := range acc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, census.Mapping{Kind: census.KindAccessibility, Raw: k, MapsTo: acc[k], Mapped: true})
	}
	return out
}

// WriteMappingsAs writes maps to b in format, one of "json", "csv" and
// "text" (anything else): the JSON value, WriteMappingsCSV, or
// WriteMappings with title, withRows and unmappedOnly.
func WriteMappingsAs(b *bytes.Buffer, format string, l i18n.Lang, title string, maps []census.Mapping, withRows, unmappedOnly bool) {
	switch format {
	case "json":
		_ = WriteJSONValue(b, maps)
	case "csv":
		WriteMappingsCSV(b, maps)
	default:
		WriteMappings(b, l, title, maps, withRows, unmappedOnly)
	}
}

// WriteMappingsCSV writes mappings as CSV: kind, raw, maps_to, detail,
// rows, mapped.
func WriteMappingsCSV(b *bytes.Buffer, maps []census.Mapping) {
	w := NewCSVWriter(b)
	_ = w.Write([]string{"kind", "raw", "maps_to", "detail", "rows", "mapped"})
	for _, m := range maps {
		_ = w.Write([]string{m.Kind, m.Raw, m.MapsTo, m.Detail, strconv.Itoa(m.Rows), strconv.FormatBool(m.Mapped)})
	}
	w.Flush()
}

// WriteMappings writes mappings as text in l under title: a table per
// kind, with a Details column only where a row has one, and, for a
// source's values (withRows), the rows that hold each value and how many
// no rule maps. unmappedOnly says that only unmapped values were asked
// for, so that none is worth a line.
func WriteMappings(buf *bytes.Buffer, l i18n.Lang, title string, maps []census.Mapping, withRows, unmappedOnly bool) {
	buf.WriteString(title + "\n")
	if unmappedOnly && len(maps) == 0 {
		buf.WriteString("\n" + l.T("rules.unmapped.none") + "\n")
		return
	}
	for _, kind := range census.RuleKinds() {
		details := false
		for _, m := range maps {
			details = details || (m.Kind == kind && m.Detail != "")
		}
		t := Table{Title: l.T("kind." + kind), Headers: []string{l.T("col.raw"), l.T("col.maps_to")}, Right: []bool{false, false}}
		if details {
			t.Headers = append(t.Headers, l.T("col.detail"))
			t.Right = append(t.Right, false)
		}
		withCount := withRows && kind != census.KindColumn
		if withCount {
			t.Headers = append(t.Headers, l.T("col.rows"))
			t.Right = append(t.Right, true)
		}
		unmapped := 0
		for _, m := range maps {
			if m.Kind != kind {
				continue
			}
			to := m.MapsTo
			if !m.Mapped {
				to = l.T("unmapped.tag")
				unmapped++
			}
			row := []string{m.Raw, to}
			if details {
				row = append(row, m.Detail)
			}
			if withCount {
				row = append(row, strconv.Itoa(m.Rows))
			}
			t.Rows = append(t.Rows, row)
		}
		if len(t.Rows) == 0 {
			continue
		}
		buf.WriteString("\n")
		if withRows && unmapped > 0 {
			buf.WriteString(l.T("rules.unmapped", l.T("kind."+kind), unmapped) + "\n")
		}
		WriteTable(buf, t, l)
	}
}
