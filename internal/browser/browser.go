package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/publish"
)

// Recorder holds what the page did.
type Recorder struct {
	mu       sync.Mutex
	problems []string
	requests []string
}

// Problems returns the console errors, warnings and uncaught exceptions.
func (r *Recorder) Problems() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.problems...)
}

// Requests returns the URLs the page requested.
func (r *Recorder) Requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

// New starts a headless Chromium that makes no request of its own and
// returns a context for chromedp with a recorder. Without a browser it skips
// the test (and fails it on CI, which installs one).
func New(t *testing.T) (context.Context, *Recorder) {
	t.Helper()
	exe := publish.FindChrome()
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must run the browser tests: install chromium (.ci/run does)")
		}
		t.Skip("no Chromium or Chrome here: apt-get install chromium")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0], chromedp.ExecPath(exe),
		chromedp.WindowSize(1200, 900), chromedp.UserDataDir(t.TempDir()))
	for _, f := range publish.ChromeFlags {
		opts = append(opts, chromedp.Flag(strings.TrimPrefix(f, "--"), true))
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 180*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	rec := &Recorder{}
	if err := chromedp.Listen(ctx, func(ev any) {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				rec.problems = append(rec.problems, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if ex := e.ExceptionDetails.Exception; ex != nil && ex.Description != "" {
				msg += " " + ex.Description
			}
			rec.problems = append(rec.problems, msg)
		case *network.EventRequestWillBeSent:
			rec.requests = append(rec.requests, e.Request.URL)
		}
	}); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

// Screenshot saves a full-page PNG as a test artifact, in
// $MODELCENSUS_ARTIFACTS or artifacts/ at the repository's root.
func Screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("MODELCENSUS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// ChartsDrawn waits for a page's charts and returns, for each chart
// container, the number of shapes drawn in it.
func ChartsDrawn(t *testing.T, ctx context.Context) (drawn int, shapes []int) {
	t.Helper()
	drawn, err := chromedp.Run(ctx, chromedp.Poll[int]("window.modelcensusChartsDrawn", chromedp.WithPollingTimeout(90*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	shapes, err = chromedp.Run(ctx, chromedp.Evaluate[[]int](`Array.from(document.querySelectorAll('.chart')).map(e => e.querySelectorAll('svg path').length)`))
	if err != nil {
		t.Fatal(err)
	}
	return drawn, shapes
}

// cspRecorder collects every Content-Security-Policy violation of a page
// in window.__cspViolations, from the page's first script on.
const cspRecorder = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});`

// WatchCSP makes every page loaded after it record its Content-Security-
// Policy violations, for CSPViolations.
func WatchCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// CSPViolations returns the current page's Content-Security-Policy
// violations (see WatchCSP).
func CSPViolations(t *testing.T, ctx context.Context) []string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__cspViolations || ['the CSP recorder is not installed']`))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// HoverCharts moves the mouse across every chart of the page, a grid of
// points over each, so that every tooltip and hover effect runs. It
// returns how many tooltips showed text.
func HoverCharts(t *testing.T, ctx context.Context) int {
	t.Helper()
	count, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chart').length`))
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for i := 0; i < count; i++ {
		// Each chart in view before the mouse moves over it.
		b, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(function () {
			var e = document.querySelectorAll('.chart')[%d]; e.scrollIntoView({block: 'center'});
			var r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];
		})()`, i)))
		if err != nil {
			t.Fatal(err)
		}
		for fx := 0.1; fx < 1; fx += 0.2 {
			for fy := 0.2; fy < 1; fy += 0.2 {
				x, y := b[0]+b[2]*fx, b[1]+b[3]*fy
				if _, err := chromedp.Run(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)); err != nil {
					t.Fatal(err)
				}
			}
		}
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll('.chart')[%d].querySelectorAll('text').length`, i)))
		if err == nil && n > 0 {
			shown++
		}
	}
	return shown
}

// SetHeaders makes the browser send extra HTTP headers with every request
// (Accept-Language, say).
func SetHeaders(t *testing.T, ctx context.Context, h map[string]string) {
	t.Helper()
	hs := network.Headers{}
	for k, v := range h {
		hs[k] = v
	}
	_, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: hs})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Open loads a page and waits until it is complete.
func Open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("document.readyState === 'complete'", chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression in the page; a promise is awaited.
func Eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}
