package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/cli"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/sqlite"
	"github.com/modelcensus/modelcensus/web"
)

const fixture = "../testdata/census_fixture.csv"

// storeServer serves a SQLite store holding two snapshots of the fixture
// (the second adds a model and revises one compute).
func storeServer(t testing.TB) *httptest.Server {
	t.Helper()
	fx, _ := os.ReadFile(fixture)
	return storeServerOf(t, string(fx), strings.Replace(string(fx), "2024-05-01,1.07e+24", "2024-05-01,2.14e+24", 1)+
		"New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n")
}

// storeServerOf serves a new SQLite store holding a snapshot of each
// large-scale file's content, dated 2025-03-01, then 2025-06-01.
func storeServerOf(t testing.TB, contents ...string) *httptest.Server {
	t.Helper()
	srv, _ := storeAndServer(t, contents...)
	return srv
}

// storeServerWithStore is storeServer with its store.
func storeServerWithStore(t testing.TB) (*httptest.Server, *store.Store) {
	t.Helper()
	fx, _ := os.ReadFile(fixture)
	return storeAndServer(t, string(fx))
}

// storeAndServer is storeServerOf with its store.
func storeAndServer(t testing.TB, contents ...string) (*httptest.Server, *store.Store) {
	t.Helper()
	ctx := context.Background()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i, content := range contents {
		dir := filepath.Join(t.TempDir(), []string{"2025-03-01", "2025-06-01"}[i])
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), []byte(content), 0o644)
		if _, err := snapshots.Pull(ctx, st, r, dir, snapshots.PullOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(web.New(web.NewStoreCatalog(r, st), "test", nil).Handler())
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t testing.TB, srv *httptest.Server, path string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	tr := &http.Transport{DisableCompression: true}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// /api/v1/census takes report's options under the same names and returns
// the same JSON as report --format json on the same data.
func TestCensusEqualsReport(t *testing.T) {
	srv := storeServer(t)
	for _, q := range []string{"", "from=2020&to=2024&attribution=fractional", "country-by=group&org-level=organization&top=3", "min-compute=1e24", "snapshot=1"} {
		resp, body := get(t, srv, "/api/v1/census?"+q)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", q, resp.StatusCode, body)
		}
		var api census.Result
		json.Unmarshal(body, &api)
		vals, _ := url.ParseQuery(q)
		want := reportJSON(t, srv, vals)
		if api = normalizeSource(api); !reflect.DeepEqual(api, want) {
			a, _ := json.Marshal(api)
			w, _ := json.Marshal(want)
			t.Errorf("%s: API census differs from report's:\n%.600s\n%.600s", q, a, w)
		}
	}
}

// reportJSON computes the census as report does, on the store's snapshot.
func reportJSON(t testing.TB, srv *httptest.Server, q url.Values) census.Result {
	t.Helper()
	// The stored snapshot's files, read back as report --snapshot reads them.
	_, list := get(t, srv, "/api/v1/snapshots")
	var snaps []web.SnapshotJSON
	json.Unmarshal(list, &snaps)
	id := snaps[len(snaps)-1].ID
	if s := q.Get("snapshot"); s != "" {
		id = int64(s[0] - '0')
	}
	fx, _ := os.ReadFile(fixture)
	content := string(fx)
	date := "2025-03-01"
	if id == 2 {
		content = strings.Replace(content, "2024-05-01,1.07e+24", "2024-05-01,2.14e+24", 1) +
			"New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n"
		date = "2025-06-01"
	}
	dir := filepath.Join(t.TempDir(), date)
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), []byte(content), 0o644)
	var b bytes.Buffer
	out, errOut := &b, &bytes.Buffer{}
	io := &cli.IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }, Now: time.Now,
		Deps: &cli.Deps{Formats: publish.Builtin()}}
	args := []string{"report", "--source", dir, "--format", "json"}
	for _, k := range []string{"from", "to", "attribution", "country-by", "org-level", "min-compute", "top"} {
		if v := q.Get(k); v != "" {
			args = append(args, "--"+k, v)
		}
	}
	if code := cli.Run(context.Background(), io, args); code != 0 {
		t.Fatalf("report: %d %s", code, errOut)
	}
	var res census.Result
	json.Unmarshal(b.Bytes(), &res)
	// The only differences: the stored snapshot's id, and where its files
	// were read from.
	res.Source.ID = id
	return normalizeSource(res)
}

