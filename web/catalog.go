// Package web serves the census over HTTP: a JSON API under /api/v1/ and a
// dashboard of server-rendered pages, from one snapshot store or one source.
package web

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
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

	mu    sync.Mutex
	cache map[key]*entry
}

type key struct {
	id     int64
	subset string
}

// entry is a loaded dataset with the raw cells of its models.
type entry struct {
	ds  *census.Dataset
	raw *publish.RawCollector
	err error
	ok  chan struct{}
}

// NewSourceCatalog reads a source's default subset (opt.Subset, or as
// report chooses) at once and serves it; the other subsets the source
// holds are read when first asked for. Its errors are reading the source's.
func NewSourceCatalog(ctx context.Context, rules *census.Rules, location string, opt epoch.LoadOptions) (*Catalog, error) {
	opt.Checksum = true // the Snapshots page names each file's SHA-256
	c := &Catalog{Rules: rules, location: location, opt: opt, cache: map[key]*entry{}}
	ds, raw, err := c.readSource(ctx, opt.Subset)
	if err != nil {
		return nil, err
	}
	e := &entry{ds: ds, raw: raw, ok: make(chan struct{})}
	close(e.ok)
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
	c.cache[key{0, ds.Snapshot.Subset}] = e
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
	return &Catalog{Rules: rules, Store: st, cache: map[key]*entry{}}
}

// maxCached bounds the datasets kept in memory.
const maxCached = 8

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
	k := key{id, subset}
	c.mu.Lock()
	e, ok := c.cache[k]
	if !ok {
		if len(c.cache) >= maxCached {
			for old := range c.cache {
				delete(c.cache, old)
				break
			}
		}
		e = &entry{ok: make(chan struct{})}
		c.cache[k] = e
		c.mu.Unlock()
		e.ds, e.raw, e.err = c.load(context.WithoutCancel(ctx), id, subset)
		close(e.ok)
		if e.err != nil {
			c.mu.Lock()
			delete(c.cache, k)
			c.mu.Unlock()
		}
	} else {
		c.mu.Unlock()
	}
	select {
	case <-e.ok:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	return e.ds, e.raw, e.err
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
