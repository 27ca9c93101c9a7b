package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/epoch/bundled"
	"github.com/modelcensus/modelcensus/epoch/download"
)

// bundledPerYear counts the bundled large-scale file's rows per
// publication year with a plain CSV reader: first row of each trimmed
// name, rows with a name and a YYYY-MM-DD date.
func bundledPerYear(t *testing.T) map[int]int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(bundled.Zip), int64(len(bundled.Zip)))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[int]int{}
	for _, f := range zr.File {
		if !strings.Contains(f.Name, "large_scale") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		seen := map[string]bool{}
		for _, r := range recs[1:] {
			name := strings.TrimSpace(r[col["Model"]])
			d, err := time.Parse("2006-01-02", strings.TrimSpace(r[col["Publication date"]]))
			if name == "" || err != nil || seen[name] {
				continue
			}
			seen[name] = true
			counts[d.Year()]++
		}
	}
	if len(counts) == 0 {
		t.Fatal("no large-scale file in the bundled zip")
	}
	return counts
}

// runWith runs modelcensus in-process with the downloader replaced.
func runWith(t *testing.T, env map[string]string, dl func(context.Context, string, epoch.FetchOptions) (*epoch.Fetched, error), args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	deps := testDeps()
	deps.Download = dl
	io := &IOStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) },
		Deps:   deps}
	code := Run(context.Background(), io, args)
	return code, stdout.String(), stderr.String()
}

// With no --source, Epoch's server down (a loopback server that was
// closed) and an empty cache, report falls back on the bundled snapshot:
// exit 0, the census of the bundled large-scale file, and a warning, a
// headline and a note that name it and its age.
func TestBundledFallback(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + "/data/ai_models.zip"
	srv.Close()
	cache := t.TempDir()
	down := func(ctx context.Context, _ string, opt epoch.FetchOptions) (*epoch.Fetched, error) {
		opt.ConnectTimeout = 2 * time.Second
		return download.Fetch(ctx, url, opt)
	}
	want := bundledPerYear(t)
	code, out, errOut := runWith(t, nil, down, "report", "--cache-dir", cache, "--from", "2020", "--to", "2025", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "bundled") || !strings.Contains(errOut, "2026-08-19") {
		t.Errorf("no warning naming the bundled snapshot: %q", errOut)
	}
	var r struct {
		PerYear []struct{ Year, Count int } `json:"per_year"`
		Source  struct {
			Location     string `json:"location"`
			Kind         string `json:"kind"`
			SnapshotDate string `json:"snapshot_date"`
			AgeDays      int    `json:"age_days"`
		} `json:"source"`
		Notes []struct{ Code, Message string } `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, y := range r.PerYear {
		if y.Count != want[y.Year] {
			t.Errorf("%d: %d models, a plain count gives %d", y.Year, y.Count, want[y.Year])
		}
	}
	if r.Source.Kind != "bundled" || r.Source.SnapshotDate != "2026-08-19" || r.Source.Location != bundled.Name || r.Source.AgeDays != 100 {
		t.Errorf("source %+v", r.Source)
	}
	if len(r.Notes) == 0 || r.Notes[0].Code != "bundled_snapshot" || !strings.Contains(r.Notes[0].Message, "100 days old") {
		t.Errorf("first note %+v", r.Notes)
	}
	// Text output says it in its headline, in Korean too.
	code, out, _ = runWith(t, nil, down, "report", "--cache-dir", cache, "--lang", "ko")
	if code != ExitOK || !strings.Contains(out, "내장된 2026-08-19 스냅숏(100일 전)") {
		t.Errorf("Korean text: exit %d\n%s", code, out)
	}
	// A source of the user's that cannot be downloaded does not fall back.
	if code, _, _ := runWith(t, nil, down, "report", "--cache-dir", cache, "--source", url); code != ExitDownload {
		t.Errorf("a URL of the user's: exit %d, want %d", code, ExitDownload)
	}
}

// --source bundled reads the bundled snapshot on request, its notable
// file with --subset notable, and a subset it lacks is a clear error.
func TestBundledOnRequest(t *testing.T) {
	code, out, errOut := run(t, nil, "report", "--source", "bundled", "--subset", "notable", "--format", "json")
	if code != ExitOK || !strings.Contains(out, `"subset": "notable"`) {
		t.Fatalf("notable: exit %d: %s", code, errOut)
	}
	code, _, errOut = run(t, nil, "report", "--source", "bundled", "--subset", "frontier")
	if code != ExitInput || !strings.Contains(errOut, "frontier") || !strings.Contains(errOut, "notable") {
		t.Errorf("frontier: exit %d: %s", code, errOut)
	}
}

// The bundled zip stays within the 1.5 MB the program may grow by.
func TestBundledSize(t *testing.T) {
	if n := len(bundled.Zip); n > 1_500_000 {
		t.Errorf("bundled snapshot is %d bytes", n)
	}
	if !strings.Contains(bundled.Provenance, "CC BY 4.0") {
		t.Error("provenance lacks the licence")
	}
}