// normalizeSource drops what depends on where the files were read from:
// paths in the source and in the notes' messages and items.
func normalizeSource(r census.Result) census.Result {
	r.Source.Source, r.Source.DatePath = "", ""
	for i := range r.Source.Files {
		r.Source.Files[i].Name = filepath.Base(r.Source.Files[i].Name)
	}
	for i := range r.Notes {
		r.Notes[i].Message, r.Notes[i].Items = "", nil
	}
	return r
}

func TestAPIEndpoints(t *testing.T) {
	srv := storeServer(t)
	// models: filters and paging
	_, body := get(t, srv, "/api/v1/models?country=US&page-size=2&sort=name&order=asc")
	var p web.ModelPage
	json.Unmarshal(body, &p)
	// US models: GPT-X, Gemini Z, Blank Country (filled), Multi Lab, Old Model, New Model
	if p.Total != 6 || len(p.Models) != 2 || p.Models[0].Name != "Blank Country" || p.Models[1].Name != "Gemini Z" {
		t.Errorf("models US page 1 = %+v", p)
	}
	_, body = get(t, srv, "/api/v1/models?q=gemini")
	json.Unmarshal(body, &p)
	if p.Total != 1 || p.Models[0].Name != "Gemini Z" || !p.Models[0].Multimodal {
		t.Errorf("search = %+v", p)
	}
	_, body = get(t, srv, "/api/v1/models?min-compute=1e24&snapshot=1&sort=compute")
	json.Unmarshal(body, &p)
	if p.Total != 3 || p.Models[0].Name != "Gemini Z" {
		t.Errorf("min-compute = %+v", p)
	}
	// unknown compute sorts last in either order
	for _, order := range []string{"asc", "desc"} {
		_, body = get(t, srv, "/api/v1/models?sort=compute&order="+order+"&page-size=100")
		json.Unmarshal(body, &p)
		if n := len(p.Models); n == 0 || p.Models[n-1].FLOP != nil || p.Models[0].FLOP == nil {
			t.Errorf("sort=compute&order=%s: unknown compute should come last", order)
		}
	}
	// one model, with its raw values and snapshots
	resp, body := get(t, srv, "/api/v1/models/"+url.PathEscape("하이퍼클로바 X"))
	var m web.ModelJSON
	json.Unmarshal(body, &m)
	if resp.StatusCode != 200 || m.Countries[0] != "KR" || m.Raw["country"] != "Korea (Republic of)" || len(m.Snapshots) != 2 {
		t.Errorf("model = %d %+v", resp.StatusCode, m)
	}
	if resp, _ := get(t, srv, "/api/v1/models/No%20Such%20Model"); resp.StatusCode != 404 {
		t.Errorf("unknown model: %d", resp.StatusCode)
	}
	// snapshots
	_, body = get(t, srv, "/api/v1/snapshots")
	var snaps []map[string]any
	json.Unmarshal(body, &snaps)
	if len(snaps) != 2 || snaps[0]["date"] != "2025-03-01" {
		t.Errorf("snapshots = %v", snaps)
	}
	// diff
	_, body = get(t, srv, "/api/v1/diff?a=1&b=2")
	var d snapshots.Diff
	json.Unmarshal(body, &d)
	if len(d.Added) != 1 || d.Added[0].Model != "New Model" || len(d.Changed) != 1 || d.Changed[0].New != 2.14e24 {
		t.Errorf("diff = %+v", d)
	}
	// openapi
	resp, body = get(t, srv, "/api/v1/openapi.json")
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil || doc["openapi"] != "3.0.3" || resp.StatusCode != 200 {
		t.Errorf("openapi: %v", err)
	}
	paths, _ := doc["paths"].(map[string]any)
	for _, p := range []string{"/api/v1/census", "/api/v1/models", "/api/v1/models/{name}", "/api/v1/snapshots", "/api/v1/diff", "/api/v1/estimate"} {
		if paths[p] == nil {
			t.Errorf("openapi lacks %s", p)
		}
	}
	// downloads
	resp, body = get(t, srv, "/api/v1/models?country=KR&format=csv")
	if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "\ufeffname,date,year") || !strings.Contains(string(body), "하이퍼클로바 X") {
		t.Errorf("csv download: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, srv, "/api/v1/models?format=xlsx")
	if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("PK")) || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("xlsx download: %d", resp.StatusCode)
	}
	// In Korean, the headers are Korean; dates are dates, booleans booleans.
	_, body = get(t, srv, "/api/v1/models?format=xlsx&lang=ko&country=KR")
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("모델")
	if len(rows) < 2 || rows[0][0] != "모델" || rows[0][1] != "공개일" || rows[0][12] != "집계 포함" {
		t.Fatalf("Korean download's headers: %v", rows)
	}
	for col, want := range map[string]excelize.CellType{"B2": excelize.CellTypeDate, "C2": excelize.CellTypeNumber, "I2": excelize.CellTypeBool, "M2": excelize.CellTypeBool} {
		typ, _ := f.GetCellType("모델", col)
		if col == "B2" {
			// excelize reports a date cell, a number with a date format,
			// as a number: check its format instead.
			style, _ := f.GetCellStyle("모델", col)
			if style == 0 {
				t.Errorf("%s: a date without a date format", col)
			}
			continue
		}
		if typ != want && !(want == excelize.CellTypeNumber && typ == excelize.CellTypeUnset) { // a number cell has no type attribute
			t.Errorf("Korean download's %s: type %v, want %v", col, typ, want)
		}
	}
}

