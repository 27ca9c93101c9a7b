package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// report brings an add entry's row from its From subset whether it reads
// a source or a stored snapshot (--snapshot, --as-of): the fixture's
// Brought-LM is in the notable file only, with Korea as its country, so
// the large-scale census counts it under KR (and Big-LM under US) only
// when its row was brought; its entry alone names no country.
func TestReportBringsOverlayRows(t *testing.T) {
	src, ov := bringFolder(t)
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := run(t, nil, "pull", "--source", src, "--db", db, "--overlay", "none"); code != ExitOK {
		t.Fatalf("pull: exit %d %s", code, errOut)
	}
	for _, args := range [][]string{
		{"report", "--source", src, "--overlay", ov, "--format", "json"},
		{"report", "--db", db, "--snapshot", "1", "--overlay", ov, "--format", "json"},
		{"report", "--db", db, "--as-of", "2199-12-31", "--overlay", ov, "--format", "json"},
	} {
		code, out, errOut := run(t, nil, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		var rep struct {
			Total     int
			Countries []struct {
				Code  string
				Count int
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		got := map[string]int{}
		for _, c := range rep.Countries {
			got[c.Code] = c.Count
		}
		if rep.Total != 2 || got["KR"] != 1 || got["US"] != 1 {
			t.Errorf("%v: total %d, countries %v; want 2 models, KR 1 and US 1", args, rep.Total, got)
		}
	}
}
