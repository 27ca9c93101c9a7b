package snapshots

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// cachedPoint is what a history keeps of one stored snapshot in the
// store's figure cache: every figure it can follow for every year, under
// one set of counting options, so that any later history over the same
// snapshots, of any figure and year, reads these instead of the files.
type cachedPoint struct {
	Skipped bool                       `json:"skipped,omitempty"`
	Subset  string                     `json:"subset,omitempty"`
	Date    string                     `json:"date,omitempty"`
	Files   []string                   `json:"files,omitempty"`
	Family  string                     `json:"family,omitempty"`
	Years   map[int]census.YearFigures `json:"years,omitempty"`
}

// figuresOf computes what the figure cache keeps of a snapshot's dataset
// under the counting options co (whose period is ignored: every year is
// kept). Its errors are census.ByYear's.
func figuresOf(ds *census.Dataset, co census.Options) (cachedPoint, error) {
	years, err := census.ByYear(ds, co)
	if err != nil {
		return cachedPoint{}, err
	}
	c := cachedPoint{Subset: ds.Snapshot.Subset, Date: ds.Snapshot.Date.Format("2006-01-02"), Years: years}
	var names []string
	for _, f := range ds.Snapshot.Files {
		c.Files = append(c.Files, census.FileName(f.Name))
		names = append(names, epoch.DatasetFamily(f.Name))
	}
	c.Family = strings.Join(names, "+")
	return c, nil
}

// point is the history's point of the figure opt follows; from and to are
// the years of a per-year history.
func (c cachedPoint) point(snap *Ref, opt HistoryOptions, from, to int) Point {
	p := Point{Snapshot: snap.ID, Date: c.Date, Source: snap.Location, Files: c.Files}
	switch opt.Figure {
	case FigurePerYear:
		p.Counts = make([]census.YearCount, 0, to-from+1)
		for y := from; y <= to; y++ {
			p.Counts = append(p.Counts, census.YearCount{Year: y, Count: c.Years[y].Total})
		}
	case FigureCount:
		v := float64(c.Years[opt.Year].Total)
		p.Count = &v
	case FigureCountry:
		v := c.Years[opt.Year].Countries[opt.Country]
		p.Count = &v
	case FigureTop:
		p.Top = c.Years[opt.Year].Top
	}
	return p
}

// figureKey is the figure cache's key for the figures of a subset under
// the tool and rules versions, the counting options co and an overlay's
// hash ("" for none): of co, only what changes a year's count, countries
// or top model.
func figureKey(tool, rulesVersion, subset string, co census.Options, overlay string) (string, error) {
	if err := co.Validate(); err != nil {
		return "", err
	}
	k, err := json.Marshal(struct {
		Format              int
		Tool, Rules, Subset string
		Attribution         census.Attribution
		CountryBy           census.CountryBy
		MinCompute          float64
		Overlay             string
	}{2, tool, rulesVersion, subset, co.Attribution, co.CountryBy, co.MinCompute, overlay})
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(k)
	return hex.EncodeToString(sum[:]), nil
}

// keptFigures are the figures of a snapshot being imported, computed for
// the figure cache on another goroutine while the import runs.
type keptFigures struct {
	done   chan struct{}
	points map[string]cachedPoint // by figure cache key
}

// startFigures computes, on another goroutine, for each subset of files,
// the figures every history of it follows under the default counting
// options, with no overlay and with overlay (when not nil): from what is
// being stored (the files' bytes), read as
// Ref.Load reads a stored snapshot. keep stores them once the snapshot
// is stored. It is a cache: what fails is left for a history to compute.
func startFigures(ctx context.Context, rules *census.Rules, snap census.Snapshot, contents []store.Content, tool string, overlay *census.Overlay) *keptFigures {
	k := &keptFigures{done: make(chan struct{}), points: map[string]cachedPoint{}}
	mem := source(&snap, func(i int) ([]byte, error) { return contents[i].Bytes, nil })
	date, basis, path := snap.Date, snap.DateBasis, snap.DatePath
	go func() {
		defer close(k.done)
		for _, subset := range census.Subsets(snap.Files) {
			for _, ov := range overlays(overlay) {
				key, err := figureKey(tool, rules.Version, subset, census.Options{}, overlayHash(ov))
				if err != nil {
					return
				}
				ds, err := mem.Load(ctx, rules, epoch.LoadOptions{Subset: subset, Overlay: ov, Date: date, DateBasis: basis, DatePath: path})
				if err != nil {
					continue
				}
				if c, err := figuresOf(ds, census.Options{}); err == nil {
					k.points[key] = c
				}
			}
		}
	}()
	return k
}

// overlays are the overlays figures are kept under: none, and overlay
// when there is one.
func overlays(overlay *census.Overlay) []*census.Overlay {
	if overlay == nil {
		return []*census.Overlay{nil}
	}
	return []*census.Overlay{nil, overlay}
}

