package bench

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/internal/synth"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// BenchmarkYear measures the store over a synthetic year of daily
// downloads (issue 16), on SQLite and, when MODELCENSUS_TEST_POSTGRES
// names a server, on PostgreSQL: the whole year imported day by day
// (reported as year-s, and each day's import as day-ms-median and
// day-ms-p95), the store's growth per day against that day's raw size
// (growth-%-of-day, over every day but the first), then, as repeated
// operations, `history` of the per-year figure over every day, `diff` of
// two days, and the report of one day from the store (kept open, as
// `serve` keeps it, and opened anew each time, as `report --snapshot`
// does) beside the same day's file read directly, with the store's own
// part of the second (store-bytes-ms: opening the store, finding the
// snapshot and reading its file's bytes back, before any parsing).
//
// The year is the folder $MODELCENSUS_YEAR (written by `go run
// ./bench/year`), else it is made in a temporary folder from the newest
// shared all-models export; $MODELCENSUS_YEAR_DAYS shortens it.
func BenchmarkYear(b *testing.B) {
	days := yearDays(b)
	r, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	// open opens a new store, and returns it, its size in bytes, and
	// how to open it again (as a new process would, with nothing cached).
	type backend struct {
		name string
		open func(ctx context.Context) (st *store.Store, size func() int64, reopen func() *store.Store)
	}
	reopener := func(ctx context.Context, open func(context.Context, string) (*store.Store, error), dsn string) func() *store.Store {
		return func() *store.Store {
			st, err := open(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			return st
		}
	}
	backends := []backend{{"sqlite", func(ctx context.Context) (*store.Store, func() int64, func() *store.Store) {
		path := filepath.Join(b.TempDir(), "year.db")
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		return st, func() int64 { return sqliteSize(st.DB()) }, reopener(ctx, sqlite.Open, path)
	}}}
	if base := os.Getenv("MODELCENSUS_TEST_POSTGRES"); base != "" {
		backends = append(backends, backend{"postgres", func(ctx context.Context) (*store.Store, func() int64, func() *store.Store) {
			dsn := pgSchemaBench(b, base)
			st, err := postgres.Open(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			return st, func() int64 { return pgSize(st.DB()) }, reopener(ctx, postgres.Open, dsn)
		}})
	} else {
		b.Log("PostgreSQL part skipped: set MODELCENSUS_TEST_POSTGRES (scripts/pg-test-server.sh)")
	}
	ctx := context.Background()
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			st, size, reopen := be.open(ctx)
			defer st.Close()
			// The year is imported once, outside the timed runs; the
			// import-year result reports it.
			var perDay []time.Duration
			var growth []float64
			var snaps []*census.Snapshot
			start := time.Now()
			for i, d := range days {
				before := size()
				t0 := time.Now()
				res, err := snapshots.Pull(ctx, st, r, d, snapshots.PullOptions{ToolVersion: "bench"})
				if err != nil {
					b.Fatal(err)
				}
				perDay = append(perDay, time.Since(t0))
				snaps = append(snaps, res.Snapshot)
				if i > 0 {
					raw := int64(0)
					for _, f := range res.Snapshot.Files {
						raw += f.Size
					}
					growth = append(growth, 100*float64(size()-before)/float64(raw))
				}
			}
			year := time.Since(start)
			b.Run("import-year", func(b *testing.B) {
				b.ReportMetric(float64(year.Nanoseconds()), "ns/op")
				b.ReportMetric(year.Seconds(), "year-s")
				sorted := append([]time.Duration(nil), perDay[1:]...)
				sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
				b.ReportMetric(float64(sorted[len(sorted)/2].Microseconds())/1000, "day-ms-median")
				b.ReportMetric(float64(sorted[len(sorted)*95/100].Microseconds())/1000, "day-ms-p95")
				mean := 0.0
				for _, g := range growth {
					mean += g
				}
				b.ReportMetric(mean/float64(len(growth)), "growth-%-of-day")
				b.ReportMetric(float64(size())/float64(1<<20), "store-MiB")
			})
			if len(snaps) < 2 {
				b.Skip("the year was not imported")
			}
			// history: each pull kept its snapshot's figures, so that a
			// history of any figure and year reads them (history-kept-*,
			// each run of b.N); a new tool version has none, and its first
			// history reads every snapshot (history-year-first).
			follow := func(b *testing.B, opt snapshots.HistoryOptions) {
				opt.Subset = epoch.SubsetAll
				h, err := snapshots.Follow(ctx, st, r, opt)
				if err != nil || len(h.Points) != len(snaps) {
					b.Fatalf("history: %v (%d points)", err, len(h.Points))
				}
			}
			lastDay := days[len(days)-1]
			lastYear := time.Now().Year() - 1
			if t, ok := epoch.DateInPath(lastDay); ok {
				lastYear = t.Year() - 1
			}
			for _, f := range []snapshots.HistoryOptions{
				{Figure: snapshots.FigurePerYear},
				{Figure: snapshots.FigureCount, Year: lastYear},
				{Figure: snapshots.FigureCountry, Year: lastYear, Country: "CN"},
				{Figure: snapshots.FigureTop, Year: lastYear},
			} {
				f.ToolVersion = "bench"
				b.Run("history-kept-"+f.Figure, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						follow(b, f)
					}
				})
			}
			b.Run("history-year-first", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					follow(b, snapshots.HistoryOptions{Figure: snapshots.FigurePerYear,
						ToolVersion: "cold-" + strconv.Itoa(i) + "-" + strconv.FormatInt(time.Now().UnixNano(), 10)})
				}
			})
			a, z := snaps[len(snaps)/3], snaps[2*len(snaps)/3]
			b.Run("diff-two-days", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := snapshots.CompareRefs(ctx, r, snapshots.Stored(st, a), snapshots.Stored(st, z), epoch.SubsetAll, snapshots.CompareOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			})
			last := snaps[len(snaps)-1]
			// The report three ways, taken in turn ten times an operation
			// so that a slower spell of the machine (PostgreSQL vacuuming
			// after the year's import) falls on each alike; each is
			// reported as its median: from the store kept open (as
			// `serve` keeps it), from the store opened anew each time,
			// with nothing cached (as `report --snapshot` does), and from
			// the same day's file read directly.
			report := func(b *testing.B, load func() (*census.Dataset, error)) time.Duration {
				t0 := time.Now()
				ds, err := load()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := census.Compute(ds, census.Options{}); err != nil {
					b.Fatal(err)
				}
				return time.Since(t0)
			}
			b.Run("report", func(b *testing.B) {
				var kept, opened, own, file []time.Duration
				for i := 0; i < b.N*10; i++ {
					kept = append(kept, report(b, func() (*census.Dataset, error) {
						return snapshots.Load(ctx, st, last, r, epoch.LoadOptions{Subset: epoch.SubsetAll})
					}))
					opened = append(opened, report(b, func() (*census.Dataset, error) {
						fresh := reopen()
						defer fresh.Close()
						return snapshots.Load(ctx, fresh, last, r, epoch.LoadOptions{Subset: epoch.SubsetAll})
					}))
					// The store's own part of the report opened anew: open,
					// find the snapshot, read its file's bytes back.
					t0 := time.Now()
					fresh := reopen()
					if snap, err := fresh.Snapshot(ctx, last.ID); err != nil {
						b.Fatal(err)
					} else if _, err := fresh.Content(ctx, snap.Files[0].ID); err != nil {
						b.Fatal(err)
					}
					fresh.Close()
					own = append(own, time.Since(t0))
					file = append(file, report(b, func() (*census.Dataset, error) {
						return epoch.Load(ctx, days[len(days)-1], r, epoch.LoadOptions{Subset: epoch.SubsetAll})
					}))
				}
				b.ReportMetric(medianMS(kept), "store-ms")
				b.ReportMetric(medianMS(opened), "store-opened-ms")
				b.ReportMetric(medianMS(own), "store-bytes-ms")
				b.ReportMetric(medianMS(file), "file-ms")
			})
		})
	}
}

