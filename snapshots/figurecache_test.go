package snapshots_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// A history over stored snapshots keeps each snapshot's figures in the
// store: the second run gives the same history from the cache, for every
// figure; other options, or another version, compute afresh.
func TestHistoryFigureCache(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := openStore(t, b)
			parent := t.TempDir()
			dirs := []string{
				fixtureFolder(t, parent, "2025-03-01", ""),
				fixtureFolder(t, parent, "2025-06-01", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,Republic of Korea,,\n"),
			}
			// A download of the notable file alone: skipped by a
			// large-scale history, and remembered as skipped.
			notable := filepath.Join(parent, "2025-07-01")
			os.MkdirAll(notable, 0o755)
			os.WriteFile(filepath.Join(notable, "notable_ai_models.csv"), []byte("Model,Publication date\nOnly Notable,2023-01-01\n"), 0o644)
			dirs = append(dirs, notable)
			for _, d := range dirs {
				if _, err := snapshots.Pull(ctx, st, r, d, snapshots.PullOptions{}); err != nil {
					t.Fatal(err)
				}
			}
			cached := func() int {
				var n int
				st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM figure`).Scan(&n)
				return n
			}
			for _, opt := range []snapshots.HistoryOptions{
				{Figure: snapshots.FigurePerYear, ToolVersion: "t"},
				{Figure: snapshots.FigureCount, Year: 2024, ToolVersion: "t"},
				{Figure: snapshots.FigureCountry, Country: "KR", Year: 2024, ToolVersion: "t"},
				{Figure: snapshots.FigureTop, Year: 2024, ToolVersion: "t"},
			} {
				before := cached()
				first, err := snapshots.Follow(ctx, st, r, opt)
				if err != nil {
					t.Fatal(err)
				}
				filled := cached()
				second, err := snapshots.Follow(ctx, st, r, opt)
				if err != nil {
					t.Fatal(err)
				}
				a, _ := json.Marshal(first)
				c, _ := json.Marshal(second)
				if string(a) != string(c) {
					t.Errorf("%s: from the cache\n%s\nwant\n%s", opt.Figure, c, a)
				}
				// Three snapshots kept (one of them as skipped) on the first
				// run, unless an earlier figure's options were the same; none
				// added by the second.
				if filled-before != 3 && filled != before || cached() != filled {
					t.Errorf("%s: cache rows %d → %d → %d", opt.Figure, before, filled, cached())
				}
				if len(first.Skipped) != 1 || len(first.Points) != 2 {
					t.Errorf("%s: %d points, %d skipped", opt.Figure, len(first.Points), len(first.Skipped))
				}
			}
			// By hand: the second download adds one Korean 2024 model.
			h, _ := snapshots.Follow(ctx, st, r, snapshots.HistoryOptions{Figure: snapshots.FigureCountry, Country: "KR", Year: 2024, ToolVersion: "t"})
			if *h.Points[1].Count-*h.Points[0].Count != 1 {
				t.Errorf("KR 2024: %v then %v", *h.Points[0].Count, *h.Points[1].Count)
			}
			before := cached()
			if _, err := snapshots.Follow(ctx, st, r, snapshots.HistoryOptions{Figure: snapshots.FigurePerYear, ToolVersion: "t",
				Census: census.Options{Attribution: census.AttributionFractional}}); err != nil {
				t.Fatal(err)
			}
			if _, err := snapshots.Follow(ctx, st, r, snapshots.HistoryOptions{Figure: snapshots.FigurePerYear, ToolVersion: "u"}); err != nil {
				t.Fatal(err)
			}
			if cached()-before != 6 {
				t.Errorf("other options and another version added %d cache rows, want 6", cached()-before)
			}
		})
	}
}

// pullTwoDays pulls two downloads of the fixture with tool's version, the
// second with one more Korean model of 2024.
func pullTwoDays(t *testing.T, st *store.Store, r *census.Rules, tool string) {
	t.Helper()
	pullTwoDaysWith(t, st, r, snapshots.PullOptions{ToolVersion: tool})
}

// pullTwoDaysWith is pullTwoDays with any pull options.
func pullTwoDaysWith(t *testing.T, st *store.Store, r *census.Rules, opt snapshots.PullOptions) {
	t.Helper()
	parent := t.TempDir()
	for _, d := range []string{
		fixtureFolder(t, parent, "2025-03-01", ""),
		fixtureFolder(t, parent, "2025-06-01", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,Republic of Korea,,\n"),
	} {
		if _, err := snapshots.Pull(context.Background(), st, r, d, opt); err != nil {
			t.Fatal(err)
		}
	}
}

// Pull keeps every figure of each new snapshot: a history of any figure
// and year over the pulled snapshots then reads no file. The files are
// made unreadable to prove it; another version, which must read them,
// fails.
func TestPullKeepsFigures(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := openStore(t, b)
			pullTwoDays(t, st, r, "v1")
			opts := []snapshots.HistoryOptions{
				{Figure: snapshots.FigurePerYear},
				{Figure: snapshots.FigureCount, Year: 2024},
				{Figure: snapshots.FigureCount, Year: 2023},
				{Figure: snapshots.FigureCountry, Country: "KR", Year: 2024},
				{Figure: snapshots.FigureCountry, Country: "US", Year: 2023},
				{Figure: snapshots.FigureTop, Year: 2024},
				{Figure: snapshots.FigureTop, Year: 2022},
			}
			want := make([]string, len(opts))
			for i, opt := range opts {
				opt.ToolVersion = "from-the-files"
				h, err := snapshots.Follow(ctx, st, r, opt)
				if err != nil {
					t.Fatal(err)
				}
				j, _ := json.Marshal(h)
				want[i] = string(j)
			}
			unreadable(t, st)
			for i, opt := range opts {
				opt.ToolVersion = "v1"
				h, err := snapshots.Follow(ctx, st, r, opt)
				if err != nil {
					t.Fatalf("%s %d: %v", opt.Figure, opt.Year, err)
				}
				if j, _ := json.Marshal(h); string(j) != want[i] {
					t.Errorf("%s %d kept at pull:\n%s\nfrom the files:\n%s", opt.Figure, opt.Year, j, want[i])
				}
			}
			// By hand: the second download adds one Korean 2024 model.
			h, _ := snapshots.Follow(ctx, st, r, snapshots.HistoryOptions{Figure: snapshots.FigureCountry, Country: "KR", Year: 2024, ToolVersion: "v1"})
			if len(h.Points) != 2 || *h.Points[1].Count-*h.Points[0].Count != 1 {
				t.Errorf("KR 2024: %+v", h.Points)
			}
			if _, err := snapshots.Follow(ctx, st, r, snapshots.HistoryOptions{Figure: snapshots.FigurePerYear, ToolVersion: "v2"}); err == nil {
				t.Error("another version read the unreadable files without an error")
			}
		})
	}
}

// After an upgrade (another tool version), KeepAllFigures computes the
// figures of every stored snapshot once; a history then reads no file.
func TestKeepAllFigures(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := openStore(t, b)
			pullTwoDays(t, st, r, "old")
			// Each fixture folder holds two files (large-scale and
			// notable): two subsets a snapshot, four in all.
			opt := snapshots.HistoryOptions{Figure: snapshots.FigureCountry, Country: "KR", Year: 2024, ToolVersion: "from-the-files"}
			want, err := snapshots.Follow(ctx, st, r, opt)
			if err != nil {
				t.Fatal(err)
			}
			if n, err := snapshots.KeepAllFigures(ctx, st, r, "new", nil); err != nil || n != 4 {
				t.Fatalf("first run: %d kept, %v; want 4", n, err)
			}
			if n, err := snapshots.KeepAllFigures(ctx, st, r, "new", nil); err != nil || n != 0 {
				t.Fatalf("second run: %d kept, %v; want 0", n, err)
			}
			unreadable(t, st)
			opt.ToolVersion = "new"
			got, err := snapshots.Follow(ctx, st, r, opt)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			if string(a) != string(w) {
				t.Errorf("kept by KeepAllFigures:\n%s\nfrom the files:\n%s", a, w)
			}
			if len(got.Points) != 2 || *got.Points[1].Count-*got.Points[0].Count != 1 {
				t.Errorf("KR 2024: %+v, want one more in the second", got.Points)
			}
		})
	}
}

// With an overlay (the one history and serve apply), pull keeps the
// figures counted with it as well as without: a curated history reads no
// file either, and the overlay's added Korean model of 2024 is counted.
func TestPullKeepsOverlayFigures(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	ov := &census.Overlay{Path: "fixture", Hash: "kr-2024", Entries: []census.Entry{
		{ID: "add-kr", Kind: census.EntryAdd, Model: "Kanana Test", File: "add-kr.toml", Line: 1,
			Cells: map[census.Field]string{census.FieldOrganization: "Kakao", census.FieldCountry: "Korea (Republic of)",
				census.FieldDate: "2024-05-01", census.FieldDomain: "Language", census.FieldCompute: "2e24"},
			Sources: []census.CurationSource{{URL: "https://example.org/kanana", Retrieved: "2026-11-30"}}},
	}}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := openStore(t, b)
			pullTwoDaysWith(t, st, r, snapshots.PullOptions{ToolVersion: "v1", Overlay: ov})
			opt := snapshots.HistoryOptions{Figure: snapshots.FigureCountry, Country: "KR", Year: 2024, Overlay: ov, ToolVersion: "from-the-files"}
			want, err := snapshots.Follow(ctx, st, r, opt)
			if err != nil {
				t.Fatal(err)
			}
			unreadable(t, st)
			opt.ToolVersion = "v1"
			curated, err := snapshots.Follow(ctx, st, r, opt)
			if err != nil {
				t.Fatalf("with the overlay: %v", err)
			}
			a, _ := json.Marshal(curated)
			w, _ := json.Marshal(want)
			if string(a) != string(w) {
				t.Errorf("kept with the overlay:\n%s\nfrom the files:\n%s", a, w)
			}
			opt.Overlay = nil
			plain, err := snapshots.Follow(ctx, st, r, opt)
			if err != nil {
				t.Fatalf("without the overlay: %v", err)
			}
			// By hand: the overlay adds one Korean model of 2024 to each
			// snapshot; the second download one more of its own.
			for i := range plain.Points {
				if *curated.Points[i].Count-*plain.Points[i].Count != 1 {
					t.Errorf("point %d: %v with the overlay, %v without", i, *curated.Points[i].Count, *plain.Points[i].Count)
				}
			}
			if *plain.Points[1].Count-*plain.Points[0].Count != 1 {
				t.Errorf("without the overlay: %v then %v", *plain.Points[0].Count, *plain.Points[1].Count)
			}
		})
	}
}

// On a real export, every year's kept figures are those of a whole census
// of that year alone.
func TestByYearOnRealExport(t *testing.T) {
	dir := filepath.Join(shared.Snapshots(t), "2026-03-30")
	r := defaultRules(t)
	for _, subset := range []string{epoch.SubsetAll, epoch.SubsetLargeScale} {
		ds, err := epoch.Load(context.Background(), dir, r, epoch.LoadOptions{Subset: subset})
		if err != nil {
			t.Fatal(err)
		}
		by, err := census.ByYear(ds, census.Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for y := 1940; y <= 2026; y++ {
			res, err := census.Compute(ds, census.Options{From: y, To: y})
			if err != nil {
				t.Fatal(err)
			}
			f := by[y]
			n += f.Total
			got, _ := json.Marshal(f)
			want := census.YearFigures{Total: res.Total}
			if len(res.CountriesLatest) > 0 {
				want.Countries = map[string]float64{}
				for _, c := range res.CountriesLatest {
					want.Countries[c.Code] = c.Count
				}
			}
			if len(res.TopComputeLatest) > 0 {
				want.Top = &res.TopComputeLatest[0]
			}
			if w, _ := json.Marshal(want); string(got) != string(w) {
				t.Errorf("%s %d: by year %s, census %s", subset, y, got, w)
			}
		}
		if n == 0 {
			t.Errorf("%s: no model counted", subset)
		}
	}
}

// unreadable makes every stored file's bytes unreadable.
func unreadable(t *testing.T, st *store.Store) {
	t.Helper()
	if _, err := st.DB().ExecContext(context.Background(), `UPDATE blob SET content = $1`, []byte("unreadable")); err != nil {
		t.Fatal(err)
	}
}
