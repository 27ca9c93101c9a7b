package census_test

import (
	"errors"
	"math"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

func chip(t *testing.T, name string) *census.Chip {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, ok := r.HardwareChip(name)
	if !ok {
		t.Fatalf("no chip %q in the hardware table", name)
	}
	return &c
}

func within(got, want, frac float64) bool { return math.Abs(got-want) <= frac*want }

// The values of ../shared/reference/compute-estimation.md, each within 2%
// of the stated result: both methods, the geometric mean, a mixture of
// experts and a fine-tune.
func TestEstimateGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     census.EstimateInputs
		want   float64
		method string
	}{
		{"GPT-3 175B, counting", census.EstimateInputs{Params: 175e9, Tokens: 300e9}, 3.15e23, census.MethodCounting},
		{"GPT-3 175B, hardware", census.EstimateInputs{Chip: chip(t, "NVIDIA V100"), Chips: 10000, Hours: 355.2, Utilization: 0.1966}, 3.14e23, census.MethodHardware},
		{"Llama 3.1-405B", census.EstimateInputs{Params: 405e9, Tokens: 15.6e12}, 3.79e25, census.MethodCounting},
		{"Llama 2-70B, hardware", census.EstimateInputs{Chip: chip(t, "NVIDIA A100"), ChipHours: 1720320, Utilization: 0.40}, 7.73e23, census.MethodHardware},
		{"DeepSeek-V3 (MoE)", census.EstimateInputs{Params: 671e9, ActiveParams: 37e9, Tokens: 14.8e12}, 3.29e24, census.MethodCounting},
		{"DeepSeek-R1 (fine-tune of V3)", census.EstimateInputs{BaseCompute: 3.29e24, FinetuneCompute: 1.8e23}, 3.47e24, census.MethodFinetune},
		{"Mi:dm 200B", census.EstimateInputs{Params: 200e9, Tokens: 1e12}, 1.2e24, census.MethodCounting},
		// Both methods: the geometric mean of GPT-3's two figures.
		{"GPT-3 175B, both", census.EstimateInputs{Params: 175e9, Tokens: 300e9, Chip: chip(t, "NVIDIA V100"), Chips: 10000, Hours: 355.2, Utilization: 0.1966},
			math.Sqrt(3.15e23 * 3.14e23), census.MethodBoth},
	} {
		e, err := census.EstimateCompute(tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !within(e.FLOP, tc.want, 0.02) || e.Method != tc.method {
			t.Errorf("%s: %.4g by %s, want %.4g by %s", tc.name, e.FLOP, e.Method, tc.want, tc.method)
		}
	}
}

// Hand-worked cases for each default and precision rule.
func TestEstimateDefaultsAndPrecision(t *testing.T) {
	// A language model on 100 H100 SXM5 for 10 hours with no utilization
	// given: tensor FP16/BF16 peak 9.894e14 × 100 × 36,000 s × 0.30.
	e, err := census.EstimateCompute(census.EstimateInputs{Chip: chip(t, "NVIDIA H100 SXM5 80GB"), Chips: 100, Hours: 10, Language: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := 9.894e14 * 100 * 36000 * 0.30; !within(e.FLOP, want, 1e-9) || e.Confidence != "Speculative" {
		t.Errorf("language default: %.6g %s, want %.6g Speculative", e.FLOP, e.Confidence, want)
	}
	codes := map[string]bool{}
	for _, a := range e.Assumptions {
		codes[a.Code] = true
	}
	if !codes[census.AssumeUtilization] || !codes[census.AssumePeak] {
		t.Errorf("assumptions %+v", e.Assumptions)
	}
	// Not a language model: 0.40.
	e, _ = census.EstimateCompute(census.EstimateInputs{Chip: chip(t, "NVIDIA H100 SXM5 80GB"), Chips: 100, Hours: 10})
	if want := 9.894e14 * 100 * 36000 * 0.40; !within(e.FLOP, want, 1e-9) {
		t.Errorf("other default: %.6g, want %.6g", e.FLOP, want)
	}
	// Precision order: tensor FP16/BF16, else TF32, else FP16 on a TPU only,
	// else FP32.
	for _, tc := range []struct {
		c    census.Chip
		want float64
	}{
		{census.Chip{Tensor16: 3, TF32: 2, FP16: 5, FP32: 1}, 3},
		{census.Chip{TF32: 2, FP16: 5, FP32: 1}, 2},
		{census.Chip{Type: "TPU", FP16: 5, FP32: 1}, 5},
		{census.Chip{Type: "GPU", FP16: 5, FP32: 1}, 1},
	} {
		if got, _, _ := tc.c.Peak(); got != tc.want {
			t.Errorf("Peak(%+v) = %v, want %v", tc.c, got, tc.want)
		}
	}
	// Epochs multiply; none given is one, and said.
	e, _ = census.EstimateCompute(census.EstimateInputs{Params: 1e9, Tokens: 1e10, Epochs: 3})
	if e.FLOP != 6*1e9*1e10*3 {
		t.Errorf("epochs: %g", e.FLOP)
	}
	// Thresholds crossed.
	e, _ = census.EstimateCompute(census.EstimateInputs{Reported: 2e25})
	if len(e.Thresholds) != 2 || e.Thresholds[1] != 1e25 || e.Confidence != "Confident" {
		t.Errorf("thresholds %v, confidence %s", e.Thresholds, e.Confidence)
	}
}

// Bad inputs: one clear error each.
func TestEstimateBadInput(t *testing.T) {
	var ie *census.InputError
	if _, err := census.EstimateCompute(census.EstimateInputs{Params: -1, Tokens: 1}); !errors.As(err, &ie) || ie.Input != "params" {
		t.Errorf("negative: %v", err)
	}
	if _, err := census.EstimateCompute(census.EstimateInputs{Chip: &census.Chip{FP32: 1}, Chips: 1, Hours: 1, Utilization: 1.5}); !errors.As(err, &ie) || ie.Input != "utilization" {
		t.Errorf("utilization: %v", err)
	}
	if _, err := census.EstimateCompute(census.EstimateInputs{Params: 1e9}); !errors.Is(err, census.ErrNoMethod) {
		t.Errorf("nothing to go on: %v", err)
	}
}
