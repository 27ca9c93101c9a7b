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

// A stored file read back from what reading it gave at import (its stored
// read) gives what reading its bytes gives: the census, every file's
// description and every problem. A file with a record the reader skipped
// has no stored read (it is parsed again, to warn again), nor is one used
// under other rules than the import's; the blobs are made unreadable to
// tell which way each file was read.
func TestStoredReadAsTheBytes(t *testing.T) {
	r := defaultRules(t)
	parent := t.TempDir()
	multiLine := writeFile(t, parent, "2025-04-01", "large_scale_ai_models.csv",
		"Model,Organization,Publication date,Training compute (FLOP),Country (of organization)\n"+
			"Alpha,OpenAI,2024-05-01,1e25,United States of America\n"+
			"\"Beta\nTwo lines\",NAVER,2023-01-02,3e24,Korea (Republic of)\n"+
			"Gamma,Google,2024-11-30,,\n")
	malformed := writeFile(t, parent, "2025-05-01", "large_scale_ai_models.csv",
		"Model,Organization,Publication date,Training compute (FLOP)\n"+
			"Alpha,OpenAI,2024-05-01,1e25\n"+
			"Broken,OpenAI\n"+ // a record skipped, with a warning
			"Gamma,Google,2024-11-30,2e24\n")
	// Each group is pulled into a store of its own, in order.
	groups := [][]storedSource{
		// The second download's read is kept as a line delta over the
		// first's.
		{{fixtureFolder(t, parent, "2025-03-01", ""), true},
			{fixtureFolder(t, parent, "2025-03-08", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,Republic of Korea,,\n"), true}},
		{{writeFile(t, parent, "2025-03-15", "large_scale_ai_models.csv",
			"Model,Organization,Publication date,Training compute (FLOP)\n"+
				"Alpha,OpenAI,15/03/2024,1e25\n"+ // day first: dates the reader rewrites
				"Gamma,Google,01/02/2023,2e24\n"), true}},
		{{multiLine, true}},
		{{malformed, false}},
		// A download with a skipped record after one without.
		{{multiLine, true}, {malformed, false}},
	}
	if d := shared.Dir(); d != "" {
		groups = append(groups, []storedSource{{filepath.Join(d, "2026-03-30"), true}})
	} else {
		t.Log("the real Epoch exports are not here (../shared/epoch-snapshots): the hand-written files alone")
	}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			for i, sources := range groups {
				st := openStore(t, b)
				checkStoredReads(t, st, r, sources)
				if i == 0 {
					// The second day's reads are line deltas.
					var n int
					if err := st.DB().QueryRow(`SELECT COUNT(*) FROM file_reads WHERE codec = 'lines'`).Scan(&n); err != nil || n != 2 {
						t.Errorf("%d reads kept as deltas (%v), want 2", n, err)
					}
				}
			}
		})
	}
}

// storedSource is a download to pull, and whether its files keep their
// stored read (none with a skipped record).
type storedSource struct {
	location string
	stored   bool
}