// overlayHash names an overlay in a figure cache key ("" for none).
func overlayHash(ov *census.Overlay) string {
	if ov == nil {
		return ""
	}
	return ov.Hash
}

// wait waits for the figures.
func (k *keptFigures) wait() { <-k.done }

// keep stores the figures of the stored snapshot id in the figure cache:
// a history over the store then reads them, of any figure and year,
// however many snapshots it follows.
func (k *keptFigures) keep(ctx context.Context, st *store.Store, id int64) {
	k.wait()
	for key, c := range k.points {
		_ = putFigures(ctx, st, key, id, c)
	}
}

// putFigures keeps a snapshot's figures under key.
func putFigures(ctx context.Context, st *store.Store, key string, id int64, c cachedPoint) error {
	v, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return st.PutFigure(ctx, key, id, v)
}

// KeepAllFigures keeps, for every stored snapshot and each subset it holds,
// the figures that pull keeps for a new snapshot (with no overlay, and
// with overlay when not nil), under tool's version, where the figure cache
// has none yet: after an upgrade, which keys the figures afresh, for
// snapshots imported by another version, or after the overlay changed. A
// long-running puller (pull --every) calls it, so that no history has to
// read every snapshot. It returns how many it computed (0 when all were
// kept); its errors are the store's and ctx's. A snapshot that cannot be
// read is left for a history to report.
func KeepAllFigures(ctx context.Context, st *store.Store, rules *census.Rules, tool string, overlay *census.Overlay) (int, error) {
	snaps, err := st.Snapshots(ctx)
	if err != nil {
		return 0, err
	}
	kept := map[string]map[int64][]byte{} // by key
	n := 0
	for _, snap := range snaps {
		for _, subset := range census.Subsets(snap.Files) {
			for _, ov := range overlays(overlay) {
				k, err := keepFigures(ctx, st, rules, snap, subset, tool, ov, kept)
				if err != nil {
					return n, err
				}
				if k {
					n++
				}
			}
		}
	}
	return n, nil
}

// keepFigures computes and keeps a stored snapshot's figures for subset
// under tool's version and ov, unless kept (the cache's values by key,
// read once a key) has them; it tells whether it kept them.
func keepFigures(ctx context.Context, st *store.Store, rules *census.Rules, snap *census.Snapshot, subset, tool string, ov *census.Overlay, kept map[string]map[int64][]byte) (bool, error) {
	key, err := figureKey(tool, rules.Version, subset, census.Options{}, overlayHash(ov))
	if err != nil {
		return false, err
	}
	have, ok := kept[key]
	if !ok {
		if have, err = st.CachedFigures(ctx, key); err != nil {
			return false, err
		}
		kept[key] = have
	}
	if _, ok := have[snap.ID]; ok {
		return false, nil
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	ds, err := Load(ctx, st, snap, rules, epoch.LoadOptions{Subset: subset, Overlay: ov})
	if err != nil {
		return false, nil
	}
	c, err := figuresOf(ds, census.Options{})
	if err != nil {
		return false, nil
	}
	if err := putFigures(ctx, st, key, snap.ID, c); err != nil {
		return false, err
	}
	return true, nil
}

// figureCache reads and writes the store's figure cache for one history:
// nil-safe, and silent (a store that cannot keep figures, such as a
// read-only replica's, computes them each time).
type figureCache struct {
	ctx  context.Context
	st   *store.Store
	key  string
	have map[int64][]byte
}

// newFigureCache reads what the store keeps for this history's key (co
// are the points' counting options); nil
// when nothing can be cached (no stored snapshot, or --explain, which
// needs the datasets).
func newFigureCache(ctx context.Context, snaps []*Ref, rules *census.Rules, opt HistoryOptions, co census.Options) *figureCache {
	if opt.Explain {
		return nil
	}
	var st *store.Store
	for _, s := range snaps {
		if s.st != nil {
			st = s.st
			break
		}
	}
	if st == nil {
		return nil
	}
	key, err := figureKey(opt.ToolVersion, rules.Version, opt.Subset, co, overlayHash(opt.Overlay))
	if err != nil {
		return nil
	}
	c := &figureCache{ctx: ctx, st: st, key: key}
	c.have, _ = st.CachedFigures(ctx, c.key)
	return c
}

// get returns the figures kept for a stored snapshot.
func (c *figureCache) get(snap *Ref) (cachedPoint, bool) {
	if c == nil || snap.st == nil {
		return cachedPoint{}, false
	}
	v, ok := c.have[snap.ID]
	if !ok {
		return cachedPoint{}, false
	}
	var p cachedPoint
	if err := json.Unmarshal(v, &p); err != nil {
		return cachedPoint{}, false
	}
	return p, true
}

// put keeps a stored snapshot's figures.
func (c *figureCache) put(snap *Ref, p cachedPoint) {
	if c == nil || snap.st != c.st {
		return
	}
	if v, err := json.Marshal(p); err == nil {
		_ = c.st.PutFigure(c.ctx, c.key, snap.ID, v)
	}
}
