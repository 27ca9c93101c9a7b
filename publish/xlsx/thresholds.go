package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// Sheet names of the thresholds and the trend, when the document has them
// (report --thresholds).
const (
	SheetThresholds = "thresholds"
	SheetTrend      = "trend"
)

// thresholdSheetName names the thresholds and trend sheets in l.
func thresholdSheetName(name string, l i18n.Lang) string {
	if l != i18n.KO {
		return name
	}
	return map[string]string{SheetThresholds: "연산량 기준", SheetTrend: "증가 추세"}[name]
}

// writeThresholdSheets adds the "thresholds" sheet (each line's series by
// year, its models and those approaching, then the cumulative compute
// that differs from Epoch's) and the "trend" sheet, when d has them.
// Counts and FLOP are numbers; an estimate or a lineage count keeps its
// mark in a column of its own.
func writeThresholdSheets(f *excelize.File, d *publish.Document, l i18n.Lang, bold, sciStyle int) error {
	if res := d.Thresholds; res != nil {
		name := thresholdSheetName(SheetThresholds, l)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		row := 1
		put := func(cells []any, style int) {
			cell, _ := excelize.CoordinatesToCellName(1, row)
			f.SetSheetRow(name, cell, &cells)
			if style != 0 {
				last, _ := excelize.CoordinatesToCellName(max(1, len(cells)), row)
				f.SetCellStyle(name, cell, last, style)
			}
			row++
		}
		for _, t := range publish.ThresholdTables(res, l) {
			put([]any{t.Title}, bold)
			headers := make([]any, len(t.Headers))
			for i, h := range t.Headers {
				headers[i] = h
			}
			put(headers, bold)
			for _, r := range t.Rows {
				cells := make([]any, len(r))
				for j, c := range r {
					cells[j] = c
					if j < len(t.Right) && t.Right[j] {
						v := strings.TrimRight(strings.TrimPrefix(c, "+"), "*†")
						if x, err := strconv.ParseFloat(v, 64); err == nil {
							cells[j] = x
							if x >= 1e6 {
								cn, _ := excelize.CoordinatesToCellName(j+1, row)
								f.SetCellStyle(name, cn, cn, sciStyle)
							}
						}
						if mark := strings.TrimLeft(c, "+0123456789.e-"); mark != "" && mark != c {
							cells = append(cells, mark)
						}
					}
				}
				put(cells, 0)
			}
			for _, fn := range t.Footnotes {
				put([]any{fn}, 0)
			}
			row++
		}
		f.SetColWidth(name, "A", "A", 28)
		f.SetColWidth(name, "B", "C", 22)
		f.SetColWidth(name, "D", "G", 16)
	}
	if t := d.Trend; t != nil {
		name := thresholdSheetName(SheetTrend, l)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		rows := [][]any{
			{l.T("trend.title")},
			{"n", t.N},
			{"growth_per_year", t.GrowthPerYear},
			{"ci90_low", t.CI90[0]},
			{"ci90_high", t.CI90[1]},
		}
		if t.DoublingMonths != nil {
			rows = append(rows, []any{"doubling_months", *t.DoublingMonths})
		}
		rows = append(rows, []any{"since", t.Since}, []any{"until", t.Until}, []any{"slope", t.Slope}, []any{"intercept", t.Intercept},
			[]any{"resamples", t.Resamples}, []any{"seed", t.Seed}, []any{""})
		for _, s := range publish.TrendLines(t, l) {
			rows = append(rows, []any{s})
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow(name, cell, &r)
		}
		f.SetCellStyle(name, "A1", "A1", bold)
		f.SetColWidth(name, "A", "A", 20)
	}
	return nil
}
