package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/modelcensus/modelcensus/internal/shared"
)

// realCensus is the part of the JSON that ../shared/cases/real-files/
// EXPECTED.md states.
type realCensus struct {
	Total   int `json:"total"`
	PerYear []struct {
		Year, Count int
	} `json:"per_year"`
	Countries []struct {
		Code  string
		Count float64
	} `json:"countries"`
	CountriesLatest []struct {
		Code  string
		Count float64
	} `json:"countries_latest"`
	Notes []struct {
		Code  string
		Count int
	} `json:"notes"`
}

func (c realCensus) perYear() map[int]int {
	m := map[int]int{}
	for _, y := range c.PerYear {
		m[y.Year] = y.Count
	}
	return m
}

func codes(list []struct {
	Code  string
	Count float64
}) map[string]float64 {
	m := map[string]float64{}
	for _, c := range list {
		m[c.Code] = c.Count
	}
	return m
}

// Every file of ../shared/cases/real-files gives the census its
// EXPECTED.md states (counted there with a plain CSV reader), run as it
// says: report --source FILE --from 2023 --to 2025 --date 2026-08-19.
func TestRealFilesFromAnalystsDesks(t *testing.T) {
	dir := shared.Cases(t)
	wantYears := map[int]int{2023: 4, 2024: 6, 2025: 5}
	wantCountries := map[string]float64{"US": 7, "CN": 5, "KR": 3, "FR": 1}
	wantLatest := map[string]float64{"CN": 2, "US": 2, "KR": 1}
	for _, f := range []string{"semicolon-excel.csv", "excel-unicode-text.txt", "excel-us-dates.csv",
		"appledouble-folder", "pandas-nan-strings.csv", "cr-line-endings.csv"} {
		t.Run(f, func(t *testing.T) {
			code, out, errOut := run(t, nil, "report", "--source", filepath.Join(dir, f), "--from", "2023", "--to", "2025",
				"--date", "2026-08-19", "--format", "json")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var c realCensus
			if err := json.Unmarshal([]byte(out), &c); err != nil {
				t.Fatal(err)
			}
			if c.Total != 15 || !reflect.DeepEqual(c.perYear(), wantYears) {
				t.Errorf("total %d, per year %v; want 15, %v", c.Total, c.perYear(), wantYears)
			}
			if got := codes(c.Countries); !reflect.DeepEqual(got, wantCountries) {
				t.Errorf("countries %v, want %v", got, wantCountries)
			}
			if got := codes(c.CountriesLatest); !reflect.DeepEqual(got, wantLatest) {
				t.Errorf("countries 2025 %v, want %v", got, wantLatest)
			}
			for _, n := range c.Notes {
				if n.Code == "malformed_rows" || n.Code == "unmapped_country" {
					t.Errorf("note %s: %s", n.Code, errOut)
				}
				if f == "pandas-nan-strings.csv" && n.Code == "country_filled" && n.Count != 2 {
					t.Errorf("%d countries filled from the organization, want 2", n.Count)
				}
			}
		})
	}
	// The Mac folder's notable file, and one snapshot for pull.
	code, out, errOut := run(t, nil, "report", "--source", filepath.Join(dir, "appledouble-folder"), "--subset", "notable",
		"--from", "2023", "--to", "2025", "--date", "2026-08-19", "--format", "json")
	var c realCensus
	if code != ExitOK || json.Unmarshal([]byte(out), &c) != nil {
		t.Fatalf("notable: exit %d: %s", code, errOut)
	}
	if got := c.perYear(); got[2024] != 3 || got[2025] != 5 {
		t.Errorf("notable per year %v, want 2024 = 3, 2025 = 5", got)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := run(t, nil, "pull", "--db", db, "--source", filepath.Join(dir, "appledouble-folder")); code != ExitOK {
		t.Fatalf("pull: %d %s", code, errOut)
	}
	var snaps []struct {
		Files []struct{ Name string } `json:"files"`
		Rows  int                     `json:"rows"`
	}
	_, out, _ = run(t, nil, "snapshots", "--db", db, "--format", "json")
	if err := json.Unmarshal([]byte(out), &snaps); err != nil || len(snaps) != 1 || len(snaps[0].Files) != 2 {
		t.Errorf("snapshots %s (%v)", out, err)
	}
}
