package snapshots

import (
	"context"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/store"
)

// Read opens the source at location (epoch.Open with opt.OpenOptions)
// and reads it (epoch.Source.Load with opt), as the commands that count a
// source do. An opt.Overlay not brought yet (Brought nil) first gets its
// add entries' rows from that same source (overlay.Bring, with opt's
// encoding and date format). The notes say what the reader should be told
// (the bundled snapshot standing in for a failed download, a cached or
// offline copy); they are set whenever the source could be opened, even
// when reading it then fails. Errors are opening's and reading's.
func Read(ctx context.Context, location string, rules *census.Rules, opt epoch.LoadOptions) (*census.Dataset, epoch.Notes, error) {
	src, err := epoch.Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return nil, epoch.Notes{}, err
	}
	defer src.Close()
	if ov := opt.Overlay; ov != nil && ov.Brought == nil {
		overlay.Bring(ctx, src, rules, epoch.LoadOptions{Now: opt.Now, Encoding: opt.Encoding, DateFormat: opt.DateFormat}, ov)
	}
	ds, err := src.Load(ctx, rules, opt)
	return ds, epoch.NotesOf(location, src), err
}

// ReadStored reads a stored snapshot's subset as Load does, after
// opt.Overlay, when not brought yet (Brought nil), gets its add entries'
// rows from that same snapshot (BringFrom): a report on snap counts what
// a report on the files pulled would.
func ReadStored(ctx context.Context, st *store.Store, snap *census.Snapshot, rules *census.Rules, opt epoch.LoadOptions) (*census.Dataset, error) {
	if ov := opt.Overlay; ov != nil && ov.Brought == nil {
		BringFrom(ctx, st, snap, rules, ov)
	}
	return Load(ctx, st, snap, rules, opt)
}
