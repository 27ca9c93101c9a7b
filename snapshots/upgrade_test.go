package snapshots_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// legacySchema is what the development schemas 2 and 7 left, for a test
// that writes such a store by hand: {{id}}, {{bigint}} and {{blob}} are
// the types that differ between databases.
var legacySchema = map[int]string{
	2: `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE snapshots (id {{id}}, taken_on TEXT NOT NULL, date_basis TEXT NOT NULL, date_path TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL, kind TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '', retrieved_at TEXT NOT NULL,
	content_sha256 TEXT NOT NULL UNIQUE, tool_version TEXT NOT NULL, rules_version TEXT NOT NULL, rows INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX snapshots_taken_on ON snapshots (taken_on);
CREATE TABLE files (id {{id}}, snapshot_id {{bigint}} NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE, name TEXT NOT NULL,
	subset TEXT NOT NULL, size {{bigint}} NOT NULL, sha256 TEXT NOT NULL, header_version TEXT NOT NULL, encoding TEXT NOT NULL,
	rows INTEGER NOT NULL, columns INTEGER NOT NULL, header TEXT NOT NULL, mod_time TEXT NOT NULL, content {{blob}} NOT NULL);
CREATE INDEX files_snapshot ON files (snapshot_id);
CREATE TABLE rows (file_id {{bigint}} NOT NULL REFERENCES files (id) ON DELETE CASCADE, line INTEGER NOT NULL, name TEXT NOT NULL,
	cells TEXT NOT NULL, PRIMARY KEY (file_id, line));
CREATE INDEX rows_name ON rows (name);
CREATE TABLE candidates (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, data TEXT NOT NULL)`,
	7: `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE snapshots (id {{id}}, taken_on TEXT NOT NULL, date_basis TEXT NOT NULL, date_path TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL, kind TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '', retrieved_at TEXT NOT NULL,
	content_sha256 TEXT NOT NULL, tool_version TEXT NOT NULL, rules_version TEXT NOT NULL, rows INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX snapshots_taken_on ON snapshots (taken_on);
CREATE INDEX snapshots_content ON snapshots (content_sha256);
CREATE TABLE files (id {{id}}, snapshot_id {{bigint}} NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE, name TEXT NOT NULL,
	subset TEXT NOT NULL, size {{bigint}} NOT NULL, sha256 TEXT NOT NULL, header_version TEXT NOT NULL, encoding TEXT NOT NULL,
	rows INTEGER NOT NULL, columns INTEGER NOT NULL, header TEXT NOT NULL, mod_time TEXT NOT NULL);
CREATE INDEX files_snapshot ON files (snapshot_id);
CREATE TABLE candidates (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, codec TEXT NOT NULL, base TEXT NOT NULL, content {{blob}} NOT NULL);
CREATE TABLE row_versions (id {{id}}, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, cells TEXT NOT NULL);
CREATE INDEX row_versions_name ON row_versions (name);
CREATE TABLE file_refs (file_id {{bigint}} PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE, refs {{blob}} NOT NULL);
CREATE TABLE figure_cache (snapshot_id {{bigint}} NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE, key TEXT NOT NULL,
	value TEXT NOT NULL, PRIMARY KEY (key, snapshot_id));
CREATE TABLE file_reads (file_id {{bigint}} PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE, rules_version TEXT NOT NULL,
	codec TEXT NOT NULL, base {{bigint}} NOT NULL, size {{bigint}} NOT NULL, content {{blob}} NOT NULL)`,
}

