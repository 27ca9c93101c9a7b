package web

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// Catalog gives the server its data, from one of two holdings: the
// snapshots of a store (NewStoreCatalog) or a single source read once at
// start, snapshot id 0 (NewSourceCatalog).
type Catalog struct {
	Rules *census.Rules
	Store *store.Store // nil when serving a source
	// EstimateMissing, set before the first request, fills a stored
	// snapshot's missing training compute (census.Dataset.EstimateMissing);
	// a source's is set by its LoadOptions.
	EstimateMissing bool
	// Overlay, set before the first request, is applied to a stored
	// snapshot's dataset; a source's is set by its LoadOptions.
	Overlay *census.Overlay

	held holdings
	// cache keeps the parsed snapshots (and what a diff reads of them),
	// shared by every endpoint.
	cache *loaded
	// rows keeps, of each stored file asked for, the few cells of every
	// row that a model's history shows (snapshots.ModelRowsOf).
	rows *loaded
}

// holdings are what a catalog serves: storeHoldings or sourceHoldings.
type holdings interface {
	// snapshot is the id of the snapshot and the subset that id (0: the
	// latest) and subset ("": the default) mean, or an error for one not
	// held.
	snapshot(ctx context.Context, id int64, subset string) (int64, string, error)
	// load reads a snapshot's subset.
	load(ctx context.Context, id int64, subset string) (*entry, error)
	// snapshots lists the snapshots held, with their files.
	snapshots(ctx context.Context) ([]*census.Snapshot, error)
	// subsets lists the subsets that can be asked for.
	subsets() []string
}

// entry is a loaded dataset with the raw cells of its models.
type entry struct {
	ds  *census.Dataset
	raw *publish.RawCollector
}

// datasetKey is the cache key of a snapshot's (0: the source's) subset.
func datasetKey(id int64, subset string) string {
	return fmt.Sprintf("dataset/%d/%s", id, subset)
}

// NewStoreCatalog serves the snapshots of a store.
func NewStoreCatalog(rules *census.Rules, st *store.Store) *Catalog {
	c := &Catalog{Rules: rules, Store: st, cache: newLoaded(MaxCached), rows: newLoaded(MaxCachedFiles)}
	c.held = storeHoldings{c}
	return c
}

// NewSourceCatalog reads a source's default subset (opt.Subset, or as
// report chooses) at once and serves it; the other subsets the source
// holds are read when first asked for. Its errors are reading the source's.
func NewSourceCatalog(ctx context.Context, rules *census.Rules, location string, opt epoch.LoadOptions) (*Catalog, error) {
	opt.Checksum = true // the Snapshots page names each file's SHA-256
	c := &Catalog{Rules: rules, cache: newLoaded(MaxCached), rows: newLoaded(MaxCachedFiles)}
	h := &sourceHoldings{c: c, location: location, opt: opt}
	e, err := h.load(ctx, 0, opt.Subset)
	if err != nil {
		return nil, err
	}
	h.first = e
	h.list = []string{e.ds.Snapshot.Subset}
	src, err := epoch.Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if len(src.Files) > 1 {
		for _, f := range src.Files {
			if f.Subset != "" && !slices.Contains(h.list, f.Subset) {
				h.list = append(h.list, f.Subset)
			}
		}
	}
	c.held = h
	c.cache.put(datasetKey(0, e.ds.Snapshot.Subset), e)
	return c, nil
}

// MaxCached bounds the parsed snapshots kept in memory, shared by every
// endpoint: a subset's dataset with its raw cells counts one, and so does
// what a diff reads of a snapshot. Epoch's largest real snapshot (2026-08,
// 1,576 rows) takes a few megabytes parsed, so 36 snapshots read both ways
// stay within a few hundred megabytes (docs/limits.md measures it).
const MaxCached = 80

// MaxCachedFiles bounds the stored files of which a model's history keeps
// the few cells it shows: some hundreds of kilobytes each for Epoch's
// files.
const MaxCachedFiles = 256

// Subsets lists the subsets that can be asked for: those the served
// source holds (its default first), or all of Epoch's for a store.
func (c *Catalog) Subsets() []string { return c.held.subsets() }

// Snapshots lists the snapshots served: a store's, or the source's one,
// with the files of every subset it holds.
func (c *Catalog) Snapshots(ctx context.Context) ([]*census.Snapshot, error) {
	return c.held.snapshots(ctx)
}

