package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// folder writes a download folder named for its date holding the fixture
// as the large-scale file, with extra rows appended.
func folder(t *testing.T, date, extra string) string {
	t.Helper()
	fx, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), date)
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), append(fx, extra...), 0o644)
	return dir
}

func TestSnapshotCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "store.db")
	f1 := folder(t, "2025-03-01", "")
	// The second download adds a model and revises GPT-X's compute.
	fx, _ := os.ReadFile(fixture)
	changed := strings.Replace(string(fx), "2024-05-01,1.07e+24", "2024-05-01,2.14e+24", 1)
	f2 := filepath.Join(t.TempDir(), "2025-06-01")
	os.MkdirAll(f2, 0o755)
	os.WriteFile(filepath.Join(f2, "large_scale_ai_models.csv"), []byte(changed+"New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n"), 0o644)

	code, out, errOut := run(t, nil, "pull", "--db", db, "--source", f1)
	if code != 0 || !strings.Contains(out, "Stored snapshot #1, dated 2025-03-01: 1 file(s), 12 rows") {
		t.Fatalf("pull: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ = run(t, nil, "pull", "--db", db, "--source", f1); code != 0 || !strings.Contains(out, "Unchanged") {
		t.Errorf("pull again: %s", out)
	}
	if code, out, _ = run(t, map[string]string{"LANG": "ko_KR.UTF-8"}, "pull", "--db", db, "--source", f2); code != 0 || !strings.Contains(out, "스냅숏 #2 저장") {
		t.Errorf("pull in Korean: %s", out)
	}

	_, out, _ = run(t, nil, "snapshots", "--db", db, "--format", "json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 2 {
		t.Fatalf("snapshots json: %v\n%s", err, out)
	}
	for _, k := range []string{"id", "date", "source", "files", "rows"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("snapshots JSON lacks %q", k)
		}
	}
	if list[0]["date"] != "2025-03-01" || list[1]["rows"] != float64(13) {
		t.Errorf("snapshots = %v", list)
	}

	_, stored, _ := run(t, nil, "report", "--db", db, "--snapshot", "1", "--format", "json")
	_, direct, _ := run(t, nil, "report", "--source", f1, "--format", "json")
	if strings.Replace(stored, "    \"id\": 1,\n", "", 1) != direct {
		t.Errorf("report --snapshot 1 differs from reading the folder:\n%s\n---\n%s", stored, direct)
	}
	if _, asOf, _ := run(t, nil, "report", "--db", db, "--as-of", "2025-05-31", "--format", "json"); asOf != stored {
		t.Errorf("--as-of 2025-05-31 should be snapshot 1")
	}

	code, out, errOut = run(t, nil, "diff", "1", "2", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("diff: %d %s", code, errOut)
	}
	var d struct {
		Added   []struct{ Model string }
		Changed []struct {
			Model, Field string
			Old, New     any
		}
		Census struct {
			PerYear []struct{ Year, Before, After int } `json:"per_year"`
		}
	}
	json.Unmarshal([]byte(out), &d)
	if len(d.Added) != 1 || d.Added[0].Model != "New Model" || len(d.Changed) != 1 ||
		d.Changed[0].Field != "training_compute" || d.Changed[0].Old != 1.07e24 || d.Changed[0].New != 2.14e24 {
		t.Errorf("diff = %+v", d)
	}
	if last := d.Census.PerYear[len(d.Census.PerYear)-1]; last.Year != 2024 || last.Before != 4 || last.After != 5 {
		t.Errorf("census effect for 2024 = %+v, want 4 → 5", last)
	}
	if code, out, _ = run(t, nil, "diff", "1", "2", "--db", db); code != 0 || !strings.Contains(out, "Added models (1)") || !strings.Contains(out, "2.14 × 10²⁴") {
		t.Errorf("diff text:\n%s", out)
	}

	code, out, _ = run(t, nil, "history", "--db", db, "--figure", "count", "--year", "2024", "--format", "json")
	var h struct {
		Points []struct{ Count float64 }
	}
	json.Unmarshal([]byte(out), &h)
	if code != 0 || len(h.Points) != 2 || h.Points[0].Count != 4 || h.Points[1].Count != 5 {
		t.Errorf("history count 2024: %s", out)
	}
	if code, out, _ = run(t, nil, "history", "--db", db, "--from", "2022", "--to", "2024"); code != 0 || !strings.Contains(out, "2022  2023  2024") {
		t.Errorf("history table:\n%s", out)
	}

	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"report", "--db", db, "--snapshot", "99"}, ExitInput},
		{[]string{"report", "--db", db, "--snapshot", "x"}, ExitUsage},
		{[]string{"report", "--db", db, "--snapshot", "1", "--source", f1}, ExitUsage},
		{[]string{"report", "--db", db, "--as-of", "2020-01-01"}, ExitInput},
		{[]string{"diff", "1", "--db", db}, ExitUsage},
		{[]string{"history", "--db", db, "--figure", "top"}, ExitUsage},
		{[]string{"history", "--db", db, "--figure", "count", "--year", "1800"}, ExitUsage},
		{[]string{"snapshots", "--db", "/dev/null/no/store.db"}, ExitStore},
		{[]string{"pull", "--db", db, "--source", filepath.Join(t.TempDir(), "missing")}, ExitInput},
	} {
		code, _, errOut := run(t, nil, tc.args...)
		if code != tc.code || strings.Count(errOut, "\n") < 1 {
			t.Errorf("%v: exit %d, want %d; %q", tc.args, code, tc.code, errOut)
		}
	}
}

