package snapshots

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// Figures that History follows.
const (
	FigurePerYear = "per-year" // models per publication year, every year of the period
	FigureCount   = "count"    // models published in one year
	FigureCountry = "country"  // one country's count for one year
	FigureTop     = "top"      // the top-compute model of one year
)

// HistoryOptions choose the figure and the rules.
type HistoryOptions struct {
	Figure  string
	Subset  string
	Year    int    // for count, country and top
	Country string // ISO code, for country
	// From and To bound the years of per-year (defaults: 2018, or the
	// first later year in which a snapshot counts a model, to the latest
	// snapshot's year).
	From, To int
	Census   census.Options
	// Overlay, when set, is applied to every snapshot's census.
	Overlay *census.Overlay
	// Explain annotates each step with the models behind it (Point.Explain).
	Explain bool
	// ToolVersion is modelcensus's version. A stored snapshot's figures
	// are kept in the store's figure cache under a key that holds it, the
	// rules version, the subset, the options and the overlay, so that a
	// history computes each snapshot once; a new version computes afresh.
	ToolVersion string
}

// NeedsError is a figure followed without an option it needs: Flag is
// --year (count, country and top) or --country (country).
type NeedsError struct{ Figure, Flag string }

// Error says what is missing, in English.
func (e *NeedsError) Error() string { return "figure " + e.Figure + " needs " + e.Flag }

// Check says whether opt names a figure History can follow: a
// *census.OptionError for a figure not among FigurePerYear, FigureCount,
// FigureCountry and FigureTop (Option "figure"), or for a Year outside
// census.YearMin..YearMax (Option "year"); a *NeedsError for a figure
// without the year or the country it needs.
func (opt HistoryOptions) Check() error {
	switch opt.Figure {
	case FigurePerYear, FigureCount, FigureCountry, FigureTop:
	default:
		return &census.OptionError{Option: "figure", Value: opt.Figure, Code: census.OptionChoice,
			Choices: []string{FigurePerYear, FigureCount, FigureCountry, FigureTop}}
	}
	if opt.Year != 0 && (opt.Year < census.YearMin || opt.Year > census.YearMax) {
		return &census.OptionError{Option: "year", Value: strconv.Itoa(opt.Year), Code: census.OptionYear}
	}
	if opt.Figure != FigurePerYear && opt.Year == 0 {
		return &NeedsError{Figure: opt.Figure, Flag: "--year"}
	}
	if opt.Figure == FigureCountry && opt.Country == "" {
		return &NeedsError{Figure: opt.Figure, Flag: "--country"}
	}
	return nil
}

// Point is one snapshot's value of the figure.
type Point struct {
	Snapshot int64  `json:"snapshot"`
	Date     string `json:"date"`
	// Source is the folder read, for a history over an archive folder.
	Source string `json:"source,omitempty"`
	// Counts is set for per-year: one count per year.
	Counts []census.YearCount `json:"counts,omitempty"`
	// Count is set for count and country.
	Count *float64 `json:"count,omitempty"`
	// Top is set for top (nil when the year has no model with compute).
	Top *census.TopModel `json:"top,omitempty"`
	// Files are the files the figure was counted from.
	Files []string `json:"files,omitempty"`
	// Break, when set, says that the dataset behind the subset changed at
	// this step (another kind of file: "compute_intensive_systems.csv →
	// large_scale_ai_models.csv"): a break in the series, not drift.
	Break string `json:"break,omitempty"`
	// Explain, with HistoryOptions.Explain, is the step from the previous
	// point, each key of the figure with the models behind its change
	// (census.Explain).
	Explain []census.Explanation `json:"explain,omitempty"`
}

