package snapshots

import (
	"reflect"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

// Leading years that no snapshot counts are dropped; a zero inside the
// range stays.
func TestTrimEmptyYears(t *testing.T) {
	yc := func(pairs ...int) []census.YearCount {
		var out []census.YearCount
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, census.YearCount{Year: pairs[i], Count: pairs[i+1]})
		}
		return out
	}
	h := &History{From: 2018, To: 2022, Points: []Point{
		{Counts: yc(2018, 0, 2019, 0, 2020, 2, 2021, 0, 2022, 5)},
		{Counts: yc(2018, 0, 2019, 1, 2020, 3, 2021, 0, 2022, 6)},
	}}
	h.trimEmptyYears()
	if h.From != 2019 {
		t.Errorf("From = %d, want 2019", h.From)
	}
	if want := yc(2019, 0, 2020, 2, 2021, 0, 2022, 5); !reflect.DeepEqual(h.Points[0].Counts, want) {
		t.Errorf("counts %v, want %v", h.Points[0].Counts, want)
	}
	empty := &History{From: 2018, To: 2020, Points: []Point{{Counts: yc(2018, 0, 2019, 0, 2020, 0)}}}
	empty.trimEmptyYears()
	if empty.From != 2020 || len(empty.Points[0].Counts) != 1 {
		t.Errorf("all zero: From %d, counts %v", empty.From, empty.Points[0].Counts)
	}
}

// A change of spelling that the rules map to the same values is told from
// a real change.
func TestSpellingOnly(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	orgs := normalized(census.SplitOrganizations, r.Organization, func(o census.Organization) string { return o.Name })
	countries := normalized(census.SplitList, r.Country, func(c census.Country) string { return c.Code })
	cases := []struct {
		a, b  string
		split func(string) []string
		want  bool
	}{
		{"Cohere,Cohere for AI", "Cohere,Cohere Labs (formerly Cohere for AI)", orgs, true},
		{"Cohere", "OpenAI", orgs, false},
		{"Korea (Republic of)", "Korea (Republic of),Korea (Republic of)", countries, true},
		{"United Kingdom of Great Britain and Northern Ireland", "United Kingdom", countries, true},
		{"United States of America", "China", countries, false},
	}
	for _, tc := range cases {
		if got := sameSet(tc.a, tc.b, tc.split); got != tc.want {
			t.Errorf("sameSet(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
