package publish_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/browser"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

// The charts of the brief and of the dashboard (report.js) print compute
// as the tables do: report.js's formatter gives what powerOfTen gives for
// every value, and the compute chart's axis and threshold read 10²³, never
// 1e+23.
func TestChartsPrintFLOPOneWay(t *testing.T) {
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{From: 2020, To: 2024})
	var b bytes.Buffer
	if err := publish.WriteHTML(&b, d, i18n.EN, "test"); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, rec := browser.New(t)
	abs, _ := filepath.Abs(page)
	if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(flopValues)
	got := browser.Eval[[]string](t, ctx, `(`+string(in)+`).map(function (v) { return window.modelcensusFormatFLOP(v); })`)
	if len(got) != len(flopValues) {
		t.Fatalf("report.js formatted %d values of %d", len(got), len(flopValues))
	}
	for i, v := range flopValues {
		if want := powerOfTen(v); got[i] != want {
			t.Errorf("report.js formats %g as %q, want %q", v, got[i], want)
		}
	}
	axis := browser.Eval[string](t, ctx, `(function () {
		var c = (MODELCENSUS.charts || []).filter(function (c) { return c.kind === 'scatter'; })[0];
		var el = c && document.getElementById('chart-' + c.id);
		return el ? el.textContent : '';
	})()`)
	if axis == "" {
		t.Fatal("no compute chart drawn")
	}
	if !strings.Contains(axis, "10²³ FLOP") || !strings.Contains(axis, "10²") {
		t.Errorf("the compute chart's labels lack 10²³ FLOP: %q", axis)
	}
	if m := scientific.FindString(axis); m != "" {
		t.Errorf("the compute chart prints %q: %q", m, axis)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("console: %q", p)
	}
}
