package web_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/internal/browser"
)

// The Thresholds page in headless Chromium: moving the year slider shows
// its year at once and, let go, that year's figures (by the end of 2020,
// 2 models at 1e23); no console error and no CSP violation.
func TestThresholdsPageInChromium(t *testing.T) {
	fx, err := os.ReadFile(thresholdsFixture)
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := storeAndServer(t, string(fx))
	ctx, rec := browser.New(t)
	browser.WatchCSP(t, ctx)
	browser.Open(t, ctx, srv.URL+"/thresholds?lang=ko")
	if got := browser.Eval[string](t, ctx, `document.querySelector('output[data-year]').textContent`); got != "2024" {
		t.Errorf("the slider starts at %q, want the newest year 2024", got)
	}
	shown := browser.Eval[string](t, ctx, `(function(){var r=document.querySelector('input[data-year-slider]'); r.value='2020'; r.dispatchEvent(new Event('input')); var o=document.querySelector('output[data-year]').textContent; setTimeout(function(){ r.dispatchEvent(new Event('change')); }, 50); return o;})()`)
	if shown != "2020" {
		t.Errorf("moving the slider shows %q, want 2020", shown)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.search.indexOf('year=2020') >= 0 && document.readyState === 'complete' && !!document.querySelector('tr[data-flop]')`))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the slider did not navigate: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cells := browser.Eval[[]string](t, ctx, `Array.from(document.querySelectorAll('tr[data-flop] td.num')).slice(0, 3).map(td => td.textContent)`)
	if strings.Join(cells, " ") != "1 2 1" {
		t.Errorf("1e23 in 2020: %v, want 1 in the year, 2 by its end, 1 developer", cells)
	}
	browser.Screenshot(t, ctx, "page-thresholds-ko.png")
	if v := browser.CSPViolations(t, ctx); len(v) > 0 {
		t.Errorf("CSP violations %q", v)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("console errors: %q", p)
	}
}
