package store

import (
	"crypto/sha256"
	"encoding/json"
	"testing"
)

// The cells' text must be json.Marshal's exactly: row versions stored by
// earlier releases are found again by the hash of that text.
func TestAppendCellsJSONIsMarshal(t *testing.T) {
	cases := [][]string{
		nil,
		{},
		{""},
		{"GPT-4", "OpenAI", "2.1e+25", "2023-03-15"},
		{`say "hi"`, `back\slash`, "tab\there", "line\nend", "<b>&</b>"},
		{"한국어 모델", "Ünïcödé", "\u2028\u2029", "\xff\xfe bad utf-8", "\x7f"},
		{"United States of America,China", "Industry,Academia"},
	}
	for _, c := range cases {
		want, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendCellsJSON(nil, c); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", c, got, want)
		}
	}
}

func FuzzAppendCellsJSON(f *testing.F) {
	f.Add("GPT-4", "a\"b", "<&>")
	f.Add("\xff", "\u2028", "")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		cells := []string{a, b, c}
		want, _ := json.Marshal(cells)
		if got := appendCellsJSON(nil, cells); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", cells, got, want)
		}
	})
}

// Every ASCII character alone and inside text, against json.Marshal.
func TestAppendCellsJSONEveryASCII(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		cells := []string{string(rune(c)), "a" + string(rune(c)) + "b"}
		want, _ := json.Marshal(cells)
		if got := appendCellsJSON(nil, cells); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", cells, got, want)
		}
	}
}

// A row read with no cells is stored as json.Marshal writes a nil list,
// the text its hash is made of.
func TestRowVersionTextOfNoCells(t *testing.T) {
	v := rowVersion{name: "x", fromRec: true}
	if got := v.text(); got != "null" {
		t.Errorf("text of no cells = %q, want null", got)
	}
	if want := newRowVersion("x", "null").hash; hashRow(sha256.New(), "x", []byte(v.text())) != want {
		t.Error("hash of no cells differs from newRowVersion's")
	}
}
