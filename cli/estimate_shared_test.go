package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/internal/shared"
)

// readCSV reads a shared export with encoding/csv alone, as a check
// independent of modelcensus's reader: one map per row.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[strings.TrimPrefix(h, "\ufeff")] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

func normName(s string) string { return strings.Join(strings.Fields(s), " ") }

// The large-scale rule applied to the 2026-03-30 all-models file against
// the large-scale file of the same download. The two files are separate
// Airtable views (SOURCES.md: data as of 2025-12-31 and 2026-02-19), so
// the test allows only differences the all-models file cannot show: no
// model the rule lists may be missing from Epoch's file, and each of
// Epoch's that the rule misses must be absent from the all-models file or
// carry there no compute and no "Possibly over 1e23 FLOP" flag.
func TestEstimateLargeScaleMatchesEpoch(t *testing.T) {
	dir := filepath.Join(shared.Snapshots(t), "2026-03-30")
	all := filepath.Join(dir, "all_ai_models.csv")
	code, out, errOut := run(t, nil, "estimate", "--source", all, "--large-scale", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var members []struct{ Model string }
	if err := json.Unmarshal([]byte(out), &members); err != nil {
		t.Fatal(err)
	}
	epoch := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(dir, "large_scale_ai_models.csv")) {
		epoch[normName(r["Model"])] = true
	}
	ours := map[string]bool{}
	for _, m := range members {
		ours[m.Model] = true
		if !epoch[m.Model] {
			t.Errorf("%q is large-scale by the rule but not in Epoch's large-scale file", m.Model)
		}
	}
	rows := map[string][]map[string]string{}
	for _, r := range readCSV(t, all) {
		rows[normName(r["Model"])] = append(rows[normName(r["Model"])], r)
	}
	absent, blank := 0, 0
	for name := range epoch {
		if ours[name] {
			continue
		}
		rs, ok := rows[name]
		if !ok {
			absent++
			continue
		}
		for _, r := range rs {
			if strings.TrimSpace(r["Training compute (FLOP)"]) != "" || r["Possibly over 1e23 FLOP"] == "True" {
				t.Errorf("%q is in Epoch's large-scale file and its all-models row has compute %q, flag %q, yet the rule leaves it out",
					name, r["Training compute (FLOP)"], r["Possibly over 1e23 FLOP"])
			}
		}
		blank++
	}
	t.Logf("rule: %d models; Epoch's file: %d; Epoch's not in the all-models file: %d; with no compute and no flag there: %d",
		len(ours), len(epoch), absent, blank)
}

// Agreement with Epoch on the rows it estimated by operation counting
// alone that carry parameters and a dataset size: at least 75% within 2×.
// The rows are counted here with a plain loop.
func TestEstimateAgreementWithEpoch(t *testing.T) {
	all := filepath.Join(shared.Snapshots(t), "2026-03-30", "all_ai_models.csv")
	code, out, errOut := run(t, nil, "estimate", "--source", all, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Counting struct {
			Rows     int     `json:"rows"`
			Within2x int     `json:"within_2x"`
			Share    float64 `json:"share_within_2x"`
		} `json:"counting"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range readCSV(t, all) {
		_, e1 := strconv.ParseFloat(r["Parameters"], 64)
		_, e2 := strconv.ParseFloat(r["Training dataset size (total)"], 64)
		c, e3 := strconv.ParseFloat(r["Training compute (FLOP)"], 64)
		if r["Training compute estimation method"] == "Operation counting" && e1 == nil && e2 == nil && e3 == nil && c > 0 {
			want++
		}
	}
	if res.Counting.Rows != want {
		t.Errorf("compared %d rows, a plain count gives %d", res.Counting.Rows, want)
	}
	if res.Counting.Share < 0.75 {
		t.Errorf("%d of %d within 2× (%.1f%%), want at least 75%%", res.Counting.Within2x, res.Counting.Rows, 100*res.Counting.Share)
	}
	t.Logf("%d of %d within 2× (%.1f%%)", res.Counting.Within2x, res.Counting.Rows, 100*res.Counting.Share)
}