func TestAPIInvalidParameters(t *testing.T) {
	srv := storeServer(t)
	for _, tc := range []struct{ path, param string }{
		{"/api/v1/census?from=x", "from"},
		{"/api/v1/census?from=2024&to=2020", "from"},
		{"/api/v1/census?attribution=half", "attribution"},
		{"/api/v1/census?country-by=city", "country-by"},
		{"/api/v1/census?org-level=team", "org-level"},
		{"/api/v1/census?min-compute=lots", "min-compute"},
		{"/api/v1/census?top=0", "top"},
		{"/api/v1/census?subset=tiny", "subset"},
		{"/api/v1/census?snapshot=-1", "snapshot"},
		{"/api/v1/census?as-of=yesterday", "as-of"},
		{"/api/v1/census?snapshot=1&as-of=2025-01-01", "as-of"},
		{"/api/v1/census?bogus=1", "bogus"},
		{"/api/v1/census?from=2020&from=2021", "from"},
		{"/api/v1/models?page-size=501", "page-size"},
		{"/api/v1/models?page=0", "page"},
		{"/api/v1/models?sort=size", "sort"},
		{"/api/v1/models?access=free", "access"},
		{"/api/v1/models?format=pdf", "format"},
		{"/api/v1/models?q=" + strings.Repeat("x", 201), "q"},
		{"/api/v1/diff?a=1", "b"},
		{"/api/v1/diff?a=x&b=2", "a"},
	} {
		resp, body := get(t, srv, tc.path)
		var e struct {
			Error struct{ Param, Message string }
		}
		json.Unmarshal(body, &e)
		if resp.StatusCode != 400 || e.Error.Param != tc.param || e.Error.Message == "" || resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %s; want 400 naming %q", tc.path, resp.StatusCode, body, tc.param)
		}
	}
	for _, path := range []string{"/api/v1/census?snapshot=99", "/api/v1/nothing", "/api/v1/diff?a=1&b=99"} {
		if resp, _ := get(t, srv, path); resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
	if resp, _ := get(t, srv, "/api/v1/census?q="+strings.Repeat("x", 5000)); resp.StatusCode != 400 {
		t.Errorf("a long query: %d", resp.StatusCode)
	}
}

