package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
	"html"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/web"
)

// The history page draws the figure over the stored snapshots as a line
// and, for a step, names the models behind it: the second stored
// snapshot of storeServer adds New Model (2024), so the 2024 count goes
// from 4 to 5 (testdata/README.md counts the first).
func TestHistoryPage(t *testing.T) {
	srv := storeServer(t)
	for _, lang := range []string{"en", "ko"} {
		resp, body := get(t, srv, "/history?lang="+lang+"&figure=count&year=2024&step=1")
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", lang, resp.StatusCode)
		}
		page := html.UnescapeString(string(body))
		for _, want := range []string{`"kind":"line"`, `data-step="1"`, "4 → 5 (+1)", "New Model +1", `"links":[`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s history page lacks %q", lang, want)
			}
		}
	}
	// With no figure named (the menu's link), the count of a year.
	_, body := get(t, srv, "/history?year=2024&step=1")
	if page := html.UnescapeString(string(body)); !strings.Contains(page, `"values":[4,5]`) || !strings.Contains(page, "4 → 5 (+1)") {
		t.Errorf("the history page with no figure does not draw the count 4, 5")
	}
	// A country the rules do not know, or a year that is not one, is a 400
	// in the page's language, not a line of zeros.
	for _, bad := range []string{"figure=country&country=ZZ", "figure=count&year=abc", "figure=count&year=99999"} {
		for _, lang := range []string{"en", "ko"} {
			resp, body := get(t, srv, "/history?lang="+lang+"&"+bad)
			page := html.UnescapeString(string(body))
			want := map[string]string{"en": "want", "ko": "필요합니다"}[lang]
			if bad == "figure=country&country=ZZ" {
				want = map[string]string{"en": "is not an ISO 3166-1 alpha-2 code", "ko": "국가 코드가 아닙니다"}[lang]
			}
			if resp.StatusCode != 400 || !strings.Contains(page, want) {
				t.Errorf("%s %s: status %d, want 400 saying %q", lang, bad, resp.StatusCode, want)
			}
		}
	}
	// A subset is one of the four, and the step links keep it.
	if resp, _ := get(t, srv, "/history?figure=count&year=2024&subset=junk"); resp.StatusCode != 400 {
		t.Errorf("an unknown subset: status %d, want 400", resp.StatusCode)
	}
	_, body = get(t, srv, "/history?figure=count&year=2024&subset=large-scale&step=1")
	if page := html.UnescapeString(string(body)); !strings.Contains(page, "&subset=large-scale&step=1#step") {
		t.Errorf("the table's step links drop the subset")
	}
	if !strings.Contains(string(body), `step=1\u0026subset=large-scale\u0026year=2024#step`) {
		t.Errorf("the chart's step links drop the subset")
	}
	// Over a source, not a store, it says what it needs.
	fx := fixtureServer(t)
	defer fx.Close()
	_, body = get(t, fx, "/history?lang=en")
	if !strings.Contains(string(body), "serve --db") {
		t.Error("the history page of a source does not say that it needs a store")
	}
}

// A model page lists the model in every stored snapshot under each of its
// names: the second snapshot renames GPT-X to GPT-X Pro (same link), and
// the page of GPT-X Pro lists the first snapshot under GPT-X.
func TestModelFollowedThroughRename(t *testing.T) {
	fx, _ := os.ReadFile(fixture)
	renamed := strings.Replace(string(fx), "GPT-X,Language,OpenAI,2024-05-01", "GPT-X Pro,Language,OpenAI,2024-05-01", 1)
	srv := storeServerOf(t, string(fx), renamed)
	_, body := get(t, srv, "/api/v1/models/"+url.PathEscape("GPT-X Pro"))
	var m web.ModelJSON
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	var got []string
	for _, s := range m.Snapshots {
		got = append(got, s.Date+":"+s.Name+":"+s.Compute)
	}
	if want := "2025-03-01:GPT-X:1.07e+24 2025-06-01:GPT-X Pro:1.07e+24"; strings.Join(got, " ") != want {
		t.Errorf("snapshots %q, want %q", strings.Join(got, " "), want)
	}
	_, body = get(t, srv, "/models/"+url.PathEscape("GPT-X Pro")+"?lang=ko")
	if page := html.UnescapeString(string(body)); !strings.Contains(page, `data-renamed`) || !strings.Contains(page, "<td>GPT-X</td>") {
		t.Error("the model page does not list the old name")
	}
}

// The Candidates page lists the review queue, by status.
func TestCandidatesPage(t *testing.T) {
	srv, st := storeServerWithStore(t)
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	if _, err := st.QueueCandidates(context.Background(), []store.QueuedCandidate{
		{ID: "solarpro3", Name: "Solar Pro 3", Reason: "found on arena", Data: []byte(`{"organization":"Upstage","parameters":102000000000,"sources":[{"url":"https://lmarena.ai/leaderboard"}]}`)},
		{ID: "kanana", Name: "Kanana", Reason: "found on arxiv", Data: []byte(`{}`)},
	}, now); err != nil {
		t.Fatal(err)
	}
	if err := st.SetCandidateStatus(context.Background(), "kanana", "rejected", "out of scope"); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, srv, "/candidates?lang=ko")
	page := html.UnescapeString(string(body))
	for _, want := range []string{"Solar Pro 3", "Upstage", "1.02e+11", `data-status="new"`, `data-status="rejected"`, "새 후보", "거절", "https://lmarena.ai/leaderboard"} {
		if !strings.Contains(page, want) {
			t.Errorf("candidates page lacks %q", want)
		}
	}
	_, body = get(t, srv, "/candidates?lang=en&status=new")
	if strings.Contains(string(body), "Kanana") {
		t.Error("status=new lists a rejected candidate")
	}
}

