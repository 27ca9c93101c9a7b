package snapshots

import (
	"bytes"
	"context"
	"io"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// Source rebuilds the source of a stored snapshot from the bytes kept: the
// same files, under the same names, as when it was pulled, read by the
// same reader as any file, so that a report from the store is the report
// of the files.
func Source(ctx context.Context, st *store.Store, snap *store.Snapshot) (*epoch.Source, error) {
	src := &epoch.Source{Location: snap.Source, Kind: snap.Kind}
	for _, f := range snap.Files {
		// The bytes are fetched when the file is first opened, so that a
		// report on one subset reads only that subset's files.
		var content []byte
		open := func() (io.ReadCloser, error) {
			if content == nil {
				b, err := st.Content(ctx, f.ID)
				if err != nil {
					return nil, err
				}
				content = b
			}
			return io.NopCloser(bytes.NewReader(content)), nil
		}
		src.Files = append(src.Files, epoch.File{Name: f.Name, Subset: f.Subset, ModTime: f.ModTime, Open: open})
	}
	return src, nil
}

// Load reads a stored snapshot's subset into a dataset, exactly as reading
// the same files directly would, with the snapshot's stored date and id.
func Load(ctx context.Context, st *store.Store, snap *store.Snapshot, rules *census.Rules, opt epoch.LoadOptions) (*census.Dataset, error) {
	src, err := Source(ctx, st, snap)
	if err != nil {
		return nil, err
	}
	opt.Date, opt.DateBasis, opt.DatePath, opt.ID = snap.Date, snap.DateBasis, snap.DatePath, snap.ID
	return src.Load(ctx, rules, opt)
}
