package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/internal/browser"
)

// The Tables page in headless Chromium: a figure by country draws its
// chart and table within the Content-Security-Policy, in both languages,
// and the URL keeps the choice.
func TestTablesPageInChromium(t *testing.T) {
	srv := storeServer(t)
	ctx, rec := browser.New(t)
	browser.WatchCSP(t, ctx)
	for _, lang := range []string{"en", "ko"} {
		if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/tables?snapshot=1&from=2020&to=2024&by=country&lang="+lang)); err != nil {
			t.Fatal(err)
		}
		drawn, marks := browser.ChartsDrawn(t, ctx)
		if drawn != 1 || len(marks) != 1 || marks[0] < 3 {
			t.Errorf("%s: %d charts drawn, shapes %v", lang, drawn, marks)
		}
		rows := browser.Eval[int](t, ctx, `document.querySelectorAll('table[data-table=table] tbody tr').length`)
		if rows != 5 { // US, GB, CN, KR, XM
			t.Errorf("%s: %d rows, want 5", lang, rows)
		}
		loc := browser.Eval[string](t, ctx, `location.search`)
		if !strings.Contains(loc, "by=country") {
			t.Errorf("%s: the URL lost the choice: %s", lang, loc)
		}
		browser.Screenshot(t, ctx, "dashboard-tables-"+lang+".png")
	}
	if v := browser.CSPViolations(t, ctx); len(v) > 0 {
		t.Errorf("CSP violations: %q", v)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("console errors: %q", p)
	}
}