// History is a figure across the stored snapshots, oldest first.
type History struct {
	Figure  string  `json:"figure"`
	Subset  string  `json:"subset"`
	Year    int     `json:"year,omitempty"`
	Country string  `json:"country,omitempty"`
	From    int     `json:"from,omitempty"`
	To      int     `json:"to,omitempty"`
	Points  []Point `json:"points"`
	// Skipped lists the snapshots without the subset.
	Skipped []SnapshotRef `json:"skipped"`
}

// Follow computes a figure for every stored snapshot: FollowRefs over
// the store's snapshots, oldest first.
func Follow(ctx context.Context, st *store.Store, rules *census.Rules, opt HistoryOptions) (*History, error) {
	refs, err := StoredRefs(ctx, st)
	if err != nil {
		return nil, err
	}
	return FollowRefs(ctx, rules, refs, opt)
}

// StoredRefs are the refs of every snapshot of st, oldest first. Its
// errors are the store's.
func StoredRefs(ctx context.Context, st *store.Store) ([]*Ref, error) {
	snaps, err := st.Snapshots(ctx)
	if err != nil {
		return nil, err
	}
	refs := make([]*Ref, len(snaps))
	for i, s := range snaps {
		refs[i] = Stored(st, s)
	}
	return refs, nil
}

// FollowRefs computes a figure for every snapshot of refs (stored ones, or
// the dated folders of an archive: see Archive), in the order given. A
// snapshot without the subset is listed in Skipped. Its errors are a bad
// figure or missing --year or --country, and those of reading a snapshot.
func FollowRefs(ctx context.Context, rules *census.Rules, snaps []*Ref, opt HistoryOptions) (*History, error) {
	if opt.Figure == "" {
		opt.Figure = FigurePerYear
	}
	if err := opt.Check(); err != nil {
		return nil, err
	}
	if opt.Subset == "" {
		// Every snapshot must hold the same kind of file; a snapshot of a
		// single notable file is not taken whole here.
		opt.Subset = epoch.SubsetLargeScale
	}
	h := &History{Figure: opt.Figure, Year: opt.Year, Country: opt.Country, Points: []Point{}, Skipped: []SnapshotRef{}}
	if opt.Figure == FigurePerYear {
		h.From, h.To = opt.From, opt.To
		if h.From == 0 {
			h.From = 2018
		}
		if h.To == 0 && len(snaps) > 0 {
			h.To = snaps[len(snaps)-1].Date.Year()
		}
		if h.To < h.From {
			h.To = h.From
		}
	}
	var prevDS *census.Dataset
	var prevRaw map[string]*rawModel
	var prevFamily string
	co := h.censusOptions(opt)
	cache := newFigureCache(ctx, snaps, rules, opt, co)
	for _, snap := range snaps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if c, ok := cache.get(snap); ok {
			if c.Skipped {
				h.Skipped = append(h.Skipped, snap.ref(nil))
				continue
			}
			h.Subset = c.Subset
			p := c.point(snap, opt, h.From, h.To)
			if prevFamily != "" && c.Family != prevFamily {
				p.Break = strings.Join(h.Points[len(h.Points)-1].Files, ", ") + " → " + strings.Join(p.Files, ", ")
			}
			prevFamily = c.Family
			h.Points = append(h.Points, p)
			continue
		}
		var ds *census.Dataset
		var raws map[string]*rawModel
		var err error
		if opt.Explain {
			ds, raws, err = collect(ctx, snap, rules, opt.Subset, opt.Overlay)
		} else {
			ds, err = snap.Load(ctx, rules, epoch.LoadOptions{Subset: opt.Subset, Overlay: opt.Overlay})
		}
		var ie *epoch.InputError
		if errors.As(err, &ie) && ie.Kind == epoch.InputNoSubset {
			h.Skipped = append(h.Skipped, snap.ref(nil))
			cache.put(snap, cachedPoint{Skipped: true})
			continue
		}
		if err != nil {
			return nil, err
		}
		h.Subset = ds.Snapshot.Subset
		c, err := figuresOf(ds, co)
		if err != nil {
			return nil, err
		}
		sr := snap.ref(ds)
		p := Point{Snapshot: sr.ID, Date: sr.Date, Source: sr.Source, Files: c.Files}
		family := c.Family
		if prevFamily != "" && family != prevFamily {
			p.Break = strings.Join(h.Points[len(h.Points)-1].Files, ", ") + " → " + strings.Join(p.Files, ", ")
		}
		if opt.Explain && prevDS != nil {
			renames := map[string]string{}
			for _, rn := range matchRenames(prevRaw, raws) {
				renames[rn.From] = rn.To
			}
			all, err := census.Explain(prevDS, ds, co, renames)
			if err != nil {
				return nil, err
			}
			p.Explain = followed(all, opt)
		}
		prevDS, prevRaw, prevFamily = ds, raws, family
		// The figure is read as the cache keeps it, so that a history
		// from the cache and one computed agree.
		c.Date = sr.Date
		cache.put(snap, c)
		fp := c.point(snap, opt, h.From, h.To)
		p.Counts, p.Count, p.Top = fp.Counts, fp.Count, fp.Top
		h.Points = append(h.Points, p)
	}
	if opt.Figure == FigurePerYear && opt.From == 0 {
		h.trimEmptyYears()
	}
	return h, nil
}

