package snapshots

import (
	"context"
	"errors"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/store"
)

// Bring fills ov.Brought (overlay.Bring) from the newest snapshot of st:
// each add entry with From gets its model's row from that subset of the
// newest snapshot, for every snapshot the overlay is applied to. An empty
// store brings nothing; only a failure to read the store is an error.
func Bring(ctx context.Context, st *store.Store, rules *census.Rules, ov *census.Overlay) error {
	if !overlay.Brings(ov) {
		return nil
	}
	snap, err := st.Latest(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	BringFrom(ctx, st, snap, rules, ov)
	return nil
}

// BringFrom fills ov.Brought (overlay.Bring) from the stored snapshot
// snap: each add entry with From gets its model's row from that subset of
// snap, as a report on snap reads it.
func BringFrom(ctx context.Context, st *store.Store, snap *census.Snapshot, rules *census.Rules, ov *census.Overlay) {
	if overlay.Brings(ov) {
		overlay.Bring(ctx, Source(ctx, st, snap), rules, epoch.LoadOptions{}, ov)
	}
}
