package web_test

import (
	"context"
	"encoding/json"
	"html"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
)

// Served with an overlay, the dashboard marks curated models on their
// pages, lists the entries and their statuses on the Overlay page, and the
// API carries the overlay block and the marks.
func TestDashboardOverlay(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ov := &census.Overlay{Path: "overlay-test", Hash: strings.Repeat("ab", 32), Entries: []census.Entry{
		{ID: "fix-gpt-x", Kind: census.EntryCorrect, Model: "GPT-X", Field: census.FieldCompute, Upstream: "1.07e24", Value: "2e24",
			Sources: []census.CurationSource{{URL: "https://example.org/gpt-x", Retrieved: "2026-11-29"}}},
		{ID: "drop-gone", Kind: census.EntryExclude, Model: "Gone Model",
			Sources: []census.CurationSource{{URL: "https://example.org/gone", Retrieved: "2026-11-29"}}},
	}}
	cat, err := web.NewSourceCatalog(context.Background(), r, "../testdata/census_fixture.csv",
		epoch.LoadOptions{Overlay: ov, Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()

	_, body := get(t, srv, "/models/"+url.PathEscape("GPT-X")+"?lang=en")
	page := html.UnescapeString(string(body))
	for _, want := range []string{`data-table="curated"`, "fix-gpt-x", "compute → 2e24", "https://example.org/gpt-x", "2 × 10²⁴"} {
		if !strings.Contains(page, want) {
			t.Errorf("model page lacks %q", want)
		}
	}
	_, body = get(t, srv, "/overlay?lang=ko")
	page = html.UnescapeString(string(body))
	for _, want := range []string{`data-status="applied"`, `data-status="orphaned"`, "fix-gpt-x", "drop-gone", "적용", "대상 없음", "abababababab"} {
		if !strings.Contains(page, want) {
			t.Errorf("overlay page lacks %q", want)
		}
	}
	_, body = get(t, srv, "/api/v1/models/GPT-X")
	var m web.ModelJSON
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	if m.Curated == nil || m.Curated.Entries[0].ID != "fix-gpt-x" || m.FLOP == nil || *m.FLOP != 2e24 {
		t.Errorf("API model: curated %+v, flop %v", m.Curated, m.FLOP)
	}
	_, body = get(t, srv, "/api/v1/census")
	var res census.Result
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	if res.Overlay == nil || len(res.Overlay.Statuses) != 2 || res.Overlay.Statuses[1].Status != census.StatusOrphaned {
		t.Errorf("API overlay block %+v", res.Overlay)
	}
}
