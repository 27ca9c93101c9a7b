// Package xlsx writes the census as an Excel workbook with excelize: one
// sheet per table, each with a native Excel chart, plus the models and the
// method.
package xlsx

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// Sheet names of the workbook; they are kept short and the same in both
// languages (Excel limits names to 31 characters), so that formulas and
// scripts that refer to them work on either edition.
const (
	SheetPerYear       = "per_year"
	SheetCountries     = "countries"
	SheetCountriesLast = "countries_latest"
	SheetOrgsLatest    = "organizations_latest"
	SheetDomains       = "domains"
	SheetDomainsLatest = "domains_latest"
	SheetMultimodal    = "multimodal"
	SheetTopCompute    = "top_compute_latest"
	SheetModels        = "models"
	SheetMethod        = "method"
)

// Write writes the census as an Excel workbook: one sheet per table,
// each with a native Excel chart, a "models" sheet with every model's
// normalized and raw values, and a "method" sheet. Numbers are stored as
// numbers and dates as dates.
func Write(w io.Writer, d *publish.Document, l i18n.Lang, version string) error {
	r := d.Result
	f := excelize.NewFile()
	defer f.Close()
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: []excelize.Border{{Type: "bottom", Color: "333333", Style: 1}}})
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	sciStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.00E+00")})
	pctStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 10})

	type table struct {
		sheet, title string
		headers      []string
		rows         [][]any
		chart        excelize.ChartType
		valueCols    []int // columns charted as series (0-based)
		catCol       int
		styles       map[int]int // column → style
	}
	var tables []table
	py := table{sheet: SheetPerYear, title: l.T("h.per_year"), headers: []string{l.T("col.year"), l.T("col.count"), l.T("col.multimodal")},
		chart: excelize.Col, valueCols: []int{1}}
	for i, y := range r.PerYear {
		py.rows = append(py.rows, []any{y.Year, y.Count, r.MultimodalPerYear[i].Count})
	}
	tables = append(tables, py)
	country := func(sheet, title string, list []census.CountryCount, total int) table {
		t := table{sheet: sheet, title: title, headers: []string{l.T("col.code"), l.T("col.country"), l.T("col.count"), l.T("col.share")},
			chart: excelize.Bar, valueCols: []int{2}, catCol: 1, styles: map[int]int{3: pctStyle}}
		for _, c := range list {
			share := any(nil)
			if total > 0 {
				share = c.Count / float64(total)
			}
			t.rows = append(t.rows, []any{c.Code, publish.CountryName(c, l), c.Count, share})
		}
		return t
	}
	latest := 0
	if n := len(r.PerYear); n > 0 {
		latest = r.PerYear[n-1].Count
	}
	tables = append(tables,
		country(SheetCountries, l.T("h.countries", r.Period.From, r.Period.To), r.Countries, r.Total),
		country(SheetCountriesLast, l.T("h.countries_latest", r.Period.To), r.CountriesLatest, latest))
	names := func(sheet, title, header string, list []census.NameCount, label func(string) string) table {
		t := table{sheet: sheet, title: title, headers: []string{header, l.T("col.count")}, chart: excelize.Bar, valueCols: []int{1}}
		for _, x := range list {
			t.rows = append(t.rows, []any{label(x.Name), x.Count})
		}
		return t
	}
	orgHeader := l.T("col.group")
	if r.Settings.OrgLevel == census.OrgLevelOrganization {
		orgHeader = l.T("col.organization")
	}
	same := func(s string) string { return s }
	dg := func(s string) string { return publish.DomainGroupName(s, l) }
	tables = append(tables,
		names(SheetOrgsLatest, l.T("h.orgs_latest", r.Period.To), orgHeader, r.OrganizationsLatest, same),
		names(SheetDomains, l.T("h.domains", r.Period.From, r.Period.To), l.T("col.domain"), r.Domains, dg),
		names(SheetDomainsLatest, l.T("h.domains_latest", r.Period.To), l.T("col.domain"), r.DomainsLatest, dg))
	mm := table{sheet: SheetMultimodal, title: l.T("h.multimodal"), headers: []string{l.T("col.year"), l.T("col.multimodal"), l.T("col.count")},
		chart: excelize.Col, valueCols: []int{1}}
	for i, y := range r.MultimodalPerYear {
		mm.rows = append(mm.rows, []any{y.Year, y.Count, r.PerYear[i].Count})
	}
	tables = append(tables, mm)
	top := table{sheet: SheetTopCompute, title: l.T("h.top", r.Period.To),
		headers: []string{l.T("col.rank"), l.T("col.model"), l.T("col.organization"), l.T("col.date"), l.T("col.flop"), l.T("col.confidence")},
		chart:   excelize.Bar, valueCols: []int{4}, catCol: 1, styles: map[int]int{3: dateStyle, 4: sciStyle}}
	for i, m := range r.TopComputeLatest {
		var date any = m.Date
		if t, err := time.Parse("2006-01-02", m.Date); err == nil {
			date = t
		}
		top.rows = append(top.rows, []any{i + 1, m.Model, m.Organization, date, m.FLOP, m.Confidence})
	}
	tables = append(tables, top)

	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.sheet); err != nil {
			return err
		}
		f.SetCellValue(t.sheet, "A1", t.title)
		f.SetCellStyle(t.sheet, "A1", "A1", bold)
		f.SetSheetRow(t.sheet, "A2", &t.headers)
		last, _ := excelize.CoordinatesToCellName(len(t.headers), 2)
		f.SetCellStyle(t.sheet, "A2", last, bold)
		for j, row := range t.rows {
			cell, _ := excelize.CoordinatesToCellName(1, j+3)
			if err := f.SetSheetRow(t.sheet, cell, &row); err != nil {
				return err
			}
			for col, st := range t.styles {
				c, _ := excelize.CoordinatesToCellName(col+1, j+3)
				f.SetCellStyle(t.sheet, c, c, st)
			}
		}
		f.SetColWidth(t.sheet, "A", "A", 14)
		f.SetColWidth(t.sheet, "B", "C", 28)
		f.SetColWidth(t.sheet, "D", "F", 16)
		if len(t.rows) == 0 {
			continue
		}
		n := len(t.rows)
		if t.chart == excelize.Bar && n > publish.MaxBars {
			n = publish.MaxBars
		}
		ch := &excelize.Chart{Type: t.chart, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t.title}}},
			Legend: excelize.ChartLegend{Position: "none"}, Dimension: excelize.ChartDimension{Width: 640, Height: 360}}
		if t.chart == excelize.Bar {
			ch.YAxis.ReverseOrder = true
			ch.Dimension.Height = uint(max(360, 24*n+80))
		}
		for _, vc := range t.valueCols {
			col, _ := excelize.ColumnNumberToName(vc + 1)
			cat, _ := excelize.ColumnNumberToName(t.catCol + 1)
			ch.Series = append(ch.Series, excelize.ChartSeries{
				Name:       fmt.Sprintf("'%s'!$%s$2", t.sheet, col),
				Categories: fmt.Sprintf("'%s'!$%s$3:$%s$%d", t.sheet, cat, cat, n+2),
				Values:     fmt.Sprintf("'%s'!$%s$3:$%s$%d", t.sheet, col, col, n+2),
			})
		}
		anchor, _ := excelize.CoordinatesToCellName(len(t.headers)+2, 2)
		if err := f.AddChart(t.sheet, anchor, ch); err != nil {
			return fmt.Errorf("chart %s: %w", t.sheet, err)
		}
	}

	if err := writeModelsSheet(f, d, l, bold, dateStyle, sciStyle); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetMethod); err != nil {
		return err
	}
	lines := [][]any{{l.T("h.method")}}
	lines = append(lines, []any{l.T("method.snapshot", r.Source.SnapshotDate, publish.BasisText(r.Source.DateBasis, r.Source.DatePath, l))})
	lines = append(lines, []any{l.T("method.names", r.Settings.RulesVersion)})
	for _, s := range publish.SourceLines(r, l) {
		lines = append(lines, []any{s})
	}
	lines = append(lines, []any{""}, []any{l.T("h.notes")})
	for _, n := range r.Notes {
		lines = append(lines, []any{publish.NoteText(n, l), strings.Join(n.Items, "; ")})
	}
	lines = append(lines, []any{""}, []any{l.T("method.generated", version)})
	for i, row := range lines {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(SheetMethod, cell, &row)
	}
	f.SetCellStyle(SheetMethod, "A1", "A1", bold)
	f.SetColWidth(SheetMethod, "A", "A", 110)
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

