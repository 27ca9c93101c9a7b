package epoch_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
)

// countryCode is the test's own table of the countries its fixtures use.
var countryCode = map[string]string{"United States of America": "US", "China": "CN", "Korea (Republic of)": "KR", "NA": "NA"}

// countByCountry counts the models of rows per country code, a row's
// country cell looked up in countryCode (a cell it lacks counts nowhere).
func countByCountry(rows [][]string, col int) map[string]float64 {
	out := map[string]float64{}
	for _, r := range rows {
		if c, ok := countryCode[r[col]]; ok {
			out[c]++
		}
	}
	return out
}

func csvText(header string, rows [][]string) []byte {
	var b strings.Builder
	b.WriteString(header + "\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	return []byte(b.String())
}

func countries(t *testing.T, ds *census.Dataset) (map[string]float64, []census.Note) {
	t.Helper()
	res, err := census.Compute(ds, census.Options{From: 2020, To: 2025})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, c := range res.Countries {
		got[c.Code] = c.Count
	}
	return got, res.Notes
}

func noteOf(notes []census.Note, code string) (census.Note, bool) {
	for _, n := range notes {
		if n.Code == code {
			return n, true
		}
	}
	return census.Note{}, false
}

// R's write.csv writes a missing value as NA, in every column: NA in the
// country column is then a blank, not Namibia, and the blanks are noted
// once with their count. The organizations are unknown to the rules, so
// that no blank country is filled from them.
func TestRMissingValuesAreNotNamibia(t *testing.T) {
	const header = "Model,Organization,Country (of organization),Publication date,Training compute (FLOP),Parameters"
	rows := [][]string{
		{"A", "Lab One", "United States of America", "2024-01-01", "1e24", "NA"},
		{"B", "Lab Two", "NA", "2024-02-01", "NA", "7e9"},
		{"C", "Lab Three", "China", "2024-03-01", "2e24", "NA"},
		{"D", "Lab Four", "NA", "2025-01-01", "NA", "NA"},
		{"E", "Lab Five", "Korea (Republic of)", "2025-02-01", "3e24", "1e10"},
	}
	ds, err := load(t, write(t, t.TempDir(), "r_export.csv", csvText(header, rows)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Plain count: every country cell but NA, and every NA cell.
	want := map[string]float64{}
	nas := 0
	for _, r := range rows {
		if c := r[2]; c != "NA" {
			want[countryCode[c]]++
		}
		for _, c := range r {
			if c == "NA" {
				nas++
			}
		}
	}
	got, notes := countries(t, ds)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("countries %v, want %v (NA is R's missing value here)", got, want)
	}
	if n, ok := noteOf(notes, census.NoteMissingValues); !ok || n.Count != nas {
		t.Errorf("missing-value note %+v, want a count of %d", n, nas)
	}
	if _, ok := noteOf(notes, census.NoteCountryNamibia); ok {
		t.Error("NA read as Namibia in an R file")
	}
	withCompute := 0
	for _, m := range ds.Models() {
		if m.HasCompute {
			withCompute++
		}
	}
	if withCompute != 3 {
		t.Errorf("%d models with compute, want 3", withCompute)
	}
}

// Every spelling of a missing value that R, pandas, Excel, SPSS and Stata
// write is a blank in every column read: no country, no compute, no
// malformed row, and one note counting them.
func TestEveryMissingSpelling(t *testing.T) {
	spellings := []string{"NA", "<NA>", "nan", "NaN", "-nan", "None", "NaT", "NULL", "null", "#N/A", "#N/A N/A", "#NA",
		"N/A", "n/a", "-1.#IND", "1.#QNAN", "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", ".", ".a", ".z", "-", " NA "}
	const header = "Model,Organization,Country (of organization),Publication date,Training compute (FLOP),Domain"
	var rows [][]string
	for i, s := range spellings {
		rows = append(rows, []string{fmt.Sprintf("M%d", i), "Lab " + fmt.Sprint(i), s, "2024-05-01", s, s})
	}
	rows = append(rows, []string{"Real", "Lab X", "China", "2024-06-01", "1e24", "Language"})
	ds, err := load(t, write(t, t.TempDir(), "spellings.csv", csvText(header, rows)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, notes := countries(t, ds)
	if want := map[string]float64{"CN": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("countries %v, want %v", got, want)
	}
	for _, m := range ds.Models() {
		if m.Name != "Real" && (m.HasCompute || len(m.Countries) > 0) {
			t.Errorf("%s: compute %v, countries %v; want blanks", m.Name, m.HasCompute, m.Countries)
		}
	}
	if n, ok := noteOf(notes, census.NoteMissingValues); !ok || n.Count != 3*len(spellings) {
		t.Errorf("missing-value note %+v, want a count of %d", n, 3*len(spellings))
	}
	for _, n := range notes {
		if n.Code == census.NoteMalformed || n.Code == census.NoteUnmappedPrefix+"country" || n.Code == census.NoteUnmappedPrefix+"domain" {
			t.Errorf("note %s: %s", n.Code, n.Message)
		}
	}
}

// A file that writes its blanks as blanks and a country code "NA" keeps
// Namibia, and says so; one that writes NA elsewhere, even far below the
// first country NA, does not.
func TestCountryNAIsNamibiaOnlyOnEvidence(t *testing.T) {
	const header = "Model,Organization,Country (of organization),Publication date,Training compute (FLOP)"
	rows := [][]string{
		{"Etosha-1", "Windhoek Lab", "NA", "2024-01-01", "1e24"},
		{"B", "Lab Two", "China", "2024-02-01", ""},
		{"C", "Lab Three", "United States of America", "2024-03-01", "2e24"},
	}
	ds, err := load(t, write(t, t.TempDir(), "codes.csv", csvText(header, rows)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, notes := countries(t, ds)
	if want := countByCountry(rows, 2); !reflect.DeepEqual(got, want) {
		t.Errorf("countries %v, want %v", got, want)
	}
	if n, ok := noteOf(notes, census.NoteCountryNamibia); !ok || n.Count != 1 {
		t.Errorf("Namibia note %+v, want a count of 1", n)
	}

	// The same rows, and far below, a compute written NA: the file writes
	// NA as a missing value, so the first row's NA is one too.
	more := append([][]string(nil), rows...)
	for i := 0; i < 400; i++ {
		more = append(more, []string{fmt.Sprintf("Filler %d", i), "Lab Two", "China", "2023-01-01", "1e23"})
	}
	more = append(more, []string{"Late", "Lab Two", "China", "2023-02-01", "NA"})
	ds, err = load(t, write(t, t.TempDir(), "codes.csv", csvText(header, more)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, notes = countries(t, ds)
	want := map[string]float64{}
	for _, r := range more {
		if r[2] != "NA" {
			want[countryCode[r[2]]]++
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("countries %v, want %v", got, want)
	}
	if _, ok := noteOf(notes, census.NoteCountryNamibia); ok {
		t.Error("NA read as Namibia in a file that writes NA as missing")
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if n, ok := noteOf(notes, census.NoteMissingValues); !ok || n.Count != 2 {
		t.Errorf("missing-value note %+v, want 2 (the country NA and the compute NA); countries %v", n, keys)
	}
}
