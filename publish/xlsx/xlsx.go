package xlsx

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// Sheet names of the workbook besides one per census figure (named by the
// figure's id: per_year, countries, …, notes). They are kept short and the
// same in both languages (Excel limits names to 31 characters), so that
// formulas and scripts that refer to them work on either edition.
const (
	SheetModels = "models"
	SheetMethod = "method"
)

// sheet names the models and method sheets in l: SheetModels and
// SheetMethod in English, 모델 and 방법 in Korean.
func sheet(name string, l i18n.Lang) string {
	if l != i18n.KO {
		return name
	}
	return map[string]string{SheetModels: "모델", SheetMethod: "방법"}[name]
}

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
	// An estimated figure stays a number, shown with census.EstimateMark.
	estStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(`0.00E+00"` + census.EstimateMark + `"`)})
	noteStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "555555"}})
	pctStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 10})

	type table struct {
		sheet, title string
		headers      []string
		rows         [][]any
		chart        excelize.ChartType
		valueCols    []int // columns charted as series (0-based)
		catCol       int
		styles       map[int]int // column → style
		marked       map[[2]int]bool
		footnote     string
	}
	// A sheet for every figure of the census, in report order.
	var tables []table
	cagr := "–"
	if r.CAGR != nil {
		cagr = publish.FormatPercent(*r.CAGR)
	}
	for _, fig := range r.Figures() {
		t := table{sheet: sheetName(fig, r, l), title: fig.Text(fig.Title, string(l), r, cagr), styles: map[int]int{}, marked: map[[2]int]bool{}}
		cols := fig.ColumnsFor(r)
		for j, c := range cols {
			t.headers = append(t.headers, fig.Text(c.Title, string(l), r, ""))
			switch c.Kind {
			case census.ValueShare:
				t.styles[j] = pctStyle
			case census.ValueFLOP:
				t.styles[j] = sciStyle
			case census.ValueDate:
				t.styles[j] = dateStyle
			}
			if c.ID == fig.Label {
				t.catCol = j
			}
			if c.ID == fig.Value || (fig.Chart == census.ChartScatter && c.Kind == census.ValueFLOP) {
				t.valueCols = []int{j}
			}
		}
		switch fig.Chart {
		case census.ChartBar:
			t.chart = excelize.Col
		case census.ChartHBar:
			t.chart = excelize.Bar
		case census.ChartScatter:
			// In a workbook, the year's largest runs as bars, by model.
			t.chart = excelize.Bar
			for j, c := range cols {
				if c.ID == "name" {
					t.catCol = j
				}
			}
		default:
			t.valueCols = nil
		}
		for _, row := range fig.RowsFor(r) {
			if row.Total {
				continue // a sum in a sheet of numbers would count twice
			}
			cells := make([]any, len(row.Cells))
			for j, v := range row.Cells {
				cells[j] = cellValue(cols[j].Kind, v, r, l)
				if v.Estimated {
					t.marked[[2]int{len(t.rows), j}] = true
					t.footnote = publish.EstimateFootnote(l)
				}
			}
			t.rows = append(t.rows, cells)
		}
		tables = append(tables, t)
	}

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
				if t.marked[[2]int{j, col}] {
					st = estStyle
				}
				f.SetCellStyle(t.sheet, c, c, st)
			}
		}
		if t.footnote != "" {
			c, _ := excelize.CoordinatesToCellName(1, len(t.rows)+4)
			f.SetCellValue(t.sheet, c, t.footnote)
			f.SetCellStyle(t.sheet, c, c, noteStyle)
		}
		f.SetColWidth(t.sheet, "A", "A", 14)
		f.SetColWidth(t.sheet, "B", "C", 28)
		f.SetColWidth(t.sheet, "D", "F", 16)
		if len(t.rows) == 0 || len(t.valueCols) == 0 {
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

	if err := writeModelsSheet(f, d, l, bold, dateStyle, sciStyle, estStyle); err != nil {
		return err
	}
	if err := writeThresholdSheets(f, d, l, bold, sciStyle); err != nil {
		return err
	}
	method := sheet(SheetMethod, l)
	if _, err := f.NewSheet(method); err != nil {
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
		f.SetSheetRow(method, cell, &row)
	}
	f.SetCellStyle(method, "A1", "A1", bold)
	f.SetColWidth(method, "A", "A", 110)
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// sheetName names a figure's sheet: its id in English (stable, for
// formulas and scripts), its Korean title in Korean, cut to the 31
// characters Excel allows and without the characters it forbids.
func sheetName(f census.Figure, r *census.Result, l i18n.Lang) string {
	if l != i18n.KO {
		return f.ID
	}
	name := strings.Map(func(c rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, c) {
			return ' '
		}
		return c
	}, f.Text(f.Title, string(l), r, ""))
	if rs := []rune(name); len(rs) > 31 {
		name = string(rs[:31])
	}
	return name
}

