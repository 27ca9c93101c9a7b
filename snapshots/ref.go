package snapshots

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// Ref is a snapshot that diff and history read: one kept in the store, or a
// source read directly (a file, a folder, a zip, a URL). The store keeps
// snapshots; it is not needed to compare them.
type Ref struct {
	// ID is the stored snapshot's id, or 0 for a source.
	ID int64
	// Date is the snapshot date: stored, or the one given for a source
	// (zero: found when the source is read, as report finds it).
	Date time.Time
	// Location is the source's path or URL ("" for a stored snapshot).
	Location string
	// Subsets are the subsets of the files it holds, sorted.
	Subsets []string
	open    func(ctx context.Context) (*epoch.Source, error)
	stored  *census.Snapshot
	st      *store.Store // the store of a stored snapshot
	// dated is set when Date was given for a source, and overrides what
	// the source's own evidence says; basis and path say how it was known.
	dated       bool
	basis, path string
}

// Stored is the ref of a snapshot kept in st.
func Stored(st *store.Store, snap *census.Snapshot) *Ref {
	return &Ref{ID: snap.ID, Date: snap.Date, stored: snap, st: st, Subsets: census.Subsets(snap.Files),
		open: func(ctx context.Context) (*epoch.Source, error) { return Source(ctx, st, snap), nil }}
}

// FromSource opens location (see epoch.Open) to list its files, and
// returns its ref; date, when not zero, is its snapshot date. The source
// is opened again each time the ref is read. Errors are epoch.Open's.
func FromSource(ctx context.Context, location string, date time.Time, opt epoch.OpenOptions) (*Ref, error) {
	src, err := epoch.Open(ctx, location, opt)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	r := &Ref{Location: location, Date: date, dated: !date.IsZero(),
		open: func(ctx context.Context) (*epoch.Source, error) { return epoch.Open(ctx, location, opt) }}
	files := make([]census.FileInfo, len(src.Files))
	for i, f := range src.Files {
		files[i] = census.FileInfo{Name: f.Name, Subset: f.Subset}
	}
	r.Subsets = census.Subsets(files)
	return r, nil
}

// Label names the ref for people: "snapshot 12", or its location.
func (r *Ref) Label() string {
	if r.Location != "" {
		return r.Location
	}
	return fmt.Sprintf("snapshot %d", r.ID)
}

// Has reports whether the ref holds a file of subset.
func (r *Ref) Has(subset string) bool { return slices.Contains(r.Subsets, subset) }

// Load reads the ref's subset into a dataset with rules: a stored
// snapshot with its stored date and id, exactly as reading the same files
// directly would; a source as report reads it.
func (r *Ref) Load(ctx context.Context, rules *census.Rules, opt epoch.LoadOptions) (*census.Dataset, error) {
	src, err := r.open(ctx)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if r.stored != nil {
		opt.Date, opt.DateBasis, opt.DatePath, opt.ID = r.stored.Date, r.stored.DateBasis, r.stored.DatePath, r.stored.ID
	} else if r.dated {
		opt.Date, opt.DateBasis, opt.DatePath = r.Date, r.basis, r.path
	}
	return src.Load(ctx, rules, opt)
}

// ref names the ref in a diff or a history, with the date its dataset
// was read with.
func (r *Ref) ref(ds *census.Dataset) SnapshotRef {
	d := r.Date
	if ds != nil && !ds.Snapshot.Date.IsZero() {
		d = ds.Snapshot.Date
	}
	return SnapshotRef{ID: r.ID, Date: d.Format("2006-01-02"), Source: r.Location}
}

// Archive lists the refs of an archive folder of downloads, one dated
// sub-folder (YYYY-MM-DD) per download, oldest first: the folders that
// ImportArchive would import, read in place. Errors are epoch.Open's.
func Archive(ctx context.Context, dir string, opt epoch.OpenOptions) ([]*Ref, error) {
	folders, err := archiveFolders(dir)
	if err != nil {
		return nil, err
	}
	var out []*Ref
	for _, f := range folders {
		// Dated by its folder's name, as ImportArchive dates it.
		r, err := FromSource(ctx, f.path, f.date, opt)
		if err != nil {
			return nil, err
		}
		r.basis, r.path = census.DateFromPath, f.path
		out = append(out, r)
	}
	return out, nil
}

// IsStoredID reports whether an argument of diff names a stored snapshot
// rather than a source: a whole number that is not also a file or folder
// here.
func IsStoredID(arg string) bool {
	if _, err := strconv.ParseInt(arg, 10, 64); err != nil {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}

// ArgRef is the ref an argument of diff names: a stored snapshot's id
// (IsStoredID), read from the store openStore opens (called only then),
// else a source read directly (FromSource, undated). Its errors are
// openStore's, the store's (store.ErrNotFound for an id it lacks) and
// epoch.Open's.
func ArgRef(ctx context.Context, arg string, openStore func() (*store.Store, error), opt epoch.OpenOptions) (*Ref, error) {
	if !IsStoredID(arg) {
		return FromSource(ctx, arg, time.Time{}, opt)
	}
	st, err := openStore()
	if err != nil {
		return nil, err
	}
	id, _ := strconv.ParseInt(arg, 10, 64) // IsStoredID parsed it
	snap, err := st.Snapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	return Stored(st, snap), nil
}
