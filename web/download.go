package web

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/publish"
)

var modelColumns = []string{"name", "date", "year", "organizations", "groups", "countries", "domains", "domain_groups",
	"multimodal", "flop", "confidence", "access", "in_census"}

func modelCells(m ModelJSON) []string {
	flop := ""
	if m.FLOP != nil {
		flop = strconv.FormatFloat(*m.FLOP, 'g', -1, 64)
	}
	return []string{m.Name, m.Date, strconv.Itoa(m.Year), strings.Join(m.Organizations, ", "), strings.Join(m.Groups, ", "),
		strings.Join(m.Countries, ", "), strings.Join(m.Domains, ", "), strings.Join(m.DomainGroups, ", "),
		strconv.FormatBool(m.Multimodal), flop, m.Confidence, m.Access, strconv.FormatBool(m.InCensus)}
}

func writeModelsCSV(b *bytes.Buffer, models []ModelJSON) {
	b.WriteString(publish.UTF8BOM) // for spreadsheets: the names are UTF-8
	w := publish.NewCSVWriter(b)
	w.Write(modelColumns)
	for _, m := range models {
		w.Write(modelCells(m))
	}
	w.Flush()
}

func writeModelsXLSX(b *bytes.Buffer, models []ModelJSON, _ *census.Result) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "models"
	f.SetSheetName("Sheet1", sheet)
	hdr := make([]any, len(modelColumns))
	for i, c := range modelColumns {
		hdr[i] = c
	}
	f.SetSheetRow(sheet, "A1", &hdr)
	for i, m := range models {
		row := make([]any, 0, len(modelColumns))
		for j, c := range modelCells(m) {
			switch {
			case j == 2:
				row = append(row, m.Year)
			case j == 9 && m.FLOP != nil:
				row = append(row, *m.FLOP)
			default:
				row = append(row, c)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow(sheet, cell, &row)
	}
	_, err := f.WriteTo(b)
	return err
}
