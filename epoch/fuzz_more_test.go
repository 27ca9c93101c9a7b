package epoch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/hostile"
)

// FuzzOpenZip feeds arbitrary bytes, saved as ai_models.zip, to the
// source opener and the reader: nothing may panic, and a failure is an
// *InputError.
func FuzzOpenZip(f *testing.F) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("large_scale_ai_models.csv")
	w.Write(fixtureBytes(f))
	w, _ = zw.Create("__MACOSX/._large_scale_ai_models.csv")
	w.Write([]byte("\x00\x05\x16\x07"))
	zw.Close()
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:b.Len()/2]) // truncated
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte("PK\x03\x04"))
	r := defaultRules(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "ai_models.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, subset := range []string{"", epoch.SubsetNotable} {
			_, err := epoch.Load(context.Background(), p, r, epoch.LoadOptions{Subset: subset})
			var ie *epoch.InputError
			if err != nil && !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
		}
	})
}

// FuzzWorkbook opens arbitrary bytes as an Excel workbook: every failure
// is an *InputError, and nothing panics. The seeds are a workbook built
// by excelize from the fixture and small ones written by hand.
func FuzzWorkbook(f *testing.F) {
	dir := f.TempDir()
	for _, build := range []func() (string, error){
		func() (string, error) { return hostile.ManyRows(dir, 3) },
		func() (string, error) { return hostile.ManyStrings(dir, 2) },
		func() (string, error) { return hostile.WideSheet(dir, 1) },
	} {
		p, err := build()
		if err != nil {
			f.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	book := excelize.NewFile()
	cr := csv.NewReader(bytes.NewReader(fixtureBytes(f)))
	for i := 1; ; i++ {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		row := make([]any, len(rec))
		for j, c := range rec {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i)
		book.SetSheetRow("Sheet1", cell, &row)
	}
	var b bytes.Buffer
	book.Write(&b)
	f.Add(b.Bytes())
	r := defaultRules(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "large_scale_ai_models.xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := epoch.Load(context.Background(), p, r, epoch.LoadOptions{})
		var ie *epoch.InputError
		if err != nil && !errors.As(err, &ie) {
			t.Fatalf("error %v is not an *InputError", err)
		}
	})
}
