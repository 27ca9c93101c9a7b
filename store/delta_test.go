package store

import (
	"bytes"
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
		d := lineDelta([]byte(base), []byte(c))
		got, err := applyDelta([]byte(base), d)
		if err != nil || !bytes.Equal(got, []byte(c)) {
			t.Errorf("%q: got %q, %v", c, got, err)
		}
	}
	// One changed line of five costs that line and a few instructions.
	changed := strings.Replace(base, "C,2024-03-01", "C,2024-03-02", 1)
	if d := lineDelta([]byte(base), []byte(changed)); len(d) > len("C,2024-03-02\n")+16 {
		t.Errorf("delta of one changed line: %d bytes", len(d))
	}
}

// A malformed delta is an error, never a panic or a read outside the
// keyframe.
func TestApplyDeltaMalformed(t *testing.T) {
	base := []byte("a\nb\n")
	for _, d := range [][]byte{nil, []byte("MCD"), []byte("MCD1"), []byte("MCD1\x01\x08\x05"), []byte("MCD1\x01\x05"),
		[]byte("MCD1\x02\x00"), []byte("MCD1\x01\x03ab"), []byte("MCD1\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")} {
		if _, err := applyDelta(base, d); err == nil {
			t.Errorf("%q: no error", d)
		}
	}
}

func FuzzApplyDelta(f *testing.F) {
	f.Add([]byte("a\nb\n"), lineDelta([]byte("a\nb\n"), []byte("b\nc\n")))
	f.Add([]byte(""), []byte("MCD1\x01\x03abc"))
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		_, _ = applyDelta(base, delta)
		// And every delta made rebuilds its file.
		if got, err := applyDelta(base, lineDelta(base, delta)); err != nil || !bytes.Equal(got, delta) {
			t.Fatalf("round trip of %q over %q: %q, %v", delta, base, got, err)
		}
	})
}