// cellValue is a figure's value as a workbook cell: numbers as numbers,
// full dates as dates, names in l.
func cellValue(kind census.ValueKind, v census.Value, r *census.Result, l i18n.Lang) any {
	switch kind {
	case census.ValueYear, census.ValueRank:
		return int(v.Num)
	case census.ValueCount, census.ValueFLOP:
		return v.Num
	case census.ValueShare:
		if v.Missing {
			return nil
		}
		return v.Num
	case census.ValueDate:
		if t, err := time.Parse("2006-01-02", v.Text); err == nil {
			return t
		}
		return v.Text
	case census.ValueNote:
		for _, n := range r.Notes {
			if n.Code == v.Text {
				return publish.NoteText(n, l)
			}
		}
	}
	return publish.ValueText(kind, v, l)
}

func writeModelsSheet(f *excelize.File, d *publish.Document, l i18n.Lang, bold, dateStyle, sciStyle, estStyle int) error {
	estimating := d.Result.Settings.EstimateMissing
	models := sheet(SheetModels, l)
	if _, err := f.NewSheet(models); err != nil {
		return err
	}
	headers := []string{
		l.T("col.model"), l.T("col.date"), l.T("col.year"), l.T("col.organization"), l.T("col.group"),
		l.T("col.country"), l.T("col.domain"), l.T("col.multimodal"), l.T("col.flop"), l.T("col.confidence"),
		l.T("col.category"), l.T("col.in_census"),
	}
	for _, fld := range publish.RawFields {
		headers = append(headers, l.T("col.raw_of", publish.FieldName(string(fld), l)))
	}
	headers = append(headers, l.T("col.file"), l.T("col.line"))
	if estimating {
		headers = append(headers, l.T("col.figure"))
	}
	curating := d.Result.Overlay != nil
	if curating {
		headers = append(headers, l.T("col.curated"))
	}
	sw, err := f.NewStreamWriter(models)
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
			if m.Estimated {
				flop = excelize.Cell{Value: m.FLOP, StyleID: estStyle}
			}
		}
		groups := make([]string, len(m.DomainGroups))
		for j, g := range m.DomainGroups {
			groups[j] = publish.DomainGroupName(g, l)
		}
		row := []any{m.Name, date, m.Date.Year, strings.Join(m.Organizations, ", "), strings.Join(m.Groups, ", "),
			strings.Join(m.Countries, ", "), strings.Join(groups, ", "), m.Multimodal, flop, publish.ConfidenceName(m.Confidence, l),
			publish.AccessName(m.Access, l), d.InPeriod(m)}
		for _, fld := range publish.RawFields {
			row = append(row, m.Raw[fld])
		}
		row = append(row, publish.DisplayName(m.File), m.Line)
		if estimating {
			fig := ""
			if m.HasFLOP {
				fig = publish.MethodName(m.Method, l)
			}
			row = append(row, fig)
		}
		if curating {
			cur := publish.CuratedText(m.Curated, l)
			if m.Excluded != "" {
				cur += "; " + l.T("xlsx.excluded", m.Excluded)
			}
			row = append(row, cur)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func ptr[T any](v T) *T { return &v }

// Register adds the Excel workbook format ("xlsx") to r.
func Register(r *publish.Registry) {
	r.Register(publish.Format{Name: publish.FormatXLSX, Aliases: []string{"excel"}, Ext: "xlsx",
		MIME:   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		Binary: true, Models: true,
		Report: func(_ context.Context, w io.Writer, d *publish.Document, o publish.Options) error {
			return Write(w, d, o.Lang, o.Version)
		},
		Recipe: func(_ context.Context, w io.Writer, d *publish.RecipeDocument, o publish.Options) error {
			return WriteRecipe(w, d, o.Lang)
		}})
}
