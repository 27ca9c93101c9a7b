package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/snapshots"
)

// subsetFolders lists the shared snapshot folders holding a file of the
// subset ("large_scale" or "notable" in its name), oldest first, with the
// file.
func subsetFolders(t *testing.T, kind string) (dirs, files []string) {
	t.Helper()
	root := shared.Snapshots(t)
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		matches, _ := filepath.Glob(filepath.Join(root, e.Name(), "*"+kind+"*.csv"))
		if len(matches) == 1 {
			dirs = append(dirs, filepath.Join(root, e.Name()))
			files = append(files, matches[0])
		}
	}
	return dirs, files
}

// plainPerYear counts a file's models per publication year with
// encoding/csv alone: each whitespace-normalized name once (its first row),
// rows without a name or a YYYY date left out.
func plainPerYear(t *testing.T, path string) map[int]int {
	t.Helper()
	seen := map[string]bool{}
	out := map[int]int{}
	for _, r := range readCSV(t, path) {
		name := normName(r["Model"])
		if name == "" {
			name = normName(r["System"])
		}
		date := strings.TrimSpace(r["Publication date"])
		if name == "" || len(date) < 4 || seen[name] {
			continue
		}
		y, err := strconv.Atoi(date[:4])
		if err != nil {
			continue
		}
		seen[name] = true
		out[y]++
	}
	return out
}

// On every consecutive pair of shared large-scale snapshots, and of notable
// ones, diff --explain's causes add up to each key's delta; its per-year
// and total figures are a plain recount of each file; and no training
// compute change is float noise.
func TestExplainAddsUpOnEveryPair(t *testing.T) {
	for _, kind := range []string{"large_scale", "notable"} {
		dirs, files := subsetFolders(t, kind)
		if len(dirs) < 2 {
			t.Fatalf("%s: %d snapshots", kind, len(dirs))
		}
		subset := strings.ReplaceAll(kind, "_", "-")
		for i := 1; i < len(dirs); i++ {
			a, b := dirs[i-1], dirs[i]
			exit, out, errOut := run(t, nil, "diff", a, b, "--subset", subset, "--explain", "--format", "json")
			if exit != 0 {
				t.Fatalf("diff %s %s: exit %d: %s", a, b, exit, errOut)
			}
			var d snapshots.Diff
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatal(err)
			}
			label := filepath.Base(a) + "→" + filepath.Base(b) + " " + kind
			if msg := census.ExplainSum(d.Explain); msg != "" {
				t.Errorf("%s: %s", label, msg)
			}
			ya, yb := plainPerYear(t, files[i-1]), plainPerYear(t, files[i])
			from, to := d.Census.Period.From, d.Census.Period.To
			totalA, totalB := 0, 0
			for y := from; y <= to; y++ {
				totalA += ya[y]
				totalB += yb[y]
			}
			for _, e := range d.Explain {
				switch e.Figure {
				case census.FigureTotal:
					if int(e.Before) != totalA || int(e.After) != totalB {
						t.Errorf("%s: total %v → %v, plain recount %d → %d", label, e.Before, e.After, totalA, totalB)
					}
				case census.FigurePerYear:
					y, _ := strconv.Atoi(e.Key)
					if int(e.Before) != ya[y] || int(e.After) != yb[y] {
						t.Errorf("%s: %d %v → %v, plain recount %d → %d", label, y, e.Before, e.After, ya[y], yb[y])
					}
				}
			}
			for _, c := range d.Changed {
				if c.Field != snapshots.FieldCompute {
					continue
				}
				o, ok1 := c.Old.(float64)
				n, ok2 := c.New.(float64)
				if ok1 && ok2 && census.SameNumber(o, n) {
					t.Errorf("%s: %s: float-only change %v → %v", label, c.Model, o, n)
				}
			}
		}
	}
}

