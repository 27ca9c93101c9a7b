package census_test

import (
	"math"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

func src(url string) []census.CurationSource {
	return []census.CurationSource{{URL: url, Retrieved: "2026-11-29"}}
}

// curationFixture is four upstream rows and eight entries, one for each
// status and rule; the expected census is counted by hand in the test.
func curationFixture(t *testing.T) (*census.Dataset, *census.Overlay) {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ov := &census.Overlay{Path: "fixture", Hash: "abc", Entries: []census.Entry{
		{ID: "add-new", Kind: census.EntryAdd, Model: "New KR", File: "add-new.toml", Line: 1,
			Cells: map[census.Field]string{census.FieldOrganization: "Kakao", census.FieldCountry: "Korea (Republic of)",
				census.FieldDate: "2024-05-01", census.FieldDomain: "Language", census.FieldParameters: "1e10", census.FieldDatasetSize: "2e12"},
			Sources: src("https://example.org/new")},
		{ID: "add-b", Kind: census.EntryAdd, Model: "Model-B", Aliases: []string{"B"}, File: "add-b.toml",
			Cells: map[census.Field]string{census.FieldDate: "2024-01-01"}, Sources: src("https://example.org/b")},
		{ID: "fix-c", Kind: census.EntryCorrect, Model: "model c", Field: census.FieldCompute, Upstream: "5e23", Value: "6e23",
			Sources: src("https://example.org/c")},
		{ID: "fix-gptx-date", Kind: census.EntryCorrect, Model: "GPT-X", Field: census.FieldDate, Upstream: "2023-01-01", Value: "2024-02-02",
			Sources: src("https://example.org/x")},
		{ID: "fix-b", Kind: census.EntryCorrect, Model: "Model B", Field: census.FieldCompute, Upstream: "1e23", Value: "2.0e23",
			Sources: src("https://example.org/b2")},
		{ID: "drop-old", Kind: census.EntryExclude, Model: "Old Name", Sources: src("https://example.org/old")},
		{ID: "drop-gone", Kind: census.EntryExclude, Model: "Gone", Sources: src("https://example.org/gone")},
		{ID: "fix-c-wrong-org", Kind: census.EntryCorrect, Model: "Model C", Organization: "OpenAI", Field: census.FieldCompute,
			Upstream: "5e23", Value: "9e23", Sources: src("https://example.org/c2")},
	}}
	ds := census.NewDataset(r)
	ds.UseOverlay(ov)
	for _, row := range []census.Raw{
		raw(2, "name", "GPT-X", "date", "2024-06-01", "organization", "OpenAI", "country", "United States of America", "compute", "1e24"),
		raw(3, "name", "Model B", "date", "2024-03-01", "organization", "NAVER", "country", "Korea (Republic of)", "compute", "2e23"),
		raw(4, "name", "Model C", "date", "2023-03-01", "organization", "Alibaba", "country", "China", "compute", "5e23"),
		raw(5, "name", "Old Name", "date", "2024-04-01", "organization", "Meta AI", "country", "United States of America"),
	} {
		ds.Add(&row)
	}
	ds.Finish()
	return ds, ov
}

func TestOverlayStatusesAndCensus(t *testing.T) {
	ds, _ := curationFixture(t)
	want := map[string]string{
		"add-new": census.StatusApplied, "add-b": census.StatusUpstream, "fix-c": census.StatusApplied,
		"fix-gptx-date": census.StatusConflict, "fix-b": census.StatusUpstream, "drop-old": census.StatusApplied,
		"drop-gone": census.StatusOrphaned, "fix-c-wrong-org": census.StatusOrphaned,
	}
	for _, s := range ds.OverlayStatuses() {
		if s.Status != want[s.ID] {
			t.Errorf("%s: status %s (%s), want %s", s.ID, s.Status, s.Detail, want[s.ID])
		}
	}
	models := map[string]census.Model{}
	for _, m := range ds.Models() {
		models[m.Name] = m
	}
	// By hand: GPT-X (redated, still 2024), Model B (once), Model C, New KR;
	// Old Name is excluded.
	if len(models) != 4 {
		t.Errorf("%d models, want 4: %v", len(models), models)
	}
	if _, ok := models["Old Name"]; ok {
		t.Error("the excluded model is counted")
	}
	if m := models["Model C"]; m.Compute != 6e23 || m.Curated == nil || m.Curated.Entries[0].ID != "fix-c" {
		t.Errorf("Model C: compute %g, curated %+v; want 6e23 by fix-c", m.Compute, m.Curated)
	}
	if m := models["GPT-X"]; m.Date != (census.Date{Year: 2024, Month: 2, Day: 2}) || m.Curated == nil {
		t.Errorf("GPT-X: date %v, curated %+v; want 2024-02-02, curated (a conflict still applies)", m.Date, m.Curated)
	}
	if m := models["Model B"]; m.Curated != nil {
		t.Errorf("Model B is marked curated, but both its entries are caught up: %+v", m.Curated)
	}
	// 6 × 1e10 × 2e12 = 1.2e23, estimated by operation counting.
	if m := models["New KR"]; math.Abs(m.Compute-1.2e23) > 1 || !m.Estimated || m.Method != census.MethodCounting ||
		m.Curated == nil || m.Curated.Entries[0].Sources[0] != "https://example.org/new" {
		t.Errorf("New KR: %g estimated %v by %q, curated %+v", m.Compute, m.Estimated, m.Method, m.Curated)
	}

	res, err := census.Compute(ds, census.Options{From: 2023, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]float64{}
	for _, c := range res.Countries {
		counts[c.Code] = c.Count
	}
	if counts["KR"] != 2 || counts["US"] != 1 || counts["CN"] != 1 || res.Total != 4 {
		t.Errorf("counts %v, total %d; want KR 2, US 1, CN 1, total 4", counts, res.Total)
	}
	o := res.Overlay
	if o == nil || o.Hash != "abc" || o.Entries[census.EntryAdd] != 2 || o.Applied[census.EntryAdd] != 1 ||
		o.Applied[census.EntryCorrect] != 2 || o.Applied[census.EntryExclude] != 1 {
		t.Errorf("overlay block %+v", o)
	}
	notes := map[string]int{}
	for _, n := range res.Notes {
		notes[n.Code] = n.Count
	}
	if notes[census.NoteOverlay] != 4 || notes[census.NoteOverlayConflict] != 1 || notes[census.NoteOverlayUpstream] != 2 || notes[census.NoteOverlayOrphaned] != 2 {
		t.Errorf("overlay notes %v", notes)
	}
	for _, tm := range res.TopComputeLatest {
		if tm.Model == "New KR" && (tm.Curated == nil || tm.Estimated == nil || !*tm.Estimated) {
			t.Errorf("New KR in the ranking without its marks: %+v", tm)
		}
	}
}

// The census without the overlay is the upstream's: both are reproducible
// from the same rows.
func TestNoOverlayNoChange(t *testing.T) {
	r, _ := rules.Default()
	ds := census.NewDataset(r)
	ds.UseOverlay(nil)
	row := raw(2, "name", "GPT-X", "date", "2024-06-01", "compute", "1e24")
	ds.Add(&row)
	res, err := census.Compute(ds, census.Options{From: 2024, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if res.Overlay != nil || res.Total != 1 || ds.OverlayStatuses() != nil {
		t.Errorf("without an overlay: block %+v, total %d", res.Overlay, res.Total)
	}
}

func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		f    census.Field
		a, b string
		want bool
	}{
		{census.FieldCompute, "4.7999999999999996e+24", "4.8e+24", true},
		{census.FieldCompute, "4.8e24", "4.9e24", false},
		{census.FieldDate, "2024-02-01", "2024-2-1", true},
		{census.FieldCountry, "China,United States of America", "United States of America, China", true},
		{census.FieldCountry, "China", "China,Korea (Republic of)", false},
		{census.FieldConfidence, " likely", "Likely", true},
		{census.FieldCompute, "", "", true},
		{census.FieldCompute, "", "1e23", false},
	} {
		if got := census.SameValue(c.f, c.a, c.b); got != c.want {
			t.Errorf("SameValue(%s, %q, %q) = %v", c.f, c.a, c.b, got)
		}
	}
	if census.MatchKey("A.X-K1") != census.MatchKey("a.x k1") {
		t.Error("MatchKey does not ignore punctuation and case")
	}
}

// A repeated name: the first row sets the status, and an exclusion drops
// every row of the name (the repeat would otherwise count instead).
func TestOverlayRepeatedName(t *testing.T) {
	r, _ := rules.Default()
	ov := &census.Overlay{Entries: []census.Entry{
		{ID: "fix", Kind: census.EntryCorrect, Model: "A", Field: census.FieldCompute, Upstream: "1e24", Value: "2e24"},
		{ID: "drop", Kind: census.EntryExclude, Model: "B"},
	}}
	ds := census.NewDataset(r)
	ds.UseOverlay(ov)
	for _, row := range []census.Raw{
		raw(2, "name", "A", "date", "2024-01-01", "compute", "1e24"),
		raw(3, "name", "A", "date", "2024-01-01", "compute", "5e22"),
		raw(4, "name", "B", "date", "2024-01-01"),
		raw(5, "name", "B", "date", "2024-01-01"),
	} {
		ds.Add(&row)
	}
	st := ds.OverlayStatuses()
	if st[0].Status != census.StatusApplied || st[1].Status != census.StatusApplied {
		t.Errorf("statuses %+v", st)
	}
	if ds.Len() != 1 || ds.Model(0).Name != "A" || ds.Model(0).Compute != 2e24 {
		t.Errorf("%d models, first %+v", ds.Len(), ds.Model(0))
	}
}
