package publish_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/publish"
)

// artifacts is where browser tests keep their screenshots:
// $MODELCENSUS_ARTIFACTS, else artifacts/ at the repository's root.
func artifacts(t *testing.T) string {
	dir := os.Getenv("MODELCENSUS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// chrome returns a browser, or skips (fails on CI, which installs one).
func chrome(t *testing.T) string {
	p := publish.FindChrome()
	if p == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must run the browser tests: install chromium (.ci/run does)")
		}
		t.Skip("no Chromium or Chrome here: apt-get install chromium")
	}
	return p
}

// The HTML report opens in headless Chromium with no console error and no
// network request, and every chart draws; a screenshot of each language is
// kept as a test artifact.
func TestHTMLInChromium(t *testing.T) {
	exe := chrome(t)
	src := "../testdata/census_fixture.csv"
	if dir := shared.Dir(); dir != "" {
		src = filepath.Join(dir, "2026-08-19", "epoch_large_scale_ai_models.csv")
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		t.Run(string(l), func(t *testing.T) {
			d := document(t, src, census.Options{From: 2021, To: 2025})
			var b bytes.Buffer
			if err := publish.WriteHTML(&b, d, l, "test"); err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(t.TempDir(), "report.html")
			os.WriteFile(page, b.Bytes(), 0o644)
			charts := len(publish.Charts(d, l))

			opts := append(chromedp.DefaultExecAllocatorOptions[:0:0], chromedp.ExecPath(exe), chromedp.WindowSize(1100, 900))
			for _, f := range publish.ChromeFlags {
				opts = append(opts, chromedp.Flag(strings.TrimPrefix(f, "--"), true))
			}
			opts = append(opts, chromedp.UserDataDir(t.TempDir()))
			actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
			defer cancel()
			ctx, cancel := chromedp.NewContext(actx)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, 180*time.Second)
			defer cancel()

			var mu sync.Mutex
			var consoleErrors, requests []string
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
						consoleErrors = append(consoleErrors, strings.Join(parts, " "))
					}
				case *runtime.EventExceptionThrown:
					consoleErrors = append(consoleErrors, e.ExceptionDetails.Text)
				case *network.EventRequestWillBeSent:
					requests = append(requests, e.Request.URL)
				}
			}); err != nil {
				t.Fatal(err)
			}
			step := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			_, err := chromedp.Run(ctx, chromedp.Navigate("file://"+mustAbs(t, page)))
			step(err)
			_, err = chromedp.Run(ctx, chromedp.WaitReady("footer"))
			step(err)
			drawn, err := chromedp.Run(ctx, chromedp.Poll[int]("window.modelcensusChartsDrawn", chromedp.WithPollingTimeout(90*time.Second)))
			step(err)
			marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`Array.from(document.querySelectorAll('.chart')).map(e => e.querySelectorAll('svg path').length)`))
			step(err)
			shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			step(err)
			if drawn != charts || len(marks) != charts {
				t.Errorf("%d charts drawn, %d containers, want %d", drawn, len(marks), charts)
			}
			for i, n := range marks {
				if n < 5 {
					t.Errorf("chart %d drew only %d shapes", i, n)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			if len(consoleErrors) > 0 {
				t.Errorf("console errors: %q", consoleErrors)
			}
			if len(requests) == 0 {
				t.Errorf("no request seen at all, not even the page's: the listener is not working")
			}
			for _, u := range requests {
				if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
					t.Errorf("the report requested %s", u)
				}
			}
			out := filepath.Join(artifacts(t), "report-"+string(l)+".png")
			if err := os.WriteFile(out, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", out)
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