// Dataset returns the dataset of a snapshot (0: the latest, or the source)
// and subset, loading it once.
func (c *Catalog) Dataset(ctx context.Context, id int64, subset string) (*census.Dataset, *publish.RawCollector, error) {
	id, subset, err := c.held.snapshot(ctx, id, subset)
	if err != nil {
		return nil, nil, err
	}
	v, err := c.cache.get(ctx, datasetKey(id, subset), func(ctx context.Context) (any, error) {
		return c.held.load(ctx, id, subset)
	})
	if err != nil {
		return nil, nil, err
	}
	e := v.(*entry)
	return e.ds, e.raw, nil
}

// storeHoldings are the snapshots of c.Store.
type storeHoldings struct{ c *Catalog }

func (h storeHoldings) snapshot(ctx context.Context, id int64, subset string) (int64, string, error) {
	if id != 0 {
		return id, subset, nil
	}
	latest, err := snapshots.Pick(ctx, h.c.Store, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), subset)
	if err != nil {
		if subset == "" {
			err = noSnapshots(err)
		}
		return 0, "", err
	}
	return latest.ID, subset, nil
}

func (h storeHoldings) load(ctx context.Context, id int64, subset string) (*entry, error) {
	snap, err := h.c.Store.Snapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	raw := &publish.RawCollector{}
	ds, err := snapshots.Load(ctx, h.c.Store, snap, h.c.Rules, epoch.LoadOptions{Subset: subset, OnRow: raw.Add, EstimateMissing: h.c.EstimateMissing, Overlay: h.c.Overlay})
	if err != nil {
		return nil, err
	}
	return &entry{ds: ds, raw: raw}, nil
}

func (h storeHoldings) snapshots(ctx context.Context) ([]*census.Snapshot, error) {
	return h.c.Store.Snapshots(ctx)
}

func (storeHoldings) subsets() []string {
	return []string{epoch.SubsetLargeScale, epoch.SubsetNotable, epoch.SubsetFrontier, epoch.SubsetAll}
}

// sourceHoldings are one source, read once: where it is, how to read it,
// the subsets it holds (its default first), and its default subset's
// dataset, read at start.
type sourceHoldings struct {
	c        *Catalog
	location string
	opt      epoch.LoadOptions
	list     []string
	first    *entry
}

func (h *sourceHoldings) snapshot(_ context.Context, id int64, subset string) (int64, string, error) {
	switch {
	case id != 0:
		return 0, "", fmt.Errorf("snapshot %d: %w", id, store.ErrNotFound)
	case subset == "":
		return 0, h.list[0], nil
	case !slices.Contains(h.list, subset):
		return 0, "", &epoch.InputError{Kind: epoch.InputNoSubset, Path: publish.DisplayName(h.location), Subset: subset, Available: h.subsets()}
	}
	return 0, subset, nil
}

// load reads a subset of the source; the default one is kept from start.
func (h *sourceHoldings) load(ctx context.Context, _ int64, subset string) (*entry, error) {
	if h.first != nil && subset == h.list[0] {
		return h.first, nil
	}
	raw := &publish.RawCollector{}
	opt := h.opt
	opt.Subset, opt.OnRow = subset, raw.Add
	ds, err := epoch.Load(ctx, h.location, h.c.Rules, opt)
	if err != nil {
		return nil, err
	}
	return &entry{ds: ds, raw: raw}, nil
}

// snapshots is the source's snapshot with every file it serves, of every
// subset, each read once (with its SHA-256) and kept for the pages that
// ask for it.
func (h *sourceHoldings) snapshots(ctx context.Context) ([]*census.Snapshot, error) {
	s := h.first.ds.Snapshot
	s.Files, s.Rows = nil, 0
	for _, subset := range h.list {
		ds, _, err := h.c.Dataset(ctx, 0, subset)
		if err != nil {
			return nil, err
		}
		for _, f := range ds.Snapshot.Files {
			s.Files, s.Rows = append(s.Files, f), s.Rows+f.Rows
		}
	}
	return []*census.Snapshot{&s}, nil
}

func (h *sourceHoldings) subsets() []string { return slices.Clone(h.list) }

// errNoSnapshots is an empty store.
var errNoSnapshots = errors.New("no snapshot is stored yet: run modelcensus pull")

func noSnapshots(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w (%v)", errNoSnapshots, err)
	}
	return err
}
