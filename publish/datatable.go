package publish

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// TableFormats are the formats `modelcensus table` and the API's table
// write a figure (census.Table) in.
var TableFormats = []string{"text", "json", "csv", "markdown"}

// LookupTableFormat finds a table format by name or alias ("md"), case
// ignored.
func LookupTableFormat(name string) (string, bool) {
	name = strings.ToLower(name)
	if name == "md" {
		name = "markdown"
	}
	return name, slices.Contains(TableFormats, name)
}

// labelled reports whether a dimension's values have names beside their
// codes (a country's name beside its ISO code), shown in a column of
// their own.
func labelled(dim string) bool {
	switch dim {
	case census.DimCountry, census.DimOrgCountry, census.DimRegion, census.DimSector, census.DimAccessibility,
		census.DimComputeStatus, census.DimDevelopment:
		return true
	}
	return false
}

// named reports whether a dimension's codes are words in English (Epoch's
// domains and their groups), which a table shows by their names in l
// instead of a column of names beside them.
func named(dim string) bool {
	return dim == census.DimDomain || dim == census.DimDomainGroup
}

// DataTable renders a figure in l: a column per dimension (its code), a
// column of names for dimensions whose codes have them, and the measure.
func DataTable(t *census.Table, title string, l i18n.Lang) Table {
	out := Table{ID: "table", Title: title}
	m, _ := census.LookupMeasure(t.Measure)
	for _, id := range t.By {
		d, _ := census.LookupDimension(id)
		out.Headers = append(out.Headers, d.Title.In(string(l)))
		out.Right = append(out.Right, id == census.DimYear)
		if labelled(id) {
			out.Headers = append(out.Headers, l.T("table.name"))
			out.Right = append(out.Right, false)
		}
	}
	out.Headers = append(out.Headers, m.Title.In(string(l)))
	out.Right = append(out.Right, true)
	for _, r := range t.Rows {
		var cells, raw []string
		for j, k := range r.Keys {
			if named(t.By[j]) {
				cells, raw = append(cells, t.Label(j, k, string(l))), append(raw, "")
				continue
			}
			cells, raw = append(cells, k), append(raw, "")
			if labelled(t.By[j]) {
				cells, raw = append(cells, t.Label(j, k, string(l))), append(raw, "")
			}
		}
		cells = append(cells, MeasureText(m, r, l))
		v := ""
		if !r.Missing {
			v = num(r.Value)
		}
		out.Rows, out.Raw = append(out.Rows, cells), append(out.Raw, append(raw, v))
	}
	if len(t.By) == 0 && len(out.Rows) > 0 {
		out.Headers = append([]string{""}, out.Headers...)
		out.Right = append([]bool{false}, out.Right...)
		out.Rows[0] = append([]string{l.T("table.all")}, out.Rows[0]...)
		out.Raw[0] = append([]string{""}, out.Raw[0]...)
	}
	return out
}

// MeasureText formats one value of a measure in l.
func MeasureText(m *census.Measure, r census.TableRow, l i18n.Lang) string {
	if r.Missing {
		return l.T("table.undefined")
	}
	switch m.Kind {
	case census.ValueShare:
		if m.ID == census.MeasureCAGR {
			return FormatPercent(r.Value)
		}
		return fmt.Sprintf("%.1f%%", r.Value*100)
	case census.ValueFLOP:
		return FormatFLOP(r.Value)
	}
	return FormatCount(r.Value)
}

// TableRulesLine names the rules a table was made under, in l: each rule's
// name in l and its value as the flag takes it.
func TableRulesLine(t *census.Table, l i18n.Lang) string {
	s := t.Settings
	parts := []string{l.T("table.period", s.From, s.To)}
	rule := func(key, value string) { parts = append(parts, l.T("rule."+key)+" "+value) }
	// In English a rule's value is written as its flag takes it; in Korean
	// by its Korean name, where the catalog has one (prefix + value).
	named := func(key, prefix, value string) {
		if l != i18n.EN && i18n.Has(prefix+value) {
			value = l.T(prefix + value)
		}
		rule(key, value)
	}
	if s.Subset != "" {
		named("subset", "subset.", s.Subset)
	}
	named("attribution", "opt.", string(s.Attribution))
	named("country_by", "opt.", string(s.CountryBy))
	named("org_level", "opt.", string(s.OrgLevel))
	named("multinational", "optmn.", s.Multinational)
	named("blank_country", "optbc.", s.BlankCountry)
	named("duplicates", "optdup.", s.Duplicates)
	if s.MinCompute > 0 {
		rule("min_compute", num(s.MinCompute))
	}
	if s.MinModels > 1 {
		rule("min_models", strconv.Itoa(s.MinModels))
	}
	if len(s.Merge) > 0 {
		var m []string
		for k, v := range s.Merge {
			m = append(m, k+"="+v)
		}
		slices.Sort(m)
		rule("merge", strings.Join(m, ", "))
	}
	if len(s.Filters) > 0 {
		parts = append(parts, l.T("table.filters", strings.Join(s.Filters, " AND ")))
	}
	if s.EstimateMissing {
		parts = append(parts, l.T("rule.estimate"))
	}
	return l.T("table.rules", strings.Join(parts, "; "))
}

