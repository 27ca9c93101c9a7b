package publish_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/plot"
	"github.com/modelcensus/modelcensus/publish/publishtest"
	"github.com/modelcensus/modelcensus/publish/xlsx"
)

// Every renderer shows every registered figure (census.Figures): the text,
// Markdown and HTML reports by title or anchor, the CSV by table name, the
// JSON by key, the workbook by sheet, and the charts (and the SVG and PNG
// writers) every figure that is drawn. A figure added to the registry
// that a renderer leaves out fails here.
func TestEveryRendererCoversEveryFigure(t *testing.T) {
	formats := publish.Builtin()
	xlsx.Register(formats)
	plot.Register(formats)
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{})
	if len(d.Result.Notes) == 0 {
		t.Fatal("the fixture gives no notes: the notes figure would go unchecked")
	}
	ctx := context.Background()
	render := func(name string, l i18n.Lang) []byte {
		t.Helper()
		f, ok := formats.Lookup(name)
		if !ok {
			t.Fatalf("no format %s", name)
		}
		var b bytes.Buffer
		if err := f.Report(ctx, &b, d, publish.Options{Lang: l, Formats: formats}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b.Bytes()
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		text := string(render("text", l))
		md := string(render("markdown", l))
		html := string(render("html", l))
		charts := publish.Charts(d, l)
		for _, f := range census.Figures() {
			title := f.Text(f.Title, string(l), d.Result, "")
			if !strings.Contains(text, "\n"+title+"\n") {
				t.Errorf("%s text lacks figure %s (%q)", l, f.ID, title)
			}
			if !strings.Contains(md, "## "+publish.MarkdownEscape(title)+"\n") {
				t.Errorf("%s markdown lacks figure %s", l, f.ID)
			}
			anchor := `id="figure-` + f.ID + `"`
			if f.Layout == census.LayoutNotes {
				anchor = `id="notes"`
			}
			if !strings.Contains(html, anchor) {
				t.Errorf("%s html lacks figure %s", l, f.ID)
			}
			if f.Chart == census.ChartNone {
				continue
			}
			var chart *publish.Chart
			for i := range charts {
				if charts[i].Table == f.ID && charts[i].ID == f.Name() {
					chart = &charts[i]
				}
			}
			if chart == nil {
				t.Errorf("%s: no chart for figure %s", l, f.ID)
				continue
			}
			if !strings.Contains(html, `data-chart="`+chart.ID+`"`) {
				t.Errorf("%s html does not draw chart %s", l, chart.ID)
			}
			for _, name := range formats.Charts() {
				cf, _ := formats.Lookup(name)
				var b bytes.Buffer
				if err := cf.Chart(&b, *chart, l); err != nil || b.Len() == 0 {
					t.Errorf("%s %s chart %s: %v", l, name, chart.ID, err)
				}
			}
		}
	}
	recs, err := csv.NewReader(bytes.NewReader(render("csv", i18n.EN))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]bool{}
	for _, r := range recs {
		tables[r[0]] = true
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(render("json", i18n.EN), &keys); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(render("xlsx", i18n.EN)))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	sheets := map[string]bool{}
	for _, s := range wb.GetSheetList() {
		sheets[s] = true
	}
	for _, f := range census.Figures() {
		if !tables[f.ID] {
			t.Errorf("csv lacks table %s", f.ID)
		}
		if _, ok := keys[f.ID]; !ok {
			t.Errorf("json lacks key %s", f.ID)
		}
		if !sheets[f.ID] {
			t.Errorf("xlsx lacks sheet %s", f.ID)
		}
	}
}

// Each figure's rows agree with its columns, and its chart columns exist.
func TestFigureRegistryIsWellFormed(t *testing.T) {
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{})
	seen := map[string]bool{}
	for _, f := range census.Figures() {
		if seen[f.ID] || seen[f.Name()] && f.Name() != f.ID {
			t.Errorf("figure %s: id or chart name repeated", f.ID)
		}
		seen[f.ID], seen[f.Name()] = true, true
		if f.Title.EN == "" || f.Title.KO == "" {
			t.Errorf("figure %s lacks a title in both languages", f.ID)
		}
		for _, c := range f.Columns {
			if c.Title.EN == "" || c.Title.KO == "" {
				t.Errorf("figure %s column %s lacks a title in both languages", f.ID, c.ID)
			}
		}
		for i, r := range f.Rows(d.Result) {
			if len(r.Cells) != len(f.Columns) {
				t.Errorf("figure %s row %d has %d cells for %d columns", f.ID, i, len(r.Cells), len(f.Columns))
			}
		}
		if f.Chart == census.ChartBar || f.Chart == census.ChartHBar {
			has := map[string]bool{}
			for _, c := range f.Columns {
				has[c.ID] = true
			}
			if !has[f.Label] || !has[f.Value] {
				t.Errorf("figure %s charts columns %q and %q it lacks", f.ID, f.Label, f.Value)
			}
		}
	}
}

// Under fractional attribution, a column of counts is printed in one
// format: two decimals on every row once any row is fractional.
func TestFractionalCountsOneFormat(t *testing.T) {
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{Attribution: census.AttributionFractional})
	for _, tb := range publish.Tables(d.Result, i18n.EN) {
		f, _ := census.FigureByName(tb.ID)
		for j, c := range f.ColumnsFor(d.Result) {
			if c.Kind != census.ValueCount {
				continue
			}
			decimals := map[bool]int{}
			for _, row := range tb.Rows {
				if row[j] != "" {
					decimals[strings.Contains(row[j], ".")]++
				}
			}
			if decimals[true] > 0 && decimals[false] > 0 {
				t.Errorf("%s column %d mixes formats: %v", tb.ID, j, tb.Rows)
			}
		}
	}
}