// pull --every re-pulls on a schedule, with ETag revalidation, and prints
// what changed.
func TestPullEvery(t *testing.T) {
	zipOf := func(extra string) []byte {
		fx, _ := os.ReadFile(fixture)
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("large_scale_ai_models.csv")
		w.Write(append(fx, extra...))
		zw.Close()
		return b.Bytes()
	}
	versions := [][]byte{zipOf(""), zipOf("Newer Model,Language,OpenAI,2024-08-08,4e24,Likely,API access,United States of America,,\n")}
	var hits, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(hits.Add(1))
		v := 0
		if n >= 3 {
			v = 1 // the data changes after two requests
		}
		etag := `"v` + string(rune('0'+v)) + `"`
		if r.Header.Get("If-None-Match") == etag {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Write(versions[v])
	}))
	defer srv.Close()
	// The loop is stopped once the changed download is stored (as Ctrl-C
	// would stop it), not at a fixed time, which a loaded machine misses.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out bytes.Buffer
	errOut := &stopAfter{seen: func() bool { return strings.Contains(out.String(), "Stored snapshot #2") }, want: "Next pull", stop: cancel}
	io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: errOut, Getenv: func(string) string { return "" }, Now: time.Now, Deps: testDeps()}
	code := Run(ctx, io, []string{"pull", "--every", "1s", "--db", filepath.Join(t.TempDir(), "s.db"),
		"--cache-dir", t.TempDir(), "--source", srv.URL + "/ai_models.zip"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	s := out.String()
	if !strings.Contains(s, "Stored snapshot #1") || !strings.Contains(s, "Unchanged") || !strings.Contains(s, "Stored snapshot #2") ||
		!strings.Contains(s, "Changes since snapshot #1: 1 added") {
		t.Errorf("output:\n%s\nstderr:\n%s", s, errOut.String())
	}
	if notModified.Load() < 1 {
		t.Errorf("the second pull should have been revalidated with the ETag (304)")
	}
}

// stopAfter is an output that calls stop when it is written want once
// seen reports true: when the loop waits for its next pull after storing
// what the test waits for.
type stopAfter struct {
	bytes.Buffer
	seen func() bool
	want string
	stop func()
}

func (s *stopAfter) Write(p []byte) (int, error) {
	n, err := s.Buffer.Write(p)
	if strings.Contains(string(p), s.want) && s.seen() {
		s.stop()
	}
	return n, err
}

// Commands that only read the store do not create one: a mistyped --db
// leaves no folder behind. snapshots lists nothing; the others say there
// is no store (exit 7).
func TestReadingCommandsCreateNoStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "missing", "dir", "s.db")
	code, out, errOut := run(t, nil, "snapshots", "--db", db)
	if code != ExitOK || !strings.Contains(out, "No snapshots stored") {
		t.Errorf("snapshots: exit %d: %s%s", code, out, errOut)
	}
	for _, args := range [][]string{
		{"history", "--db", db},
		{"diff", "--db", db, "1", "2"},
		{"report", "--db", db, "--snapshot", "1"},
	} {
		code, _, errOut := run(t, nil, args...)
		if code != ExitStore || !strings.Contains(errOut, "no snapshot store at "+db) {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Dir(filepath.Dir(db))); !os.IsNotExist(err) {
		t.Errorf("a reading command created %s", filepath.Dir(filepath.Dir(db)))
	}
}

// A report read from the store names the stored snapshot, in text as in
// JSON, in both languages.
func TestReportNamesStoredSnapshot(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := run(t, nil, "pull", "--db", db, "--source", fixture, "--date", "2025-03-01"); code != 0 {
		t.Fatalf("pull: %s", errOut)
	}
	for lang, want := range map[string]string{"en": "Stored snapshot: #1 of 2025-03-01", "ko": "저장된 스냅숏: #1 (2025-03-01"} {
		code, out, errOut := run(t, nil, "report", "--db", db, "--snapshot", "1", "--lang", lang)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, text lacks %q:\n%s%s", lang, code, want, out, errOut)
		}
	}
	code, out, _ := run(t, nil, "report", "--db", db, "--snapshot", "1", "--format", "json")
	if code != 0 || !strings.Contains(out, `"id": 1`) || !strings.Contains(out, `"snapshot_date": "2025-03-01"`) {
		t.Errorf("JSON does not name the stored snapshot:\n%.400s", out)
	}
}