// Responses carry ETag and Cache-Control, answer If-None-Match with 304,
// are gzipped when asked, and carry the security headers.
func TestCachingAndHeaders(t *testing.T) {
	srv := storeServer(t)
	resp, body := get(t, srv, "/api/v1/census", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("not gzipped")
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !json.Valid(plain) {
		t.Errorf("gzipped body is not JSON")
	}
	etag := resp.Header.Get("ETag")
	if etag == "" || resp.Header.Get("Cache-Control") == "" {
		t.Errorf("ETag %q Cache-Control %q", etag, resp.Header.Get("Cache-Control"))
	}
	if resp, _ := get(t, srv, "/api/v1/census", "If-None-Match", etag); resp.StatusCode != 304 {
		t.Errorf("If-None-Match: %d, want 304", resp.StatusCode)
	}
	for _, path := range []string{"/api/v1/census", "/", "/explorer", "/static/app.css", "/api/v1/census?from=x"} {
		resp, _ := get(t, srv, path)
		csp := resp.Header.Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: CSP %q, nosniff %q", path, csp, resp.Header.Get("X-Content-Type-Options"))
		}
	}
	hs := web.New(nil, "", nil).HTTPServer("127.0.0.1:0")
	if hs.ReadHeaderTimeout == 0 || hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 || hs.MaxHeaderBytes == 0 {
		t.Errorf("timeouts and limits must be set: %+v", hs)
	}
}

