package cli

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/internal/shared"
)

// thresholdSeries runs `thresholds --format json` on a shared file and
// returns each line's cumulative count by year.
func thresholdSeries(t *testing.T, path string) map[float64]map[int]int {
	t.Helper()
	code, out, errOut := run(t, nil, "thresholds", "--source", path, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Thresholds []struct {
			FLOP    float64 `json:"flop"`
			PerYear []struct {
				Year       int `json:"year"`
				Cumulative int `json:"cumulative"`
			} `json:"per_year"`
		} `json:"thresholds"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	series := map[float64]map[int]int{}
	for _, th := range doc.Thresholds {
		series[th.FLOP] = map[int]int{}
		for _, y := range th.PerYear {
			series[th.FLOP][y.Year] = y.Cumulative
		}
	}
	return series
}

// Epoch's large-scale page (published-figures.md, C1): models with known
// compute at or above 1e23, cumulatively 2 / 5 / 32 / 103 by 2017 / 2020 /
// 2022 / 2024. Also counted here with a plain loop over the file.
func TestThresholdsLargeScalePage(t *testing.T) {
	path := filepath.Join(shared.Snapshots(t), "2024-07-16", "large_scale_ai_models.csv")
	got := thresholdSeries(t, path)[1e23]
	want := map[int]int{2017: 2, 2020: 5, 2022: 32, 2024: 103}
	loop := map[int]int{}
	for _, rec := range readColumns(t, path, "Publication date", "Training compute (FLOP)") {
		v, err := strconv.ParseFloat(rec[1], 64)
		if err != nil || v < 1e23 || len(rec[0]) < 4 {
			continue
		}
		y, _ := strconv.Atoi(rec[0][:4])
		for year := range want {
			if y <= year {
				loop[year]++
			}
		}
	}
	for year, n := range want {
		if got[year] != n || loop[year] != n {
			t.Errorf("1e23 cumulative by %d: %d (a plain loop: %d), published %d", year, got[year], loop[year], n)
		}
	}
}

// Epoch's "11 models exceeded 1e23 in 2020" (D2) is the running total
// through 2021 of compute_intensive_systems.csv: 4 by 2020, 11 by 2021.
func TestThresholdsComputeIntensiveRunningTotal(t *testing.T) {
	path := filepath.Join(shared.Snapshots(t), "2024-07-06", "compute_intensive_systems.csv")
	got := thresholdSeries(t, path)[1e23]
	if got[2020] != 4 || got[2021] != 11 {
		t.Errorf("1e23 cumulative by 2020 and 2021: %d and %d; want 4 and 11", got[2020], got[2021])
	}
}

// Epoch's published growth of notable models' compute since 2010: 4.1×
// with a 90% interval of 3.7–4.6× (published-figures.md, E). The fit on a
// notable snapshot of that time falls inside it, its interval overlaps
// it, and its slope is the plain least-squares slope worked here.
func TestTrendEpochGrowth(t *testing.T) {
	path := filepath.Join(shared.Snapshots(t), "2024-07-16", "notable_ai_models.csv")
	code, out, errOut := run(t, nil, "trend", "--source", path, "--since", "2010-01-01", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var tr struct {
		N      int        `json:"n"`
		Growth float64    `json:"growth_per_year"`
		CI     [2]float64 `json:"ci90"`
	}
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Growth < 3.7 || tr.Growth > 4.6 {
		t.Errorf("growth %.3f× is outside Epoch's 3.7–4.6×", tr.Growth)
	}
	if tr.CI[1] < 3.7 || tr.CI[0] > 4.6 {
		t.Errorf("interval %.3f–%.3f× does not overlap Epoch's 3.7–4.6×", tr.CI[0], tr.CI[1])
	}
	var xs, ys []float64
	for _, rec := range readColumns(t, path, "Publication date", "Training compute (FLOP)") {
		v, err := strconv.ParseFloat(rec[1], 64)
		d, derr := time.Parse("2006-01-02", rec[0])
		if err != nil || derr != nil || v <= 0 || rec[0] < "2010-01-01" {
			continue
		}
		days := 365.0
		if d.Year()%4 == 0 {
			days = 366
		}
		xs = append(xs, float64(d.Year())+float64(d.YearDay()-1)/days)
		ys = append(ys, math.Log10(v))
	}
	var mx, my, sxy, sxx float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= float64(len(xs))
	my /= float64(len(ys))
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if tr.N != len(xs) || math.Abs(tr.Growth-math.Pow(10, sxy/sxx)) > 1e-6 {
		t.Errorf("n %d growth %v; a plain loop gives n %d growth %v", tr.N, tr.Growth, len(xs), math.Pow(10, sxy/sxx))
	}
	t.Logf("2024-07-16 notable since 2010: %d models, %.2f× (90%% %.2f–%.2f×)", tr.N, tr.Growth, tr.CI[0], tr.CI[1])
}

// readColumns returns the named columns of every record of a shared CSV.
func readColumns(t *testing.T, path string, cols ...string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	idx := make([]int, len(cols))
	for i, c := range cols {
		idx[i] = -1
		for j, h := range recs[0] {
			if strings.TrimPrefix(h, "\ufeff") == c {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			t.Fatalf("%s has no column %q", path, c)
		}
	}
	var out [][]string
	for _, r := range recs[1:] {
		row := make([]string, len(cols))
		for i, j := range idx {
			row[i] = strings.TrimSpace(r[j])
		}
		out = append(out, row)
	}
	return out
}
