package rules_test

import (
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

// The compute lines named in census (flop.go) are the ones the embedded
// thresholds table draws, so that a chart's dashed line and the
// thresholds command never disagree.
func TestNamedLinesMatchThresholdsTable(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"epoch-large-scale": census.LargeScaleFLOP,
		"eu-ai-act-51":      census.EUSystemicRiskFLOP,
		"kr-ai-basic-act":   census.KoreaAIBasicActFLOP,
	}
	for _, th := range r.Thresholds {
		if f, ok := want[th.ID]; ok {
			if th.FLOP != f {
				t.Errorf("%s: thresholds.csv has %g FLOP, census names %g", th.ID, th.FLOP, f)
			}
			delete(want, th.ID)
		}
	}
	for id := range want {
		t.Errorf("thresholds.csv has no row %s", id)
	}
}
