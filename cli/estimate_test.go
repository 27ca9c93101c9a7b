package cli

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// estimate from flags: the JSON contract, a golden value (Llama 2-70B by
// hardware time, 7.73e23 in ../shared/reference/compute-estimation.md),
// and one clear message with exit 2 for each kind of bad input.
func TestEstimateCommand(t *testing.T) {
	code, out, errOut := run(t, nil, "estimate", "--hardware", "NVIDIA A100", "--chip-hours", "1720320", "--utilization", "0.4", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var e map[string]any
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"flop", "method", "inputs", "assumptions", "confidence", "thresholds", "warnings"} {
		if _, ok := e[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if f := e["flop"].(float64); math.Abs(f-7.73e23) > 0.02*7.73e23 || e["method"] != "hardware" {
		t.Errorf("Llama 2-70B: %v by %v", f, e["method"])
	}
	for _, args := range [][]string{
		{"--params", "-5", "--tokens", "1e9"},
		{"--hardware", "NVIDIA A100", "--chips", "1", "--hours", "1", "--utilization", "1.5"},
		{"--hardware", "No Such Chip", "--chips", "1", "--hours", "1"},
		{"--params", "1e9"},
		{"--params", "lots", "--tokens", "1e9"},
	} {
		code, out, errOut := run(t, nil, append([]string{"estimate"}, args...)...)
		if code != ExitUsage || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	_, ko, _ := run(t, nil, "estimate", "--params", "175e9", "--tokens", "300e9", "--lang", "ko")
	if !strings.Contains(ko, "학습 연산량: 3.15 × 10²³ FLOP") || !strings.Contains(ko, "연산 수 계산") {
		t.Errorf("Korean:\n%s", ko)
	}
	_, hw, _ := run(t, nil, "rules", "--kind", "hardware")
	if !strings.Contains(hw, "NVIDIA V100") || !strings.Contains(hw, "1.25e+14 FLOP/s (tensor FP16/BF16)") {
		t.Errorf("rules --kind hardware:\n%.800s", hw)
	}
}