// A puller of a new release (pull --every) keeps the figures of the
// snapshots an older release stored, once, so that no history reads them
// all; the Korean message says so too.
func TestPullEveryKeepsOlderFigures(t *testing.T) {
	old := Version
	defer func() { Version = old }()
	fx, err := os.ReadFile("../testdata/census_fixture.csv")
	if err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	folder := func(date, extra string) string {
		dir := filepath.Join(parent, date)
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), append(fx, extra...), 0o644)
		return dir
	}
	db := filepath.Join(t.TempDir(), "s.db")
	Version = "old-release"
	if code, _, errOut := run(t, nil, "pull", "--db", db, "--source", folder("2025-03-01", "")); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, lang := range []string{"en", "ko"} {
		Version = "new-release-" + lang
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		var out bytes.Buffer
		errOut := &stopAfter{seen: func() bool { return true }, want: "Ctrl-C", stop: cancel}
		io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: errOut, Getenv: func(string) string { return "" }, Now: time.Now, Deps: testDeps()}
		code := Run(ctx, io, []string{"pull", "--every", "1h", "--lang", lang, "--db", db, "--cache-dir", t.TempDir(),
			"--source", folder("2025-06-0"+map[string]string{"en": "1", "ko": "2"}[lang], "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,Republic of Korea,,\n")})
		cancel()
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		// The new snapshot's figures were kept by its pull; the older
		// one (or two) by the loop: one subset each.
		want := map[string]string{"en": "Kept the figures of 1 snapshot file(s) for history", "ko": "스냅숏 파일 2개의 지표를 history용으로 저장했습니다"}[lang]
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("%s: stderr lacks %q:\n%s", lang, want, errOut.String())
		}
	}
}

// A store that cannot be opened is named once, after "snapshot store: ",
// in both languages (exit 7).
func TestStoreErrorNamesStoreOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if err := os.WriteFile(db, []byte(strings.Repeat("not a database ", 10)), 0o644); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"en": "snapshot store: " + db + ": ", "ko": "스냅숏 저장소: " + db + ": "} {
		code, _, errOut := run(t, nil, "report", "--db", db, "--snapshot", "1", "--lang", lang)
		if code != ExitStore || !strings.Contains(errOut, want) || strings.Contains(errOut, "store "+db) {
			t.Errorf("%s: exit %d: %s", lang, code, errOut)
		}
	}
}

// A source that goes back to an earlier content (A, B, then A again) is
// a new snapshot of A, so that a report as of its date reads A; pulling A
// again with nothing between stores nothing.
func TestPullBackToEarlierContent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "store.db")
	a := folder(t, "2025-03-01", "")
	b := folder(t, "2025-06-01", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n")
	pull := func(src string, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, nil, append([]string{"pull", "--db", db, "--source", src}, args...)...)
		if code != 0 {
			t.Fatalf("pull %s: exit %d: %s", src, code, errOut)
		}
		return out
	}
	pull(a)
	if out := pull(a, "--date", "2025-04-01"); !strings.Contains(out, "Unchanged") {
		t.Errorf("A again: %s", out)
	}
	pull(b)
	if out := pull(a, "--date", "2025-09-01"); !strings.Contains(out, "Stored snapshot #3, dated 2025-09-01") {
		t.Errorf("A after B: %s", out)
	}
	if out := pull(a, "--date", "2025-10-01"); !strings.Contains(out, "Unchanged") || !strings.Contains(out, "#3") {
		t.Errorf("A once more: %s", out)
	}
	// The fixture's 2024 count is 4 (testdata/README.md); B adds one.
	for date, want := range map[string]string{"2025-07-01": "5", "2025-09-01": "4"} {
		_, out, errOut := run(t, nil, "report", "--db", db, "--as-of", date, "--from", "2024", "--to", "2024", "--format", "json")
		var doc struct {
			PerYear []struct{ Year, Count int } `json:"per_year"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.PerYear) != 1 || strconv.Itoa(doc.PerYear[0].Count) != want {
			t.Errorf("as of %s: %+v, want %s models in 2024 (%v) %s", date, doc.PerYear, want, err, errOut)
		}
	}
}

// An archive's folders are dated by their names: --date is refused
// (exit 2), and no store is made.
func TestPullArchiveRefusesDate(t *testing.T) {
	parent := t.TempDir()
	for _, d := range []string{"2025-03-01", "2025-06-01"} {
		os.MkdirAll(filepath.Join(parent, d), 0o755)
		fx, _ := os.ReadFile(fixture)
		os.WriteFile(filepath.Join(parent, d, "large_scale_ai_models.csv"), fx, 0o644)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, errOut := run(t, nil, "pull", "--db", db, "--source", parent, "--date", "2026-01-01")
	if code != ExitUsage || !strings.Contains(errOut, "each folder of an archive is dated by its name") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused pull made the store")
	}
}