// checkStoredReads pulls sources into st, in order, and checks that each
// stored snapshot reads as its files read, and which keep a stored read.
func checkStoredReads(t *testing.T, st *store.Store, r *census.Rules, sources []storedSource) {
	t.Helper()
	ctx := context.Background()
	type read struct {
		snap   *store.Snapshot
		subset string
		want   string
		ok     bool
	}
	var reads []read
	for _, s := range sources {
		res, err := snapshots.Pull(ctx, st, r, s.location, snapshots.PullOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, subset := range store.Subsets(res.Snapshot.Files) {
			direct, err := epoch.Load(ctx, s.location, r, epoch.LoadOptions{Subset: subset, Checksum: true,
				Date: res.Snapshot.Date, DateBasis: res.Snapshot.DateBasis, DatePath: res.Snapshot.DatePath, ID: res.Snapshot.ID})
			if err != nil {
				t.Fatal(err)
			}
			want := describe(t, direct)
			if got := describe(t, load(t, st, res.Snapshot, r, subset)); got != want {
				t.Errorf("%s %s from the store:\n%s\nfrom the file:\n%s", s.location, subset, got, want)
			}
			reads = append(reads, read{res.Snapshot, subset, want, s.stored})
		}
	}
	for _, rd := range reads {
		if got := describe(t, load(t, st, rd.snap, r, rd.subset)); got != rd.want {
			t.Errorf("%s %s from the store, once all were pulled:\n%s\nfrom the file:\n%s", rd.snap.Source, rd.subset, got, rd.want)
		}
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE blobs SET content = $1`, []byte("unreadable")); err != nil {
		t.Fatal(err)
	}
	for _, rd := range reads {
		ds, err := snapshots.Load(ctx, st, rd.snap, r, epoch.LoadOptions{Subset: rd.subset, Checksum: true})
		switch {
		case rd.ok && err != nil:
			t.Errorf("%s %s: the stored read was not used: %v", rd.snap.Source, rd.subset, err)
		case !rd.ok && err == nil:
			t.Errorf("%s %s: read from a stored read, which it should not keep", rd.snap.Source, rd.subset)
		case rd.ok:
			if got := describe(t, ds); got != rd.want {
				t.Errorf("%s %s from its stored read:\n%s\nfrom the file:\n%s", rd.snap.Source, rd.subset, got, rd.want)
			}
		}
	}
	// Other rules than at import: the bytes, which are unreadable.
	other := *r
	other.Version += "-other"
	for _, rd := range reads {
		if _, err := snapshots.Load(ctx, st, rd.snap, &other, epoch.LoadOptions{Subset: rd.subset}); err == nil {
			t.Errorf("%s %s: read from its stored read under other rules", rd.snap.Source, rd.subset)
		}
	}
}

// writeFile writes one file in a dated folder, and returns the folder.
func writeFile(t *testing.T, parent, date, name, text string) string {
	t.Helper()
	dir := filepath.Join(parent, date)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// load reads a stored snapshot's subset.
func load(t *testing.T, st *store.Store, snap *store.Snapshot, r *census.Rules, subset string) *census.Dataset {
	t.Helper()
	ds, err := snapshots.Load(context.Background(), st, snap, r, epoch.LoadOptions{Subset: subset, Checksum: true})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// describe is what a read gives that a report shows: the census, the
// files' descriptions and the problems, as JSON.
func describe(t *testing.T, ds *census.Dataset) string {
	t.Helper()
	res, err := census.Compute(ds, census.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(struct {
		Census   *census.Result
		Files    []census.FileInfo
		Problems []census.Problem
		Rows     int
	}{res, ds.Snapshot.Files, ds.Problems, ds.Len()})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A store keeps the whole reads it last decoded, the bases of the line
// deltas after them: a store that has them and one just opened read every
// stored file alike, and a whole read changed under the cache (here
// damaged, as a store emptied and filled again would change it) is read
// again, not taken from the cache.
func TestStoredReadCache(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	parent := t.TempDir()
	days := []string{
		fixtureFolder(t, parent, "2025-03-01", ""),
		fixtureFolder(t, parent, "2025-03-08", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,Republic of Korea,,\n"),
		fixtureFolder(t, parent, "2025-03-15", "New Model,Language,OpenAI,2024-07-07,4e24,Likely,API access,Republic of Korea,,\nOther,Vision,Google,2025-01-02,,,,,,\n"),
	}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			warm, err := b.open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer warm.Close()
			var files []int64
			for _, d := range days {
				res, err := snapshots.Pull(ctx, warm, r, d, snapshots.PullOptions{})
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range res.Snapshot.Files {
					files = append(files, f.ID)
				}
			}
			cold, err := b.open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer cold.Close()
			deltas := 0
			for _, id := range files {
				_, a, err1 := warm.StoredRead(ctx, id)
				_, c, err2 := cold.StoredRead(ctx, id)
				_, c2, err3 := cold.StoredRead(ctx, id)
				if err1 != nil || err2 != nil || err3 != nil || a == nil || string(a) != string(c) || string(c) != string(c2) {
					t.Fatalf("file %d: %d, %d and %d bytes (%v %v %v)", id, len(a), len(c), len(c2), err1, err2, err3)
				}
				// What is returned is the caller's to change.
				clear(a)
				if _, again, _ := warm.StoredRead(ctx, id); string(again) != string(c) {
					t.Fatalf("file %d: changing a read changed the next", id)
				}
			}
			if err := warm.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM file_reads WHERE codec = 'lines'`).Scan(&deltas); err != nil || deltas < 2 {
				t.Fatalf("%d reads kept as deltas (%v): the cache is not exercised", deltas, err)
			}
			if _, err := warm.DB().ExecContext(ctx, `UPDATE file_reads SET content = $1 WHERE codec = 's2'`, []byte("damaged")); err != nil {
				t.Fatal(err)
			}
			for _, id := range files {
				if _, got, err := warm.StoredRead(ctx, id); err != nil || got != nil {
					t.Errorf("file %d: %d bytes from a damaged whole read (%v)", id, len(got), err)
				}
			}
		})
	}
}
