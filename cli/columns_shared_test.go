package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/internal/shared"
)

// deprecatedSize is the large-scale file's dataset-size column since late
// 2025 (SOURCES.md, header H19).
const deprecatedSize = "(DEPRECATED) Training dataset size (datapoints)"

// positive reads a cell as Epoch writes numbers in these files (plain
// decimals, as 1.5e+12 or 1500000000000.0): the value, when above zero.
func positive(cell string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(cell), 64)
	return v, err == nil && v > 0
}

// estimate --source on a shared large-scale file reads its dataset sizes:
// the rows that allow operation counting are those with parameters and a
// dataset size, counted here with a plain loop over the CSV.
func TestEstimateLargeScaleReadsDatasetSize(t *testing.T) {
	for _, rel := range []string{"2026-03-30/large_scale_ai_models.csv", "2026-08-19/epoch_large_scale_ai_models.csv"} {
		path := filepath.Join(shared.Snapshots(t), filepath.FromSlash(rel))
		want := 0
		for _, r := range readCSV(t, path) {
			if _, ok := r[deprecatedSize]; !ok {
				t.Fatalf("%s has no %q column", rel, deprecatedSize)
			}
			_, okP := positive(r["Parameters"])
			_, okD := positive(r[deprecatedSize])
			if okP && okD {
				want++
			}
		}
		code, out, errOut := run(t, nil, "estimate", "--source", path, "--format", "json")
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", rel, code, errOut)
		}
		var res struct {
			Countable int            `json:"countable"`
			ByMethod  map[string]int `json:"by_method"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if want == 0 || res.Countable != want {
			t.Errorf("%s: %d rows allow operation counting, a plain count gives %d", rel, res.Countable, want)
		}
		if res.ByMethod["counting"]+res.ByMethod["both"] == 0 {
			t.Errorf("%s: no estimate uses operation counting: %v", rel, res.ByMethod)
		}
		t.Logf("%s: %d rows with parameters and a dataset size; by method %v", rel, want, res.ByMethod)
	}
}

// Discovery's "too small even on the largest dataset" rule on a shared
// large-scale file: with its dataset sizes read, a 100M-parameter model
// cannot reach 1e23 FLOP (6 × 1e8 × the largest language dataset, found
// here with a plain loop) and is dropped; a 236B one is proposed.
func TestDiscoverLargeScaleDropsTinyModel(t *testing.T) {
	path := filepath.Join(shared.Snapshots(t), "2026-03-30", "large_scale_ai_models.csv")
	maxTokens := 0.0
	for _, r := range readCSV(t, path) {
		if v, ok := positive(r[deprecatedSize]); ok && strings.Contains(r["Domain"], "Language") && v > maxTokens {
			maxTokens = v
		}
	}
	const tiny, big = 1e8, 236e9
	if !(6*tiny*maxTokens < 1e23 && 6*big*maxTokens >= 1e23) {
		t.Fatalf("largest language dataset %g: the fixture's models no longer straddle 1e23 FLOP", maxTokens)
	}
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/resolve/") {
			http.NotFound(w, r) // no config.json, no card
			return
		}
		if r.URL.Query().Get("author") != "LGAI-EXAONE" {
			fmt.Fprint(w, `[]`)
			return
		}
		fmt.Fprintf(w, `[{"id":"LGAI-EXAONE/EXAONE-9.0-Tiny","createdAt":"2026-09-01T00:00:00.000Z","tags":[],"safetensors":{"total":%d}},
			{"id":"LGAI-EXAONE/EXAONE-9.0-Big","createdAt":"2026-09-01T00:00:00.000Z","tags":[],"safetensors":{"total":%d}}]`, int64(tiny), int64(big))
	}))
	defer hub.Close()
	db := filepath.Join(t.TempDir(), "s.db")
	code, out, errOut := run(t, nil, "discover", "--source", path, "--db", db, "--overlay", "none", "--sources", "hf",
		"--hf-endpoint", hub.URL, "--format", "json")
	if code != ExitOK {
		t.Fatalf("discover: exit %d: %s", code, errOut)
	}
	var list []discover.Candidate
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var names []string
	for _, c := range list {
		names = append(names, c.Name)
	}
	got := strings.Join(names, " ")
	if strings.Contains(got, "Tiny") || !strings.Contains(got, "EXAONE-9.0-Big") {
		t.Errorf("candidates %q: want EXAONE-9.0-Big and not the 100M-parameter EXAONE-9.0-Tiny (largest dataset %g tokens)", got, maxTokens)
	}
}

// A hand-made large-scale file with the deprecated dataset-size column:
// Alpha (7e9 parameters, 2e12 tokens) and Beta (1e9, 3e11) allow operation
// counting, Gamma (no tokens) does not; Alpha's estimate is 6 × 7e9 × 2e12
// = 8.4e22 FLOP.
func TestEstimateDeprecatedDatasetSizeColumn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large_scale_ai_models.csv")
	data := "Model,Domain,Publication date,Parameters,(DEPRECATED) Training dataset size (datapoints),Training compute (FLOP)\n" +
		"Alpha,Language,2025-01-01,7000000000.0,2000000000000.0,\n" +
		"Beta,Language,2025-02-01,1000000000.0,300000000000.0,\n" +
		"Gamma,Language,2025-03-01,5000000000.0,,\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, nil, "estimate", "--source", path, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Countable int `json:"countable"`
		Rows      []struct {
			Model    string
			Estimate *struct {
				FLOP   float64 `json:"flop"`
				Method string  `json:"method"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Countable != 2 {
		t.Errorf("%d rows allow operation counting, want 2 (Alpha, Beta)", res.Countable)
	}
	for _, r := range res.Rows {
		if r.Model == "Alpha" && (r.Estimate == nil || r.Estimate.Method != "counting" || math.Abs(r.Estimate.FLOP-8.4e22) > 1e-9*8.4e22) {
			t.Errorf("Alpha's estimate %+v, want 8.4e22 FLOP by counting", r.Estimate)
		}
	}
}