// legacyStore writes, by plain SQL, a store as development schema version
// (2 or 7) left it, holding two snapshots of testdata/legacy-store: v1.csv
// on 2025-03-01 and v2.csv (an edited row and an added one) on
// 2025-04-01. Schema 2 keeps each file gzipped in files.content; schema 7
// keeps v1 zstd-compressed and v2 as a line delta over it ("MCD2", as the
// schema wrote it), a figure cache value, and both a candidate in the
// review queue. It returns the two folders the files are named in.
func legacyStore(t *testing.T, be backend, dsn string, version int) (files [2][]byte, dirs [2]string) {
	t.Helper()
	ctx := context.Background()
	db, err := be.raw(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	types := strings.NewReplacer("{{id}}", "INTEGER PRIMARY KEY AUTOINCREMENT", "{{bigint}}", "INTEGER", "{{blob}}", "BLOB")
	if be.name == "postgres" {
		types = strings.NewReplacer("{{id}}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "{{bigint}}", "BIGINT", "{{blob}}", "BYTEA")
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, st := range strings.Split(types.Replace(legacySchema[version]), ";") {
		exec(st)
	}
	for v := 1; v <= version; v++ {
		exec(`INSERT INTO schema_migrations (version, applied_at) VALUES ($1, '2025-01-01T00:00:00Z')`, v)
	}
	var sums [2]string
	for i, date := range []string{"2025-03-01", "2025-04-01"} {
		b, err := os.ReadFile(filepath.Join("../testdata/legacy-store", []string{"v1.csv", "v2.csv"}[i]))
		if err != nil {
			t.Fatal(err)
		}
		files[i] = b
		sum := sha256.Sum256(b)
		sums[i] = hex.EncodeToString(sum[:])
		dirs[i] = filepath.Join("/archive", date)
		content := sha256.Sum256([]byte(sums[i]))
		exec(`INSERT INTO snapshots (taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256, tool_version, rules_version, rows, created_at)
			VALUES ($1, 'path', $2, $2, 'folder', 'W/"e`+date+`"', $3, $4, 'old', 'old-rules', 99, $3)`, date, dirs[i], date+"T00:00:00Z", hex.EncodeToString(content[:]))
		cols, vals := "", ""
		args := []any{i + 1, filepath.Join(dirs[i], "large_scale_ai_models.csv"), len(b), sums[i], `["Model"]`}
		if version == 2 {
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			zw.Write(b)
			zw.Close()
			cols, vals, args = ", content", ", $6", append(args, z.Bytes())
		}
		exec(`INSERT INTO files (snapshot_id, name, subset, size, sha256, header_version, encoding, rows, columns, header, mod_time`+cols+`)
			VALUES ($1, $2, 'large-scale', $3, $4, 'test', 'utf-8', 99, 10, $5, '2025-03-01T00:00:00Z'`+vals+`)`, args...)
	}
	if version == 7 {
		enc, _ := zstd.NewWriter(nil)
		exec(`INSERT INTO blobs (sha256, codec, base, content) VALUES ($1, 'zstd', '', $2)`, sums[0], enc.EncodeAll(files[0], nil))
		delta, err := os.ReadFile("../testdata/legacy-store/v2-over-v1.mcd2")
		if err != nil {
			t.Fatal(err)
		}
		exec(`INSERT INTO blobs (sha256, codec, base, content) VALUES ($1, 'lines', $2, $3)`, sums[1], sums[0], delta)
		exec(`INSERT INTO figure_cache (snapshot_id, key, value) VALUES (2, 'k', '{"v":1}')`)
	}
	exec(`INSERT INTO candidates (id, name, status, reason, first_seen, last_seen, data) VALUES ('hf:x', 'X-1', 'rejected', 'not large', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', '{}')`)
	return files, dirs
}

// openUpgraded opens the store at dsn, upgrading it as the program does
// when it was written by a development schema.
func openUpgraded(t *testing.T, be backend, dsn string) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := be.open(ctx, dsn)
	if errors.Is(err, store.ErrUpgradeNeeded) {
		err = st.Upgrade(ctx, snapshots.Legacy(rules.Default))
	}
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// A store written by development schema 2 or 7 is upgraded on open, on
// both databases: every snapshot keeps its id and provenance, its files
// read back byte for byte (the line delta of schema 7 included), a report
// from the store is the report of the file, the model index holds the
// edited and the added row, the review queue and the figures kept are
// copied, and the development tables are gone.
func TestUpgradeFromDevelopmentSchemas(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	for _, be := range backends(t) {
		for _, version := range []int{2, 7} {
			t.Run(be.name+"/"+strconv.Itoa(version), func(t *testing.T) {
				dsn := be.dsn(t)
				files, dirs := legacyStore(t, be, dsn, version)
				st := openUpgraded(t, be, dsn)
				defer st.Close()
				list, err := st.Snapshots(ctx)
				if err != nil || len(list) != 2 {
					t.Fatalf("%d snapshots, %v", len(list), err)
				}
				for i, snap := range list {
					if snap.ID != int64(i+1) || snap.DateString() != []string{"2025-03-01", "2025-04-01"}[i] || snap.Source != dirs[i] ||
						snap.RulesVersion != "old-rules" || snap.ToolVersion != "old" || !strings.Contains(snap.ETag, snap.DateString()) || len(snap.Files) != 1 {
						t.Errorf("snapshot %d: %+v", i+1, snap)
						continue
					}
					b, err := st.Content(ctx, snap.Files[0].ID)
					if err != nil || !bytes.Equal(b, files[i]) {
						t.Errorf("snapshot %d: %d bytes back, want %d: %v", i+1, len(b), len(files[i]), err)
					}
					// The report of the stored snapshot is the report of the file.
					tmp := filepath.Join(t.TempDir(), "large_scale_ai_models.csv")
					os.WriteFile(tmp, files[i], 0o644)
					want, err := epoch.Load(ctx, tmp, r, epoch.LoadOptions{Date: snap.Date, DateBasis: snap.DateBasis, DatePath: snap.DatePath})
					if err != nil {
						t.Fatal(err)
					}
					got, err := snapshots.Load(ctx, st, snap, r, epoch.LoadOptions{})
					if err != nil {
						t.Fatal(err)
					}
					a, _ := census.Compute(want, census.Options{})
					c, _ := census.Compute(got, census.Options{})
					// Where and when the snapshot was read differ: the rest may not.
					if c.Source.ID != snap.ID || c.Source.SnapshotDate != snap.DateString() || c.Source.Rows != a.Source.Rows || c.Source.Models != a.Source.Models {
						t.Errorf("snapshot %d: the report's source is %+v, the file's %+v", i+1, c.Source, a.Source)
					}
					a.Source, c.Source = census.Source{}, census.Source{}
					if describeResult(a) != describeResult(c) {
						t.Errorf("snapshot %d reads otherwise than its file", i+1)
					}
				}
				// GPT-X (on two rows of the fixture: its own and a repeat
				// with another link) is in both, its own row edited in the
				// second; Legacy Model only in the second.
				for name, want := range map[string]string{"GPT-X": "1 1 2 2", "Legacy Model": "2"} {
					seen, err := st.ModelSnapshots(ctx, []string{name}, "")
					var ids []string
					hashes := map[int64]int{}
					for _, m := range seen {
						ids = append(ids, strconv.FormatInt(m.SnapshotID, 10))
						hashes[m.Row]++
					}
					if err != nil || strings.Join(ids, " ") != want {
						t.Errorf("%s in snapshots %v, want %s: %v", name, ids, want, err)
					}
					if name == "GPT-X" && len(hashes) != 3 {
						t.Errorf("GPT-X's rows have %d distinct hashes, want 3 (the repeat unchanged, its own edited)", len(hashes))
					}
				}
				if c, err := st.Candidate(ctx, "hf:x"); err != nil || c.Status != "rejected" || c.Reason != "not large" {
					t.Errorf("candidate after the upgrade: %+v, %v", c, err)
				}
				if version == 7 {
					if v, err := st.CachedFigures(ctx, "k"); err != nil || string(v[2]) != `{"v":1}` {
						t.Errorf("figure cache after the upgrade: %v, %v", v, err)
					}
				}
				for _, table := range []string{"schema_migrations", "snapshots", "files", "blobs", "candidates"} {
					if _, err := st.DB().ExecContext(ctx, "SELECT 1 FROM "+table); err == nil {
						t.Errorf("table %s is left", table)
					}
				}
				// A new pull numbers its snapshot after the upgraded ones.
				if res, err := snapshots.Pull(ctx, st, r, fixtureFolder(t, t.TempDir(), "2025-05-01", ""), snapshots.PullOptions{}); err != nil || res.Snapshot.ID != 3 {
					t.Errorf("pull after the upgrade: %+v, %v", res, err)
				}
			})
		}
	}
}

// describeResult is a census result as JSON, to compare two.
// A store of version 1 as first written, which kept the model index as
// text (model_row), is upgraded on open, on both databases: its files are
// indexed again under integer keys, model_row is dropped, and the
// snapshots, their bytes and the model's history are as before.
func TestUpgradeFromTextModelIndex(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			dsn := be.dsn(t)
			st, err := be.open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			var files [2][]byte
			for i, v := range []string{"v1.csv", "v2.csv"} {
				dir := filepath.Join(t.TempDir(), []string{"2025-03-01", "2025-04-01"}[i])
				os.Mkdir(dir, 0o755)
				b, err := os.ReadFile(filepath.Join("../testdata/legacy-store", v))
				if err != nil {
					t.Fatal(err)
				}
				files[i] = b
				os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), b, 0o644)
				if _, err := snapshots.Pull(ctx, st, r, dir, snapshots.PullOptions{ToolVersion: "test"}); err != nil {
					t.Fatal(err)
				}
			}
			// What version 1 as first written left: model_row, no model_index.
			for _, q := range []string{`DROP TABLE model_index`, `CREATE TABLE model_row (file_id BIGINT NOT NULL, name TEXT NOT NULL,
				link_hash TEXT NOT NULL, row_hash TEXT NOT NULL)`, `INSERT INTO model_row VALUES (1, 'GPT-X', '', '0123456789ab')`} {
				if _, err := st.DB().ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			st.Close()
			st = openUpgraded(t, be, dsn)
			defer st.Close()
			if _, err := st.DB().ExecContext(ctx, `SELECT 1 FROM model_row`); err == nil {
				t.Error("model_row is left")
			}
			var versions int
			if err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM store_schema`).Scan(&versions); err != nil || versions != 1 {
				t.Errorf("store_schema has %d rows, %v", versions, err)
			}
			list, err := st.Snapshots(ctx)
			if err != nil || len(list) != 2 {
				t.Fatalf("%d snapshots, %v", len(list), err)
			}
			for i, snap := range list {
				if b, err := st.Content(ctx, snap.Files[0].ID); err != nil || !bytes.Equal(b, files[i]) {
					t.Errorf("snapshot %d: %d bytes back, want %d: %v", i+1, len(b), len(files[i]), err)
				}
			}
			// GPT-X is on two rows of the fixture, in both snapshots.
			rows, err := snapshots.ModelRows(ctx, st, r, []string{"GPT-X"}, "")
			var seen []string
			for _, m := range rows {
				seen = append(seen, strconv.FormatInt(m.SnapshotID, 10)+":"+m.Name)
			}
			if err != nil || strings.Join(seen, " ") != "1:GPT-X 1:GPT-X 2:GPT-X 2:GPT-X" {
				t.Errorf("GPT-X: %v, %v", seen, err)
			}
		})
	}
}

func describeResult(r *census.Result) string {
	b, _ := json.Marshal(r)
	return string(b)
}

// Processes that open a store of a development schema at the same time
// (a puller and its replicas, restarted after an upgrade) all open it:
// one upgrades it, the others wait for it and find it done.
func TestConcurrentUpgrades(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			dsn := be.dsn(t)
			legacyStore(t, be, dsn, 7)
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					st, err := be.open(ctx, dsn)
					if errors.Is(err, store.ErrUpgradeNeeded) {
						err = st.Upgrade(ctx, snapshots.Legacy(rules.Default))
					}
					if err != nil {
						t.Error(err)
						return
					}
					defer st.Close()
					if list, err := st.Snapshots(ctx); err != nil || len(list) != 2 {
						t.Errorf("%d snapshots, %v", len(list), err)
					}
				}()
			}
			wg.Wait()
		})
	}
}

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
	stores[0].DB().QueryRow(`SELECT COUNT(*) FROM snapshot`).Scan(&n)
	if len(ids) != 1 || n != 1 {
		t.Errorf("%d pulls stored a snapshot, %d stored", len(ids), n)
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
			if snap, err := st.AsOf(ctx, time.Date(2025, 5, 15, 0, 0, 0, 0, time.UTC), "large-scale"); err != nil || snap.ID != 3 {
				t.Errorf("large-scale as of 2025-05-15: %v, %v", snap, err)
			}
		})
	}
}
