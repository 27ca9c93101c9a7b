package store_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// stores opens a new SQLite store and, when MODELCENSUS_TEST_POSTGRES
// names a server, a new PostgreSQL store in a schema of its own.
func stores(t *testing.T) map[string]*store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	out := map[string]*store.Store{"sqlite": st}
	base := os.Getenv("MODELCENSUS_TEST_POSTGRES")
	if base == "" {
		t.Log("PostgreSQL part skipped: set MODELCENSUS_TEST_POSTGRES")
		return out
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	pg, err := postgres.Open(ctx, base+sep+"search_path="+schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	out["postgres"] = pg
	return out
}

// version is day i of a file: 400 rows, row r edited on the days that
// are multiples of r+1, so that each day differs from the day before.
func version(i int) (content []byte, rows []store.Row) {
	var b bytes.Buffer
	b.WriteString("Model,Compute\n")
	for r := range 400 {
		edit := i / (r + 1)
		line := fmt.Sprintf("model %d,%d", r, edit)
		b.WriteString(line + "\n")
		rows = append(rows, store.Row{Name: store.TextKey(fmt.Sprintf("model %d", r)), Row: store.RowKey(strings.Split(line, ",")...)})
	}
	return b.Bytes(), rows
}

// fileData is a file to import: its description and its content.
func fileData(name, subset string, content []byte, rows []store.Row) (census.FileInfo, store.Content) {
	sum := sha256.Sum256(content)
	return census.FileInfo{Name: name, Subset: subset, Size: int64(len(content)), SHA256: hex.EncodeToString(sum[:]), Rows: len(rows)},
		store.Content{Bytes: content, Models: rows}
}

// 70 daily versions of one file: each reads back byte for byte; version
// n is compressed against version n less the lowest non-zero octal digit
// of n mod 64 (hand-computed here from the digits), version 0 and 64 are
// whole, and no read decodes more than 2 others first.
func TestVersionsAndTheirDictionaries(t *testing.T) {
	ctx := context.Background()
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			sums := map[int]string{}
			for i := range 70 {
				content, rows := version(i)
				f, c := fileData(fmt.Sprintf("/archive/day-%d/all_ai_models.csv", i), "all", content, rows)
				sums[i] = f.SHA256
				snap := census.Snapshot{Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i), DateBasis: "path", Source: "x", Kind: "folder",
					Files: []census.FileInfo{f}}
				if _, created, err := st.Import(ctx, snap, []store.Content{c}); err != nil || !created {
					t.Fatalf("day %d: %v, %v", i, created, err)
				}
			}
			list, err := st.Snapshots(ctx)
			if err != nil || len(list) != 70 {
				t.Fatalf("%d snapshots, %v", len(list), err)
			}
			for i, snap := range list {
				want, _ := version(i)
				got, err := st.Content(ctx, snap.Files[0].ID)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("day %d: %d bytes back, %v", i, len(got), err)
				}
				wantBase := ""
				if lo, hi := i%8, i/8%8; lo != 0 {
					wantBase = sums[i-lo]
				} else if hi != 0 {
					wantBase = sums[i-8*hi]
				}
				var base string
				st.DB().QueryRowContext(ctx, `SELECT base FROM blob WHERE sha256 = $1`, sums[i]).Scan(&base)
				if base != wantBase {
					t.Errorf("day %d is compressed against %q, want %q", i, base, wantBase)
				}
				depth := 0
				for b := base; b != ""; depth++ {
					st.DB().QueryRowContext(ctx, `SELECT base FROM blob WHERE sha256 = $1`, b).Scan(&b)
				}
				if depth > 2 {
					t.Errorf("day %d decodes %d others first", i, depth)
				}
			}
			// A damaged blob is an error, never other bytes.
			if _, err := st.DB().ExecContext(ctx, `UPDATE blob SET content = $1 WHERE sha256 = $2`, []byte("damaged"), sums[0]); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Content(ctx, list[5].Files[0].ID); err == nil {
				t.Error("day 5, over a damaged day 0, read without an error")
			}
		})
	}
}

