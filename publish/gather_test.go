package publish

import (
	"testing"

	"github.com/modelcensus/modelcensus/census"
)

// A gathering hooks the rows only for what its report needs: the models'
// raw cells for a format that lists them, the compute details for a
// Thresholds section.
func TestGatherOnRow(t *testing.T) {
	models := &Format{Name: "html", Models: true}
	figures := &Format{Name: "json"}
	for _, tc := range []struct {
		f          *Format
		thresholds bool
		hook       bool
	}{
		{figures, false, false},
		{nil, false, false},
		{models, false, true},
		{figures, true, true},
		{nil, true, true},
	} {
		g := Gather(tc.f, tc.thresholds, false, false)
		if (g.OnRow() != nil) != tc.hook || (g.raw != nil) != (tc.f == models) || (g.det != nil) != tc.thresholds {
			t.Errorf("format %v thresholds %v: hook %v", tc.f, tc.thresholds, g.OnRow() != nil)
		}
	}
	// A document without the models holds the census alone.
	if d := Gather(figures, false, false, false).Document(&census.Result{}, nil); d.Result == nil || len(d.Models) != 0 || d.Thresholds != nil || d.Trend != nil {
		t.Errorf("figures-only document: %+v", d)
	}
}