// A source whose names and abstracts carry HTML and script payloads is
// served with everything escaped.
func TestServedDataEscaped(t *testing.T) {
	payload := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	dir := t.TempDir()
	p := filepath.Join(dir, "evil.csv")
	q := strings.ReplaceAll(payload, `"`, `""`)
	os.WriteFile(p, []byte("Model,Publication date,Organization,Country (of organization),Training compute (FLOP),Abstract,Domain\n"+
		`"`+q+`",2024-01-01,"`+q+`",United States of America,1e25,"`+q+`","`+q+`"`+"\n"+
		"Plain,2024-02-02,OpenAI,United States of America,2e25,fine,Language\n"), 0o644)
	r, _ := rules.Default()
	cat, err := web.NewSourceCatalog(context.Background(), r, p, epoch.LoadOptions{Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()
	for _, path := range []string{"/", "/explorer", "/models/" + url.PathEscape(payload), "/snapshots", "/?lang=ko"} {
		resp, body := get(t, srv, path)
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		if bytes.Contains(body, []byte("<script>alert")) || bytes.Contains(body, []byte("<img src=x")) {
			t.Errorf("%s serves the payload unescaped", path)
		}
	}
	_, body := get(t, srv, "/models/"+url.PathEscape(payload))
	if !bytes.Contains(body, []byte("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;")) {
		t.Errorf("the model page should show the name as text")
	}
}

// Names with / ? # % link to their model page, which keeps the snapshot and
// subset of the view.
func TestModelLinksEscaped(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "odd.csv")
	os.WriteFile(p, []byte("Model,Publication date,Organization,Country (of organization),Training compute (FLOP)\n"+
		"ViT-G/14,2024-01-01,Google,United States of America,1e24\nThumbs Up?,2024-02-01,OpenAI,United States of America,2e24\nT2R 75% + Pretrain,2024-03-01,Meta AI,United States of America,3e24\n"), 0o644)
	r, _ := rules.Default()
	cat, err := web.NewSourceCatalog(context.Background(), r, p, epoch.LoadOptions{Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()
	_, body := get(t, srv, "/explorer?lang=ko")
	links := regexpLinks.FindAllStringSubmatch(string(body), -1)
	if len(links) != 3 {
		t.Fatalf("%d model links in the explorer", len(links))
	}
	for _, l := range links {
		href := html.UnescapeString(l[1])
		resp, page := get(t, srv, href)
		if resp.StatusCode != 200 || !strings.Contains(string(page), "data-model=") || !strings.Contains(href, "lang=ko") {
			t.Errorf("%s: %d", href, resp.StatusCode)
		}
	}
}

var regexpLinks = regexp.MustCompile(`href="(/models/[^"]+)"`)

// Two snapshots whose default subsets differ cannot be compared without
// choosing one: a 400 naming subset, not a 500.
func TestDiffSubsetMismatch(t *testing.T) {
	ctx := context.Background()
	r, _ := rules.Default()
	st, _ := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	defer st.Close()
	fx, _ := os.ReadFile(fixture)
	// #1: a large-scale file alone; #2: notable and frontier files, no
	// large-scale one.
	for i, names := range [][]string{{"large_scale_ai_models.csv"}, {"notable_ai_models.csv", "frontier_ai_models.csv"}} {
		dir := filepath.Join(t.TempDir(), []string{"2025-03-01", "2025-04-01"}[i])
		os.MkdirAll(dir, 0o755)
		for j, name := range names {
			os.WriteFile(filepath.Join(dir, name), append(fx, []byte(strings.Repeat("\n", i+j))...), 0o644)
		}
		if _, err := snapshots.Pull(ctx, st, r, dir, snapshots.PullOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(web.New(web.NewStoreCatalog(r, st), "test", nil).Handler())
	defer srv.Close()
	resp, body := get(t, srv, "/api/v1/diff?a=1&b=2")
	if resp.StatusCode != 400 || !strings.Contains(string(body), `"param": "subset"`) && !strings.Contains(string(body), `"param":"subset"`) {
		t.Errorf("diff of a large-scale and a notable snapshot: %d %s", resp.StatusCode, body)
	}
	// In Korean, the whole message: the snapshots' subsets too.
	resp, body = get(t, srv, "/api/v1/diff?a=1&b=2&lang=ko")
	if msg := string(body); resp.StatusCode != 400 || !strings.Contains(msg, "스냅숏 1에는 large-scale, 스냅숏 2에는") || strings.Contains(msg, "holds") {
		t.Errorf("the Korean diff error is not all Korean: %d %s", resp.StatusCode, body)
	}
	// The default census skips the notable-only snapshot: the latest with
	// a large-scale file is #1.
	_, body = get(t, srv, "/api/v1/census")
	var res census.Result
	json.Unmarshal(body, &res)
	if res.Source.ID != 1 {
		t.Errorf("default census read snapshot %d (%s), want #1 large-scale", res.Source.ID, res.Settings.Subset)
	}
	if resp, _ := get(t, srv, "/snapshots?a=1&b=2"); resp.StatusCode != 400 {
		t.Errorf("diff page: %d, want 400", resp.StatusCode)
	}
}

// Another method on a page or an endpoint is a 405 that says what is
// allowed; an unknown path stays a 404; the favicon is served.
func TestMethodsAndFavicon(t *testing.T) {
	srv := storeServer(t)
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"POST", "/api/v1/census", 405},
		{"DELETE", "/api/v1/models/GPT-4", 405},
		{"POST", "/explorer", 405},
		{"POST", "/api/v1/nope", 404},
		{"GET", "/api/v1/nope", 404},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want || (tc.want == 405 && !strings.Contains(resp.Header.Get("Allow"), "GET")) {
			t.Errorf("%s %s: %d (Allow %q), want %d", tc.method, tc.path, resp.StatusCode, resp.Header.Get("Allow"), tc.want)
		}
	}
	resp, body := get(t, srv, "/favicon.ico")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/svg+xml" || !bytes.Contains(body, []byte("<svg")) {
		t.Errorf("favicon: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// Pages are rendered once and answered with an ETag (304 on a match) and
// gzip; each language and query is its own page.
func TestPagesCached(t *testing.T) {
	srv := storeServer(t)
	resp, body := get(t, srv, "/?lang=ko")
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != 200 || etag == "" || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("first: %d ETag %q %s", resp.StatusCode, etag, resp.Header.Get("Content-Type"))
	}
	resp2, body2 := get(t, srv, "/?lang=ko")
	if resp2.Header.Get("ETag") != etag || !bytes.Equal(body, body2) {
		t.Errorf("second answer differs")
	}
	if resp, _ := get(t, srv, "/?lang=ko", "If-None-Match", etag); resp.StatusCode != 304 {
		t.Errorf("If-None-Match: %d", resp.StatusCode)
	}
	if resp, _ := get(t, srv, "/?lang=ko", "Accept-Encoding", "gzip"); resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("not gzipped")
	}
	resp3, body3 := get(t, srv, "/?lang=en")
	if resp3.Header.Get("ETag") == etag || bytes.Equal(body, body3) || !bytes.Contains(body3, []byte(`lang="en"`)) {
		t.Errorf("the English page is the Korean one")
	}
	if resp, _ := get(t, srv, "/?from=x"); resp.StatusCode != 400 {
		t.Errorf("bad parameter page: %d", resp.StatusCode)
	}
}

// The diff page shows what the CLI shows: the models, then the census
// before and after, per year, per country (in the page's language) and the
// largest training runs.
func TestDiffPage(t *testing.T) {
	srv := storeServer(t)
	resp, body := get(t, srv, "/snapshots?a=1&b=2&lang=ko")
	page := string(body)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{`data-table="diff-per-year"`, `data-table="diff-countries"`, `data-table="diff-top-before"`, `data-table="diff-top-after"`, "New Model"} {
		if !strings.Contains(page, want) {
			t.Errorf("diff page lacks %s", want)
		}
	}
	// The API's diff says which countries moved; the page names them in Korean.
	_, body = get(t, srv, "/api/v1/diff?a=1&b=2")
	var d snapshots.Diff
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, c := range d.Census.Countries {
		if c.Before != c.After {
			moved++
			if c.NameKo == "" || !strings.Contains(page, ">"+c.NameKo+"<") {
				t.Errorf("country %s (%s) not named in Korean on the page", c.Code, c.NameKo)
			}
		}
	}
	if moved == 0 {
		t.Errorf("the fixture's diff moves no country; the test needs one")
	}
}

// The dashboard's overview shows every figure of the census: each
// figure's table by its title (census.Figures).
func TestOverviewCoversEveryFigure(t *testing.T) {
	srv := storeServer(t)
	_, body := get(t, srv, "/api/v1/census")
	var res census.Result
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ko"} {
		_, body := get(t, srv, "/?lang="+lang)
		page := html.UnescapeString(string(body))
		for _, f := range census.Figures() {
			if title := f.Text(f.Title, lang, &res, ""); !strings.Contains(page, ">"+title+"<") {
				t.Errorf("%s overview lacks figure %s (%q)", lang, f.ID, title)
			}
		}
	}
}

// The census API answers in every report format of the registry the
// commands use, and names the choices for an unknown one.
func TestCensusFormats(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := web.NewSourceCatalog(context.Background(), r, fixture, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).UseFormats(publish.Builtin()).Handler())
	defer srv.Close()
	resp, body := get(t, srv, "/api/v1/census?format=csv")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !strings.HasPrefix(string(body), "\ufefftable,year,code,name,count") {
		t.Errorf("csv: %d %s %.60q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	resp, body = get(t, srv, "/api/v1/census?format=markdown&lang=ko")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "## 연도별 모델 수") {
		t.Errorf("markdown ko: %d %.200s", resp.StatusCode, body)
	}
	resp, body = get(t, srv, "/api/v1/census?format=docx")
	if resp.StatusCode != 400 || !strings.Contains(string(body), `"param":"format"`) || !strings.Contains(string(body), "markdown") {
		t.Errorf("docx: %d %s", resp.StatusCode, body)
	}
}

// The models download as CSV keeps formula-like names as text.
func TestModelsCSVNeutralised(t *testing.T) {
	data := "Model,Publication date,Organization,Country (of organization)\n\"=HYPERLINK(\"\"http://evil\"\")\",2024-01-01,@SUM(A1),United States of America\n"
	p := filepath.Join(t.TempDir(), "evil.csv")
	os.WriteFile(p, []byte(data), 0o644)
	r, _ := rules.Default()
	cat, err := web.NewSourceCatalog(context.Background(), r, p, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()
	_, body := get(t, srv, "/api/v1/models?format=csv&from=2024&to=2024")
	if !strings.Contains(string(body), "'=HYPERLINK(") || !strings.Contains(string(body), "'@SUM(A1)") || strings.Contains(string(body), "\n=") {
		t.Errorf("csv:\n%s", body)
	}
}

// Pages follow ?lang= (with a region too), else the browser's
// Accept-Language, else the server's language; another ?lang= is a 400.
func TestPageLanguage(t *testing.T) {
	srv := storeServer(t)
	for _, tc := range []struct {
		path, accept string
		status       int
		lang         string
	}{
		{"/", "", 200, "en"},
		{"/", "ko-KR,ko;q=0.9,en;q=0.8", 200, "ko"},
		{"/", "fr-FR,en;q=0.5", 200, "en"},
		{"/explorer?lang=ko-KR", "", 200, "ko"},
		{"/?lang=en-US", "ko", 200, "en"},
		{"/?lang=fr", "", 400, ""},
	} {
		resp, body := get(t, srv, tc.path, "Accept-Language", tc.accept)
		if resp.StatusCode != tc.status || (tc.lang != "" && !strings.Contains(string(body), `<html lang="`+tc.lang+`"`)) {
			t.Errorf("%s (%s): %d, want %d in %s", tc.path, tc.accept, resp.StatusCode, tc.status, tc.lang)
		}
		if tc.status == 400 && !strings.Contains(string(body), "lang") {
			t.Errorf("%s: the error does not name lang", tc.path)
		}
	}
	// serve --lang ko: Korean when the browser names no language.
	r, _ := rules.Default()
	cat, _ := web.NewSourceCatalog(context.Background(), r, fixture, epoch.LoadOptions{})
	ko := httptest.NewServer(web.New(cat, "test", nil).UseLang(i18n.KO).Handler())
	defer ko.Close()
	if _, body := get(t, ko, "/"); !strings.Contains(string(body), `<html lang="ko"`) {
		t.Error("serve --lang ko serves English")
	}
}

// The explorer and the models API: the JSON download is the whole
// selection; no match says so; a page past the last and an unknown
// country are 400s; files are named without the server's folders; q must
// be UTF-8; the first click on a column sorts it ascending.
func TestExplorerAndModelsAPI(t *testing.T) {
	srv := storeServer(t)
	_, body := get(t, srv, "/api/v1/models?format=json&page-size=2")
	var all web.ModelPage
	if err := json.Unmarshal(body, &all); err != nil || all.Total != 9 || len(all.Models) != 9 {
		t.Errorf("json download: %d of %d models (%v)", len(all.Models), all.Total, err)
	}
	for _, m := range all.Models {
		if strings.ContainsAny(m.File, `/\`) {
			t.Errorf("model %s names the server's folders: %s", m.Name, m.File)
		}
	}
	for path, param := range map[string]string{
		"/api/v1/models?page=99999": "page",
		"/api/v1/models?country=ZZ": "country",
		"/api/v1/models?q=%ff%fe":   "q",
		"/explorer?page=99999":      "page",
	} {
		resp, body := get(t, srv, path)
		if resp.StatusCode != 400 || !strings.Contains(string(body), param) {
			t.Errorf("%s: %d %.200s", path, resp.StatusCode, body)
		}
	}
	_, body = get(t, srv, "/explorer?q=zzzzzz")
	page := string(body)
	if !strings.Contains(page, `data-none="true"`) || !strings.Contains(page, "No model matches") {
		t.Error("no match is not said")
	}
	_, body = get(t, srv, "/explorer")
	page = html.UnescapeString(string(body))
	if !strings.Contains(page, `name="multimodal"`) || !strings.Contains(page, `name="snapshot"`) {
		t.Error("the explorer form lacks multimodal or snapshot")
	}
	if !strings.Contains(page, "sort=name&order=asc") && !strings.Contains(page, "order=asc&sort=name") {
		t.Error("the first click on a column does not sort it ascending")
	}
}

// serve --source on a folder of several subsets: every subset it holds
// works in the API and the pages, and only those are offered.
func TestSourceServesEverySubset(t *testing.T) {
	dir := t.TempDir()
	fx, _ := os.ReadFile(fixture)
	os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), fx, 0o644)
	notable := "Model,Publication date,Country (of organization)\nN1,2024-01-01,France\nN2,2024-02-01,France\nN3,2023-02-01,Germany\n"
	os.WriteFile(filepath.Join(dir, "notable_ai_models.csv"), []byte(notable), 0o644)
	r, _ := rules.Default()
	cat, err := web.NewSourceCatalog(context.Background(), r, dir, epoch.LoadOptions{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()
	resp, body := get(t, srv, "/api/v1/census?subset=notable")
	var res census.Result
	if err := json.Unmarshal(body, &res); resp.StatusCode != 200 || err != nil || res.Total != 3 || res.Settings.Subset != "notable" {
		t.Errorf("notable: %d, %d models (%v)", resp.StatusCode, res.Total, err)
	}
	if resp, _ := get(t, srv, "/?subset=notable"); resp.StatusCode != 200 {
		t.Errorf("overview of notable: %d", resp.StatusCode)
	}
	resp, body = get(t, srv, "/api/v1/census?subset=frontier")
	if resp.StatusCode != 400 || !strings.Contains(string(body), "notable") || strings.Contains(string(body), "--") {
		t.Errorf("frontier: %d %s", resp.StatusCode, body)
	}
	_, body = get(t, srv, "/explorer")
	page := string(body)
	if !strings.Contains(page, `<option value="notable"`) || strings.Contains(page, `<option value="frontier"`) {
		t.Error("the subset menu offers what the source does not hold, or not what it does")
	}
}

// The snapshots page lists each snapshot's subsets, and offers a diff only
// where there are two snapshots to compare.
func TestSnapshotsPage(t *testing.T) {
	srv := storeServer(t)
	_, body := get(t, srv, "/snapshots")
	page := string(body)
	if strings.Count(page, "<td data-subsets>large-scale models") != 2 || !strings.Contains(page, `action="/snapshots"`) {
		t.Errorf("store: subsets column or diff form missing:\n%.2000s", page)
	}
	r, _ := rules.Default()
	cat, _ := web.NewSourceCatalog(context.Background(), r, fixture, epoch.LoadOptions{})
	one := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer one.Close()
	if _, body := get(t, one, "/snapshots"); strings.Contains(string(body), `action="/snapshots"`) {
		t.Error("a diff is offered with one snapshot")
	}
}

// Korean pages say their errors in Korean.
func TestKoreanErrorPages(t *testing.T) {
	srv := storeServer(t)
	for path, want := range map[string]string{
		"/?from=abc&lang=ko":           "정수가 필요합니다",
		"/explorer?country=ZZ&lang=ko": "국가 코드가 아닙니다",
		"/?snapshot=99&lang=ko":        "찾을 수 없습니다",
	} {
		resp, body := get(t, srv, path)
		page := html.UnescapeString(string(body))
		if resp.StatusCode < 400 || !strings.Contains(page, want) {
			t.Errorf("%s: %d, lacks %q", path, resp.StatusCode, want)
		}
	}
	// The API stays English.
	if _, body := get(t, srv, "/api/v1/census?from=abc"); !strings.Contains(string(body), "want a whole number") {
		t.Errorf("API error: %s", body)
	}
}
