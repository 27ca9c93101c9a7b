package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
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
	if !strings.Contains(hw, "NVIDIA V100") || !strings.Contains(hw, "1.25 × 10¹⁴ FLOP/s (tensor FP16/BF16)") {
		t.Errorf("rules --kind hardware:\n%.800s", hw)
	}
}

// estimate --source on a hand-made file: each bad row gets one warning
// naming its line and the others are still estimated; --large-scale
// applies Epoch's rule, counted here by hand: Delta (2e23), Epsilon
// (flagged), Eta (own fine-tune 2e23); not Zeta (fine-tune 2e22).
func TestEstimateSourceFixture(t *testing.T) {
	const f = "../testdata/estimate_fixture.csv"
	code, out, errOut := run(t, nil, "estimate", "--source", f, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"estimate_fixture.csv:3: Beta: Parameters: \"lots\"", "estimate_fixture.csv:4: Gamma: training hardware \"Abacus 9000\""} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	var res struct {
		Rows []struct {
			Model    string
			Estimate *struct {
				FLOP   float64
				Method string
			}
		}
		Counting struct {
			Rows     int
			Within2x int `json:"within_2x"`
		} `json:"counting"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 8 {
		t.Fatalf("%d rows, want 8", len(res.Rows))
	}
	// Alpha: 6 × 1e9 × 1e12; Eta: Delta's 2e23 + its own 2e23.
	if e := res.Rows[0].Estimate; e == nil || math.Abs(e.FLOP-6e21) > 1e9 || e.Method != "counting" {
		t.Errorf("Alpha: %+v", e)
	}
	if e := res.Rows[6].Estimate; e == nil || math.Abs(e.FLOP-4e23) > 1e12 || e.Method != "fine-tune" {
		t.Errorf("Eta: %+v", e)
	}
	if res.Counting.Rows != 1 || res.Counting.Within2x != 1 {
		t.Errorf("counting agreement %+v", res.Counting)
	}
	code, out, errOut = run(t, nil, "estimate", "--source", f, "--large-scale", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var members []struct{ Model string }
	if err := json.Unmarshal([]byte(out), &members); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range members {
		names = append(names, m.Model)
	}
	if got := strings.Join(names, ","); got != "Delta,Epsilon,Eta" {
		t.Errorf("large-scale %s, want Delta,Epsilon,Eta", got)
	}
	// Flags that describe one model make no sense beside --source.
	if code, _, errOut := run(t, nil, "estimate", "--source", f, "--params", "1e9"); code != ExitUsage {
		t.Errorf("--source with --params: exit %d, %s", code, errOut)
	}
	if code, _, errOut := run(t, nil, "estimate", "--large-scale", "--params", "1e9"); code != ExitUsage {
		t.Errorf("--large-scale without --source: exit %d, %s", code, errOut)
	}
	_, ko, _ := run(t, nil, "estimate", "--source", f, "--lang", "ko")
	if !strings.Contains(ko, "요약") || !strings.Contains(ko, "연산 수 계산으로 추정 가능한 행: 2") {
		t.Errorf("Korean summary:\n%s", ko)
	}
}

// rules --unmapped names the hardware the table cannot match.
func TestRulesUnmappedHardware(t *testing.T) {
	code, out, errOut := run(t, nil, "rules", "--source", "../testdata/estimate_fixture.csv", "--unmapped", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var ms []struct {
		Kind, Raw string
		Mapped    bool
	}
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	found := false
	for _, m := range ms {
		if m.Kind == "hardware" && m.Raw == "Abacus 9000" && !m.Mapped {
			found = true
		}
	}
	if !found {
		t.Errorf("Abacus 9000 not listed as unmapped hardware: %s", out)
	}
}

// report --estimate-missing fills the fixture's missing compute (worked
// by hand in testdata/README.md), says how many in the notes, and the
// text marks and explains them; without the flag nothing is filled.
func TestReportEstimateMissing(t *testing.T) {
	src := "../testdata/estimate_missing_fixture.csv"
	code, out, errOut := run(t, nil, "report", "--source", src, "--date", "2025-03-01", "--estimate-missing", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res census.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range res.TopComputeLatest {
		got = append(got, fmt.Sprintf("%s=%s/%v", m.Model, m.Method, m.Estimated != nil && *m.Estimated))
	}
	if want := "Tuned=fine-tune/true Reported=/false Timed=hardware/true Counted=counting/true"; strings.Join(got, " ") != want {
		t.Errorf("top compute %q, want %q", strings.Join(got, " "), want)
	}
	notes := map[string]int{}
	for _, n := range res.Notes {
		notes[n.Code] = n.Count
	}
	if notes[census.NoteComputeEstimated] != 3 || notes[census.NoteMissingCompute] != 1 {
		t.Errorf("notes: %d filled, %d missing; want 3, 1", notes[census.NoteComputeEstimated], notes[census.NoteMissingCompute])
	}

	code, out, _ = run(t, nil, "report", "--source", src, "--date", "2025-03-01", "--estimate-missing", "--lang", "ko")
	if code != 0 || !strings.Contains(out, "5.1 × 10²⁴*") || !strings.Contains(out, "추산: 연산 수 계산") || !strings.Contains(out, "Epoch의 방법으로 추산한 값") {
		t.Errorf("Korean text lacks the mark, method or footnote (exit %d):\n%s", code, out)
	}

	code, out, _ = run(t, nil, "report", "--source", src, "--date", "2025-03-01", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	res = census.Result{}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.TopComputeLatest) != 1 || res.Settings.EstimateMissing || strings.Contains(out, `"estimated"`) {
		t.Errorf("without the flag: %d ranked, estimate_missing %v", len(res.TopComputeLatest), res.Settings.EstimateMissing)
	}
}
