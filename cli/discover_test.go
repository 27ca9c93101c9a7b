package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// discoverServers are loopback servers shaped like the Hub, the
// datasets-server and arXiv: the Hub has a new EXAONE and a fine-tune of
// it, the leaderboard GPT-X and gemini-z-20250101 (in
// testdata/census_fixture.csv, the second as Gemini Z) and Solar Pro 3,
// arXiv the Mi:dm 2.0 report; arxivFails makes arXiv answer 404.
func discoverServers(t *testing.T, arxivFails bool) []string {
	t.Helper()
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/LGAI-EXAONE/EXAONE-5.0-236B-A23B/resolve/main/README.md" {
			fmt.Fprint(w, "# EXAONE 5.0\n\nEXAONE 5.0 was pre-trained on 20T tokens.\n")
			return
		}
		if strings.Contains(r.URL.Path, "/resolve/") {
			http.NotFound(w, r) // no config.json
			return
		}
		if r.URL.Query().Get("author") != "LGAI-EXAONE" {
			fmt.Fprint(w, `[]`)
			return
		}
		fmt.Fprint(w, `[{"id":"LGAI-EXAONE/EXAONE-5.0-236B-A23B","createdAt":"2026-09-01T00:00:00.000Z","tags":[],"safetensors":{"total":236000000000}},
			{"id":"LGAI-EXAONE/EXAONE-5.0-Instruct","createdAt":"2026-09-02T00:00:00.000Z","tags":["base_model:finetune:LGAI-EXAONE/EXAONE-5.0-236B-A23B"]}]`)
	}))
	ds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"rows":[{"row":{"model_name":"GPT-X","organization":"OpenAI","rating":1300,"vote_count":10,"leaderboard_publish_date":"2026-09-01"}},
			{"row":{"model_name":"solar-pro-3","organization":"Upstage","rating":1250,"vote_count":900,"leaderboard_publish_date":"2026-09-01"}},
			{"row":{"model_name":"gemini-z-20250101","organization":"Google","rating":1280,"vote_count":500,"leaderboard_publish_date":"2026-09-01"}}],"num_rows_total":3}`)
	}))
	ax := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if arxivFails {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2601.09066v1</id><published>2026-01-14T00:00:00Z</published><title>Mi:dm 2.0 Technical Report</title></entry></feed>`)
	}))
	t.Cleanup(func() { hub.Close(); ds.Close(); ax.Close() })
	return []string{"--hf-endpoint", hub.URL, "--arena-endpoint", ds.URL, "--arxiv-endpoint", ax.URL}
}

func discoverJSON(t *testing.T, db string, endpoints []string) ([]discover.Candidate, string) {
	t.Helper()
	args := append([]string{"discover", "--source", fixture, "--db", db, "--overlay", "none", "--format", "json"}, endpoints...)
	code, out, errOut := run(t, nil, args...)
	if code != 0 {
		t.Fatalf("discover: exit %d: %s", code, errOut)
	}
	var list []discover.Candidate
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return list, errOut
}

