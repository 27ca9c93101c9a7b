package discover

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/store"
)

// Base is what a discovery run knows before it asks the sources: the
// models of the snapshot and the overlay (Known), the Hugging Face
// developer ids to watch, and the largest training dataset of the
// snapshot's language models.
type Base struct {
	Known *Known
	// Watch is the developer ids to watch: the watchlist's (Watchlist),
	// the extra ones, then the snapshot's, each once, in that order.
	Watch []string
	// MaxTokens is the largest dataset size (tokens) of the snapshot's
	// language models, 0 when none is known (Options.MaxTokens).
	MaxTokens float64
	seen      map[string]bool
}

// NewBase returns a Base that watches the built-in watchlist and extra.
func NewBase(extra []string) *Base {
	b := &Base{Known: NewKnown(), Watch: append(Watchlist(), extra...), seen: map[string]bool{}}
	for _, w := range b.Watch {
		b.seen[w] = true
	}
	return b
}

// AddRow records a row of the snapshot: its model is known, its Hugging
// Face developers are watched, and a language model's dataset size counts
// towards MaxTokens (other domains' sizes are images, frames or
// episodes).
func (b *Base) AddRow(raw *census.Raw) {
	b.Known.AddName(raw.Get(census.FieldName))
	if strings.Contains(raw.Get(census.FieldDomain), "Language") {
		if v, ok := census.ParseNumber(raw.Get(census.FieldDatasetSize)); ok && v > b.MaxTokens {
			b.MaxTokens = v
		}
	}
	for _, d := range census.SplitList(raw.Get(census.FieldHFDeveloper)) {
		if !b.seen[d] {
			b.seen[d] = true
			b.Watch = append(b.Watch, d)
		}
	}
}

// AddOverlay records the models of an overlay's entries, by name and
// alias, as known; a nil overlay adds none.
func (b *Base) AddOverlay(ov *census.Overlay) {
	if ov == nil {
		return
	}
	for _, e := range ov.Entries {
		b.Known.AddName(e.Model)
		for _, a := range e.Aliases {
			b.Known.AddName(a)
		}
	}
}

// Find asks every source for the models of the watched developers, has a
// source that can say more of a model (a Detailer: the Hub's config and
// card) detail the candidates that could be large, and only them, and
// returns the candidates (Candidates, with opt.MaxTokens set from base)
// and the models set aside. A source that fails is given to warn and the
// others still count; failed is how many sources failed with nothing
// found. A detail that fails leaves the model as the listing gave it; the
// error returned is ctx's, when it ends.
func Find(ctx context.Context, sources []Source, base *Base, opt Options, warn func(source string, err error)) (cands []Candidate, aside []Found, failed int, err error) {
	var found []Found
	for _, s := range sources {
		f, err := s.Find(ctx, base.Watch)
		found = append(found, f...)
		if err != nil {
			warn(s.Name(), err)
			if len(f) == 0 {
				failed++
			}
		}
	}
	opt.MaxTokens = base.MaxTokens
	detailers := map[string]Detailer{}
	for _, s := range sources {
		if d, ok := s.(Detailer); ok {
			detailers[s.Name()] = d
		}
	}
	for i := range found {
		if d := detailers[found[i].Source]; d != nil && NeedsDetail(found[i], base.Known, opt) {
			if err := d.Detail(ctx, &found[i]); err != nil {
				if ctx.Err() != nil {
					return nil, nil, failed, ctx.Err()
				}
				warn(found[i].Source, err)
			}
		}
	}
	cands, aside = Candidates(found, base.Known, opt)
	return cands, aside, failed, nil
}

// AcceptedEntry is the overlay add entry of a queued candidate (its Data
// as Queue writes it, decoded): Candidate.Entry with the reviewer's author
// and reason, dated today (YYYY-MM-DD). Its error is encoding/json's.
func AcceptedEntry(qc *store.QueuedCandidate, author, reason, today string) (census.Entry, error) {
	var c Candidate
	if err := json.Unmarshal(qc.Data, &c); err != nil {
		return census.Entry{}, err
	}
	return c.Entry(author, reason, today), nil
}

// Queue puts every candidate in st's review queue (a candidate already
// there keeps its status) and returns those that await review (StatusNew),
// each with its status and the date it was first seen, and how many were
// new to the queue. A rejected or snoozed candidate stays in the queue,
// out of the way, and an accepted one is an overlay entry.
func Queue(ctx context.Context, st *store.Store, cands []Candidate, now time.Time) (proposed []Candidate, added int, err error) {
	var queue []store.QueuedCandidate
	for _, c := range cands {
		data, _ := json.Marshal(c)
		queue = append(queue, store.QueuedCandidate{ID: c.ID, Name: c.Name, Reason: c.Reason, Data: data})
	}
	added, err = st.QueueCandidates(ctx, queue, now)
	if err != nil {
		return nil, 0, err
	}
	queued, err := st.Candidates(ctx, "")
	if err != nil {
		return nil, 0, err
	}
	status := map[string]store.QueuedCandidate{}
	for _, q := range queued {
		status[q.ID] = q
	}
	proposed = []Candidate{}
	for _, c := range cands {
		q := status[c.ID]
		c.Status, c.FirstSeen = q.Status, q.FirstSeen.Format("2006-01-02")
		if c.Status == StatusNew {
			proposed = append(proposed, c)
		}
	}
	return proposed, added, nil
}