// The model index: model B is in the first and third download of the
// large-scale file, not the second; A is edited in the third; a notable
// file (another series) holds C; B renamed B2 in the fourth keeps its link.
func TestModelIndex(t *testing.T) {
	ctx := context.Background()
	row := func(name, link, v string) store.Row {
		return store.Row{Name: store.TextKey(name), Link: store.TextKey(link), Row: store.RowKey(name, v, link)}
	}
	downloads := [][]store.Row{
		{row("A", "", "1"), row("B", "b.org", "1")},
		{row("A", "", "1")},
		{row("A", "", "2"), row("B", "b.org", "1")},
		{row("A", "", "2"), row("B2", "b.org", "1")},
	}
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			for i, rows := range downloads {
				content := []byte(fmt.Sprintf("download %d %v", i, rows))
				snap := census.Snapshot{Date: time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC), DateBasis: "path", Source: "x", Kind: "folder"}
				f, c := fileData("large_scale_ai_models.csv", "large-scale", content, rows)
				contents := []store.Content{c}
				snap.Files = []census.FileInfo{f}
				if i == 0 {
					f, c := fileData("notable_ai_models.csv", "notable", []byte("C"), []store.Row{row("C", "", "1")})
					snap.Files, contents = append(snap.Files, f), append(contents, c)
				}
				if _, _, err := st.Import(ctx, snap, contents); err != nil {
					t.Fatal(err)
				}
			}
			seen := func(names []string, link string) string {
				list, err := st.ModelSnapshots(ctx, names, link)
				if err != nil {
					t.Fatal(err)
				}
				var out []string
				for _, m := range list {
					name := map[int64]string{store.TextKey("A"): "A", store.TextKey("B"): "B", store.TextKey("B2"): "B2", store.TextKey("C"): "C"}[m.Name]
					out = append(out, fmt.Sprintf("%d:%s", m.SnapshotID, name))
				}
				return strings.Join(out, " ")
			}
			for _, c := range []struct {
				names []string
				link  string
				want  string
			}{
				{[]string{"B"}, "", "1:B 3:B"},
				{[]string{"B2"}, "b.org", "1:B 3:B 4:B2"},
				{[]string{"C"}, "", "1:C"},
				{[]string{"A"}, "", "1:A 2:A 3:A 4:A"},
				{[]string{"nobody"}, "", ""},
			} {
				if got := seen(c.names, c.link); got != c.want {
					t.Errorf("%v %q: %q, want %q", c.names, c.link, got, c.want)
				}
			}
			a, _ := st.ModelSnapshots(ctx, []string{"A"}, "")
			if len(a) != 4 || a[0].Row != a[1].Row || a[1].Row == a[2].Row || a[2].Row != store.RowKey("A", "2", "") {
				t.Errorf("A's row keys: %+v", a)
			}
		})
	}
}

// The figure cache: a month of daily values, each a count that moves by
// one a day in a JSON of a few kB, read back as they were put; most are
// kept against an earlier value (their zstd frame names its snapshot as
// the dictionary), and a damaged whole value is left out with the values
// kept against it (to be counted again), without an error.
func TestFigureCache(t *testing.T) {
	ctx := context.Background()
	value := func(day int) []byte {
		var b strings.Builder
		fmt.Fprintf(&b, `{"day":%d,"years":{`, day)
		for y := 1950; y <= 2026; y++ {
			fmt.Fprintf(&b, `"%d":{"total":%d,"countries":{"US":%d,"CN":%d}},`, y, y-1900+day*(y/2026), y%37, y%11)
		}
		b.WriteString(`"end":0}}`)
		return []byte(b.String())
	}
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			var ids []int64
			for day := range 30 {
				f, c := fileData("large_scale_ai_models.csv", "large-scale", []byte(fmt.Sprintf("day %d", day)), nil)
				snap := census.Snapshot{Date: time.Date(2026, 1, 1+day, 0, 0, 0, 0, time.UTC), DateBasis: "path", Source: "x", Kind: "folder", Files: []census.FileInfo{f}}
				id, _, err := st.Import(ctx, snap, []store.Content{c})
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
				if err := st.PutFigure(ctx, "k", id, value(day)); err != nil {
					t.Fatal(err)
				}
			}
			got, err := st.CachedFigures(ctx, "k")
			if err != nil || len(got) != 30 {
				t.Fatalf("%d values, %v", len(got), err)
			}
			for day, id := range ids {
				if !bytes.Equal(got[id], value(day)) {
					t.Errorf("day %d read back as %.60q", day, got[id])
				}
			}
			against := 0
			rows, err := st.DB().QueryContext(ctx, `SELECT value FROM figure`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var z []byte
				var h zstd.Header
				if rows.Scan(&z) == nil && h.Decode(z) == nil && h.DictionaryID != 0 {
					against++
				}
			}
			rows.Close()
			if against < 25 {
				t.Errorf("%d of 30 values kept against another, want most", against)
			}
			if _, err := st.DB().ExecContext(ctx, `UPDATE figure SET value = $1 WHERE snapshot_id = $2`, []byte("damaged"), ids[0]); err != nil {
				t.Fatal(err)
			}
			// Every value kept against another is against day 0 here.
			if got, err := st.CachedFigures(ctx, "k"); err != nil || len(got) != 29-against || got[ids[0]] != nil {
				t.Errorf("after day 0 was damaged: %d values, %v; want %d", len(got), err, 29-against)
			}
		})
	}
}
