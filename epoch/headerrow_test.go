package epoch_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
)

// A CSV with a title, a source line and a blank row above its header is
// read (the hand counts), with a note naming the header's line, and the
// lines of later messages still count from the top of the file.
func TestHeaderBelowTitleCSV(t *testing.T) {
	fixture := fixtureBytes(t)
	above := "\"Large-scale AI models, as downloaded\",,,\nSource: Epoch AI, Data on AI Models (CC BY 4.0)\n,,,\n"
	bad := "Broken row,with,too few fields\n"
	data := append([]byte(above), fixture...)
	data = append(data, bad...)
	ds, err := load(t, write(t, t.TempDir(), "large_scale_ai_models.csv", data), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkHand(t, ds)
	if got := dialectOf(ds).HeaderLine; got != 4 {
		t.Errorf("header line %d, want 4", got)
	}
	res, err := census.Compute(ds, census.Options{From: 2020, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := noteOf(res.Notes, census.NoteHeaderLine); !ok || n.Args[1] != 4 {
		t.Errorf("header note %+v", n)
	}
	// The broken row's line: the three lines above, the fixture's lines,
	// then it.
	wantLine := 3 + bytes.Count(fixture, []byte("\n")) + 1
	if len(ds.Problems) != 1 || ds.Problems[0].Line != wantLine {
		t.Errorf("problems %+v, want one on line %d", ds.Problems, wantLine)
	}
	// A semicolon file with a title and a sep= line: the same.
	semi := rewrite(t, records(t), ';', true)
	ds, err = load(t, write(t, t.TempDir(), "semi.csv", append([]byte("sep=;\r\nMy title\r\n\r\n"), semi...)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkHand(t, ds)
	if d := dialectOf(ds); d.HeaderLine != 4 || d.Delimiter != ";" {
		t.Errorf("dialect %+v", d)
	}
	// No header in the first rows: still refused, naming the columns.
	_, err = load(t, write(t, t.TempDir(), "none.csv", []byte(strings.Repeat("a title\n", 25)+string(fixture))), epoch.LoadOptions{})
	var ie *epoch.InputError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputMissingColumn {
		t.Errorf("no header in the first rows: %v", err)
	}
}

// A workbook sheet with a title, a source line and a blank row above the
// header is read (the hand counts), and its header row named.
func TestHeaderBelowTitleWorkbook(t *testing.T) {
	recs := records(t)
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Large-scale AI models")
	f.SetCellValue("Sheet1", "A2", "Source: Epoch AI, Data on AI Models (CC BY 4.0), downloaded 2025-03-01")
	for i, r := range recs {
		row := make([]any, len(r))
		for j, c := range r {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+4) // row 3 left blank
		f.SetSheetRow("Sheet1", cell, &row)
	}
	p := filepath.Join(t.TempDir(), "large_scale_ai_models.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	ds, err := load(t, p, epoch.LoadOptions{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	checkHand(t, ds)
	if got := dialectOf(ds).HeaderLine; got != 4 {
		t.Errorf("header row %d, want 4", got)
	}
}
