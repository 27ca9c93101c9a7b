package overlay

import (
	"context"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
)

// Bring fills ov.Brought: for each add entry with From, the row of its
// model (by its name or an alias, census.MatchKey) from that subset of
// src, the first such row in file order. opt is how src's files are read
// (encoding, date format); its Subset, OnRow and RowsOnly are Bring's own.
// A subset src does not hold, or cannot read, brings nothing: the entry's
// own cells stand, and `curate check` says so. An overlay with no such
// entry is left as it is.
func Bring(ctx context.Context, src *epoch.Source, rules *census.Rules, opt epoch.LoadOptions, ov *census.Overlay) {
	if ov == nil || src == nil {
		return
	}
	want := wanted(ov)
	if len(want) == 0 {
		return
	}
	ov.Brought = map[string]census.Raw{}
	for subset, keys := range want {
		o := opt
		o.Subset, o.RowsOnly, o.Overlay = subset, true, nil
		o.OnRow = func(raw *census.Raw) {
			if id, ok := keys[census.MatchKey(raw.Get(census.FieldName))]; ok {
				if _, have := ov.Brought[id]; !have {
					ov.Brought[id] = *raw
				}
			}
		}
		_, _ = src.Load(ctx, rules, o)
	}
}

// wanted is, by subset, the match keys of the names and aliases of the
// add entries with From, each to its entry's id.
func wanted(ov *census.Overlay) map[string]map[string]string {
	want := map[string]map[string]string{}
	for _, e := range ov.Entries {
		if e.Kind != census.EntryAdd || e.From == "" {
			continue
		}
		if want[e.From] == nil {
			want[e.From] = map[string]string{}
		}
		for _, n := range append([]string{e.Model}, e.Aliases...) {
			want[e.From][census.MatchKey(n)] = e.ID
		}
	}
	return want
}

// Brings reports whether ov has an add entry with From, that Bring would
// look for.
func Brings(ov *census.Overlay) bool { return ov != nil && len(wanted(ov)) > 0 }

// BringFrom is Bring over the source at location, opened with
// opt.OpenOptions; a source that cannot be opened brings nothing.
func BringFrom(ctx context.Context, location string, rules *census.Rules, opt epoch.LoadOptions, ov *census.Overlay) {
	if !Brings(ov) {
		return
	}
	src, err := epoch.Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return
	}
	defer src.Close()
	Bring(ctx, src, rules, opt, ov)
}
