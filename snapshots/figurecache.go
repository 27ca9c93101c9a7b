package snapshots

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/store"
)

// cachedPoint is what a history keeps of one stored snapshot in the
// store's figure cache: every figure it can follow, for one set of
// options, so that the next history over the same snapshots reads these
// instead of the files.
type cachedPoint struct {
	Skipped   bool               `json:"skipped,omitempty"`
	Subset    string             `json:"subset,omitempty"`
	Date      string             `json:"date,omitempty"`
	Files     []string           `json:"files,omitempty"`
	Family    string             `json:"family,omitempty"`
	PerYear   []census.YearCount `json:"per_year,omitempty"`
	Total     int                `json:"total"`
	Countries map[string]float64 `json:"countries,omitempty"`
	Top       *census.TopModel   `json:"top,omitempty"`
}

// newCachedPoint keeps what a snapshot's census r gives every figure.
func newCachedPoint(ds *census.Dataset, r *census.Result, p Point, family string) cachedPoint {
	c := cachedPoint{Subset: ds.Snapshot.Subset, Date: p.Date, Files: p.Files, Family: family,
		PerYear: r.PerYear, Total: r.Total, Countries: map[string]float64{}}
	for _, cc := range r.CountriesLatest {
		c.Countries[cc.Code] = cc.Count
	}
	if len(r.TopComputeLatest) > 0 {
		t := r.TopComputeLatest[0]
		c.Top = &t
	}
	return c
}

// point is the history's point of the figure opt follows.
func (c cachedPoint) point(snap *Ref, opt HistoryOptions) Point {
	p := Point{Snapshot: snap.ID, Date: c.Date, Source: snap.Location, Files: c.Files}
	switch opt.Figure {
	case FigurePerYear:
		p.Counts = c.PerYear
	case FigureCount:
		v := float64(c.Total)
		p.Count = &v
	case FigureCountry:
		v := c.Countries[opt.Country]
		p.Count = &v
	case FigureTop:
		p.Top = c.Top
	}
	return p
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
	overlay := ""
	if opt.Overlay != nil {
		overlay = opt.Overlay.Hash
	}
	k, _ := json.Marshal(struct {
		Format      int
		Tool, Rules string
		Subset      string
		Options     census.Options
		Overlay     string
	}{1, opt.ToolVersion, rules.Version, opt.Subset, co, overlay})
	sum := sha256.Sum256(k)
	c := &figureCache{ctx: ctx, st: st, key: hex.EncodeToString(sum[:])}
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
