package epoch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
)

// The hand counts of testdata/README.md for census_fixture.csv, 2020–2024.
var (
	handPerYear   = map[int]int{2020: 1, 2021: 0, 2022: 1, 2023: 1, 2024: 4}
	handCountries = map[string]float64{"US": 4, "GB": 2, "CN": 2, "KR": 1, "XM": 1}
)

// checkHand computes the census of ds for 2020–2024 and compares it with
// the hand counts.
func checkHand(t *testing.T, ds *census.Dataset) {
	t.Helper()
	res, err := census.Compute(ds, census.Options{From: 2020, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	years := map[int]int{}
	for _, y := range res.PerYear {
		years[y.Year] = y.Count
	}
	countries := map[string]float64{}
	for _, c := range res.Countries {
		countries[c.Code] = c.Count
	}
	if !reflect.DeepEqual(years, handPerYear) || !reflect.DeepEqual(countries, handCountries) {
		t.Errorf("per year %v, countries %v; want %v, %v", years, countries, handPerYear, handCountries)
	}
}

// records parses the fixture.
func records(t *testing.T) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(fixtureBytes(t))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// rewrite writes records with another delimiter and line end.
func rewrite(t *testing.T, recs [][]string, comma rune, crlf bool) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = comma, crlf
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func dialectOf(ds *census.Dataset) census.Dialect { return ds.Snapshot.Files[0].Dialect }

// One hand-made file per kind of dialect: each reads the fixture's rows
// and gives the hand counts, and its dialect says how it was told.
func TestDialects(t *testing.T) {
	recs := records(t)
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes(rewrite(t, recs, '\t', true))
	if err != nil {
		t.Fatal(err)
	}
	nans := bytes.Replace(fixtureBytes(t), []byte("Blank Country,Speech,Meta AI,2022,,,Open weights (non-commercial),,,"),
		[]byte("Blank Country,Speech,Meta AI,2022,nan,None,Open weights (non-commercial),#N/A,N/A,"), 1)
	if bytes.Equal(nans, fixtureBytes(t)) {
		t.Fatal("the nan variant changed nothing: the fixture's Blank Country row moved")
	}
	bareCR := bytes.ReplaceAll(fixtureBytes(t), []byte("\n"), []byte("\r"))
	dir := t.TempDir()
	for _, tc := range []struct {
		name      string
		data      []byte
		delimiter string
		enc       string
		basis     string
		sepLine   bool
		bareCR    bool
	}{
		{"pipe.csv", rewrite(t, recs, '|', false), "|", epoch.EncodingUTF8, census.EncodingFromUTF8, false, false},
		{"sep-line.csv", append([]byte("sep=;\r\n"), rewrite(t, recs, ';', true)...), ";", epoch.EncodingUTF8, census.EncodingFromUTF8, true, false},
		{"utf16be-no-bom.txt", utf16be, "\t", epoch.EncodingUTF16BE, census.EncodingFromNUL, false, false},
		{"nan.csv", nans, ",", epoch.EncodingUTF8, census.EncodingFromUTF8, false, false},
		{"bare-cr.csv", bareCR, ",", epoch.EncodingUTF8, census.EncodingFromUTF8, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := load(t, write(t, dir, tc.name, tc.data), epoch.LoadOptions{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			checkHand(t, ds)
			d := dialectOf(ds)
			if d.Delimiter != tc.delimiter || d.Encoding != tc.enc || d.EncodingBasis != tc.basis || d.SepLine != tc.sepLine || d.BareCR != tc.bareCR {
				t.Errorf("dialect %+v", d)
			}
			for _, p := range ds.Problems {
				t.Errorf("problem: %+v", p)
			}
		})
	}
}

// Bytes that are not UTF-8 are read as the encoding under which they make
// sense: Windows-1252 for a Western spreadsheet (É, é, ü), whose bytes
// CP949 would read as other characters, and CP949 for a Korean one.
func TestLegacyEncodingByEvidence(t *testing.T) {
	text := "Model,Organization,Country (of organization),Publication date\n" +
		"Apertus 70B,École Polytechnique Fédérale de Lausanne (EPFL),Switzerland,2025-09-02\n" +
		"Zürich Model,ETH Zurich,Switzerland,2024-05-01\n" +
		"Third,Université de Montréal,Canada,2023-01-01\n"
	west, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ds, err := load(t, write(t, dir, "west.csv", []byte(west)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := dialectOf(ds)
	if d.Encoding != epoch.EncodingWindows1252 || d.EncodingBasis != census.EncodingFromEvidence || d.Evidence.Mapped <= d.Evidence.OtherMapped {
		t.Errorf("dialect %+v", d)
	}
	if got := modelNames(ds); !reflect.DeepEqual(got, []string{"Apertus 70B", "Zürich Model", "Third"}) {
		t.Errorf("models %q", got)
	}
	if m := ds.Models()[0]; len(m.Countries) != 1 || m.Countries[0] != "CH" {
		t.Errorf("EPFL's country %+v", m.Countries)
	}
	// --encoding overrides.
	ds, err = load(t, filepath.Join(dir, "west.csv"), epoch.LoadOptions{Encoding: epoch.EncodingCP949})
	if err != nil {
		t.Fatal(err)
	}
	if d := dialectOf(ds); d.Encoding != epoch.EncodingCP949 || d.EncodingBasis != census.EncodingFromOption {
		t.Errorf("--encoding cp949 gave %+v", d)
	}
}

// Spreadsheet dates: month first and day first told from the values,
// day.month.year, and day numbers; a column that cannot tell is an error
// naming it, settled by --date-format; one that contradicts itself too.
func TestSpreadsheetDates(t *testing.T) {
	file := func(dates ...string) []byte {
		var b strings.Builder
		b.WriteString("Model,Publication date,Country (of organization)\n")
		for i, d := range dates {
			b.WriteString("M" + string(rune('A'+i)) + "," + d + ",United States of America\n")
		}
		return []byte(b.String())
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		data   []byte
		opt    string
		want   []string
		format string
	}{
		{"us.csv", file("12/31/2025", "1/2/2024", "11/5/2023"), "", []string{"2025-12-31", "2024-01-02", "2023-11-05"}, epoch.DateMonth},
		{"eu.csv", file("31/12/2025", "1/2/2024", "11/5/2023"), "", []string{"2025-12-31", "2024-02-01", "2023-05-11"}, epoch.DateDay},
		{"dots.csv", file("31.12.2025", "1.2.2024"), "", []string{"2025-12-31", "2024-02-01"}, epoch.DateDay},
		{"serial.csv", file("46022", "45323.5"), "", []string{"2025-12-31", "2024-02-01"}, epoch.DateISO},
		{"ambiguous-settled.csv", file("1/2/2024", "3/4/2023"), epoch.DateDay, []string{"2024-02-01", "2023-04-03"}, epoch.DateDay},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := load(t, write(t, dir, tc.name, tc.data), epoch.LoadOptions{DateFormat: tc.opt})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ds.Models() {
				got = append(got, m.Date.String())
			}
			if !reflect.DeepEqual(got, tc.want) || dialectOf(ds).DateFormat != tc.format {
				t.Errorf("dates %v (%+v), want %v", got, dialectOf(ds), tc.want)
			}
		})
	}
	for _, tc := range []struct {
		name string
		data []byte
		mix  bool
	}{
		{"ambiguous.csv", file("1/2/2024", "3/4/2023"), false},
		{"mixed.csv", file("31/12/2025", "12/31/2024"), true},
	} {
		_, err := load(t, write(t, dir, tc.name, tc.data), epoch.LoadOptions{})
		var ie *epoch.InputError
		if !errors.As(err, &ie) || ie.Kind != epoch.InputDateOrder || ie.Field != "Publication date" || (len(ie.Examples) == 2) != tc.mix {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	// A day the month does not have is a bad date, left out and reported.
	ds, err := load(t, write(t, dir, "feb30.csv", file("2024-02-30", "2024-02-29")), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != 1 || len(ds.Excluded) != 1 || ds.Excluded[0].Reason != census.ReasonBadDate {
		t.Errorf("%d models, excluded %+v", ds.Len(), ds.Excluded)
	}
}

// A possible decimal comma is never read as another number: a warning
// naming the line, and the model has no compute.
func TestDecimalCommaWarns(t *testing.T) {
	data := "Model,Publication date,Training compute (FLOP)\nA,2024-01-01,\"1,2e24\"\nB,2024-01-02,\"3,000,000\"\n"
	ds, err := load(t, write(t, t.TempDir(), "comma.csv", []byte(data)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ms := ds.Models()
	if ms[0].HasCompute || !ms[1].HasCompute || ms[1].Compute != 3e6 {
		t.Errorf("models %+v", ms)
	}
	if len(ds.Problems) != 1 || ds.Problems[0].Line != 2 || !strings.Contains(ds.Problems[0].Message, "decimal comma") {
		t.Errorf("problems %+v", ds.Problems)
	}
}

// Clutter in folders and zips is left out without a word: sidecars,
// __MACOSX, .DS_Store, Thumbs.db, desktop.ini, hidden files.
func TestClutterIgnored(t *testing.T) {
	dir := t.TempDir()
	fx := fixtureBytes(t)
	write(t, dir, "folder/large_scale_ai_models.csv", fx)
	write(t, dir, "folder/._large_scale_ai_models.csv", []byte("\x00\x05\x16\x07Mac OS X        \x00\x02"))
	write(t, dir, "folder/.hidden.csv", []byte("garbage\x00"))
	ds, err := load(t, filepath.Join(dir, "folder"), epoch.LoadOptions{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	checkHand(t, ds)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range map[string][]byte{
		"ai_models/large_scale_ai_models.csv":            fx,
		"__MACOSX/ai_models/._large_scale_ai_models.csv": []byte("\x00\x05\x16\x07"),
		"ai_models/.DS_Store":                            []byte("\x00\x00\x00\x01Bud1"),
		"ai_models/Thumbs.db.csv":                        []byte("\xd0\xcf\x11\xe0"),
		"ai_models/desktop.ini":                          []byte("[.ShellClassInfo]"),
	} {
		w, _ := zw.Create(name)
		w.Write(data)
	}
	zw.Close()
	zp := write(t, dir, "ai_models.zip", b.Bytes())
	ds, err = load(t, zp, epoch.LoadOptions{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	checkHand(t, ds)
	if len(ds.Snapshot.Files) != 1 {
		t.Errorf("files %+v", ds.Snapshot.Files)
	}
	if !epoch.Clutter("x/Thumbs.db") || !epoch.Clutter("desktop.ini") || epoch.Clutter("ai_models/notable_ai_models.csv") {
		t.Error("Clutter misjudges")
	}
}

// An .xlsx saved from an export reads like the CSV: the first sheet with
// the required columns, dates and numbers as Excel stores them.
func TestWorkbook(t *testing.T) {
	recs := records(t)
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "A cover sheet, not the data")
	f.NewSheet("data")
	for i, r := range recs {
		row := make([]any, len(r))
		for j, c := range r {
			row[j] = c
			if i > 0 && recs[0][j] == "Publication date" {
				if d, err := time.Parse("2006-01-02", c); err == nil {
					row[j] = d // an Excel date: a day number with a date format
				}
			}
			if i > 0 && recs[0][j] == "Training compute (FLOP)" && c != "" {
				var v float64
				if _, err := fmtSscan(c, &v); err == nil {
					row[j] = v
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("data", cell, &row)
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
	if ds.Snapshot.Subset != epoch.SubsetLargeScale || !strings.HasSuffix(ds.Snapshot.Files[0].Name, "!data") {
		t.Errorf("subset %s, files %+v", ds.Snapshot.Subset, ds.Snapshot.Files)
	}
	for _, m := range ds.Models() {
		if m.Name == "GPT-X" && (!m.HasCompute || m.Compute != 1.07e24 || m.Date.String() != "2024-05-01") {
			t.Errorf("GPT-X %+v", m)
		}
	}
}

// Never a silent zero: a file with content but no row, and a header of
// one column, are errors that name the likely cause.
func TestNeverASilentZero(t *testing.T) {
	dir := t.TempDir()
	_, err := load(t, write(t, dir, "header.csv", []byte("Model,Publication date\n")), epoch.LoadOptions{})
	var ie *epoch.InputError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputNoRows {
		t.Errorf("header alone: %v", err)
	}
	_, err = load(t, write(t, dir, "colon.csv", []byte("Model:Publication date\nA:2024\n")), epoch.LoadOptions{})
	if !errors.As(err, &ie) || ie.Kind != epoch.InputMissingColumn || len(ie.Found) != 1 || !strings.Contains(err.Error(), "one column") {
		t.Errorf("one column: %v", err)
	}
}

// A zip member that inflates past a gigabyte is refused from the
// archive's directory, at once and without inflating it; a record longer
// than the cap is refused while reading, naming its line.
func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 1 GiB zip member")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "bomb.zip")
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "large_scale_ai_models.csv", Method: zip.Deflate})
	w.Write([]byte("Model,Publication date\n\""))
	zeros := make([]byte, 1<<20)
	for i := 0; i < 1025; i++ { // 1 GiB and a bit, in one field
		w.Write(zeros)
	}
	zw.Close()
	out.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err = epoch.Load(context.Background(), p, defaultRules(t), epoch.LoadOptions{})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	var ie *epoch.InputError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputTooLarge {
		t.Fatalf("bomb: %v", err)
	}
	if took > time.Second || after.TotalAlloc-before.TotalAlloc > 100<<20 {
		t.Errorf("refusing took %v and %d MiB", took, (after.TotalAlloc-before.TotalAlloc)>>20)
	}
	// One endless field in a plain file: refused at its line.
	big := "Model,Publication date\nA,2024\n\"" + strings.Repeat("x", 17<<20) + "\",2024\n"
	_, err = load(t, write(t, dir, "big.csv", []byte(big)), epoch.LoadOptions{})
	if !errors.As(err, &ie) || ie.Kind != epoch.InputTooLarge || ie.Line != 3 {
		t.Errorf("endless field: %v", err)
	}
}

func fmtSscan(s string, v *float64) (int, error) { return fmt.Sscan(s, v) }

func TestDateInName(t *testing.T) {
	for name, want := range map[string]string{
		"notable_ai_models_24_02_2025.csv": "2025-02-24",
		"ai_models-2025-02-24.csv":         "2025-02-24",
		"export_20250224.csv":              "2025-02-24",
		"epoch 24-02-2025.csv":             "2025-02-24",
		"all_ai_models.csv":                "",
		"v20253099.csv":                    "", // no calendar day
	} {
		got, ok := epoch.DateInName(name)
		if (want == "") == ok || (ok && got.Format("2006-01-02") != want) {
			t.Errorf("DateInName(%q) = %v, %v; want %q", name, got, ok, want)
		}
	}
}

// The snapshot date comes from the best evidence: the newest Last
// modified, then a date in the file name, then the folder's date; and a
// date far past the newest publication date is noted.
func TestSnapshotDateEvidence(t *testing.T) {
	dir := t.TempDir()
	plain := "Model,Publication date\nA,2025-01-10\n"
	withLM := "Model,Publication date,Last modified\nA,2025-01-10,2025-02-20 10:00:00+00:00\nB,2025-01-11,2025-02-26 08:00:00+00:00\n"
	for _, tc := range []struct {
		path, data, want, basis string
	}{
		{"2025-06-01/notable_ai_models_24_02_2025.csv", plain, "2025-02-24", census.DateFromName},
		{"2025-06-02/notable_ai_models.csv", plain, "2025-06-02", census.DateFromPath},
		{"2025-06-03/notable_ai_models_24_02_2025.csv", withLM, "2025-02-26", census.DateFromLastModified},
	} {
		ds, err := load(t, write(t, dir, tc.path, []byte(tc.data)), epoch.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := ds.Snapshot.Date.Format("2006-01-02"); got != tc.want || ds.Snapshot.DateBasis != tc.basis {
			t.Errorf("%s: %s from %s, want %s from %s", tc.path, got, ds.Snapshot.DateBasis, tc.want, tc.basis)
		}
		res, err := census.Compute(ds, census.Options{})
		if err != nil {
			t.Fatal(err)
		}
		late := false
		for _, n := range res.Notes {
			late = late || n.Code == census.NoteDateLate
		}
		// 2025-06-02 is 143 days after 2025-01-11; 2025-02-24 is 44 days after.
		if late != (tc.want == "2025-06-02") {
			t.Errorf("%s: late note %v", tc.path, late)
		}
	}
}

// A record of many short lines inside quotes, past the cap, is refused
// at its first line once parsed.
func TestLongRecordOfShortLines(t *testing.T) {
	r := defaultRules(t)
	data := "Model,Publication date\nA,2024\n\"" + strings.Repeat("abc\n", 1<<16) + "\",2024\n"
	open := func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(data)), nil }
	rd := &epoch.Reader{Rules: r, MaxRecord: 64 << 10}
	_, err := rd.Read("long.csv", open, census.NewDataset(r), func(*census.Raw) {})
	var ie *epoch.InputError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputTooLarge || ie.Line != 3 {
		t.Errorf("err = %v", err)
	}
}
