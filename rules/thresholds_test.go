package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/rules"
)

// The embedded thresholds: Epoch's large-scale line, the EU AI Act's and
// Korea's AI Basic Act's, the last cumulative, each in both languages.
func TestEmbeddedThresholds(t *testing.T) {
	r := load(t)
	want := map[string]struct {
		flop float64
		cum  bool
	}{"epoch-large-scale": {1e23, false}, "eu-ai-act-51": {1e25, false}, "kr-ai-basic-act": {1e26, true}}
	if len(r.Thresholds) < len(want) {
		t.Fatalf("%d thresholds, want at least %d", len(r.Thresholds), len(want))
	}
	for _, th := range r.Thresholds {
		if th.Law == "" || th.LawKo == "" || th.Triggers == "" || th.TriggersKo == "" || th.Source == "" {
			t.Errorf("threshold %s lacks a law, a trigger or a source in one language: %+v", th.ID, th)
		}
		if w, ok := want[th.ID]; ok {
			if th.FLOP != w.flop || th.Cumulative != w.cum {
				t.Errorf("threshold %s: %v cumulative %v, want %v cumulative %v", th.ID, th.FLOP, th.Cumulative, w.flop, w.cum)
			}
			delete(want, th.ID)
		}
	}
	if len(want) > 0 {
		t.Errorf("thresholds missing: %v", want)
	}
}

// A --rules folder replaces the thresholds table, changes the rules
// version, and a bad row is an error naming the file and line.
func TestThresholdsOverride(t *testing.T) {
	dir := t.TempDir()
	table := "id,flop,cumulative,law,law_ko,triggers,triggers_ko,source\nx,3e24,no,X,엑스,t,티,s\n"
	if err := os.WriteFile(filepath.Join(dir, "thresholds.csv"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := rules.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Thresholds) != 1 || r.Thresholds[0].FLOP != 3e24 || r.Thresholds[0].Cumulative {
		t.Errorf("overridden thresholds: %+v", r.Thresholds)
	}
	if r.Version == load(t).Version {
		t.Error("a different thresholds table must change the rules version")
	}
	for _, bad := range []string{"x,ten,no,X,엑스,t,티,s", "x,-1,no,X,엑스,t,티,s", "x,1e25,maybe,X,엑스,t,티,s"} {
		head := "id,flop,cumulative,law,law_ko,triggers,triggers_ko,source\n"
		os.WriteFile(filepath.Join(dir, "thresholds.csv"), []byte(head+bad+"\n"), 0o644)
		_, err := rules.Load(dir)
		if err == nil || !strings.Contains(err.Error(), "thresholds.csv:2") {
			t.Errorf("row %q: error %v, want one naming thresholds.csv:2", bad, err)
		}
	}
}
