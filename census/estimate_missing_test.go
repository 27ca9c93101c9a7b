package census_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

// estimateMissingRows are hand-made rows of 2025, the fixture's latest
// year: two with Epoch's figure, four without one that an estimate can
// fill, and one that no method fits.
func estimateMissingRows() []census.Raw {
	return []census.Raw{
		raw(2, "name", "Reported", "date", "2025-01-10", "domain", "Language", "compute", "5e24"),
		// 6 × 1e9 × 1e10 = 6e19
		raw(3, "name", "Counted", "date", "2025-02-10", "domain", "Language", "parameters", "1e9", "dataset_size", "1e10"),
		// 1000 chips × 989.4e12 FLOP/s × 100 h × 3600 s × 0.40 (not language)
		raw(4, "name", "Timed", "date", "2025-03-10", "domain", "Vision", "hardware", "NVIDIA H100 SXM5 80GB",
			"hardware_quantity", "1000", "training_hours", "100"),
		// the base's 5e24 plus its own 1e23
		raw(5, "name", "Tuned", "date", "2025-04-10", "domain", "Language", "base_model", "Reported", "finetune_compute", "1e23"),
		raw(6, "name", "Blank", "date", "2025-05-10", "domain", "Language"),
		// mixture of experts: 6 × 3e9 active × 1e12 = 1.8e22
		raw(7, "name", "Mix-30B-A3B", "date", "2025-06-10", "domain", "Language", "parameters", "30e9", "dataset_size", "1e12"),
		raw(8, "name", "Older", "date", "2019-06-10", "domain", "Language", "parameters", "1e9", "dataset_size", "1e9"),
	}
}

func estimateMissingDataset(t *testing.T, on bool) *census.Dataset {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ds := census.NewDataset(r)
	ds.EstimateMissing = on
	for _, row := range estimateMissingRows() {
		ds.Add(&row)
	}
	ds.Finish()
	return ds
}

func TestEstimateMissingFillsAndMarks(t *testing.T) {
	ds := estimateMissingDataset(t, true)
	want := map[string]struct {
		flop   float64
		method string
	}{
		"Reported":    {5e24, ""},
		"Counted":     {6 * 1e9 * 1e10, census.MethodCounting},
		"Timed":       {1000 * 989.4e12 * 100 * 3600 * 0.40, census.MethodHardware},
		"Tuned":       {5e24 + 1e23, census.MethodFinetune},
		"Mix-30B-A3B": {6 * 3e9 * 1e12, census.MethodCounting},
		"Older":       {6 * 1e9 * 1e9, census.MethodCounting},
	}
	for _, m := range ds.Models() {
		w, ok := want[m.Name]
		if !ok {
			if m.HasCompute || m.Estimated {
				t.Errorf("%s: HasCompute %v, Estimated %v; want neither (no method fits)", m.Name, m.HasCompute, m.Estimated)
			}
			continue
		}
		if !m.HasCompute || math.Abs(m.Compute-w.flop) > 1e-9*w.flop {
			t.Errorf("%s: compute %g (has %v), want %g", m.Name, m.Compute, m.HasCompute, w.flop)
		}
		if m.Estimated != (w.method != "") || m.Method != w.method {
			t.Errorf("%s: estimated %v by %q, want %q", m.Name, m.Estimated, m.Method, w.method)
		}
	}

	res, err := census.Compute(ds, census.Options{From: 2021, To: 2025, Top: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Settings.EstimateMissing {
		t.Error("settings do not say that missing compute was estimated")
	}
	// Ranked by hand: Tuned 5.1e24, Reported 5e24, Timed 1.42e23,
	// Mix 1.8e22, Counted 6e19; Blank has none.
	order := []string{"Tuned", "Reported", "Timed", "Mix-30B-A3B", "Counted"}
	if len(res.TopComputeLatest) != len(order) {
		t.Fatalf("top compute lists %d models, want %d", len(res.TopComputeLatest), len(order))
	}
	for i, tm := range res.TopComputeLatest {
		if tm.Model != order[i] {
			t.Errorf("top %d is %s, want %s", i+1, tm.Model, order[i])
		}
		est := want[tm.Model].method != ""
		if tm.Estimated == nil || *tm.Estimated != est || tm.Method != want[tm.Model].method {
			t.Errorf("%s: estimated %v, method %q; want %v, %q", tm.Model, tm.Estimated, tm.Method, est, want[tm.Model].method)
		}
	}
	notes := map[string]census.Note{}
	for _, n := range res.Notes {
		notes[n.Code] = n
	}
	// Four in 2021–2025 were filled (Older is out of the period); one is
	// still missing.
	if n := notes[census.NoteComputeEstimated]; n.Count != 4 {
		t.Errorf("compute_estimated note counts %d, want 4", n.Count)
	}
	if n := notes[census.NoteMissingCompute]; n.Count != 1 || len(n.Items) != 1 || n.Items[0] != "Blank" {
		t.Errorf("missing_compute note = %d %v, want 1 [Blank]", n.Count, n.Items)
	}

	// --min-compute counts an estimate like a figure: Tuned, Reported and
	// Timed are at or above 1e23.
	res, err = census.Compute(ds, census.Options{From: 2021, To: 2025, MinCompute: 1e23})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 {
		t.Errorf("min-compute 1e23 counts %d models, want 3", res.Total)
	}

	// The table shows whose each figure is.
	f, _ := census.FigureByName(census.FigureTopComputeLatest)
	cols := f.ColumnsFor(res)
	if last := cols[len(cols)-1]; last.ID != "method" {
		t.Errorf("last column of the top-compute table is %q, want method", last.ID)
	}
	rows := f.RowsFor(res)
	if got := rows[0].Cells[len(cols)-1].Text; got != census.MethodFinetune {
		t.Errorf("first row's method cell %q, want %q", got, census.MethodFinetune)
	}
	if !rows[0].Cells[4].Estimated || rows[1].Cells[4].Estimated {
		t.Errorf("FLOP cells marked %v, %v; want true, false", rows[0].Cells[4].Estimated, rows[1].Cells[4].Estimated)
	}
}

// Without the option, nothing changes: no estimate, no new key in the
// JSON, no new column.
func TestEstimateMissingOffChangesNothing(t *testing.T) {
	ds := estimateMissingDataset(t, false)
	n := 0
	for _, m := range ds.Models() {
		if m.Estimated {
			t.Errorf("%s is estimated without the option", m.Name)
		}
		if m.HasCompute {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d models have compute, want 1 (Reported)", n)
	}
	res, err := census.Compute(ds, census.Options{From: 2021, To: 2025})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"estimated"`, `"method"`, `"estimate_missing"`, census.NoteComputeEstimated} {
		if strings.Contains(string(b), key) {
			t.Errorf("JSON without --estimate-missing has %s", key)
		}
	}
	f, _ := census.FigureByName(census.FigureTopComputeLatest)
	if cols := f.ColumnsFor(res); len(cols) != 6 || cols[len(cols)-1].ID != "confidence" {
		t.Errorf("top-compute columns without the option: %d, last %q; want 6, confidence", len(cols), cols[len(cols)-1].ID)
	}
	for _, row := range f.RowsFor(res) {
		if len(row.Cells) != 6 {
			t.Errorf("a row has %d cells, want 6", len(row.Cells))
		}
	}
}
