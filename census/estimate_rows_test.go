package census_test

import (
	"math"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

// raw builds a row from field → cell pairs.
func raw(line int, kv ...string) census.Raw {
	r := census.Raw{File: "fixture.csv", Line: line}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Set(census.Field(kv[i]), kv[i+1])
	}
	return r
}

func TestLargeScaleRule(t *testing.T) {
	for _, c := range []struct {
		name string
		row  census.Raw
		want bool
	}{
		{"base at the line", raw(2, "compute", "1e23"), true},
		{"base below", raw(3, "compute", "9.9e22"), false},
		{"known below, flag ignored", raw(4, "compute", "5e22", "possibly_large_scale", "True"), false},
		{"unknown, flagged", raw(5, "possibly_large_scale", "True"), true},
		{"unknown, not flagged", raw(6), false},
		{"derivative, own fine-tune at the line", raw(7, "compute", "1e24", "base_model", "B", "finetune_compute", "1e23"), true},
		{"derivative, small fine-tune", raw(8, "compute", "1e24", "base_model", "B", "finetune_compute", "5e22"), false},
		{"derivative, no fine-tune figure", raw(9, "compute", "1e24", "base_model", "B"), false},
		// Epoch's file leaves these out (Llama 4 Scout + ScaleRL, 2026-03-30).
		{"derivative, big fine-tune, total unknown and unflagged", raw(10, "base_model", "B", "finetune_compute", "2e23"), false},
		{"derivative, total unknown but flagged", raw(11, "base_model", "B", "finetune_compute", "2e23", "possibly_large_scale", "True"), true},
	} {
		if got := census.LargeScale(&c.row); got != c.want {
			t.Errorf("%s: LargeScale = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestActiveParams(t *testing.T) {
	for _, c := range []struct {
		name, notes string
		want        float64
	}{
		{"Qwen3-30B-A3B", "", 3e9},
		{"Ling-flash-2.0 A6.1B", "", 6.1e9},
		{"DeepSeek-V3", "671B total, 37B activated per token", 37e9},
		{"Tiny MoE", "1.2 billion active", 1.2e9},
		{"Long note", strings.Repeat("Trained on many tokens; inactive experts are pruned. ", 40) + "In total 480B, 35B ACTIVE.", 35e9},
		{"Actively trained", "200 million parameters, actively maintained", 0},
		{"GPT-3", "175 billion", 0},
		{"A100-trained", "", 0},
	} {
		if got := census.ActiveParams(c.name, c.notes); got != c.want {
			t.Errorf("ActiveParams(%q, %q) = %g, want %g", c.name, c.notes, got, c.want)
		}
	}
}

func codes(w []census.RowWarning) map[string]bool {
	m := map[string]bool{}
	for _, x := range w {
		m[x.Code] = true
	}
	return m
}

func TestEstimateRows(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	rows := []census.Raw{
		// 6 × 1e9 × 1e12 = 6e21, as Epoch says.
		raw(2, "name", "Dense", "domain", "Language", "parameters", "1e9", "dataset_size", "1e12", "compute", "6e21", "estimation_method", "Operation counting"),
		// MoE by name: 6 × 3e9 × 1e12 = 1.8e22; Epoch 1.8e22.
		raw(3, "name", "Moe-30B-A3B", "domain", "Language", "parameters", "30e9", "dataset_size", "1e12", "compute", "1.8e22", "estimation_method", "Operation counting"),
		// No active count: 6 × 100e9 × 1e12 = 6e23 against Epoch's 1e23.
		raw(4, "name", "Hidden MoE", "domain", "Language", "parameters", "100e9", "dataset_size", "1e12", "compute", "1e23", "estimation_method", "Operation counting"),
		// A bad cell is left out; the row still estimated by hardware time:
		// 100 × 312e12 × 10 h × 3600 × 0.4 = 4.4928e20.
		raw(5, "name", "Bad cell", "domain", "Vision", "parameters", "-5", "hardware", "NVIDIA A100", "hardware_quantity", "100", "training_hours", "10", "utilization", "0.4", "compute", "4.4928e20", "estimation_method", "Hardware"),
		raw(6, "name", "Unknown chip", "domain", "Vision", "hardware", "Abacus 9000", "hardware_quantity", "8", "training_hours", "5"),
		// Base 1e24 (line 2 is not it: a row of its own) + fine-tune 1e23.
		raw(7, "name", "Base", "compute", "1e24"),
		raw(8, "name", "Tuned", "base_model", "Base", "finetune_compute", "1e23", "compute", "1.1e24"),
		raw(9, "name", "Tuned badly", "base_model", "Base", "finetune_compute", "1e23", "compute", "2e24"),
		// Epoch's 1e21 on these chips implies 1e21 / (100 × 312e12 × 36000) ≈ 0.00089.
		raw(10, "name", "Idle chips", "domain", "Vision", "hardware", "NVIDIA A100", "hardware_quantity", "100", "training_hours", "10", "compute", "1e19"),
		raw(11, "name", "Nothing"),
	}
	got := census.EstimateRows(rows, r)
	if len(got.Rows) != len(rows) {
		t.Fatalf("%d rows, want %d", len(got.Rows), len(rows))
	}
	flop := func(i int) float64 {
		if got.Rows[i].Estimate == nil {
			t.Fatalf("row %d (%s): no estimate; warnings %v", i, got.Rows[i].Name, got.Rows[i].Warnings)
		}
		return got.Rows[i].Estimate.FLOP
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Abs(b) }
	for i, want := range map[int]float64{0: 6e21, 1: 1.8e22, 2: 6e23, 3: 4.4928e20, 6: 1.1e24, 7: 1.1e24} {
		if g := flop(i); !near(g, want) {
			t.Errorf("row %d (%s): %g FLOP, want %g", i, rows[i].Get(census.FieldName), g, want)
		}
	}
	if m := got.Rows[6].Estimate.Method; m != census.MethodFinetune {
		t.Errorf("Tuned: method %q, want fine-tune", m)
	}
	for i, want := range map[int]string{2: census.WarnCountingHigh, 3: census.WarnBadCell, 4: census.WarnUnknownHardware,
		7: census.WarnFinetuneSum, 8: census.WarnImpliedUtil, 9: census.WarnNoMethod} {
		if !codes(got.Rows[i].Warnings)[want] {
			t.Errorf("row %d (%s): warnings %v, want %s", i, got.Rows[i].Name, got.Rows[i].Warnings, want)
		}
	}
	for _, i := range []int{0, 1, 6} {
		if len(got.Rows[i].Warnings) != 0 {
			t.Errorf("row %d (%s): unexpected warnings %v", i, got.Rows[i].Name, got.Rows[i].Warnings)
		}
	}
	// Operation counting alone, with parameters and a dataset size: rows
	// 0, 1 and 2; 0 and 1 agree exactly, 2 is 6× off.
	c := got.Counting
	if c.Rows != 3 || c.Within2x != 2 || !near(c.MedianAbsLog10+1, 1) {
		t.Errorf("counting agreement %+v, want 3 rows, 2 within 2×, median 0", c)
	}
}
