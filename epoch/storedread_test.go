package epoch

import (
	"reflect"
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

// A damaged stored read is an error (and the bytes are read), never a
// panic.
func FuzzDecodeStoredRead(f *testing.F) {
	enc, _ := EncodeStoredRead(&ReadResult{Header: []string{"Model"}}, []census.Raw{{Line: 2}})
	f.Add(enc)
	f.Add([]byte("MCR2 "))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _ = decodeStoredRead("f.csv", b)
	})
}
