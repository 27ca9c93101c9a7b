package snapshots_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// An OnDemand store is opened once however often it is asked for, not at
// all when never asked for, and a failed open is tried again.
func TestOnDemand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	opens, fail := 0, true
	open := func() (*store.Store, error) {
		opens++
		if fail {
			return nil, errors.New("not yet")
		}
		return sqlite.Open(context.Background(), path)
	}
	unused := snapshots.NewOnDemand(open)
	if err := unused.Close(); err != nil || opens != 0 {
		t.Errorf("an unused store: close %v, %d opens", err, opens)
	}
	d := snapshots.NewOnDemand(open)
	if st, err := d.Open(); st != nil || err == nil {
		t.Fatalf("a failing open gave %v, %v", st, err)
	}
	fail = false
	a, err := d.Open()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := d.Open()
	if a != b || opens != 2 {
		t.Errorf("two stores (%p, %p) or %d opens, want one store and 2 opens", a, b, opens)
	}
	if err := d.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}
