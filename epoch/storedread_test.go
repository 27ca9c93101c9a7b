package epoch

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
)

func TestStoredReadRoundTrip(t *testing.T) {
	res := &ReadResult{Header: []string{"Model", "Publication date"}, LastModified: time.Date(2026, 3, 25, 1, 2, 3, 0, time.UTC),
		Info: census.FileInfo{Name: "x.csv", Subset: "all", Rows: 2, Size: 99, SHA256: "ab", Encoding: "utf-8",
			Dialect: census.Dialect{Encoding: "utf-8", Delimiter: ",", DateFormat: "ymd"}}}
	var a, b census.Raw
	a.Line, b.Line = 2, 5
	a.Cells[census.Slot(census.FieldName)] = "하이퍼클로바 X"
	a.Cells[census.Slot(census.FieldDate)] = "2023-08-24"
	b.Cells[census.Slot(census.FieldName)] = "Two\nlines\r\n"
	b.Cells[census.Slot(census.FieldReference)] = `back\slash \n \s` + "\x1f unit"
	b.Cells[len(b.Cells)-1] = "last\\"
	enc, err := EncodeStoredRead(res, []census.Raw{a, b})
	if err != nil {
		t.Fatal(err)
	}
	got, rows, err := decodeStoredRead("x.csv", enc)
	if err != nil {
		t.Fatal(err)
	}
	a.File, b.File = "x.csv", "x.csv"
	if !reflect.DeepEqual(got, res) || !reflect.DeepEqual(rows, []census.Raw{a, b}) {
		t.Errorf("got %+v %+v", got, rows)
	}
	if !strings.HasPrefix(string(enc), "MCR3 ") || !strings.Contains(string(enc), `"lines":"2,3"`) {
		t.Errorf("not an MCR3 read with its rows' lines 2 and 5: %q", enc)
	}
	// Each escape, written out by hand.
	if got, want := string(appendCell(nil, "a\\b\nc\rd\x1fe\\")), `a\\b\nc\rd\se\\`; got != want {
		t.Errorf("appendCell = %q, want %q", got, want)
	}
	for _, bad := range [][]byte{nil, []byte("MCR2 "), enc[:len(enc)-3], append([]byte("MCR1"), enc[4:]...), append(enc, "9\n"...)} {
		if _, _, err := decodeStoredRead("x.csv", bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

// A read kept by the release before (MCR2: each line starts with its line
// number) is read as well.
func TestStoredReadV2(t *testing.T) {
	meta, err := json.Marshal(map[string]any{"info": map[string]any{"name": "old.csv", "rows": 2}, "header": []string{"Model"},
		"fields": census.Fields, "rows": 2})
	if err != nil {
		t.Fatal(err)
	}
	cells := make([]string, len(census.Raw{}.Cells))
	line := func(n, name string) string {
		cells[census.Slot(census.FieldName)] = name
		return n + "\x1f" + strings.Join(cells, "\x1f") + "\n"
	}
	old := "MCR2 " + string(meta) + "\n" + line("2", "First") + line("9", `Back\\slash`)
	res, rows, err := decodeStoredRead("old.csv", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	name := census.Slot(census.FieldName)
	if res.Info.Rows != 2 || len(rows) != 2 || rows[0].Line != 2 || rows[0].Cells[name] != "First" ||
		rows[1].Line != 9 || rows[1].Cells[name] != `Back\slash` {
		t.Errorf("got %+v %+v", res, rows)
	}
}

// A row added above others leaves their lines unchanged, though their
// line numbers all move: a day's read shares every unchanged row's line
// with the read before it (and is kept as a small line delta over it).
func TestStoredReadLinesShift(t *testing.T) {
	var rows []census.Raw
	for i := range 50 {
		var r census.Raw
		r.Line = 2 + i
		r.Cells[census.Slot(census.FieldName)] = "Model " + strconv.Itoa(i)
		rows = append(rows, r)
	}
	res := &ReadResult{Header: []string{"Model"}}
	before, _ := EncodeStoredRead(res, rows)
	var added census.Raw
	added.Line = 2
	added.Cells[census.Slot(census.FieldName)] = "New"
	shifted := append([]census.Raw{added}, rows...)
	for i := range shifted[1:] {
		shifted[1+i].Line++
	}
	after, _ := EncodeStoredRead(res, shifted)
	had := map[string]bool{}
	for _, l := range strings.Split(string(before), "\n") {
		had[l] = true
	}
	changed := 0
	for _, l := range strings.Split(string(after), "\n") {
		if !had[l] {
			changed++
		}
	}
	if changed != 2 { // the first line (rows, line numbers) and the new row
		t.Errorf("%d lines changed, want 2:\n%s", changed, after)
	}
	if _, got, err := decodeStoredRead("f.csv", after); err != nil || got[0].Line != 2 || got[1].Line != 3 || got[50].Line != 52 {
		t.Errorf("lines read back: %v", err)
	}
}

// Line numbers are kept as runs, and read back exactly; anything else is
// an error.
func TestStoredReadLineRuns(t *testing.T) {
	raws := make([]census.Raw, 6)
	for i, l := range []int{2, 3, 4, 7, 8, 20} {
		raws[i].Line = l
	}
	// The first row's line, then each distance from the one before.
	if got := encodeLines(raws); got != "2,1*2,3,1,12" {
		t.Errorf("encodeLines = %q", got)
	}
	if got, err := decodeLines("2,1*2,3,1,12", 6); err != nil || !reflect.DeepEqual(got, []int{2, 3, 4, 7, 8, 20}) {
		t.Errorf("decodeLines = %v, %v", got, err)
	}
	for _, bad := range []string{"", "2,1*2,3,1", "2,1*2,3,1,12,1", "2,1*3,3,1,12", "x", "1*", "*2", "1*-1", "-1,1,1,1,1,1", "1*99999999999999999999", "1,,1"} {
		if _, err := decodeLines(bad, 6); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// A damaged stored read is an error (and the bytes are read), never a
// panic.
func FuzzDecodeStoredRead(f *testing.F) {
	enc, _ := EncodeStoredRead(&ReadResult{Header: []string{"Model"}}, []census.Raw{{Line: 2}})
	f.Add(enc)
	f.Add([]byte("MCR2 "))
	f.Add([]byte("MCR3 {\"rows\":1,\"lines\":\"2*1\"}\n\x1f\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _ = decodeStoredRead("f.csv", b)
	})
}

// A read kept before the reader had versions is used where this reader
// gives the same, and not where it would not: a cell that is now a
// missing value's spelling (R's NA), or an encoding chosen among the
// legacy ones; then the bytes are read instead.
func TestStoredReadOfAnEarlierReader(t *testing.T) {
	old := func(name string, basis string) []byte {
		t.Helper()
		res := &ReadResult{Header: []string{"Model", "Publication date"},
			Info: census.FileInfo{Name: "x.csv", Rows: 1, Dialect: census.Dialect{Encoding: "utf-8", EncodingBasis: basis, Delimiter: ","}}}
		var r census.Raw
		r.Line = 2
		r.Cells[census.Slot(census.FieldName)] = name
		r.Cells[census.Slot(census.FieldDate)] = "2024-01-01"
		enc, err := EncodeStoredRead(res, []census.Raw{r})
		if err != nil {
			t.Fatal(err)
		}
		// As the reader before wrote it: no version.
		return []byte(strings.Replace(string(enc), `,"reader":2`, "", 1))
	}
	if b := old("Model A", census.EncodingFromUTF8); !strings.Contains(string(b), `"fields"`) || strings.Contains(string(b), `"reader"`) {
		t.Fatalf("not an old read: %q", b)
	}
	if _, _, err := decodeStoredRead("x.csv", old("Model A", census.EncodingFromUTF8)); err != nil {
		t.Errorf("an old read the reader would give again is not used: %v", err)
	}
	for _, b := range [][]byte{old("NA", census.EncodingFromUTF8), old(" #DIV/0!", census.EncodingFromUTF8), old("Model A", census.EncodingFromEvidence)} {
		if _, _, err := decodeStoredRead("x.csv", b); err == nil {
			t.Errorf("an old read that this reader would read otherwise is used: %q", b)
		}
	}
}