// A reverse proxy's health check: ok while the store answers, 503 once it
// does not; over a source, ok.
func TestHealth(t *testing.T) {
	srv, st := storeServerWithStore(t)
	resp, body := get(t, srv, "/healthz")
	if resp.StatusCode != 200 || string(body) != "ok\n" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("healthy store: %d %q", resp.StatusCode, body)
	}
	st.Close()
	if resp, body := get(t, srv, "/healthz"); resp.StatusCode != 503 || string(body) != "unavailable\n" {
		t.Errorf("closed store: %d %q", resp.StatusCode, body)
	}
	fx := fixtureServer(t)
	defer fx.Close()
	if resp, _ := get(t, fx, "/healthz"); resp.StatusCode != 200 {
		t.Errorf("a source: %d", resp.StatusCode)
	}
}

// A path that is no page gets the dashboard's 404 page in the reader's
// language, and the API's errors are said in the language the query asks
// for.
func TestNotFoundInBothLanguages(t *testing.T) {
	srv := fixtureServer(t)
	defer srv.Close()
	for lang, want := range map[string]string{"en": "There is no page at /no-such-page.", "ko": "/no-such-page에는 페이지가 없습니다."} {
		resp, body := get(t, srv, "/no-such-page?lang="+lang)
		if resp.StatusCode != 404 || !strings.Contains(html.UnescapeString(string(body)), want) || !strings.Contains(string(body), "<html") {
			t.Errorf("%s: status %d, want 404 and the page saying %q: %.300s", lang, resp.StatusCode, want, body)
		}
	}
	for lang, want := range map[string]string{"en": "no such endpoint", "ko": "그런 API 주소가 없습니다"} {
		resp, body := get(t, srv, "/api/v1/nothing?lang="+lang)
		if resp.StatusCode != 404 || !strings.Contains(string(body), want) {
			t.Errorf("API %s: status %d %s, want 404 saying %q", lang, resp.StatusCode, body, want)
		}
		resp, body = get(t, srv, "/api/v1/models/No%20Such%20Model?lang="+lang)
		want = map[string]string{"en": "not found", "ko": "찾을 수 없습니다"}[lang]
		if resp.StatusCode != 404 || !strings.Contains(string(body), want) {
			t.Errorf("API model %s: status %d %s, want 404 saying %q", lang, resp.StatusCode, body, want)
		}
	}
}

// A folder served with --source lists every file it serves, of every
// subset, each with its SHA-256 (it listed one file, with an empty hash).
func TestSourceFolderListsEveryFile(t *testing.T) {
	dir := t.TempDir()
	fx, err := os.ReadFile("../testdata/census_fixture.csv")
	if err != nil {
		t.Fatal(err)
	}
	notable := append(append([]byte(nil), fx...), '\n')
	want := map[string]string{}
	for name, data := range map[string][]byte{"large_scale_ai_models.csv": fx, "notable_ai_models.csv": notable} {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
		want[name] = fmt.Sprintf("%x", sha256.Sum256(data))
	}
	r, _ := rules.Default()
	cat, err := web.NewSourceCatalog(context.Background(), r, dir, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()
	_, body := get(t, srv, "/api/v1/snapshots")
	var list []struct {
		Files []struct {
			Name   string `json:"name"`
			SHA256 string `json:"sha256"`
		} `json:"files"`
	}
	if err := json.Unmarshal(body, &list); err != nil || len(list) != 1 {
		t.Fatalf("snapshots: %v %s", err, body)
	}
	got := map[string]string{}
	for _, f := range list[0].Files {
		got[filepath.Base(f.Name)] = f.SHA256
	}
	if len(got) != 2 || got["large_scale_ai_models.csv"] != want["large_scale_ai_models.csv"] || got["notable_ai_models.csv"] != want["notable_ai_models.csv"] {
		t.Errorf("files %v, want %v", got, want)
	}
}

// No English sentence of our own reaches a Korean page: every page of the
// dashboard, over a source and over a store, in Korean (three or more
// lower-case English words in a row are ours; the fixtures' names are
// capitalized).
func TestKoreanPagesHaveNoEnglishProse(t *testing.T) {
	prose := regexp.MustCompile(`\b[a-z]{2,}(?: [a-z]{2,}){2,}\b`)
	strip := regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]+>`)
	fx := fixtureServer(t)
	defer fx.Close()
	st := storeServer(t)
	for _, c := range []struct {
		srv  *httptest.Server
		path string
	}{
		{fx, "/"}, {fx, "/explorer"}, {fx, "/snapshots"}, {fx, "/tables"}, {fx, "/thresholds"}, {fx, "/overlay"}, {fx, "/no-such-page"},
		{st, "/"}, {st, "/snapshots"}, {st, "/history"}, {st, "/candidates"}, {st, "/models/GPT-X"},
	} {
		sep := "?"
		if strings.Contains(c.path, "?") {
			sep = "&"
		}
		_, body := get(t, c.srv, c.path+sep+"lang=ko")
		text := html.UnescapeString(strip.ReplaceAllString(string(body), " "))
		if hits := prose.FindAllString(text, 5); len(hits) > 0 {
			t.Errorf("%s in Korean holds English: %q", c.path, hits)
		}
	}
}
