package census_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

// thresholdRows are a hand-made export: ties at exactly 1e25 written two
// ways, a fine-tune (H) that crosses Korea's cumulative 1e26 only as its
// base's 9e25 plus its own 2e25, a fine-tune (I) whose Epoch figure does
// not add up, and a model (J) with no figure whose operation count,
// 6 × 1e11 × 2e13 = 1.2e25, crosses 1e25.
func thresholdRows() []census.Raw {
	return []census.Raw{
		raw(2, "name", "A", "date", "2017-06-01", "organization", "OpenAI", "compute", "2e23", "confidence", "Confident", "estimation_method", "Operation counting"),
		raw(3, "name", "B", "date", "2017-09-01", "organization", "Google DeepMind", "compute", "5e22"),
		raw(4, "name", "C", "date", "2020-05-01", "organization", "OpenAI", "compute", "3e23"),
		raw(5, "name", "D", "date", "2022-03-01", "organization", "Meta AI", "compute", "1e25", "estimation_method", "Hardware"),
		raw(6, "name", "E", "date", "2022-04-01", "organization", "Google DeepMind", "compute", "10000000000000000000000000"),
		raw(7, "name", "F", "date", "2023-01-01", "organization", "Anthropic", "compute", "9.99e24"),
		raw(8, "name", "G", "date", "2024-02-01", "organization", "OpenAI", "compute", "9e25"),
		raw(9, "name", "H", "date", "2024-06-01", "organization", "Meta AI", "base_model", "G", "finetune_compute", "2e25"),
		raw(10, "name", "I", "date", "2024-07-01", "organization", "NAVER", "compute", "5e25", "base_model", "G", "finetune_compute", "1e24"),
		raw(11, "name", "J", "date", "2024-08-01", "organization", "NAVER", "domain", "Language", "parameters", "1e11", "dataset_size", "2e13"),
		raw(12, "name", "K", "date", "2019-01-01", "organization", "OpenAI"),
	}
}

var testThresholds = []census.Threshold{
	{ID: "large", FLOP: 1e23, Law: "Epoch"},
	{ID: "eu", FLOP: 1e25, Law: "EU"},
	{ID: "kr", FLOP: 1e26, Cumulative: true, Law: "KR"},
}

func evaluate(t *testing.T, estimate bool) *census.ThresholdsResult {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ds := census.NewDataset(r)
	ds.EstimateMissing = estimate
	det := census.NewComputeDetails(estimate)
	for _, row := range thresholdRows() {
		det.Add(&row)
		ds.Add(&row)
	}
	res, err := census.EvaluateThresholds(ds, census.ThresholdOptions{Thresholds: testThresholds, Details: det})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Thresholds) != 3 {
		t.Fatalf("%d thresholds, want 3", len(res.Thresholds))
	}
	return res
}

func names(list []census.ThresholdModel) []string {
	out := []string{}
	for _, m := range list {
		out = append(out, m.Model)
	}
	return out
}

// The cumulative series, by hand: at 1e23, A (2017), C (2020), D and E
// (2022), F (2023), G and I (2024); developers by group OpenAI; +Meta,
// Google; +Anthropic; +NAVER.
func TestThresholdSeries(t *testing.T) {
	res := evaluate(t, false)
	f := res.Thresholds[0]
	if f.FLOP != 1e23 || f.Total != 7 || f.First == nil || f.First.Model != "A" {
		t.Fatalf("1e23: total %d, first %+v; want 7, A", f.Total, f.First)
	}
	want := []census.ThresholdYear{
		{Year: 2017, Models: 1, Cumulative: 1, Developers: 1, DevelopersCumulative: 1},
		{Year: 2018, Models: 0, Cumulative: 1, Developers: 0, DevelopersCumulative: 1},
		{Year: 2019, Models: 0, Cumulative: 1, Developers: 0, DevelopersCumulative: 1},
		{Year: 2020, Models: 1, Cumulative: 2, Developers: 1, DevelopersCumulative: 1},
		{Year: 2021, Models: 0, Cumulative: 2, Developers: 0, DevelopersCumulative: 1},
		{Year: 2022, Models: 2, Cumulative: 4, Developers: 2, DevelopersCumulative: 3},
		{Year: 2023, Models: 1, Cumulative: 5, Developers: 1, DevelopersCumulative: 4},
		{Year: 2024, Models: 2, Cumulative: 7, Developers: 2, DevelopersCumulative: 5},
	}
	if !reflect.DeepEqual(f.PerYear, want) {
		t.Errorf("1e23 per year:\n got %+v\nwant %+v", f.PerYear, want)
	}
	if f.Developers != 5 {
		t.Errorf("1e23 developers %d, want 5", f.Developers)
	}
	// B's 5e22 is exactly half the line: approaching.
	if got := names(f.Approaching); !reflect.DeepEqual(got, []string{"B"}) {
		t.Errorf("approaching 1e23: %v, want [B]", got)
	}
	if f.First.Confidence != "Confident" || f.First.Method != "Operation counting" || f.First.EpochFLOP == nil || *f.First.EpochFLOP != 2e23 {
		t.Errorf("first model's compute, confidence and method: %+v", f.First)
	}
}

// Ties at exactly 1e25, however written, are at the line; 9.99e24 is
// approaching it.
func TestThresholdTies(t *testing.T) {
	f := evaluate(t, false).Thresholds[1]
	if got := names(f.Models); !reflect.DeepEqual(got, []string{"D", "E", "G", "I"}) {
		t.Errorf("at or above 1e25: %v, want [D E G I]", got)
	}
	if got := names(f.Approaching); !reflect.DeepEqual(got, []string{"F"}) {
		t.Errorf("approaching 1e25: %v, want [F]", got)
	}
	if f.First.Model != "D" || f.First.Method != "Hardware" {
		t.Errorf("first to cross 1e25: %+v, want D by Hardware", f.First)
	}
	if n := len(f.PerYear); n != 3 || f.PerYear[0].Cumulative != 2 || f.PerYear[2].Cumulative != 4 || f.PerYear[2].DevelopersCumulative != 4 {
		t.Errorf("1e25 per year: %+v", f.PerYear)
	}
}

