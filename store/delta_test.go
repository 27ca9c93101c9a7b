package store

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

// A delta rebuilds the file exactly: lines kept, moved, changed, added and
// removed, a quoted field's line break, no final newline, CRLF endings.
func TestLineDeltaRoundTrip(t *testing.T) {
	base := "Model,Date\nA,2024-01-01\n\"B\nsecond line\",2024-02-01\nC,2024-03-01\nD,2024-04-01\n"
	cases := []string{
		base,
		"",
		"Model,Date\nA,2024-01-01\nC,2024-03-01\n",                           // a row removed
		"Model,Date\nC,2024-03-01\nA,2024-01-01\nD,2024-04-01\nE,2025-01-01", // moved, added, no final newline
		"Model,Date\r\nA,2024-01-01\r\n",                                     // nothing in common
		strings.Replace(base, "C,2024-03-01", "C,2024-03-02", 1),             // one cell changed
	}
	for _, c := range cases {
		d, err := lineDelta([]byte(base), []byte(c))
		if err != nil {
			t.Fatal(err)
		}
		got, err := applyDelta([]byte(base), d, uint64(len(c)))
		if err != nil || !bytes.Equal(got, []byte(c)) {
			t.Errorf("%q: got %q, %v", c, got, err)
		}
	}
	// One changed line of five costs that line and a few instructions.
	changed := strings.Replace(base, "C,2024-03-01", "C,2024-03-02", 1)
	if d, _ := lineDelta([]byte(base), []byte(changed)); len(d) > len("C,2024-03-02\n")+32 {
		t.Errorf("delta of one changed line: %d bytes", len(d))
	}
}

// A malformed delta is an error, never a panic or a read outside the
// keyframe.
func TestApplyDeltaMalformed(t *testing.T) {
	base := []byte("a\nb\n")
	for _, d := range [][]byte{nil, []byte("MCD"), []byte("MCD2"), []byte("MCD2\x01\x08\x05"), []byte("MCD2\x01\x05"),
		[]byte("MCD2\x02\x00"), []byte("MCD2\x01\x03ab"), []byte("MCD2\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"),
		[]byte("MCD2\x01\xff\xff\xff\xff\x7f")} {
		if _, err := applyDelta(base, d, 1<<20); err == nil {
			t.Errorf("%q: no error", d)
		}
	}
	// A delta that rebuilds another length than the file's: a copy of
	// the whole keyframe a thousand times, for a file of four bytes.
	many := append([]byte("MCD2"), binary.AppendUvarint(nil, 2000)...)
	for range 1000 {
		many = append(many, 0, 4) // copy 4 bytes at 0
	}
	if _, err := applyDelta(base, many, 4); err == nil {
		t.Error("a delta of 4,000 bytes for a file of 4: no error")
	}
	if got, err := applyDelta(base, []byte("MCD2\x02\x00\x04"), 4); err != nil || string(got) != "a\nb\n" {
		t.Errorf("the keyframe copied whole: %q, %v", got, err)
	}
}

func FuzzApplyDelta(f *testing.F) {
	d, _ := lineDelta([]byte("a\nb\n"), []byte("b\nc\n"))
	f.Add([]byte("a\nb\n"), d)
	f.Add([]byte(""), []byte("MCD2\x01\x03abc"))
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		_, _ = applyDelta(base, delta, uint64(len(base)+len(delta)))
		// And every delta made rebuilds its file.
		d, err := lineDelta(base, delta)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := applyDelta(base, d, uint64(len(delta))); err != nil || !bytes.Equal(got, delta) {
			t.Fatalf("round trip of %q over %q: %q, %v", delta, base, got, err)
		}
	})
}

// A file's references survive the round trip, lines with gaps (a quoted
// field's line breaks) and version ids in any order; a value that is not
// one is an error.
func TestRefsRoundTrip(t *testing.T) {
	refs := []ref{{2, 7}, {3, 1}, {7, 9000000000}, {8, 8}, {20, 8}}
	z, err := encodeRefs(refs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeRefs(z)
	if err != nil || len(got) != len(refs) {
		t.Fatalf("%v, %v", got, err)
	}
	for i := range refs {
		if got[i] != refs[i] {
			t.Errorf("ref %d: %v, want %v", i, got[i], refs[i])
		}
	}
	enc, _ := encoder()
	for _, b := range [][]byte{nil, []byte("x"), enc.EncodeAll([]byte{0xff, 0xff}, nil), enc.EncodeAll([]byte{3, 1}, nil)} {
		if _, err := decodeRefs(b); err == nil {
			t.Errorf("%q: no error", b)
		}
	}
}
