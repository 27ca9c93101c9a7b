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
)

// countryCount runs report for one year and returns the count of a
// country code.
func countryCount(t *testing.T, src, overlayDir string, year int, code string) (float64, int) {
	t.Helper()
	y := strconv.Itoa(year)
	exit, out, errOut := run(t, nil, "report", "--source", src, "--overlay", overlayDir, "--from", y, "--to", y, "--format", "json")
	if exit != 0 {
		t.Fatalf("report %s: exit %d: %s", y, exit, errOut)
	}
	var res census.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Countries {
		if c.Code == code {
			return c.Count, res.Total
		}
	}
	return 0, res.Total
}

// On the real 2026-08-19 large-scale file the example overlay raises the
// Korean count of each year by the number of its entries dated in that
// year, and changes no other country's. The entries' years are counted
// here from the files themselves (an entry brought from the notable file
// takes its date there, read with encoding/csv).
func TestExampleOverlayKoreanCounts(t *testing.T) {
	snap := filepath.Join(shared.Snapshots(t), "2026-08-19")
	notable := readCSV(t, filepath.Join(snap, "epoch_notable_ai_models.csv"))
	perYear := map[int]int{}
	files, _ := filepath.Glob("../examples/overlay-kr/*.toml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var date, model string
		for _, line := range strings.Split(string(b), "\n") {
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			v = strings.Trim(strings.TrimSpace(v), `"`)
			switch strings.TrimSpace(k) {
			case "date":
				date = v
			case "model":
				model = v
			}
		}
		if date == "" {
			for _, r := range notable {
				if normName(r["Model"]) == model {
					date = r["Publication date"]
				}
			}
		}
		y, err := strconv.Atoi(date[:4])
		if err != nil {
			t.Fatalf("%s: date %q", f, date)
		}
		perYear[y]++
	}
	if len(files) != 10 || perYear[2025]+perYear[2026] != 10 {
		t.Fatalf("%d entry files, by year %v", len(files), perYear)
	}
	for _, year := range []int{2021, 2023, 2024, 2025, 2026} {
		before, totalBefore := countryCount(t, snap, "none", year, "KR")
		after, totalAfter := countryCount(t, snap, "../examples/overlay-kr", year, "KR")
		if int(after-before) != perYear[year] || totalAfter-totalBefore != perYear[year] {
			t.Errorf("%d: KR %v → %v, total %d → %d; want +%d each", year, before, after, totalBefore, totalAfter, perYear[year])
		}
		for _, code := range []string{"US", "CN", "GB", "FR", "JP"} {
			b, _ := countryCount(t, snap, "none", year, code)
			a, _ := countryCount(t, snap, "../examples/overlay-kr", year, code)
			if a != b {
				t.Errorf("%d: %s changed %v → %v", year, code, b, a)
			}
		}
	}
}

// curateCheck runs `curate check --format json` and returns each entry's
// status by id.
func curateCheck(t *testing.T, src, dir string) map[string]string {
	t.Helper()
	exit, out, errOut := run(t, nil, "curate", "check", "--source", src, "--overlay", dir, "--format", "json")
	if exit != 0 {
		t.Fatalf("curate check: exit %d: %s", exit, errOut)
	}
	var list []struct{ ID, Kind, Model, Status, Detail string }
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	st := map[string]string{}
	for _, e := range list {
		st[e.ID] = e.Status
	}
	return st
}

