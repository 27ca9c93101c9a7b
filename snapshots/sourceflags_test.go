package snapshots_test

import (
	"context"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
)

// TestSourceFlagsRead reads the fixture through SourceFlags: --date sets
// the snapshot's date.
func TestSourceFlagsRead(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	f := snapshots.SourceFlags{Source: "../testdata/census_fixture.csv", Date: "2024-06-30"}
	now := func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }
	ds, _, err := f.Read(context.Background(), r, f.OpenOptions(now, nil, nil), now, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ds.Snapshot.Date.Format("2006-01-02"); got != "2024-06-30" {
		t.Errorf("snapshot date = %s, want 2024-06-30", got)
	}
}