// discover finds the three models the fixture lacks, queues them, and a
// reviewer accepts one (an overlay entry, sourced) and rejects another
// (which stays rejected on the next run). A failed source leaves the
// others working and the queue intact.
func TestDiscoverQueueAcceptReject(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	endpoints := discoverServers(t, false)
	list, _ := discoverJSON(t, db, endpoints)
	var names []string
	for _, c := range list {
		names = append(names, c.Name+"="+c.Status)
	}
	if got := strings.Join(names, " "); got != "EXAONE-5.0-236B-A23B=new Mi:dm 2.0=new solar-pro-3=new" {
		t.Fatalf("candidates %q", got)
	}

	dir := t.TempDir()
	code, out, errOut := run(t, nil, "curate", "accept", "exaone50236ba23b", "--db", db, "--overlay", dir, "--author", "reviewer")
	if code != 0 {
		t.Fatalf("accept: exit %d: %s", code, errOut)
	}
	ov, problems, err := overlay.Load(dir)
	if err != nil || len(problems) > 0 || len(ov.Entries) != 1 {
		t.Fatalf("overlay after accept: %v %v %+v (%s)", err, problems, ov, out)
	}
	e := ov.Entries[0]
	// 6 × 236e9 parameters × 20e12 tokens (the card's) = 2.832e25 FLOP.
	if len(e.Sources) == 0 || e.Cells["dataset_size"] != "2e+13" || e.Cells["compute"] != "2.832e+25" || !strings.Contains(e.Sources[0].Note, "pre-trained on 20T tokens") {
		t.Errorf("accepted entry's tokens and estimate: %v; sources %+v", e.Cells, e.Sources)
	}
	if e.Model != "EXAONE-5.0-236B-A23B" || e.Cells["date"] != "2026-09-01" || e.Cells["parameters"] != "2.36e+11" ||
		len(e.Sources) != 1 || !strings.Contains(e.Sources[0].URL, "/LGAI-EXAONE/EXAONE-5.0-236B-A23B") {
		t.Errorf("accepted entry %+v", e)
	}
	if code, _, errOut := run(t, nil, "curate", "reject", "solarpro3", "--db", db, "--reason", "not in scope"); code != 0 {
		t.Fatalf("reject: %s", errOut)
	}
	if code, _, _ := run(t, nil, "curate", "reject", "solarpro3", "--db", db); code != ExitUsage {
		t.Errorf("reject without --reason: exit %d", code)
	}

	// The next run, with arXiv failing: a warning; the others still found,
	// the statuses kept, and the accepted model known from now on only
	// once the overlay is used.
	list, errOut = discoverJSON(t, db, discoverServers(t, true))
	if !strings.Contains(errOut, "arxiv") {
		t.Errorf("no warning for the failed source: %q", errOut)
	}
	// Nothing awaits review any more: EXAONE is accepted, solar-pro-3
	// rejected, and Mi:dm 2.0 (new) was not found this time. The queue keeps
	// all three with their statuses.
	if len(list) != 0 {
		t.Errorf("second run proposes %+v; want nothing", list)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	queued, err := st.Candidates(context.Background(), "")
	st.Close()
	status := map[string]string{}
	for _, q := range queued {
		status[q.Name] = q.Status
	}
	if status["solar-pro-3"] != discover.StatusRejected || status["EXAONE-5.0-236B-A23B"] != discover.StatusAccepted || status["Mi:dm 2.0"] != discover.StatusNew || err != nil {
		t.Errorf("queue after the second run: %v", status)
	}
	args := append([]string{"discover", "--source", fixture, "--db", db, "--overlay", dir, "--format", "json"}, discoverServers(t, false)...)
	_, out, _ = run(t, nil, args...)
	if strings.Contains(out, "EXAONE-5.0-236B-A23B") {
		t.Error("a model added by the overlay is still a candidate")
	}
	os.Remove(db)
}

// A Hub that fails on its second page: the first page's candidates are
// still queued; running again proposes nothing new; an accepted candidate
// is applied by curate check and counted by report.
func TestDiscoverHalfwayAndAccepted(t *testing.T) {
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/resolve/") {
			http.NotFound(w, r) // no config.json, no card
			return
		}
		if r.URL.Query().Get("author") != "LGAI-EXAONE" {
			fmt.Fprint(w, `[]`)
			return
		}
		if r.URL.Query().Get("cursor") != "" {
			http.Error(w, "gone", http.StatusNotFound)
			return
		}
		w.Header().Set("Link", "<"+"http://"+r.Host+"/api/models?author=LGAI-EXAONE&cursor=2>; rel=\"next\"")
		fmt.Fprint(w, `[{"id":"LGAI-EXAONE/EXAONE-5.0-236B-A23B","createdAt":"2024-09-01T00:00:00.000Z","tags":[],"safetensors":{"total":236000000000}}]`)
	}))
	defer hub.Close()
	db := filepath.Join(t.TempDir(), "s.db")
	args := []string{"discover", "--source", fixture, "--db", db, "--overlay", "none", "--sources", "hf", "--hf-endpoint", hub.URL}
	code, out, errOut := run(t, nil, args...)
	if code != 0 || !strings.Contains(out, "EXAONE-5.0-236B-A23B") || !strings.Contains(errOut, "hf") {
		t.Fatalf("halfway failure: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, nil, args...)
	if code != 0 || !strings.Contains(out, "; 0 new in the queue") {
		t.Errorf("the second run proposed something new:\n%s", out)
	}
	dir := t.TempDir()
	if code, _, errOut := run(t, nil, "curate", "accept", "exaone50236ba23b", "--db", db, "--overlay", dir, "--author", "reviewer"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut = run(t, nil, "curate", "check", "--source", fixture, "--overlay", dir, "--format", "json")
	if code != 0 || !strings.Contains(out, `"status": "applied"`) {
		t.Errorf("check of the accepted entry: exit %d\n%s%s", code, out, errOut)
	}
	_, with, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--overlay", dir, "--format", "json")
	_, without, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--overlay", "none", "--format", "json")
	var a, b struct{ Total int }
	_ = json.Unmarshal([]byte(with), &a)
	_ = json.Unmarshal([]byte(without), &b)
	if a.Total != b.Total+1 {
		t.Errorf("the census counts %d with the accepted entry, %d without; want one more", a.Total, b.Total)
	}
}

// When every source fails, discover says so and exits 4, so that a
// scheduled run cannot mistake it for a quiet day.
func TestDiscoverAllSourcesFail(t *testing.T) {
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "not json") }))
	defer bad.Close()
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, errOut := run(t, nil, "discover", "--source", fixture, "--db", db, "--overlay", "none", "--sources", "arena",
		"--arena-endpoint", bad.URL)
	if code != ExitDownload || !strings.Contains(errOut, "every source failed") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, nil, "discover", "--source", fixture, "--db", db, "--sources", ","); code != ExitUsage {
		t.Errorf("--sources , : exit %d", code)
	}
}
