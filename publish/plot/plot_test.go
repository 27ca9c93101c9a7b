package plot_test

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/plot"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

// Charts are print-ready: a PNG at twice a screen's density (18 cm wide
// at 192 DPI), the SVG in the same font family as the PNG, a value on
// every bar, and the compute chart's legend beside the plot.
func TestChartsPrintReady(t *testing.T) {
	d := publishtest.Document(t, "../../testdata/census_fixture.csv", census.Options{})
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		for _, c := range publish.Charts(d, l) {
			var p, s bytes.Buffer
			if err := plot.Write(&p, c, publish.ImagePNG, l); err != nil {
				if _, ok := publish.CJKFont(); !ok {
					t.Skip("no CJK font installed: the Korean PNG is refused (see the cli tests)")
				}
				t.Fatal(err)
			}
			saveArtifact(t, "chart-"+c.ID+"-"+string(l)+".png", p.Bytes())
			img, err := png.Decode(&p)
			if err != nil {
				t.Fatal(err)
			}
			// 18 cm at 192 DPI is 1360 pixels.
			if w := img.Bounds().Dx(); w < 1350 {
				t.Errorf("%s %s: PNG %d px wide", l, c.ID, w)
			}
			if err := plot.Write(&s, c, publish.ImageSVG, l); err != nil {
				t.Fatal(err)
			}
			svg := s.String()
			fams := map[string]bool{}
			for _, m := range regexp.MustCompile(`font-family:([^;"]+)`).FindAllStringSubmatch(svg, -1) {
				fams[m[1]] = true
			}
			if len(fams) != 1 {
				t.Errorf("%s %s: SVG fonts %v, want one family", l, c.ID, fams)
			}
			if c.Kind != "scatter" {
				for _, v := range c.Series[0].Values {
					if !strings.Contains(svg, ">"+publish.FormatCount(v)+"<") {
						t.Errorf("%s %s: bar value %v not written", l, c.ID, v)
					}
				}
			}
		}
	}
}

// saveArtifact keeps a picture for people to look at, in
// $MODELCENSUS_ARTIFACTS or artifacts/ at the repository's root.
func saveArtifact(t *testing.T, name string, data []byte) {
	dir := os.Getenv("MODELCENSUS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
}
