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

// Catalog gives the server its data: the snapshots of a store, or a single
// source read once at start (snapshot id 0).
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

	// When serving a source: where it is, how to read it, the subsets it
	// holds (its default first), and each subset's dataset once read.
	location string
	opt      epoch.LoadOptions
	subsets  []string
	source   *entry // the default subset's dataset

	// cache keeps the parsed snapshots (and what a diff reads of them),
	// shared by every endpoint.
	cache *loaded
	// rows keeps, of each stored file asked for, the few cells of every
	// row that a model's history shows (snapshots.ModelRowsOf).
	rows *loaded
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

// NewSourceCatalog reads a source's default subset (opt.Subset, or as
// report chooses) at once and serves it; the other subsets the source
// holds are read when first asked for. Its errors are reading the source's.
func NewSourceCatalog(ctx context.Context, rules *census.Rules, location string, opt epoch.LoadOptions) (*Catalog, error) {
	opt.Checksum = true // the Snapshots page names each file's SHA-256
	c := &Catalog{Rules: rules, location: location, opt: opt, cache: newLoaded(MaxCached), rows: newLoaded(MaxCachedFiles)}
	ds, raw, err := c.readSource(ctx, opt.Subset)
	if err != nil {
		return nil, err
	}
	e := &entry{ds: ds, raw: raw}
	c.source = e
	c.subsets = []string{ds.Snapshot.Subset}
	src, err := epoch.Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if len(src.Files) > 1 {
		for _, f := range src.Files {
			if f.Subset != "" && !slices.Contains(c.subsets, f.Subset) {
				c.subsets = append(c.subsets, f.Subset)
			}
		}
	}
	c.cache.put(datasetKey(0, ds.Snapshot.Subset), e)
	return c, nil
}

// readSource reads one subset of the source.
func (c *Catalog) readSource(ctx context.Context, subset string) (*census.Dataset, *publish.RawCollector, error) {
	raw := &publish.RawCollector{}
	opt := c.opt
	opt.Subset, opt.OnRow = subset, raw.Add
	ds, err := epoch.Load(ctx, c.location, c.Rules, opt)
	return ds, raw, err
}

// Subsets lists the subsets that can be asked for: those the served
// source holds (its default first), or all of Epoch's for a store.
func (c *Catalog) Subsets() []string {
	if c.source != nil {
		return slices.Clone(c.subsets)
	}
	return []string{epoch.SubsetLargeScale, epoch.SubsetNotable, epoch.SubsetFrontier, epoch.SubsetAll}
}

// NewStoreCatalog serves the snapshots of a store.
func NewStoreCatalog(rules *census.Rules, st *store.Store) *Catalog {
	return &Catalog{Rules: rules, Store: st, cache: newLoaded(MaxCached), rows: newLoaded(MaxCachedFiles)}
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

// Dataset returns the dataset of a snapshot (0: the latest, or the source)
// and subset, loading it once.
func (c *Catalog) Dataset(ctx context.Context, id int64, subset string) (*census.Dataset, *publish.RawCollector, error) {
	if c.source != nil {
		if id != 0 {
			return nil, nil, fmt.Errorf("snapshot %d: %w", id, store.ErrNotFound)
		}
		if subset == "" || subset == c.source.ds.Snapshot.Subset {
			return c.source.ds, c.source.raw, nil
		}
		if !slices.Contains(c.subsets, subset) {
			return nil, nil, &epoch.InputError{Kind: epoch.InputNoSubset, Path: publish.DisplayName(c.location), Subset: subset,
				Available: c.Subsets()}
		}
	} else if id == 0 {
		latest, err := c.Store.Pick(ctx, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), subset)
		if err != nil {
			if subset == "" {
				err = noSnapshots(err)
			}
			return nil, nil, err
		}
		id = latest.ID
	}
	v, err := c.cache.get(ctx, datasetKey(id, subset), func(ctx context.Context) (any, error) {
		ds, raw, err := c.load(ctx, id, subset)
		if err != nil {
			return nil, err
		}
		return &entry{ds: ds, raw: raw}, nil
	})
	if err != nil {
		return nil, nil, err
	}
	e := v.(*entry)
	return e.ds, e.raw, nil
}

func (c *Catalog) load(ctx context.Context, id int64, subset string) (*census.Dataset, *publish.RawCollector, error) {
	if c.source != nil {
		return c.readSource(ctx, subset)
	}
	snap, err := c.Store.Snapshot(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	raw := &publish.RawCollector{}
	ds, err := snapshots.Load(ctx, c.Store, snap, c.Rules, epoch.LoadOptions{Subset: subset, OnRow: raw.Add, EstimateMissing: c.EstimateMissing, Overlay: c.Overlay})
	if err != nil {
		return nil, nil, err
	}
	return ds, raw, nil
}

// errNoSnapshots is an empty store.
var errNoSnapshots = errors.New("no snapshot is stored yet: run modelcensus pull")

func noSnapshots(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w (%v)", errNoSnapshots, err)
	}
	return err
}

// Snapshots lists the stored snapshots (one entry for a source).
func (c *Catalog) Snapshots(ctx context.Context) ([]*store.Snapshot, error) {
	if c.source != nil {
		// Every file the source serves, of every subset, each read once
		// (with its SHA-256) and kept for the pages that ask for it.
		s := c.source.ds.Snapshot
		var files []store.File
		rows := 0
		for _, subset := range c.subsets {
			ds, _, err := c.Dataset(ctx, 0, subset)
			if err != nil {
				return nil, err
			}
			for _, f := range ds.Snapshot.Files {
				files = append(files, store.File{Name: f.Name, Subset: f.Subset, Size: f.Size, SHA256: f.SHA256, HeaderVersion: f.HeaderVersion,
					Encoding: f.Encoding, Rows: f.Rows, Columns: f.Columns})
				rows += f.Rows
			}
		}
		return []*store.Snapshot{{ID: 0, Date: s.Date, DateBasis: s.DateBasis, Source: s.Source, Kind: s.Kind, Rows: rows, Files: files}}, nil
	}
	return c.Store.Snapshots(ctx)
}
