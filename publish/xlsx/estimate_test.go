package xlsx_test

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/publishtest"
	"github.com/modelcensus/modelcensus/publish/xlsx"
)

// In the workbook an estimated figure stays a number, shown with the mark
// (its number format), the top-compute sheet says whose each figure is and
// ends with the footnote, and the models sheet has a Figure column.
func TestWorkbookMarksEstimates(t *testing.T) {
	d := publishtest.EstimatedDocument(t, "../../testdata/estimate_missing_fixture.csv", census.Options{})
	var b bytes.Buffer
	if err := xlsx.Write(&b, d, i18n.EN, "test"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	sheet := census.FigureTopComputeLatest
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// Row 1 is the title, row 2 the headers, then the ranking worked by
	// hand in testdata/README.md.
	want := []struct {
		model, figure string
		flop          float64
		marked        bool
	}{
		{"Tuned", "estimated: base + fine-tune", 5.1e24, true},
		{"Reported", "Epoch", 5e24, false},
		{"Timed", "estimated: hardware time", 1000 * 989.4e12 * 100 * 3600 * 0.40, true},
		{"Counted", "estimated: operation counting", 6e19, true},
	}
	if h := rows[1]; h[len(h)-1] != "Figure" {
		t.Errorf("headers %v do not end in Figure", h)
	}
	for i, w := range want {
		r := rows[i+2]
		if r[1] != w.model || r[len(r)-1] != w.figure {
			t.Errorf("row %d = %v, want %s … %s", i+3, r, w.model, w.figure)
		}
		v, err := strconv.ParseFloat(r[4], 64)
		if err != nil || math.Abs(v-w.flop) > 1e-9*w.flop {
			t.Errorf("%s: FLOP cell %q, want the number %g", w.model, r[4], w.flop)
		}
		cell := "E" + strconv.Itoa(i+3)
		id, _ := f.GetCellStyle(sheet, cell)
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil {
			t.Fatalf("%s: no number format on %s (%v)", w.model, cell, err)
		}
		if marked := strings.HasSuffix(*st.CustomNumFmt, `"`+census.EstimateMark+`"`); marked != w.marked {
			t.Errorf("%s: %s's number format %q; marked should be %v", w.model, cell, *st.CustomNumFmt, w.marked)
		}
	}
	foot, _ := f.GetCellValue(sheet, "A"+strconv.Itoa(len(want)+4))
	if foot != publish.EstimateFootnote(i18n.EN) {
		t.Errorf("footnote cell = %q, want %q", foot, publish.EstimateFootnote(i18n.EN))
	}

	models, err := f.GetRows(xlsx.SheetModels)
	if err != nil {
		t.Fatal(err)
	}
	if h := models[0]; h[len(h)-1] != "Figure" {
		t.Errorf("models sheet headers %v do not end in Figure", h)
	}
	figures := map[string]string{}
	for _, r := range models[1:] {
		if len(r) == len(models[0]) {
			figures[r[0]] = r[len(r)-1]
		}
	}
	if figures["Counted"] != "estimated: operation counting" || figures["Reported"] != "Epoch" || figures["Blank"] != "" {
		t.Errorf("models sheet figures %v", figures)
	}
}