// ExplainStep explains one step of a history over the store: the models
// behind the change of opt's figure from the stored snapshot from to the
// stored snapshot to (ids), as FollowRefs with Explain gives that step.
// A history followed without Explain reads its points from the figure
// cache; a page that shows one step's causes asks for that step alone,
// reading two snapshots instead of all. The result is nil when either
// snapshot lacks the subset; the errors are a snapshot not in the store
// (store.ErrNotFound) and those of FollowRefs.
func ExplainStep(ctx context.Context, st *store.Store, rules *census.Rules, from, to int64, opt HistoryOptions) ([]census.Explanation, error) {
	var refs []*Ref
	for _, id := range []int64{from, to} {
		snap, err := st.Snapshot(ctx, id)
		if err != nil {
			return nil, err
		}
		refs = append(refs, Stored(st, snap))
	}
	opt.Explain = true
	h, err := FollowRefs(ctx, rules, refs, opt)
	if err != nil || len(h.Points) != 2 {
		return nil, err
	}
	return h.Points[1].Explain, nil
}

// censusOptions are the counting options of every point: the period is
// the history's years for per-year, else the one year followed.
func (h *History) censusOptions(opt HistoryOptions) census.Options {
	co := opt.Census
	co.From, co.To = opt.Year, opt.Year
	if opt.Figure == FigurePerYear {
		co.From, co.To = h.From, h.To
	}
	return co
}

// followed keeps the explanations of the figure a history follows.
func followed(all []census.Explanation, opt HistoryOptions) []census.Explanation {
	out := []census.Explanation{}
	for _, e := range all {
		keep := false
		switch opt.Figure {
		case FigurePerYear:
			keep = e.Figure == census.FigurePerYear
		case FigureCount:
			keep = e.Figure == census.FigureTotal
		case FigureCountry:
			keep = e.Figure == census.FigureCountriesLatest && e.Key == opt.Country
		case FigureTop:
			keep = e.Figure == census.FigureTopComputeLatest
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
}

// trimEmptyYears drops the first years in which no snapshot counts a
// model, when the user did not choose where to start.
func (h *History) trimEmptyYears() {
	first := h.To
	for _, p := range h.Points {
		for _, c := range p.Counts {
			if c.Count > 0 && c.Year < first {
				first = c.Year
			}
		}
	}
	if first <= h.From {
		return
	}
	h.From = first
	for i := range h.Points {
		counts := h.Points[i].Counts[:0:0]
		for _, c := range h.Points[i].Counts {
			if c.Year >= first {
				counts = append(counts, c)
			}
		}
		h.Points[i].Counts = counts
	}
}
