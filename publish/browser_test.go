package publish_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/browser"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

// The HTML report opens in headless Chromium with no console error and no
// network request, and every chart draws; a screenshot of each language is
// kept as a test artifact.
func TestHTMLInChromium(t *testing.T) {
	src := "../testdata/census_fixture.csv"
	if dir := shared.Dir(); dir != "" {
		src = filepath.Join(dir, "2026-08-19", "epoch_large_scale_ai_models.csv")
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		t.Run(string(l), func(t *testing.T) {
			d := publishtest.Document(t, src, census.Options{From: 2021, To: 2025})
			var b bytes.Buffer
			if err := publish.WriteHTML(&b, d, l, "test"); err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(t.TempDir(), "report.html")
			os.WriteFile(page, b.Bytes(), 0o644)
			charts := len(publish.Charts(d, l))

			ctx, rec := browser.New(t)
			abs, _ := filepath.Abs(page)
			if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+abs)); err != nil {
				t.Fatal(err)
			}
			drawn, marks := browser.ChartsDrawn(t, ctx)
			if drawn != charts || len(marks) != charts {
				t.Errorf("%d charts drawn, %d containers, want %d", drawn, len(marks), charts)
			}
			for i, n := range marks {
				if n < 5 {
					t.Errorf("chart %d drew only %d shapes", i, n)
				}
			}
			if l == i18n.KO {
				// The inlined ECharts has its Korean locale: a time axis
				// names months in Korean.
				months, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){
					var d = document.createElement('div'); d.style.width = '600px'; d.style.height = '200px';
					document.body.appendChild(d);
					var c = echarts.init(d, null, {renderer: 'svg', locale: 'KO'});
					c.setOption({animation: false, xAxis: {type: 'time', min: '2024-01-01', max: '2024-07-01'}, yAxis: {},
						series: [{type: 'line', data: [['2024-01-01', 1], ['2024-07-01', 2]]}]});
					var text = d.textContent; c.dispose(); d.remove(); return text;
				})()`))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(months, "월") || strings.Contains(months, "Feb") {
					t.Errorf("time axis labels %q, want Korean months", months)
				}
			}
			browser.Screenshot(t, ctx, "report-"+string(l)+".png")
			if p := rec.Problems(); len(p) > 0 {
				t.Errorf("console errors: %q", p)
			}
			reqs := rec.Requests()
			if len(reqs) == 0 {
				t.Errorf("no request seen at all, not even the page's: the listener is not working")
			}
			for _, u := range reqs {
				if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
					t.Errorf("the report requested %s", u)
				}
			}
		})
	}
}