// The July 2024 → February 2025 large-scale files: the 2023 count went
// from 104 to 109. Worked out by hand from the two files (names
// whitespace-normalized, 2023 by the publication date):
//   - in the first file's 2023 but not the second's: BlueLM 13B, DeepSeek
//     Coder 33B, GPT-4V, IDEFICS-80B, KwaiYii, MPT-30B (base), Poro34B,
//     SenseNova, Stable Diffusion XL;
//   - of these, six have the same Link cell as a 2023 model of the second
//     file, so they were renamed and still count in 2023 (BlueLM 13B →
//     BlueLM 7B, KwaiYii → KwaiYii 13B, MPT-30B (base) → MPT-30B, Poro34B →
//     Poro 34B, SenseNova → SenseChat, Stable Diffusion XL → … (SDXL));
//     DeepSeek Coder 33B is in the second file dated 2024-01-25; GPT-4V and
//     IDEFICS-80B are gone;
//   - new in the second file's 2023, and in no form in the first: BaiLing,
//     Baichuan 2-7B, BlueLM 130B, BlueLM 175B, BlueLM 70B, Hunyuan, Luca
//     2.0, Yi 6B.
//
// So +8 − 1 − 2 = +5.
func TestExplain2023JulyToFebruary(t *testing.T) {
	snaps := shared.Snapshots(t)
	exit, out, errOut := run(t, nil, "diff", filepath.Join(snaps, "2024-07-16"), filepath.Join(snaps, "2025-02-01"), "--explain", "--format", "json")
	if exit != 0 {
		t.Fatalf("exit %d: %s", exit, errOut)
	}
	var d snapshots.Diff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"BaiLing": census.CauseAdded, "Baichuan 2-7B": census.CauseAdded, "BlueLM 130B": census.CauseAdded,
		"BlueLM 175B": census.CauseAdded, "BlueLM 70B": census.CauseAdded, "Hunyuan": census.CauseAdded,
		"Luca 2.0": census.CauseAdded, "Yi 6B": census.CauseAdded,
		"DeepSeek Coder 33B": census.CauseRedated, "GPT-4V": census.CauseRemoved, "IDEFICS-80B": census.CauseRemoved,
	}
	found := false
	for _, e := range d.Explain {
		if e.Figure != census.FigurePerYear || e.Key != "2023" {
			continue
		}
		found = true
		if e.Before != 104 || e.After != 109 || e.Delta != 5 {
			t.Errorf("2023: %v → %v (%v), want 104 → 109 (+5)", e.Before, e.After, e.Delta)
		}
		got := map[string]string{}
		for _, c := range e.Causes {
			got[c.Model] = c.Cause
		}
		for m, c := range want {
			if got[m] != c {
				t.Errorf("2023: %s is %q, want %q", m, got[m], c)
			}
		}
		if len(got) != len(want) {
			t.Errorf("2023: %d models named, want %d: %v", len(got), len(want), got)
		}
	}
	if !found {
		t.Fatal("no explanation of the 2023 count")
	}
	// The text names them too, in Korean as in English.
	for _, l := range []string{"en", "ko"} {
		_, text, _ := run(t, nil, "diff", filepath.Join(snaps, "2024-07-16"), filepath.Join(snaps, "2025-02-01"), "--explain", "--lang", l)
		for m := range want {
			if !strings.Contains(text, m) {
				t.Errorf("%s text lacks %s", l, m)
			}
		}
	}
}

// history --explain over the shared archive: each step's causes add up to
// the change of the figure between the two points, and the change from
// the older compute-intensive file to the large-scale file is a break.
func TestHistoryExplain(t *testing.T) {
	exit, out, errOut := run(t, nil, "history", "--source", shared.Snapshots(t), "--figure", "count", "--year", "2023", "--explain", "--format", "json")
	if exit != 0 {
		t.Fatalf("exit %d: %s", exit, errOut)
	}
	var h snapshots.History
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatal(err)
	}
	breaks := 0
	for i := 1; i < len(h.Points); i++ {
		p, q := h.Points[i-1], h.Points[i]
		if msg := census.ExplainSum(q.Explain); msg != "" {
			t.Errorf("%s → %s: %s", p.Date, q.Date, msg)
		}
		delta := *q.Count - *p.Count
		sum := 0.0
		for _, e := range q.Explain {
			sum += e.Delta
			if e.Before != *p.Count || e.After != *q.Count {
				t.Errorf("%s → %s: explained %v → %v, points %v → %v", p.Date, q.Date, e.Before, e.After, *p.Count, *q.Count)
			}
		}
		if sum != delta {
			t.Errorf("%s → %s: explained delta %v, points' %v", p.Date, q.Date, sum, delta)
		}
		if q.Break != "" {
			breaks++
			if !strings.Contains(q.Break, "compute_intensive") || q.Date != "2024-07-16" {
				t.Errorf("break at %s: %s", q.Date, q.Break)
			}
		}
	}
	if breaks != 1 {
		t.Errorf("%d breaks, want 1 (compute_intensive_systems.csv → large_scale_ai_models.csv)", breaks)
	}
}
