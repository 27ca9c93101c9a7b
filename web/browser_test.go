package web_test

import (
	"github.com/modelcensus/modelcensus/census"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/internal/browser"
)

// The dashboard in headless Chromium: the overview draws its charts; a
// filter changes the URL and the counts; a model page shows its model; no
// console error and no request leaves the server. Screenshots are kept.
func TestDashboardInChromium(t *testing.T) {
	srv := storeServer(t)
	base, _ := url.Parse(srv.URL)
	ctx, rec := browser.New(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	shot := func(name string) { browser.Screenshot(t, ctx, name) }

	// Overview: the charts draw.
	_, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/?lang=ko"))
	must(err)
	drawn, marks := browser.ChartsDrawn(t, ctx)
	// One chart for every figure that is drawn.
	if want := len(census.ChartNames()); drawn != want || len(marks) != want {
		t.Errorf("overview drew %d charts in %d containers, want %d", drawn, len(marks), want)
	}
	for i, n := range marks {
		if n < 3 {
			t.Errorf("overview chart %d drew %d shapes", i, n)
		}
	}
	shot("dashboard-overview-ko.png")

	// Explorer: choosing a country changes the URL and the count.
	_, err = chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/explorer"))
	must(err)
	_, err = chromedp.Run(ctx, chromedp.Poll[int]("window.modelcensusChartsDrawn", chromedp.WithPollingTimeout(90*time.Second)))
	must(err)
	before, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-total]').dataset.total`))
	must(err)
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){var s=document.querySelector('select[name=country]'); s.value='KR'; setTimeout(function(){ s.dispatchEvent(new Event('change')); }, 50); return true;})()`))
	must(err)
	// The form submits itself: wait out the navigation, retrying while
	// the old page goes away.
	deadline := time.Now().Add(60 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.search.indexOf('country=KR') >= 0 && document.readyState === 'complete' && !!document.querySelector('[data-total]')`))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the filter did not navigate: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	after, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-total]').dataset.total`))
	must(err)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	must(err)
	// The fixture has 9 models in the latest snapshot, one of them Korean.
	if before != "9" || after != "1" || !strings.Contains(loc, "country=KR") {
		t.Errorf("explorer count %s → %s at %s; want 9 → 1 with country=KR in the URL", before, after, loc)
	}
	shot("dashboard-explorer.png")

	// The model page shows the model followed from the table.
	// Read the first link in the page itself (no DOM node ids, which a
	// navigation just before can leave stale), then follow it.
	link, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function(){var a=document.querySelector('table[data-table=models] tbody tr td a'); return a ? [a.textContent, a.href] : [];})()`))
	must(err)
	if len(link) != 2 {
		t.Fatalf("no model link in the explorer table")
	}
	name := link[0]
	_, err = chromedp.Run(ctx, chromedp.Navigate(link[1]))
	must(err)
	h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('h1[data-model]')||{}).textContent || ''`))
	must(err)
	if strings.TrimSpace(h1) != strings.TrimSpace(name) || name == "" {
		t.Errorf("model page shows %q, the link said %q", h1, name)
	}
	shot("dashboard-model.png")

	// The diff of the two snapshots, in Korean, with its census sections.
	_, err = chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/snapshots?a=1&b=2&lang=ko"))
	must(err)
	tables, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('table[data-table]')).map(t => t.dataset.table)`))
	must(err)
	for _, want := range []string{"diff-per-year", "diff-countries", "diff-top-before", "diff-top-after"} {
		if !strings.Contains(strings.Join(tables, " "), want) {
			t.Errorf("diff page lacks table %s: %v", want, tables)
		}
	}
	shot("dashboard-diff-ko.png")

	problems, requests := rec.Problems(), rec.Requests()
	if len(problems) > 0 {
		t.Errorf("console errors: %q", problems)
	}
	if len(requests) == 0 {
		t.Errorf("no request seen: the listener is not working")
	}
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Host != base.Host) {
			t.Errorf("a request left the server: %s", r)
		}
	}
}

// Hovering every chart of the overview and the Explorer, in both
// languages, raises no console error and no Content-Security-Policy
// violation, and the tooltips draw; an Explorer that matches nothing says
// so without a script error.
func TestChartsHoverWithinPolicy(t *testing.T) {
	srv := storeServer(t)
	ctx, rec := browser.New(t)
	browser.WatchCSP(t, ctx)
	for _, path := range []string{"/?lang=en", "/?lang=ko", "/explorer?lang=en", "/explorer?lang=ko&color=domain"} {
		if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
			t.Fatal(err)
		}
		drawn, _ := browser.ChartsDrawn(t, ctx)
		if shown := browser.HoverCharts(t, ctx); shown != drawn || drawn == 0 {
			t.Errorf("%s: %d charts drawn, %d with text after hovering", path, drawn, shown)
		}
		if v := browser.CSPViolations(t, ctx); len(v) > 0 {
			t.Errorf("%s: %d CSP violations, first %q", path, len(v), v[0])
		}
	}
	browser.Screenshot(t, ctx, "dashboard-explorer-hover-ko.png")
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/explorer?q=zzzzzz")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("document.readyState === 'complete'", chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatal(err)
	}
	none, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('[data-none]')||{}).textContent || ''`))
	if err != nil || !strings.Contains(none, "No model matches") {
		t.Errorf("no match: %q %v", none, err)
	}
	browser.Screenshot(t, ctx, "dashboard-explorer-none.png")
	if v := browser.CSPViolations(t, ctx); len(v) > 0 {
		t.Errorf("no match: CSP violations %q", v)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("console errors: %q", p)
	}
}

// Every page in both languages, screenshotted as test artifacts, with no
// console error and no CSP violation.
func TestEveryPageInBothLanguages(t *testing.T) {
	srv := storeServer(t)
	ctx, rec := browser.New(t)
	browser.WatchCSP(t, ctx)
	for _, lang := range []string{"en", "ko"} {
		for name, path := range map[string]string{
			"overview": "/", "explorer": "/explorer", "model": "/models/GPT-X", "snapshots": "/snapshots?a=1&b=2",
		} {
			if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+path+sep(path)+"lang="+lang)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("document.readyState === 'complete'", chromedp.WithPollingTimeout(30*time.Second))); err != nil {
				t.Fatal(err)
			}
			htmlLang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
			if htmlLang != lang {
				t.Errorf("%s?lang=%s is in %q", path, lang, htmlLang)
			}
			if v := browser.CSPViolations(t, ctx); len(v) > 0 {
				t.Errorf("%s (%s): CSP violations %q", path, lang, v)
			}
			browser.Screenshot(t, ctx, "page-"+name+"-"+lang+".png")
		}
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("console errors: %q", p)
	}
}

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}
