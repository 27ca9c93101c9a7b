package snapshots_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// fixtureFolder writes a download folder named for its date: the hand
// fixture as the large-scale file, and a small notable file.
func fixtureFolder(t *testing.T, parent, date string, extra string) string {
	t.Helper()
	fx, err := os.ReadFile("../testdata/census_fixture.csv")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(parent, date)
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), append(fx, []byte(extra)...), 0o644)
	os.WriteFile(filepath.Join(dir, "notable_ai_models.csv"), []byte("Model,Publication date\nOnly Notable,2023-01-01\n"), 0o644)
	return dir
}

func TestPullReportAndProvenance(t *testing.T) {
	ctx := context.Background()
	r := defaultRules(t)
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := openStore(t, b)
			var v int
			if err := st.DB().QueryRowContext(ctx, `SELECT version FROM store_schema`).Scan(&v); err != nil || v != 1 {
				t.Fatalf("schema version %d, %v", v, err)
			}
			dir := fixtureFolder(t, t.TempDir(), "2025-03-01", "")
			res, err := snapshots.Pull(ctx, st, r, dir, snapshots.PullOptions{ToolVersion: "test"})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Snapshot
			if !res.Created || s.DateString() != "2025-03-01" || s.DateBasis != census.DateFromPath || len(s.Files) != 2 || s.Rows != 13 {
				t.Fatalf("snapshot = %+v", s)
			}
			if s.ToolVersion != "test" || s.RulesVersion != r.Version || s.ContentSHA256 == "" || s.Kind != epoch.KindFolder {
				t.Errorf("provenance = %+v", s)
			}
			for _, f := range s.Files {
				data, _ := os.ReadFile(f.Name)
				if f.Size != int64(len(data)) || len(f.SHA256) != 64 || f.HeaderVersion == "" || f.Encoding != epoch.EncodingUTF8 {
					t.Errorf("file provenance = %+v", f)
				}
				got, err := st.Content(ctx, f.ID)
				if err != nil || !bytes.Equal(got, data) {
					t.Errorf("stored bytes of %s differ from the file", f.Name)
				}
			}
			if n := s.Rows; n != 13 {
				t.Errorf("raw rows stored = %d, %v; want 13 (12 + 1)", n, err)
			}
			// The model index holds each named row of the large-scale file
			// once: the fixture's 12 rows, one of them unnamed.
			if seen, err := st.ModelSnapshots(ctx, []string{"Gemini Z"}, ""); err != nil || len(seen) != 1 || seen[0].SnapshotID != s.ID {
				t.Errorf("Gemini Z in %+v, %v", seen, err)
			}

			// The same content again stores nothing, even from elsewhere.
			again, err := snapshots.Pull(ctx, st, r, fixtureFolder(t, t.TempDir(), "2025-03-09", ""), snapshots.PullOptions{})
			if err != nil || again.Created || again.Snapshot.ID != s.ID {
				t.Errorf("identical content: created %v id %d, %v", again.Created, again.Snapshot.ID, err)
			}

			// A report from the store equals reading the files directly.
			direct, err := epoch.Load(ctx, dir, r, epoch.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			stored, err := snapshots.Load(ctx, st, s, r, epoch.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			a, _ := census.Compute(direct, census.Options{})
			b2, _ := census.Compute(stored, census.Options{})
			if b2.Source.ID != s.ID {
				t.Errorf("the stored report names snapshot %d, want %d", b2.Source.ID, s.ID)
			}
			b2.Source.ID = 0
			if !reflect.DeepEqual(a, b2) {
				t.Errorf("stored report differs from the direct one:\n%+v\n%+v", a, b2)
			}

			// A second, changed download: as-of picks by date.
			dir2 := fixtureFolder(t, t.TempDir(), "2025-06-01", "New Model,2024-07-07,Language,OpenAI,,,,,,\n")
			res2, err := snapshots.Pull(ctx, st, r, dir2, snapshots.PullOptions{})
			if err != nil || !res2.Created {
				t.Fatalf("second pull: %v", err)
			}
			// Its large-scale file, one row longer, is compressed against
			// the first download's, and reads back byte for byte.
			for _, f := range res2.Snapshot.Files {
				data, _ := os.ReadFile(f.Name)
				got, err := st.Content(ctx, f.ID)
				if err != nil || !bytes.Equal(got, data) {
					t.Errorf("stored bytes of %s differ from the file (%v)", f.Name, err)
				}
				var base string
				var size int
				st.DB().QueryRowContext(ctx, `SELECT base, length(content) FROM blob WHERE sha256 = $1`, f.SHA256).Scan(&base, &size)
				if strings.HasSuffix(f.Name, "large_scale_ai_models.csv") && (base != s.Files[1].SHA256 && base != s.Files[0].SHA256 || size > 200) {
					t.Errorf("%s stored against %q in %d bytes; want a few bytes against the first download", f.Name, base, size)
				}
			}
			for date, want := range map[string]int64{"2025-03-01": s.ID, "2025-05-31": s.ID, "2025-06-01": res2.Snapshot.ID, "2030-01-01": res2.Snapshot.ID} {
				d, _ := time.Parse("2006-01-02", date)
				got, err := st.AsOf(ctx, d, "")
				if err != nil || got.ID != want {
					t.Errorf("as of %s: %v, %v; want #%d", date, got, err, want)
				}
			}
			if _, err := st.AsOf(ctx, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("as of 2020: %v, want not found", err)
			}
			if _, err := st.Snapshot(ctx, 999); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("snapshot 999: %v", err)
			}
			list, err := st.Snapshots(ctx)
			if err != nil || len(list) != 2 || list[0].ID != s.ID {
				t.Errorf("snapshots = %v, %v", list, err)
			}
		})
	}
}

