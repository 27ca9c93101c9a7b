package epoch_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/shared"
)

// headRows returns the header and the first n records of a CSV file as raw
// bytes, cutting at a record boundary found by counting quotes.
func headRows(data []byte, n int) []byte {
	inQuote := false
	rows := 0
	for i, c := range data {
		switch {
		case c == '"':
			inQuote = !inQuote
		case c == '\n' && !inQuote:
			rows++
			if rows > n {
				return data[:i+1]
			}
		}
	}
	return data
}

// FuzzReadCSV feeds arbitrary bytes to the reader and the census. Nothing
// may panic; a file is either rejected as a whole with an *InputError, or
// every row read is accounted for. Its seeds (the hand-written fixture,
// edge cases, and the first rows of each real export when ../shared is
// here) run with the normal tests.
func FuzzReadCSV(f *testing.F) {
	fx, err := os.ReadFile("../testdata/census_fixture.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fx)
	f.Add(append([]byte("\xef\xbb\xbf"), fx...))
	for _, s := range []string{
		"",
		"Model,Publication date\n",
		"System,Publication date,Country (from Organization)\n\"A\nB\",2020,\"United States of America,United States of America\"\n",
		"Model,Publication date\n\"unterminated,2020\n",
		"Model,Publication date,Training compute (FLOP)\nX,2024-13-45,1e999\nY,0000,-5\n",
		"Model,Publication date\n\xb0\xa1\xb0\xa2,2023\n", // CP949 bytes
		"<html><body>503</body></html>",
		"Model,Publication date,Organization\nA,2021,\"Co.,Ltd.,Inc,,\"\n",
		"Model,Model,Publication date\nA,B,2020\n",
		"sep=;\r\nModel;Publication date;Country (of organization)\r\nA;12/31/2025;France\r\n",
		"Model\tPublication date\nA\t31.12.2025\n",
		"Model|Publication date|Training compute (FLOP)\nA|45657|\"1,2e24\"\n",
		"Model,Publication date\r\"A\rB\",2024\rC,nan\r",
		"\xff\xfeM\x00o\x00d\x00e\x00l\x00",
		"Model,Publication date\nA,1/2/2024\nB,3/4/2024\n",
		"Model,Publication date\nA,31/1/2024\nB,1/31/2024\n",
		"Model,Organization,Publication date\nA,\xc9cole,2024\n",                                   // Windows-1252
		"Model,Organization,Publication date\nA,Universit\x8at,2024\n",                             // Mac Roman
		"Model,Country (of organization),Publication date,Parameters\nA,NA,2024,NA\nB,NA,2023,7\n", // R
		"Model,Country (of organization),Publication date\nA,NA,2024\nB,.,2023\nC,#DIV/0!,NaT\n",
		"Title, of the sheet\nSource: Epoch\n,,\nModel,Publication date\nA,2024\nB,\n", // a header below a title
		"\"a \"\"title\nrunning on\nModel,Publication date\nA,2024\n",
	} {
		f.Add([]byte(s))
	}
	if dir := shared.Dir(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.csv"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(headRows(data, 5))
			}
		}
	}
	r := defaultRules(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ds := census.NewDataset(r)
		ds.Snapshot.Date = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
		rows := 0
		open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
		res, err := epoch.ReadCSV("fuzz.csv", open, r, ds, func(raw *census.Raw) {
			rows++
			ds.Add(raw)
		})
		if err != nil {
			var ie *epoch.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		ds.Finish()
		if res.Info.Rows != rows {
			t.Fatalf("rows reported %d, delivered %d", res.Info.Rows, rows)
		}
		if got := ds.Len() + len(ds.Duplicates) + len(ds.Excluded); got != rows {
			t.Fatalf("%d rows but %d models + %d repeats + %d excluded", rows, ds.Len(), len(ds.Duplicates), len(ds.Excluded))
		}
		for _, m := range ds.Models() {
			if m.Name == "" {
				t.Fatal("a model without a name was counted")
			}
		}
		for _, opt := range []census.Options{{}, {Attribution: census.AttributionFractional, CountryBy: census.CountryByGroup}} {
			res, err := census.Compute(ds, opt)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, y := range res.PerYear {
				sum += y.Count
			}
			if sum != res.Total {
				t.Fatalf("per-year counts add to %d, total %d", sum, res.Total)
			}
		}
	})
}
