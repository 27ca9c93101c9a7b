package overlay_test

import (
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/overlay"
)

// Three problems in two files are two files; none are none.
func TestFiles(t *testing.T) {
	problems := []*overlay.Error{{File: "a.toml", Line: 1}, {File: "b.toml", Line: 2}, {File: "a.toml", Line: 9}}
	if got := overlay.Files(problems); got != 2 {
		t.Errorf("Files = %d, want 2", got)
	}
	if got := overlay.Files(nil); got != 0 {
		t.Errorf("Files(nil) = %d, want 0", got)
	}
}

// Upstream keeps the first row whose name matches, ignoring case and
// spacing as census.MatchKey does, and a copy of it.
func TestUpstream(t *testing.T) {
	onRow, found := overlay.Upstream("a.x k1")
	if found() != nil {
		t.Fatal("a row before any was read")
	}
	for _, r := range [][2]string{{"Other", "x"}, {"A.X K1", "first"}, {"A.X  k1", "second"}} {
		raw := &census.Raw{}
		raw.Set(census.FieldName, r[0])
		raw.Set(census.FieldOrganization, r[1])
		onRow(raw)
		raw.Set(census.FieldOrganization, "changed after") // the reader reuses its row
	}
	if got := found(); got == nil || got.Get(census.FieldOrganization) != "first" {
		t.Errorf("found %v, want the first A.X K1 row", got)
	}
}