// H has no figure of its own; its base G's 9e25 plus its fine-tune's 2e25
// is 1.1e26, over Korea's cumulative line. I's 5e25 + 1e24 fine-tune on
// G's 9e25 makes 9.1e25: approaching.
func TestThresholdCumulative(t *testing.T) {
	res := evaluate(t, false)
	f := res.Thresholds[2]
	if !f.Cumulative || len(f.Models) != 1 || f.Models[0].Model != "H" || !f.Models[0].ByLineage || f.ByLineage != 1 {
		t.Fatalf("1e26 cumulative: %+v", f.Models)
	}
	h := f.Models[0]
	if h.FLOP != 9e25+2e25 || h.EpochFLOP != nil || h.Lineage == nil || h.Lineage.BaseFLOP != 9e25 ||
		h.Lineage.FinetuneFLOP != 2e25 || h.Lineage.Difference != 9e25+2e25 || !reflect.DeepEqual(h.Lineage.BaseModels, []string{"G"}) {
		t.Errorf("H: %+v lineage %+v", h, h.Lineage)
	}
	if got := names(f.Approaching); !reflect.DeepEqual(got, []string{"G", "I"}) {
		t.Errorf("approaching 1e26: %v, want [G I]", got)
	}
	if i := f.Approaching[1]; i.FLOP != 9e25+1e24 || i.Lineage.Difference != 9e25+1e24-5e25 {
		t.Errorf("I counted %v, lineage %+v", i.FLOP, i.Lineage)
	}
	// Not counted cumulatively under the EU's line: H has no figure there.
	for _, m := range res.Thresholds[1].Models {
		if m.Model == "H" || m.Lineage != nil {
			t.Errorf("1e25 counts the run's own figure: %+v", m)
		}
	}
	if got := names(res.Lineage); !reflect.DeepEqual(got, []string{"H", "I"}) {
		t.Errorf("models whose cumulative compute differs: %v, want [H I]", got)
	}
}

// With estimates, J's 6 × 1e11 × 2e13 = 1.2e25 crosses 1e25, marked
// estimated with its inputs; H's estimate (base + fine-tune) 1.1e26 too.
func TestThresholdEstimated(t *testing.T) {
	res := evaluate(t, true)
	f := res.Thresholds[1]
	if got := names(f.Models); !reflect.DeepEqual(got, []string{"D", "E", "G", "H", "I", "J"}) {
		t.Fatalf("at or above 1e25 with estimates: %v", got)
	}
	if f.Estimated != 2 || !res.Settings.EstimateMissing {
		t.Errorf("estimated %d, want 2", f.Estimated)
	}
	j := f.Models[5]
	if !j.Estimated || j.FLOP != 6*1e11*2e13 || j.EpochFLOP != nil || j.Method != census.MethodCounting || j.Estimate == nil {
		t.Fatalf("J: %+v", j)
	}
	in := map[string]float64{}
	for _, x := range j.Estimate.Inputs {
		in[x.Name] = x.Value
	}
	if len(in) == 0 || j.Estimate.FLOP != j.FLOP {
		t.Errorf("J's estimate inputs %v, FLOP %v", j.Estimate.Inputs, j.Estimate.FLOP)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatal(err)
	}
}

// The selection keeps what its function returns true for.
func TestThresholdSelect(t *testing.T) {
	r, _ := rules.Default()
	ds := census.NewDataset(r)
	for _, row := range thresholdRows() {
		ds.Add(&row)
	}
	res, err := census.EvaluateThresholds(ds, census.ThresholdOptions{Thresholds: testThresholds[:1],
		Select: func(m *census.Model) bool { return m.Organizations()[0] == "OpenAI" }})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(res.Thresholds[0].Models); !reflect.DeepEqual(got, []string{"A", "C", "G"}) {
		t.Errorf("OpenAI's at 1e23: %v", got)
	}
	if len(res.Thresholds[0].Laws) != 1 || res.Thresholds[0].Laws[0].ID != "large" {
		t.Errorf("laws %+v", res.Thresholds[0].Laws)
	}
}

// A base-plus-fine-tune sum within 1% of Epoch's figure is the same figure,
// rounded: not listed as a difference. One further off is.
func TestLineageTolerance(t *testing.T) {
	r, _ := rules.Default()
	ds := census.NewDataset(r)
	det := census.NewComputeDetails(false)
	for _, row := range []census.Raw{
		raw(2, "name", "Base", "date", "2024-01-01", "compute", "9e25"),
		// 9e25 + 5.1e23 = 9.051e25 against Epoch's 9.05e25: 0.01% apart.
		raw(3, "name", "Close", "date", "2025-01-01", "compute", "9.05e25", "base_model", "Base", "finetune_compute", "5.1e23"),
		// 9e25 + 5e24 = 9.5e25 against Epoch's 9.1e25: 4% apart.
		raw(4, "name", "Far", "date", "2025-02-01", "compute", "9.1e25", "base_model", "Base", "finetune_compute", "5e24"),
	} {
		det.Add(&row)
		ds.Add(&row)
	}
	res, err := census.EvaluateThresholds(ds, census.ThresholdOptions{Thresholds: testThresholds[2:], Details: det})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(res.Lineage); !reflect.DeepEqual(got, []string{"Far"}) {
		t.Errorf("listed differences: %v, want [Far]", got)
	}
}