func writeModelsSheet(f *excelize.File, d *publish.Document, l i18n.Lang, bold, dateStyle, sciStyle int) error {
	if _, err := f.NewSheet(SheetModels); err != nil {
		return err
	}
	headers := []string{
		l.T("col.model"), l.T("col.date"), l.T("col.year"), l.T("col.organization"), l.T("col.group"),
		l.T("col.country"), l.T("col.domain"), l.T("col.multimodal"), l.T("col.flop"), l.T("col.confidence"),
		l.T("col.category"), "in_census",
	}
	for _, fld := range publish.RawFields {
		headers = append(headers, "raw: "+string(fld))
	}
	headers = append(headers, "file", "line")
	sw, err := f.NewStreamWriter(SheetModels)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	hdr := make([]any, len(headers))
	for i, h := range headers {
		hdr[i] = excelize.Cell{Value: h, StyleID: bold}
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return err
	}
	for i := range d.Models {
		m := &d.Models[i]
		var date any = m.Date.String()
		if m.Date.Month > 0 && m.Date.Day > 0 {
			date = excelize.Cell{Value: time.Date(m.Date.Year, time.Month(m.Date.Month), m.Date.Day, 0, 0, 0, 0, time.UTC), StyleID: dateStyle}
		}
		var flop any
		if m.HasFLOP {
			flop = excelize.Cell{Value: m.FLOP, StyleID: sciStyle}
		}
		row := []any{m.Name, date, m.Date.Year, strings.Join(m.Organizations, ", "), strings.Join(m.Groups, ", "),
			strings.Join(m.Countries, ", "), strings.Join(m.DomainGroups, ", "), m.Multimodal, flop, m.Confidence,
			m.Access, d.InPeriod(m)}
		for _, fld := range publish.RawFields {
			row = append(row, m.Raw[fld])
		}
		row = append(row, m.File, m.Line)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func ptr[T any](v T) *T { return &v }