// plainRows reads a CSV with encoding/csv alone and returns, for each
// trimmed name with a date (first row wins), its cells by column name.
func plainRows(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		name := row["Model"]
		if name == "" {
			name = row["System"]
		}
		name = strings.Join(strings.Fields(name), " ")
		date := strings.TrimSpace(row["Publication date"])
		if name == "" || len(date) < 4 || out[name] != nil {
			continue
		}
		if _, err := strconv.Atoi(date[:4]); err != nil {
			continue
		}
		out[name] = row
	}
	return out
}

func largeScaleFile(t *testing.T, dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	for _, f := range files {
		if epoch.SubsetOf(f) == epoch.SubsetLargeScale {
			return f
		}
	}
	return ""
}

// The whole shared archive imports; history's per-year counts and the
// diffs of consecutive large-scale snapshots match plain computations over
// the files.
func TestSharedArchive(t *testing.T) {
	archive := shared.Snapshots(t)
	ctx := context.Background()
	r := defaultRules(t)
	folders, _ := filepath.Glob(filepath.Join(archive, "20*"))
	sort.Strings(folders)
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := openStore(t, b)
			var failed []string
			err := snapshots.ImportArchive(ctx, st, r, archive, snapshots.PullOptions{}, func(folder string, res *snapshots.PullResult, err error) {
				if err != nil {
					failed = append(failed, folder+": "+err.Error())
				}
			})
			if err != nil || len(failed) > 0 {
				t.Fatalf("import: %v %v", err, failed)
			}
			list, _ := st.Snapshots(ctx)
			// Folders whose files are byte for byte those of an earlier one
			// are stored once.
			if len(list) == 0 || len(list) > len(folders) {
				t.Fatalf("%d snapshots from %d folders", len(list), len(folders))
			}
			byDate := map[string]*census.Snapshot{}
			for _, s := range list {
				byDate[s.DateString()] = s
			}

			h, err := snapshots.Follow(ctx, st, r, snapshots.HistoryOptions{From: 2020, To: 2025})
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for _, p := range h.Points {
				f := largeScaleFile(t, filepath.Join(archive, p.Date))
				if f == "" {
					t.Errorf("snapshot %s has no large-scale file but is in the history", p.Date)
					continue
				}
				want := map[int]int{}
				for _, row := range plainRows(t, f) {
					y, _ := strconv.Atoi(strings.TrimSpace(row["Publication date"])[:4])
					want[y]++
				}
				for _, c := range p.Counts {
					if c.Count != want[c.Year] {
						t.Errorf("%s: %d models in %d, plain count %d", p.Date, c.Count, c.Year, want[c.Year])
					}
				}
				checked++
			}
			if checked < 10 {
				t.Errorf("history covered only %d large-scale snapshots", checked)
			}

			// Diffs of consecutive large-scale snapshots.
			var prev *census.Snapshot
			var prevFile string
			pairs := 0
			for _, folder := range folders {
				f := largeScaleFile(t, folder)
				s := byDate[filepath.Base(folder)]
				if f == "" || s == nil {
					continue
				}
				if prev != nil {
					checkDiff(t, ctx, st, r, prev, s, prevFile, f)
					pairs++
				}
				prev, prevFile = s, f
			}
			if pairs < 10 {
				t.Errorf("only %d consecutive pairs diffed", pairs)
			}
		})
	}
}