// An entry for A.X K2, which Epoch added between the 2026-07-28 and the
// 2026-08-19 downloads, is applied on the first and "upstream" on the
// second, where the model counts once. On 2026-08-19 a correction whose
// recorded value no longer matches is a conflict, and entries for SAM 3
// and CALM (gone, or renamed to "CALM (NVIDIA)") are orphaned.
func TestOverlaySurvivesRefresh(t *testing.T) {
	snaps := shared.Snapshots(t)
	older, newer := filepath.Join(snaps, "2026-07-28"), filepath.Join(snaps, "2026-08-19")
	var axk2 map[string]string
	for _, r := range readCSV(t, filepath.Join(newer, "epoch_large_scale_ai_models.csv")) {
		if normName(r["Model"]) == "A.X K2" {
			axk2 = r
		}
	}
	if axk2 == nil {
		t.Fatal("A.X K2 is not in the 2026-08-19 file")
	}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"add", "--name", "A.X K2", "--organization", "SK Telecom", "--country", "Korea (Republic of)", "--date", axk2["Publication date"],
			"--compute", "1e24", "--source", older},
		{"exclude", "--model", "SAM 3", "--source", older},
		{"correct", "--model", "CALM", "--field", "compute", "--value", "1e24", "--source", older},
	} {
		args = append([]string{"curate"}, args...)
		args = append(args, "--overlay", dir, "--source-url", "https://example.org/"+args[1], "--author", "test", "--reason", "a test")
		if exit, _, errOut := run(t, nil, args...); exit != 0 {
			t.Fatalf("%v: exit %d: %s", args, exit, errOut)
		}
	}
	// A correction of a model whose compute Epoch has since revised.
	var kimi map[string]string
	for _, r := range readCSV(t, filepath.Join(newer, "epoch_large_scale_ai_models.csv")) {
		if normName(r["Model"]) == "Kimi K3" {
			kimi = r
		}
	}
	conflict := `id = "fix-kimi"
kind = "correct"
model = "Kimi K3"
field = "compute"
upstream = "1.5e25"
value = "2.5e25"
reason = "a test"
author = "test"
created = "2026-11-29"

[[sources]]
url = "https://example.org/kimi"
retrieved = "2026-11-29"
`
	if err := os.WriteFile(filepath.Join(dir, "fix-kimi.toml"), []byte(conflict), 0o644); err != nil {
		t.Fatal(err)
	}
	if kimi == nil || census.SameValue(census.FieldCompute, kimi["Training compute (FLOP)"], "1.5e25") {
		t.Fatalf("Kimi K3's compute upstream is %v; the test needs it to differ from 1.5e25", kimi)
	}

	st := curateCheck(t, older, dir)
	for id, want := range map[string]string{"add-a-x-k2": census.StatusApplied, "exclude-sam-3": census.StatusApplied, "correct-calm-compute": census.StatusApplied} {
		if st[id] != want {
			t.Errorf("2026-07-28: %s is %s, want %s", id, st[id], want)
		}
	}
	st = curateCheck(t, newer, dir)
	for id, want := range map[string]string{"add-a-x-k2": census.StatusUpstream, "exclude-sam-3": census.StatusOrphaned,
		"correct-calm-compute": census.StatusOrphaned, "fix-kimi": census.StatusConflict} {
		if st[id] != want {
			t.Errorf("2026-08-19: %s is %s, want %s", id, st[id], want)
		}
	}
	// Counted once on 2026-08-19, and once on 2026-07-28 (by the entry).
	for _, src := range []string{older, newer} {
		exit, out, errOut := run(t, nil, "report", "--source", src, "--overlay", dir, "--to", "2026", "--format", "json", "--top", "1000")
		if exit != 0 {
			t.Fatalf("report: exit %d: %s", exit, errOut)
		}
		var res census.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range res.TopComputeLatest {
			if m.Model == "A.X K2" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: A.X K2 ranked %d times, want 1", filepath.Base(src), n)
		}
	}
	// An add of a model the source already lists is refused.
	exit, _, errOut := run(t, nil, "curate", "add", "--name", "A.X K2", "--date", "2026-01-01", "--source", newer, "--overlay", dir,
		"--source-url", "https://example.org", "--author", "t", "--reason", "r", "--id", "again")
	if exit != ExitOverlay || !strings.Contains(errOut, "A.X K2") {
		t.Errorf("adding a listed model: exit %d: %s", exit, errOut)
	}
}

// diff and history apply the overlay to both sides: with an entry that
// adds A.X K2 (new upstream on 2026-08-19), the Korean count no longer
// moves between the two downloads, while without it, it rises by one.
func TestOverlayInDiffAndHistory(t *testing.T) {
	snaps := shared.Snapshots(t)
	older, newer := filepath.Join(snaps, "2026-07-28"), filepath.Join(snaps, "2026-08-19")
	var date string
	for _, r := range readCSV(t, filepath.Join(newer, "epoch_large_scale_ai_models.csv")) {
		if normName(r["Model"]) == "A.X K2" {
			date = r["Publication date"]
		}
	}
	dir := t.TempDir()
	if exit, _, errOut := run(t, nil, "curate", "add", "--name", "A.X K2", "--organization", "SK Telecom", "--country", "Korea (Republic of)",
		"--date", date, "--compute", "1e24", "--overlay", dir, "--source-url", "https://example.org", "--author", "t", "--reason", "r"); exit != 0 {
		t.Fatal(errOut)
	}
	krDelta := func(ov string) float64 {
		exit, out, errOut := run(t, nil, "diff", older, newer, "--overlay", ov, "--to", "2026", "--format", "json")
		if exit != 0 {
			t.Fatalf("diff: exit %d: %s", exit, errOut)
		}
		var d struct {
			Census struct {
				Countries []struct {
					Code          string
					Before, After float64
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Census.Countries {
			if c.Code == "KR" {
				return c.After - c.Before
			}
		}
		return 0
	}
	// Epoch added two Korean models between the downloads (A.X K2 and
	// Motif-3): one of them is already counted by the entry.
	if without, with := krDelta("none"), krDelta(dir); without < 1 || with != without-1 {
		t.Errorf("KR moves by %v without the overlay and %v with it; want one less with it", without, with)
	}
	archive := t.TempDir()
	for _, s := range []string{older, newer} {
		b, err := os.ReadFile(filepath.Join(s, "epoch_large_scale_ai_models.csv"))
		if err != nil {
			t.Fatal(err)
		}
		d := filepath.Join(archive, filepath.Base(s))
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "epoch_large_scale_ai_models.csv"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	step := func(ov string) float64 {
		exit, out, errOut := run(t, nil, "history", "--source", archive, "--figure", "country", "--country", "KR", "--year", date[:4],
			"--overlay", ov, "--format", "json")
		if exit != 0 {
			t.Fatalf("history: exit %d: %s", exit, errOut)
		}
		var h struct {
			Points []struct {
				Value float64 `json:"count"`
			} `json:"points"`
		}
		if err := json.Unmarshal([]byte(out), &h); err != nil || len(h.Points) != 2 {
			t.Fatalf("history: %s (%v)", out, err)
		}
		return h.Points[1].Value - h.Points[0].Value
	}
	if without, with := step("none"), step(dir); with != without-1 {
		t.Errorf("history step %v without the overlay, %v with it; want one less with it", without, with)
	}
}
