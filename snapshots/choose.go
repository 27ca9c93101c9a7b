package snapshots

import (
	"context"
	"strconv"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/store"
)

// Choice is a command's choice between its source and a stored snapshot:
// --snapshot (a snapshot's id) or --as-of (a date: the snapshot Pick
// finds), which exclude each other and --source.
type Choice struct {
	Snapshot, AsOf string
	// SourceSet is whether --source was given.
	SourceSet bool
}

// Stored reports whether c asks for a stored snapshot.
func (c Choice) Stored() bool { return c.Snapshot != "" || c.AsOf != "" }

// Check refuses --snapshot with --as-of, and either with --source: a
// *census.OptionError of code census.OptionExclusive.
func (c Choice) Check() error {
	if c.Snapshot != "" && c.AsOf != "" || c.Stored() && c.SourceSet {
		return &census.OptionError{Option: "snapshot", Code: census.OptionExclusive}
	}
	return nil
}

// Pick finds the snapshot c names in st, for subset as Pick does with
// --as-of. A --snapshot that is not a number or an --as-of that is not
// YYYY-MM-DD is a *census.OptionError (census.OptionSnapshotID,
// census.OptionDate); a snapshot not found wraps store.ErrNotFound.
func (c Choice) Pick(ctx context.Context, st *store.Store, subset string) (*census.Snapshot, error) {
	if c.Snapshot != "" {
		id, err := strconv.ParseInt(c.Snapshot, 10, 64)
		if err != nil {
			return nil, &census.OptionError{Option: "snapshot", Value: c.Snapshot, Code: census.OptionSnapshotID}
		}
		return st.Snapshot(ctx, id)
	}
	d, err := time.Parse("2006-01-02", c.AsOf)
	if err != nil {
		return nil, &census.OptionError{Option: "as-of", Value: c.AsOf, Code: census.OptionDate}
	}
	return Pick(ctx, st, d, subset)
}
