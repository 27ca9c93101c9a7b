package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
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
