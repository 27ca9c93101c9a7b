package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// WriteRecipe writes a recipe's figures as a workbook: a sheet per
// figure (named by its id), its title, the table with numbers kept as
// numbers, the rules line and the note, and a native chart for a figure
// of one dimension that the recipe draws; then the thresholds and trend
// sheets when d has them (as the recipe asks, or report --thresholds).
func WriteRecipe(w io.Writer, d *publish.RecipeDocument, l i18n.Lang) error {
	tables := d.Tables
	f := excelize.NewFile()
	defer f.Close()
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: []excelize.Border{{Type: "bottom", Color: "333333", Style: 1}}})
	noteStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "555555"}})
	pctStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	sciStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.00E+00")})
	used := map[string]bool{}
	for i, rt := range tables {
		name := sheetID(rt.Figure.ID, used)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		t := publish.DataTable(rt.Table, "", l)
		title := rt.Figure.ID + ". " + rt.Figure.Title.In(string(l))
		f.SetCellValue(name, "A1", title)
		f.SetCellStyle(name, "A1", "A1", bold)
		f.SetSheetRow(name, "A2", &t.Headers)
		last, _ := excelize.CoordinatesToCellName(len(t.Headers), 2)
		f.SetCellStyle(name, "A2", last, bold)
		m, _ := census.LookupMeasure(rt.Table.Measure)
		valueCol := len(t.Headers) - 1
		for j, row := range t.Rows {
			cells := make([]any, len(row))
			for k, c := range row {
				cells[k] = c
				if raw := t.Raw[j][k]; raw != "" {
					var v float64
					if _, err := fmt.Sscan(raw, &v); err == nil {
						cells[k] = v
					}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, j+3)
			if err := f.SetSheetRow(name, cell, &cells); err != nil {
				return err
			}
			vc, _ := excelize.CoordinatesToCellName(valueCol+1, j+3)
			switch m.Kind {
			case census.ValueShare:
				f.SetCellStyle(name, vc, vc, pctStyle)
			case census.ValueFLOP:
				f.SetCellStyle(name, vc, vc, sciStyle)
			}
		}
		below := len(t.Rows) + 4
		for _, line := range []string{rt.Figure.Note.In(string(l)), publish.TableRulesLine(rt.Table, l), publish.TableSourceLine(rt.Table, l)} {
			if line == "" {
				continue
			}
			c, _ := excelize.CoordinatesToCellName(1, below)
			f.SetCellValue(name, c, line)
			f.SetCellStyle(name, c, c, noteStyle)
			below++
		}
		f.SetColWidth(name, "A", "A", 18)
		f.SetColWidth(name, "B", "D", 24)
		if rt.Figure.Chart == census.ChartNone || len(rt.Table.By) != 1 || len(t.Rows) == 0 {
			continue
		}
		kind := excelize.Bar
		if rt.Table.By[0] == census.DimYear {
			kind = excelize.Col
		}
		n := len(t.Rows)
		if kind == excelize.Bar && n > publish.MaxBars {
			n = publish.MaxBars
		}
		catCol := 1 // the names where the dimension has them, else the codes
		if len(t.Headers) > 2 {
			catCol = 2
		}
		cat, _ := excelize.ColumnNumberToName(catCol)
		col, _ := excelize.ColumnNumberToName(valueCol + 1)
		ch := &excelize.Chart{Type: kind, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
			Legend: excelize.ChartLegend{Position: "none"}, Dimension: excelize.ChartDimension{Width: 640, Height: 360},
			Series: []excelize.ChartSeries{{
				Name:       fmt.Sprintf("'%s'!$%s$2", name, col),
				Categories: fmt.Sprintf("'%s'!$%s$3:$%s$%d", name, cat, cat, n+2),
				Values:     fmt.Sprintf("'%s'!$%s$3:$%s$%d", name, col, col, n+2),
			}}}
		if kind == excelize.Bar {
			ch.YAxis.ReverseOrder = true
			ch.Dimension.Height = uint(max(360, 24*n+80))
		}
		anchor, _ := excelize.CoordinatesToCellName(len(t.Headers)+2, 2)
		if err := f.AddChart(name, anchor, ch); err != nil {
			return fmt.Errorf("chart %s: %w", name, err)
		}
	}
	if err := writeThresholdSheets(f, &publish.Document{Thresholds: d.Thresholds, Trend: d.Trend}, l, bold, sciStyle); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// sheetID names a figure's sheet: its id without the characters Excel
// refuses, cut to 31 characters, made unique.
func sheetID(id string, used map[string]bool) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '-'
		}
		return r
	}, id)
	if s == "" {
		s = "figure"
	}
	if len([]rune(s)) > 28 {
		s = string([]rune(s)[:28])
	}
	base := s
	for n := 2; used[strings.ToLower(s)]; n++ {
		s = fmt.Sprintf("%s-%d", base, n)
	}
	used[strings.ToLower(s)] = true
	return s
}