// checkDiff compares snapshots.Compare with a plain computation over the
// two files: names added and removed (less renames, found by the same
// link), and training compute revisions.
func checkDiff(t *testing.T, ctx context.Context, st *store.Store, r *census.Rules, a, b *census.Snapshot, fa, fb string) {
	t.Helper()
	d, err := snapshots.Compare(ctx, st, r, a, b, epoch.SubsetLargeScale, census.Options{})
	if err != nil {
		t.Fatalf("diff %s %s: %v", a.DateString(), b.DateString(), err)
	}
	ra, rb := plainRows(t, fa), plainRows(t, fb)
	var added, removed []string
	for n := range rb {
		if ra[n] == nil {
			added = append(added, n)
		}
	}
	for n := range ra {
		if rb[n] == nil {
			removed = append(removed, n)
		}
	}
	renamedFrom := map[string]string{}
	for _, rn := range d.Renamed {
		renamedFrom[rn.From] = rn.To
		if rn.By == "link" && strings.TrimSpace(ra[rn.From]["Link"]) != strings.TrimSpace(rb[rn.To]["Link"]) {
			t.Errorf("%s→%s: rename %q→%q by link, but links differ", a.DateString(), b.DateString(), rn.From, rn.To)
		}
	}
	var wantAdded, wantRemoved []string
	renamedTo := map[string]bool{}
	for _, to := range renamedFrom {
		renamedTo[to] = true
	}
	for _, n := range added {
		if !renamedTo[n] {
			wantAdded = append(wantAdded, n)
		}
	}
	for _, n := range removed {
		if renamedFrom[n] == "" {
			wantRemoved = append(wantRemoved, n)
		}
	}
	sort.Strings(wantAdded)
	sort.Strings(wantRemoved)
	var gotAdded, gotRemoved []string
	for _, m := range d.Added {
		gotAdded = append(gotAdded, m.Model)
	}
	for _, m := range d.Removed {
		gotRemoved = append(gotRemoved, m.Model)
	}
	if !reflect.DeepEqual(gotAdded, wantAdded) || !reflect.DeepEqual(gotRemoved, wantRemoved) {
		t.Errorf("%s→%s: added %q removed %q; plain: added %q removed %q",
			a.DateString(), b.DateString(), gotAdded, gotRemoved, wantAdded, wantRemoved)
	}
	wantFLOP := map[string]bool{}
	// Models in both: the same name, or renamed (listed under the new name).
	pairs := map[string]string{}
	for n := range ra {
		if rb[n] != nil {
			pairs[n] = n
		}
	}
	for from, to := range renamedFrom {
		pairs[to] = from
	}
	for n, was := range pairs {
		old, nw := ra[was], rb[n]
		o, okO := strconv.ParseFloat(strings.TrimSpace(old["Training compute (FLOP)"]), 64)
		v, okN := strconv.ParseFloat(strings.TrimSpace(nw["Training compute (FLOP)"]), 64)
		// Equal to 12 significant digits is no revision (issue #14):
		// 4.7999999999999996e+24 and 4.8e+24 are one figure.
		if (okO == nil) != (okN == nil) || (okO == nil && math.Abs(o-v) > 5e-12*math.Max(math.Abs(o), math.Abs(v))) {
			wantFLOP[n] = true
		}
	}
	gotFLOP := map[string]bool{}
	for _, c := range d.Changed {
		if c.Field == snapshots.FieldCompute {
			gotFLOP[c.Model] = true
		}
	}
	if !reflect.DeepEqual(gotFLOP, wantFLOP) {
		t.Errorf("%s→%s: compute revisions %v; plain %v", a.DateString(), b.DateString(), gotFLOP, wantFLOP)
	}
}
