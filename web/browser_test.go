package web_test

import (
	"context"
	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
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

// The new user's faults, in Chromium: every subset of a source works from
// its menu, which offers only those; the JSON download is the whole
// selection; the browser's language and ?lang decide the page's, and a
// Korean page says its errors in Korean; the Explorer's snapshot and
// multimodal filters and validated parameters; the snapshots page's
// subsets and diff.
func TestNewUserFaultsInChromium(t *testing.T) {
	dir := t.TempDir()
	fx, _ := os.ReadFile(fixture)
	os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), fx, 0o644)
	os.WriteFile(filepath.Join(dir, "notable_ai_models.csv"), []byte("Model,Publication date,Country (of organization)\nN1,2024-01-01,France\nN2,2024-02-01,France\nN3,2023-02-01,Germany\n"), 0o644)
	r, _ := rules.Default()
	cat, err := web.NewSourceCatalog(context.Background(), r, dir, epoch.LoadOptions{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	src := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer src.Close()
	store := storeServer(t)
	ctx, rec := browser.New(t)
	browser.WatchCSP(t, ctx)

	// 1. The subset menu offers what the source holds, and choosing
	// notable shows the notable census.
	browser.Open(t, ctx, src.URL+"/?lang=en")
	offered := browser.Eval[[]string](t, ctx, `Array.from(document.querySelectorAll('select[name=subset] option')).map(o => o.value).filter(v => v)`)
	if strings.Join(offered, ",") != "large-scale,notable" {
		t.Errorf("subsets offered %v", offered)
	}
	browser.Eval[bool](t, ctx, `(function(){var s=document.querySelector('select[name=subset]'); s.value='notable'; setTimeout(function(){ s.dispatchEvent(new Event('change')); }, 20); return true;})()`)
	deadline := time.Now().Add(30 * time.Second)
	for {
		h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search.indexOf('subset=notable') >= 0 && document.readyState === 'complete' ? (document.querySelector('h1')||{}).textContent : ''`))
		if err == nil && strings.Contains(h1, "Notable") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("choosing notable did not show the notable census: %q %v", h1, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	browser.Screenshot(t, ctx, "page-overview-notable-en.png")

	// 2. The JSON download holds the whole selection.
	browser.Open(t, ctx, store.URL+"/explorer?lang=en")
	n := browser.Eval[[]int](t, ctx, `fetch(Array.from(document.querySelectorAll('.downloads a')).find(a => a.textContent === 'JSON').href).then(r => r.json()).then(j => [j.total, j.models.length])`)
	if len(n) != 2 || n[0] != 9 || n[1] != 9 {
		t.Errorf("JSON download: %v, want 9 of 9", n)
	}

	// 7. Snapshot and multimodal filters; the first click sorts ascending;
	// a page past the last is refused, naming page.
	if got := browser.Eval[int](t, ctx, `document.querySelectorAll('select[name=snapshot] option, select[name=multimodal] option').length`); got < 5 {
		t.Errorf("snapshot and multimodal filters: %d options", got)
	}
	if href := browser.Eval[string](t, ctx, `Array.from(document.querySelectorAll('thead a')).find(a => a.href.indexOf('sort=name') >= 0).href`); !strings.Contains(href, "order=asc") {
		t.Errorf("first click on Model: %s", href)
	}
	browser.Open(t, ctx, store.URL+"/explorer?multimodal=true&lang=en")
	if total := browser.Eval[string](t, ctx, `document.querySelector('[data-total]').dataset.total`); total != "1" {
		t.Errorf("multimodal filter: %s models, want 1", total)
	}
	browser.Open(t, ctx, store.URL+"/explorer?page=99999&lang=en")
	if body := browser.Eval[string](t, ctx, `document.body.textContent`); !strings.Contains(body, "page") {
		t.Errorf("page=99999: %q", body)
	}

	// 5 and 6. The browser's language, ?lang=fr, Korean errors.
	browser.SetHeaders(t, ctx, map[string]string{"Accept-Language": "ko-KR,ko;q=0.9"})
	browser.Open(t, ctx, store.URL+"/")
	if lang := browser.Eval[string](t, ctx, `document.documentElement.lang`); lang != "ko" {
		t.Errorf("Accept-Language ko gave %q", lang)
	}
	browser.Open(t, ctx, store.URL+"/?from=abc")
	if body := browser.Eval[string](t, ctx, `document.body.textContent`); !strings.Contains(body, "정수가 필요합니다") {
		t.Errorf("Korean error page: %q", body)
	}
	browser.Screenshot(t, ctx, "page-error-ko.png")
	browser.Open(t, ctx, store.URL+"/?lang=fr")
	if body := browser.Eval[string](t, ctx, `document.body.textContent`); !strings.Contains(body, "lang") {
		t.Errorf("?lang=fr: %q", body)
	}
	browser.SetHeaders(t, ctx, map[string]string{})

	// 8. The snapshots page: subsets, and a diff only where one can run.
	browser.Open(t, ctx, store.URL+"/snapshots?lang=en")
	if got := browser.Eval[int](t, ctx, `Array.from(document.querySelectorAll('td[data-subsets]')).filter(td => td.textContent.indexOf('large-scale') >= 0).length`); got != 2 {
		t.Errorf("subsets column: %d rows", got)
	}
	browser.Open(t, ctx, src.URL+"/snapshots?lang=en")
	if forms := browser.Eval[int](t, ctx, `document.querySelectorAll('form[action="/snapshots"]').length`); forms != 0 {
		t.Error("a diff is offered with one snapshot")
	}
	if v := browser.CSPViolations(t, ctx); len(v) > 0 {
		t.Errorf("CSP violations %q", v)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("console errors: %q", p)
	}
}
