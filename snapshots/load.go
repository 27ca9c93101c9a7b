package snapshots

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// Source rebuilds the source of a stored snapshot from the bytes kept: the
// same files, under the same names, as when it was pulled, read by the
// same reader as any file, so that a report from the store is the report
// of the files. A file's bytes are fetched when it is first opened, so
// that a report on one subset reads only that subset's files.
func Source(ctx context.Context, st *store.Store, snap *census.Snapshot) *epoch.Source {
	return source(snap, func(i int) ([]byte, error) { return st.Content(ctx, snap.Files[i].ID) })
}

// source is the source of snap's files, file i's bytes being what
// content(i) gives on its first opening.
func source(snap *census.Snapshot, content func(i int) ([]byte, error)) *epoch.Source {
	src := &epoch.Source{Location: snap.Source, Kind: snap.Kind}
	for i, f := range snap.Files {
		var b []byte
		open := func() (io.ReadCloser, error) {
			if b == nil {
				var err error
				if b, err = content(i); err != nil {
					return nil, err
				}
			}
			return io.NopCloser(bytes.NewReader(b)), nil
		}
		src.Files = append(src.Files, epoch.File{Name: f.Name, Subset: f.Subset, ModTime: f.ModTime, Open: open})
	}
	return src
}

// Load reads a stored snapshot's subset into a dataset, exactly as reading
// the same files directly would, with the snapshot's stored date and id.
func Load(ctx context.Context, st *store.Store, snap *census.Snapshot, rules *census.Rules, opt epoch.LoadOptions) (*census.Dataset, error) {
	opt.Date, opt.DateBasis, opt.DatePath, opt.ID = snap.Date, snap.DateBasis, snap.DatePath, snap.ID
	return Source(ctx, st, snap).Load(ctx, rules, opt)
}

// Pick returns the stored snapshot a report as of date means: the latest
// holding subset, or, with no subset asked for, the latest holding a
// large-scale file (the default census), else the latest of all. It fails
// with store.ErrNotFound when there is none.
func Pick(ctx context.Context, st *store.Store, date time.Time, subset string) (*census.Snapshot, error) {
	if subset != "" {
		return st.AsOf(ctx, date, subset)
	}
	if snap, err := st.AsOf(ctx, date, epoch.SubsetLargeScale); !errors.Is(err, store.ErrNotFound) {
		return snap, err
	}
	return st.AsOf(ctx, date, "")
}