// medianMS is the median of ds, in milliseconds.
func medianMS(ds []time.Duration) float64 {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return float64(s[len(s)/2].Microseconds()) / 1000
}

// yearDays lists the year's daily folders, oldest first.
func yearDays(b *testing.B) []string {
	dir := os.Getenv("MODELCENSUS_YEAR")
	n := 365
	if v, err := strconv.Atoi(os.Getenv("MODELCENSUS_YEAR_DAYS")); err == nil && v > 1 {
		n = v
	}
	if dir == "" {
		files, _ := filepath.Glob(filepath.Join(shared.Snapshots(b), "*", "all_ai_models.csv"))
		if len(files) == 0 {
			b.Skip("no all_ai_models.csv in the shared snapshots to make a year from")
		}
		sort.Strings(files) // dated folders: the newest last
		f, err := os.Open(files[len(files)-1])
		if err != nil {
			b.Fatal(err)
		}
		cr := csv.NewReader(f)
		cr.FieldsPerRecord = -1
		rows, err := cr.ReadAll()
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		dir = b.TempDir()
		if _, err := synth.Year(dir, rows, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), n, synth.DefaultChurn, 1); err != nil {
			b.Fatal(err)
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	if len(out) > n {
		out = out[:n]
	}
	if len(out) < 2 {
		b.Skip("the year has fewer than two days")
	}
	return out
}

// sqliteSize is a SQLite store's size in use: its pages less the free
// ones (the write-ahead log is counted once checkpointed).
func sqliteSize(db *sql.DB) int64 {
	db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	var pages, free, size int64
	db.QueryRow(`PRAGMA page_count`).Scan(&pages)
	db.QueryRow(`PRAGMA freelist_count`).Scan(&free)
	db.QueryRow(`PRAGMA page_size`).Scan(&size)
	return (pages - free) * size
}

// pgSize is the size of the tables and indexes of the store's schema.
func pgSize(db *sql.DB) int64 {
	var n int64
	db.QueryRow(`SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
		JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = current_schema() AND c.relkind = 'r'`).Scan(&n)
	return n
}

// pgSchemaBench makes a schema of its own for the benchmark and returns a
// URL whose connections use it; the schema is dropped at the end.
func pgSchemaBench(b *testing.B, base string) string {
	db, err := sql.Open("pgx", base)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	buf := make([]byte, 6)
	rand.Read(buf)
	schema := "bench_" + hex.EncodeToString(buf)
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	sep := "?"
	if filepath.Ext(base) == "" && containsQuery(base) {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

func containsQuery(s string) bool {
	for _, c := range s {
		if c == '?' {
			return true
		}
	}
	return false
}