// TableSourceLine names a table's source, in l.
func TableSourceLine(t *census.Table, l i18n.Lang) string {
	src := DisplayName(t.Source.Source)
	if len(t.Source.Files) == 1 {
		src = census.FileName(t.Source.Files[0].Name)
	}
	return l.T("table.source", src, t.Source.SnapshotDate, t.Source.Models)
}

// WriteDataTable writes a figure in format (see TableFormats), titled title,
// in l.
func WriteDataTable(w io.Writer, t *census.Table, format, title string, l i18n.Lang) error {
	switch format {
	case "json":
		return WriteJSONValue(w, t)
	case "csv":
		return writeTableCSV(w, t, l)
	case "markdown":
		var b bytes.Buffer
		if title != "" {
			b.WriteString("## " + MarkdownEscape(title) + "\n\n")
		}
		writeMarkdownTable(&b, DataTable(t, title, l), l)
		b.WriteString("\n" + MarkdownEscape(TableRulesLine(t, l)) + "  \n")
		b.WriteString(MarkdownEscape(l.T("table.selected", t.Total)) + "  \n")
		b.WriteString(MarkdownEscape(TableSourceLine(t, l)) + "\n")
		_, err := w.Write(b.Bytes())
		return err
	}
	var b bytes.Buffer
	if title != "" {
		b.WriteString(title + "\n")
	}
	writeAligned(&b, DataTable(t, title, l), l)
	b.WriteString("\n" + TableRulesLine(t, l) + "\n")
	b.WriteString(l.T("table.selected", t.Total) + "\n")
	b.WriteString(TableSourceLine(t, l) + "\n")
	_, err := w.Write(b.Bytes())
	return err
}

// writeTableCSV writes a figure as CSV: a column per dimension (codes),
// then one of names for each labelled or named dimension ("DIM_name", in l), then
// the measure at full precision (empty where undefined). The file begins
// with a UTF-8 byte-order mark.
func writeTableCSV(w io.Writer, t *census.Table, l i18n.Lang) error {
	if _, err := io.WriteString(w, UTF8BOM); err != nil {
		return err
	}
	cw := NewCSVWriter(w)
	var header []string
	for _, id := range t.By {
		header = append(header, id)
		if labelled(id) || named(id) {
			header = append(header, id+"_name")
		}
	}
	_ = cw.Write(append(header, t.Measure))
	for _, r := range t.Rows {
		var rec []string
		for j, k := range r.Keys {
			rec = append(rec, k)
			if labelled(t.By[j]) || named(t.By[j]) {
				rec = append(rec, t.Label(j, k, string(l)))
			}
		}
		v := ""
		if !r.Missing {
			v = num(r.Value)
		}
		_ = cw.Write(append(rec, v))
	}
	return cw.Flush()
}

// maxSeries caps the series of a chart by year and another dimension.
const maxSeries = 8

// TableChart draws a figure: one dimension as bars (years upright, other
// values lying, the first MaxBars), or year and one other dimension as a
// bar per year for each of the first maxSeries values of the other. ok is
// false for a figure it cannot draw (no dimension, or two without year).
func TableChart(t *census.Table, title string, l i18n.Lang) (Chart, bool) {
	m, _ := census.LookupMeasure(t.Measure)
	c := Chart{ID: "table", Title: title, Table: "table", Categories: []string{}}
	val := func(r census.TableRow) float64 {
		if r.Missing {
			return 0
		}
		return r.Value
	}
	switch len(t.By) {
	case 1:
		c.Kind = census.ChartHBar
		if t.By[0] == census.DimYear {
			c.Kind = census.ChartBar
		}
		s := ChartSeries{Name: m.Title.In(string(l)), Values: []float64{}}
		rows := t.Rows
		if c.Kind == census.ChartHBar && len(rows) > MaxBars {
			c.Title = strings.TrimSpace(c.Title + " " + l.T("chart.top_n", MaxBars, len(rows)))
			rows = rows[:MaxBars]
		}
		for _, r := range rows {
			c.Categories = append(c.Categories, t.Label(0, r.Keys[0], string(l)))
			s.Values = append(s.Values, val(r))
		}
		c.Series = []ChartSeries{s}
		return c, true
	case 2:
		yi := slices.Index(t.By, census.DimYear)
		if yi < 0 {
			return c, false
		}
		oi := 1 - yi
		c.Kind = census.ChartBar
		var years, others []string
		values := map[[2]string]float64{}
		for _, r := range t.Rows {
			y, o := r.Keys[yi], r.Keys[oi]
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
			if !slices.Contains(others, o) {
				others = append(others, o)
			}
			values[[2]string{y, o}] = val(r)
		}
		slices.Sort(years)
		if len(others) > maxSeries {
			others = others[:maxSeries]
		}
		c.Categories = years
		for _, o := range others {
			s := ChartSeries{Name: t.Label(oi, o, string(l)), Values: []float64{}}
			for _, y := range years {
				s.Values = append(s.Values, values[[2]string{y, o}])
			}
			c.Series = append(c.Series, s)
		}
		return c, true
	}
	return c, false
}
