package web

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
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

// writeModelsXLSX writes the models as a workbook for people, in l: its
// headers and its confidence, access and domain-group names in l, dates
// as dates, years and compute as numbers, yes/no columns as booleans.
func writeModelsXLSX(b *bytes.Buffer, models []ModelJSON, _ *census.Result, l i18n.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := map[i18n.Lang]string{i18n.EN: "models", i18n.KO: "모델"}[l]
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	sci := "0.00E+00"
	sciStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &sci})
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	hdr := []any{}
	for _, k := range []string{"col.model", "col.date", "col.year", "col.organization", "col.group", "col.country",
		"col.epoch_domain", "col.domain", "col.multimodal", "col.flop", "col.confidence", "col.category", "col.in_census"} {
		hdr = append(hdr, excelize.Cell{Value: l.T(k), StyleID: bold})
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return err
	}
	for i, m := range models {
		var date any = m.Date
		if t, err := time.Parse("2006-01-02", m.Date); err == nil {
			date = excelize.Cell{Value: t, StyleID: dateStyle}
		}
		var flop any
		if m.FLOP != nil {
			flop = excelize.Cell{Value: *m.FLOP, StyleID: sciStyle}
		}
		groups := make([]string, len(m.DomainGroups))
		for j, g := range m.DomainGroups {
			groups[j] = publish.DomainGroupName(g, l)
		}
		row := []any{m.Name, date, m.Year, strings.Join(m.Organizations, ", "), strings.Join(m.Groups, ", "),
			strings.Join(m.Countries, ", "), strings.Join(m.Domains, ", "), strings.Join(groups, ", "),
			m.Multimodal, flop, publish.ConfidenceName(m.Confidence, l), publish.AccessName(m.Access, l), m.InCensus}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(b)
	return err
}
