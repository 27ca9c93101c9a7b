package snapshots_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

const oldFixture = "../testdata/census_fixture.csv"

// oldStore writes a store as the release before the content-addressed
// schema made it (schema 2): the snapshot, its file's bytes in files.content
// and every row in the table rows, by plain SQL. It returns the rows as
// stored, in line order.
func oldStore(t *testing.T, b backend, path, dir string) [][4]string {
	t.Helper()
	ctx := context.Background()
	db, err := b.raw(path)
	if err != nil {
		t.Fatal(err)
	}
	v2 := b.dialect
	v2.Migrations = v2.Migrations[:2]
	old, err := store.New(ctx, db, v2, path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	data, err := os.ReadFile(oldFixture)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, _ := r.Read()
	var rows [][4]string
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		line, _ := r.FieldPos(0)
		cells, _ := json.Marshal(rec)
		rows = append(rows, [4]string{"1", itoa(line), census.Clean(rec[0]), string(cells)})
	}
	sum := sha256.Sum256(data)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	hdr, _ := json.Marshal(header)
	file := filepath.Join(dir, "large_scale_ai_models.csv")
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO snapshots (taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256, tool_version, rules_version, rows, created_at)
		VALUES ('2025-03-01', 'path', $1, $1, 'folder', '', '2025-03-01T00:00:00Z', $2, 'old', 'old', $3, '2025-03-01T00:00:00Z')`, dir, hex.EncodeToString(sum[:]), len(rows))
	exec(`INSERT INTO files (snapshot_id, name, subset, size, sha256, header_version, encoding, rows, columns, header, mod_time, content)
		VALUES (1, $1, 'large-scale', $2, $3, 'test', 'utf-8', $4, $5, $6, '2025-03-01T00:00:00Z', $7)`,
		file, len(data), hex.EncodeToString(sum[:]), len(rows), len(header), string(hdr), z.Bytes())
	for _, row := range rows {
		exec(`INSERT INTO rows (file_id, line, name, cells) VALUES (1, $1, $2, $3)`, row[1], row[2], row[3])
	}
	return rows
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// A store made by the release before (schema 2) migrates to the
// content-addressed schema on open, in one transaction: its snapshot's
// report is the same as reading the file directly, its rows read back the
// same, and the candidates queue works.
func TestMigrateToContentAddressed(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) { migrateToContentAddressed(t, b) })
	}
}

func migrateToContentAddressed(t *testing.T, b backend) {
	ctx := context.Background()
	path := b.dsn(t)
	dir := filepath.Join(t.TempDir(), "2025-03-01")
	want := oldStore(t, b, path, dir)

	st := openMigrated(t, b, path)
	defer st.Close()
	var got [][4]string
	if err := st.Rows(ctx, 1, func(r store.Row) error {
		cells, _ := json.Marshal(r.Cells)
		got = append(got, [4]string{"1", itoa(r.Line), r.Name, string(cells)})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows after the migration differ: %d rows, want %d", len(got), len(want))
	}

	r := defaultRules(t)
	snap, err := st.Snapshot(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := snapshots.Load(ctx, st, snap, r, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	direct, err := epoch.Load(ctx, oldFixture, r, epoch.LoadOptions{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := census.Compute(stored, census.Options{})
	y, _ := census.Compute(direct, census.Options{})
	if x.Total != y.Total || !reflect.DeepEqual(x.PerYear, y.PerYear) || !reflect.DeepEqual(x.Countries, y.Countries) || !reflect.DeepEqual(x.TopComputeLatest, y.TopComputeLatest) {
		t.Errorf("the stored snapshot's census differs from the file's after the migration")
	}

	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	c := []store.QueuedCandidate{{ID: "kanana", Name: "Kanana", Reason: "found", Data: []byte(`{}`)}}
	if n, err := st.QueueCandidates(ctx, c, now); err != nil || n != 1 {
		t.Fatalf("queued %d, %v", n, err)
	}
	if err := st.SetCandidateStatus(ctx, "kanana", "rejected", "out of scope"); err != nil {
		t.Fatal(err)
	}
	if n, err := st.QueueCandidates(ctx, c, now.Add(24*time.Hour)); err != nil || n != 0 {
		t.Fatalf("queued again: %d, %v", n, err)
	}
	if got, err := st.Candidate(ctx, "kanana"); err != nil || got.Status != "rejected" || !got.LastSeen.After(got.FirstSeen) {
		t.Errorf("candidate %+v, %v", got, err)
	}
}

// A store of schema 6 (each content once) migrates to schema 7 on open,
// in one transaction, with every snapshot, file, stored read and kept
// figure in place and every report unchanged (SQLite rebuilds the
// snapshots table that the files reference); a source that then goes back
// to an earlier content is a new snapshot.
func TestMigrateToRepeatedContent(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	parent := t.TempDir()
	a := fixtureFolder(t, parent, "2025-03-01", "")
	b := fixtureFolder(t, parent, "2025-06-01", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,Republic of Korea,,\n")
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			dsn := be.dsn(t)
			old := schema6Store(t, be, dsn)
			var snaps []*store.Snapshot
			for _, d := range []string{a, b} {
				res, err := snapshots.Pull(ctx, old, r, d, snapshots.PullOptions{ToolVersion: "test"})
				if err != nil {
					t.Fatal(err)
				}
				snaps = append(snaps, res.Snapshot)
			}
			counts := func(st *store.Store) string {
				var out []string
				for _, table := range []string{"snapshots", "files", "file_refs", "file_reads", "figure_cache", "blobs", "row_versions"} {
					var n int
					if err := st.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
						t.Fatal(err)
					}
					out = append(out, table+"="+itoa(n))
				}
				return strings.Join(out, " ")
			}
			before := counts(old)
			var want []string
			for _, snap := range snaps {
				want = append(want, describe(t, load(t, old, snap, r, "large-scale")))
			}
			old.Close()

			st := openMigrated(t, be, dsn)
			defer st.Close()
			if after := counts(st); after != before {
				t.Errorf("tables after the migration: %s\nbefore: %s", after, before)
			}
			for i, snap := range snaps {
				if got := describe(t, load(t, st, snap, r, "large-scale")); got != want[i] {
					t.Errorf("snapshot %d reads differently after the migration", snap.ID)
				}
			}
			res, err := snapshots.Pull(ctx, st, r, a, snapshots.PullOptions{Date: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil || !res.Created || res.Snapshot.ID != 3 || res.Snapshot.ContentSHA256 != snaps[0].ContentSHA256 {
				t.Fatalf("A after B: %+v, %v", res, err)
			}
			// A snapshot removed takes its files with it still (the
			// rebuilt table is referenced as before).
			if _, err := st.DB().ExecContext(ctx, `DELETE FROM snapshots WHERE id = 3`); err != nil {
				t.Fatal(err)
			}
			if after := counts(st); after != before {
				t.Errorf("tables after removing the new snapshot: %s\nwant: %s", after, before)
			}
		})
	}
}

// Pullers importing the same download into one SQLite file at the same
// time store it once: the first takes the write lock, and the others then
// find its snapshot (PostgreSQL's pullers take turns on an advisory lock;
// see TestReplicasAndPullers).
func TestConcurrentPullsSQLite(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	dir := fixtureFolder(t, t.TempDir(), "2025-03-01", "")
	path := filepath.Join(t.TempDir(), "s.db")
	const pullers = 4
	stores := make([]*store.Store, pullers)
	for i := range stores {
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores[i] = st
	}
	var wg sync.WaitGroup
	created := make(chan int64, pullers)
	for _, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := snapshots.Pull(ctx, st, r, dir, snapshots.PullOptions{})
			if err != nil {
				t.Error(err)
				return
			}
			if res.Created {
				created <- res.Snapshot.ID
			}
		}()
	}
	wg.Wait()
	close(created)
	var ids []int64
	for id := range created {
		ids = append(ids, id)
	}
	var n int
	stores[0].DB().QueryRow(`SELECT COUNT(*) FROM snapshots`).Scan(&n)
	if len(ids) != 1 || n != 1 {
		t.Errorf("%d pulls stored a snapshot, %d stored", len(ids), n)
	}
}

// Processes that open a store of schema 6 at the same time (a puller and
// its replicas, restarted after an upgrade) all open it: one migrates,
// the others wait for it and find it done.
func TestConcurrentMigrations(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	dir := fixtureFolder(t, t.TempDir(), "2025-03-01", "")
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			dsn := be.dsn(t)
			old := schema6Store(t, be, dsn)
			if _, err := snapshots.Pull(ctx, old, r, dir, snapshots.PullOptions{}); err != nil {
				t.Fatal(err)
			}
			old.Close()
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					st, err := be.open(ctx, dsn)
					if err != nil {
						t.Error(err)
						return
					}
					defer st.Close()
					if v, err := st.SchemaVersion(ctx); err != nil || v != 7 {
						t.Errorf("schema version %d, %v", v, err)
					}
				}()
			}
			wg.Wait()
		})
	}
}

// Whether a pull is new is decided subset by subset: after a download of
// the large-scale and notable files (X), then one of a changed
// large-scale file alone (Y), X again is new, for reports of its date
// would read Y's large-scale file; then X once more is not.
func TestPullAfterPartialDownload(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	parent := t.TempDir()
	x := fixtureFolder(t, parent, "2025-03-01", "")
	y := filepath.Join(parent, "2025-04-01")
	os.MkdirAll(y, 0o755)
	fx, _ := os.ReadFile("../testdata/census_fixture.csv")
	os.WriteFile(filepath.Join(y, "large_scale_ai_models.csv"), append(fx, "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,Republic of Korea,,\n"...), 0o644)
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			st := openStore(t, be)
			pull := func(src string, date string) *snapshots.PullResult {
				t.Helper()
				d, _ := time.Parse("2006-01-02", date)
				res, err := snapshots.Pull(ctx, st, r, src, snapshots.PullOptions{Date: d})
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			pull(x, "2025-03-01")
			if res := pull(y, "2025-04-01"); !res.Created {
				t.Fatal("Y not stored")
			}
			if res := pull(x, "2025-05-01"); !res.Created || res.Snapshot.ID != 3 {
				t.Errorf("X after Y: created %v, #%d", res.Created, res.Snapshot.ID)
			}
			if res := pull(x, "2025-06-01"); res.Created || res.Snapshot.ID != 3 {
				t.Errorf("X once more: created %v, #%d", res.Created, res.Snapshot.ID)
			}
			// The first X, pulled again at its own date, is itself.
			if res := pull(x, "2025-03-01"); res.Created || res.Snapshot.ID != 1 {
				t.Errorf("X at its date: created %v, #%d", res.Created, res.Snapshot.ID)
			}
			if snap, err := st.AsOfSubset(ctx, time.Date(2025, 5, 15, 0, 0, 0, 0, time.UTC), "large-scale"); err != nil || snap.ID != 3 {
				t.Errorf("large-scale as of 2025-05-15: %v, %v", snap, err)
			}
		})
	}
}

// openMigrated opens the store at dsn, which migrates it, and checks
// that it is at the latest schema version, 7.
func openMigrated(t *testing.T, b backend, dsn string) *store.Store {
	t.Helper()
	st, err := b.open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := st.SchemaVersion(context.Background()); err != nil || v != 7 {
		st.Close()
		t.Fatalf("migrated to version %d, %v", v, err)
	}
	return st
}

// schema6Store opens a new store at dsn with schema 6, the last before a
// content could be stored twice.
func schema6Store(t *testing.T, be backend, dsn string) *store.Store {
	t.Helper()
	db, err := be.raw(dsn)
	if err != nil {
		t.Fatal(err)
	}
	v6 := be.dialect
	v6.Migrations = v6.Migrations[:6]
	old, err := store.New(context.Background(), db, v6, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return old
}
