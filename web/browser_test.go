package web_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/publish"
)

func artifacts(t *testing.T) string {
	dir := os.Getenv("MODELCENSUS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "artifacts")
	}
	os.MkdirAll(dir, 0o755)
	return dir
}

// The dashboard in headless Chromium: the overview draws its charts; a
// filter changes the URL and the counts; a model page shows its model; no
// console error and no request leaves the server. Screenshots are kept.
func TestDashboardInChromium(t *testing.T) {
	exe := publish.FindChrome()
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must run the browser tests: install chromium (.ci/run does)")
		}
		t.Skip("no Chromium or Chrome here: apt-get install chromium")
	}
	srv := storeServer(t)
	base, _ := url.Parse(srv.URL)

	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0], chromedp.ExecPath(exe), chromedp.WindowSize(1200, 900), chromedp.UserDataDir(t.TempDir()))
	for _, f := range publish.ChromeFlags {
		opts = append(opts, chromedp.Flag(strings.TrimPrefix(f, "--"), true))
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 180*time.Second)
	defer cancel()

	var mu sync.Mutex
	var problems, requests []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				problems = append(problems, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, e.ExceptionDetails.Text)
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		}
	}); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	shot := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		must(err)
		p := filepath.Join(artifacts(t), name)
		must(os.WriteFile(p, b, 0o644))
		t.Logf("screenshot: %s", p)
	}

	// Overview: the charts draw.
	_, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/?lang=ko"))
	must(err)
	drawn, err := chromedp.Run(ctx, chromedp.Poll[int]("window.modelcensusChartsDrawn", chromedp.WithPollingTimeout(90*time.Second)))
	must(err)
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`Array.from(document.querySelectorAll('.chart')).map(e => e.querySelectorAll('svg path').length)`))
	must(err)
	if drawn != 7 || len(marks) != 7 {
		t.Errorf("overview drew %d charts in %d containers, want 7", drawn, len(marks))
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
	name, err := chromedp.Run(ctx, chromedp.Text(`table[data-table=models] tbody tr td a`))
	must(err)
	_, err = chromedp.Run(ctx, chromedp.Click(`table[data-table=models] tbody tr td a`))
	must(err)
	_, err = chromedp.Run(ctx, chromedp.WaitVisible(`h1[data-model]`))
	must(err)
	h1, err := chromedp.Run(ctx, chromedp.Text(`h1[data-model]`))
	must(err)
	if strings.TrimSpace(h1) != strings.TrimSpace(name) || name == "" {
		t.Errorf("model page shows %q, the link said %q", h1, name)
	}
	shot("dashboard-model.png")

	mu.Lock()
	defer mu.Unlock()
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
