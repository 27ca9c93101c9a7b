package epoch_test

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
)

// A file saved by Excel for Mac as "CSV (Macintosh)" is Mac Roman: it is
// read so, on the evidence of the organizations the rules then know and of
// its words, and its German organizations keep their country.
func TestMacRomanByEvidence(t *testing.T) {
	const header = "Model,Organization,Country (of organization),Publication date"
	rows := [][]string{
		{"Model A", "Forschungszentrum Jülich", "", "2024-01-10"},
		{"Model B", "Charité-Universitätsmedizin Berlin", "Germany", "2024-02-10"},
		{"Model C", "Universität Stuttgart", "Germany", "2024-03-10"},
		{"Model D", "OpenAI", "United States of America", "2024-04-10"},
	}
	text := string(csvText(header, rows))
	mac, err := charmap.Macintosh.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := load(t, write(t, t.TempDir(), "mac.csv", []byte(mac)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := dialectOf(ds)
	if d.Encoding != epoch.EncodingMacRoman || d.EncodingBasis != census.EncodingFromEvidence || d.Evidence.Mapped <= d.Evidence.OtherMapped {
		t.Errorf("dialect %+v", d)
	}
	// Plain count: the country cell, or else the organization's home
	// (Jülich's is Germany, as the organization table says).
	home := map[string]string{"Forschungszentrum Jülich": "DE"}
	code := map[string]string{"Germany": "DE", "United States of America": "US"}
	want := map[string]float64{}
	for _, r := range rows {
		if r[2] != "" {
			want[code[r[2]]]++
		} else {
			want[home[r[1]]]++
		}
	}
	got, _ := countries(t, ds)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("countries %v, want %v", got, want)
	}
	for i, m := range ds.Models() {
		if m.Affiliation == nil || len(m.Affiliation.Organizations) == 0 || m.Affiliation.Organizations[0] != rows[i][1] {
			t.Errorf("%s: organization %+v, want %q", m.Name, m.Affiliation, rows[i][1])
		}
	}

	// Organizations the rules do not know: the words decide. Under
	// Windows-1252 "Universität" would be "UniversitŠt".
	rows = [][]string{
		{"Model C", "Universität Stuttgart", "Germany", "2024-03-10"},
		{"Model E", "Hochschule für Technik", "Germany", "2024-05-10"},
	}
	mac, _ = charmap.Macintosh.NewEncoder().String(string(csvText(header, rows)))
	ds, err = load(t, write(t, t.TempDir(), "mac-words.csv", []byte(mac)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d = dialectOf(ds)
	if d.Encoding != epoch.EncodingMacRoman || d.EncodingBasis != census.EncodingFromWords || d.Evidence.Words != 2 || d.Evidence.OddWords != 0 {
		t.Errorf("dialect %+v", d)
	}
	res, err := census.Compute(ds, census.Options{From: 2024, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := noteOf(res.Notes, census.NoteEncodingWords); !ok || n.Args[4] != "Universität" {
		t.Errorf("note %+v", n)
	}

	// --encoding still decides.
	ds, err = load(t, write(t, t.TempDir(), "mac-words.csv", []byte(mac)), epoch.LoadOptions{Encoding: epoch.EncodingWindows1252})
	if err != nil {
		t.Fatal(err)
	}
	if d := dialectOf(ds); d.Encoding != epoch.EncodingWindows1252 || d.EncodingBasis != census.EncodingFromOption {
		t.Errorf("--encoding gave %+v", d)
	}
}

// Bytes that every single-byte encoding reads as well as the others are
// read as Windows-1252, with a note that says nothing confirmed it and
// which others read it too: never a choice that looks confirmed.
func TestEncodingWithoutEvidence(t *testing.T) {
	data := "Model,Organization,Publication date\nGrade \xe9,OpenAI,2024-01-01\nPlain,OpenAI,2024-02-01\n"
	ds, err := load(t, write(t, t.TempDir(), "unsure.csv", []byte(data)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := dialectOf(ds)
	if d.Encoding != epoch.EncodingWindows1252 || d.EncodingBasis != census.EncodingFromNone ||
		!reflect.DeepEqual(d.Evidence.Tied, []string{epoch.EncodingMacRoman}) {
		t.Errorf("dialect %+v", d)
	}
	res, err := census.Compute(ds, census.Options{From: 2024, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	n, ok := noteOf(res.Notes, census.NoteEncodingNone)
	if !ok || !strings.Contains(n.Message, "nothing in it tells") || n.Args[3] != "é" {
		t.Errorf("note %+v", n)
	}
}

// Bytes that only one of the encodings tried decodes are read in it, and
// the note says so, naming the others (not "0 of 0" values mapped).
func TestEncodingOnlyOneDecodes(t *testing.T) {
	// 0x81 is undefined in Windows-1252, and 0x81 before a comma is no
	// CP949 character: only Mac Roman reads it ("Å").
	data := "Model,Organization,Publication date\nModel \x81,OpenAI,2024-01-01\n"
	ds, err := load(t, write(t, t.TempDir(), "one.csv", []byte(data)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := dialectOf(ds)
	if d.Encoding != epoch.EncodingMacRoman || d.EncodingBasis != census.EncodingFromValid ||
		!reflect.DeepEqual(d.Evidence.Tied, []string{epoch.EncodingCP949, epoch.EncodingWindows1252}) {
		t.Errorf("dialect %+v", d)
	}
	if got := modelNames(ds); !reflect.DeepEqual(got, []string{"Model Å"}) {
		t.Errorf("models %q", got)
	}
	res, err := census.Compute(ds, census.Options{From: 2024, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := noteOf(res.Notes, census.NoteEncodingValid); !ok {
		t.Errorf("no note of the only encoding that decodes it: %+v", res.Notes)
	}
}
