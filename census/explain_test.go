package census_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

func dataset(t *testing.T, rows ...census.Raw) *census.Dataset {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ds := census.NewDataset(r)
	for i := range rows {
		ds.Add(&rows[i])
	}
	ds.Finish()
	return ds
}

// Two hand-made snapshots, the second with one model redated, one whose
// country changed, one whose compute was revised, one renamed (and moved
// country), one added; the causes are worked out by hand.
func TestExplain(t *testing.T) {
	us, cn, gb, fr, jp, kr := "United States of America", "China", "United Kingdom of Great Britain and Northern Ireland", "France", "Japan", "Korea (Republic of)"
	a := dataset(t,
		raw(2, "name", "M1", "date", "2023-05-01", "country", us),
		raw(3, "name", "M2", "date", "2023-06-01", "country", cn),
		raw(4, "name", "M3", "date", "2024-01-01", "country", us, "compute", "1e24"),
		raw(5, "name", "Old", "date", "2024-02-01", "country", gb),
	)
	b := dataset(t,
		raw(2, "name", "M1", "date", "2024-01-15", "country", us),
		raw(3, "name", "M2", "date", "2023-06-01", "country", kr),
		raw(4, "name", "M3", "date", "2024-01-01", "country", us, "compute", "2e24"),
		raw(5, "name", "New", "date", "2024-02-01", "country", fr),
		raw(6, "name", "Add1", "date", "2023-03-01", "country", jp),
	)
	list, err := census.Explain(a, b, census.Options{From: 2023, To: 2024}, map[string]string{"Old": "New"})
	if err != nil {
		t.Fatal(err)
	}
	if msg := census.ExplainSum(list); msg != "" {
		t.Error(msg)
	}
	got := map[string]string{}
	for _, e := range list {
		var cs []string
		for _, c := range e.Causes {
			cs = append(cs, c.Cause+":"+c.Model)
		}
		sort.Strings(cs)
		got[e.Figure+"/"+e.Key] = strings.Join(cs, " ")
	}
	want := map[string]string{
		"total/":                "added:Add1",
		"per_year/2023":         "added:Add1 redated:M1",
		"per_year/2024":         "redated:M1",
		"countries/CN":          "country_changed:M2",
		"countries/KR":          "country_changed:M2",
		"countries/JP":          "added:Add1",
		"countries/GB":          "country_changed:New",
		"countries/FR":          "country_changed:New",
		"countries_latest/US":   "redated:M1",
		"countries_latest/GB":   "country_changed:New",
		"countries_latest/FR":   "country_changed:New",
		"top_compute_latest/M3": "compute_revised:M3",
		// A blank domain is the group "Unknown"; only 2024 is the latest year.
		"domains/Unknown":        "added:Add1",
		"domains_latest/Unknown": "redated:M1",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: causes %q, want %q", k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected explanation %s: %s", k, got[k])
		}
	}
	for _, e := range list {
		if e.Figure == "per_year" && e.Key == "2024" && (e.Before != 2 || e.After != 3 || e.Delta != 1) {
			t.Errorf("per_year 2024: %v → %v (%v), want 2 → 3 (+1)", e.Before, e.After, e.Delta)
		}
		if e.Figure == "top_compute_latest" && e.Key == "M3" && e.Delta != 1e24 {
			t.Errorf("M3's ranking delta %g, want 1e24", e.Delta)
		}
	}
}

// A model that leaves the ranking although its compute rose was displaced
// by others, not revised out.
func TestExplainRankingDisplaced(t *testing.T) {
	a := dataset(t,
		raw(2, "name", "M1", "date", "2024-05-01", "compute", "2e24"),
		raw(3, "name", "M2", "date", "2024-05-01", "compute", "1e24"),
	)
	b := dataset(t,
		raw(2, "name", "M1", "date", "2024-05-01", "compute", "2.5e24"),
		raw(3, "name", "M2", "date", "2024-05-01", "compute", "1e24"),
		raw(4, "name", "M3", "date", "2024-06-01", "compute", "3e24"),
	)
	list, err := census.Explain(a, b, census.Options{From: 2024, To: 2024, Top: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range list {
		if e.Figure == census.FigureTopComputeLatest {
			for _, c := range e.Causes {
				got[c.Model] = c.Cause
			}
		}
	}
	if got["M1"] != census.CauseDisplaced || got["M3"] != census.CauseAdded || len(got) != 2 {
		t.Errorf("ranking causes %v; want M1 displaced, M3 added", got)
	}
}
