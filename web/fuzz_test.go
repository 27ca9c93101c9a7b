package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
)

// FuzzAPIParams sends arbitrary query strings to the API and the pages:
// each answers 200, 304, 400 or 404, never a server error, and never
// panics.
func FuzzAPIParams(f *testing.F) {
	for _, q := range []string{
		"", "from=2020&to=2024", "from=abc", "attribution=fractional&country-by=group", "subset=notable",
		"page=99999", "country=ZZ", "q=%ff%fe", "min-compute=1e400", "top=-1", "sort=compute&order=desc",
		"format=csv", "format=docx", "lang=ko", "snapshot=1", "as-of=2025-13-45", "from=2024&to=2020", "x=%",
	} {
		f.Add(q)
	}
	r, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	cat, err := web.NewSourceCatalog(context.Background(), r, fixture, epoch.LoadOptions{})
	if err != nil {
		f.Fatal(err)
	}
	// Every built-in format but PDF, which would start a browser per input.
	formats := &publish.Registry{}
	for _, fm := range publish.Builtin().All() {
		if fm.Name != publish.FormatPDF {
			formats.Register(*fm)
		}
	}
	h := web.New(cat, "test", nil).UseFormats(formats).Handler()
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range []string{"/api/v1/census", "/api/v1/models", "/", "/explorer"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path, req.URL.RawQuery = path, q
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			switch w.Code {
			case 200, 304, 400, 404:
			default:
				t.Fatalf("%s?%s: %d %s", path, q, w.Code, w.Body.String())
			}
		}
	})
}

// FuzzAPIEndpoints sends arbitrary query strings, model names and
// snapshot ids to every endpoint of the API and every page, on a store of
// two snapshots (so that snapshot, as-of and diff parameters find
// something): each answers 200, 304, 400 or 404 (or the mux's redirect of
// a path holding .. or //), never a server error, and never panics.
func FuzzAPIEndpoints(f *testing.F) {
	for _, s := range []struct{ q, name string }{
		{"", "GPT-X"}, {"snapshot=1", "GPT-X"}, {"a=1&b=2", "x"}, {"a=2&b=1&format=csv", "%00"}, {"as-of=2025-04-01", "GPT%2FX"},
		{"hardware=NVIDIA+A100&chip-hours=1720320&utilization=0.4", ".."}, {"parameters=7e9&tokens=2e12", "a b"},
		{"hardware=x&chip-hours=-1&utilization=2", ""}, {"page=-1&q=%ff", "\xff"}, {"from=2024&to=2020&lang=ko", "<script>"},
		{"snapshot=99999999999999999999", "GPT-X"}, {"a=1&b=1", "GPT-X"}, {"format=json&top=100000", "GPT-X"},
	} {
		f.Add(s.q, s.name)
	}
	srv, st := storeServerWithStore(f)
	srv.Close()
	r, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	h := web.New(web.NewStoreCatalog(r, st), "test", nil).Handler()
	paths := []string{"/api/v1/census", "/api/v1/models", "/api/v1/models/{name}", "/api/v1/snapshots", "/api/v1/diff",
		"/api/v1/estimate", "/api/v1/openapi.json", "/healthz", "/", "/explorer", "/models/{name}", "/snapshots",
		"/overlay", "/history", "/candidates"}
	f.Fuzz(func(t *testing.T, q, name string) {
		for _, path := range paths {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path = strings.ReplaceAll(path, "{name}", name)
			req.URL.RawPath, req.URL.RawQuery = "", q
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			switch w.Code {
			case 200, 304, 400, 404, 301, 307, 308: // redirects: the mux cleaning a path with .. or //
			default:
				t.Fatalf("%s?%s: %d %.300s", req.URL.Path, q, w.Code, w.Body.String())
			}
		}
	})
}
