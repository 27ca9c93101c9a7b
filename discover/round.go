package discover

import (
	"context"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/store"
)

// Round is one discovery run into a store's review queue: what the
// snapshot and the overlay make known (Base), the sources asked (Find)
// and the candidates queued (Queue). How the snapshot and the overlay are
// read, and how a failure is worded, are the caller's: its funcs.
type Round struct {
	// Sources are asked in order.
	Sources []Source
	// Extra are developer ids watched besides the built-in watchlist (a
	// --watchlist file's, ReadWatchlist).
	Extra []string
	// MinCompute is the training compute (FLOP) below which a candidate
	// is dropped (Options.MinCompute).
	MinCompute float64
	// Now is the current time: the date of candidates first seen.
	Now func() time.Time
	// Read reads the snapshot's rows, each given to onRow; Overlay reads
	// the overlay in use (nil for none). Their errors end the round as
	// they are.
	Read    func(ctx context.Context, onRow func(*census.Raw)) error
	Overlay func() (*census.Overlay, error)
	// Warn is told of each source, and each model's detail, that fails
	// (Find).
	Warn func(source string, err error)
}

// RoundResult is what a round found: the candidates that await review
// (Queue's), how many were new to the queue, how many models were set
// aside (derivatives), and how many sources failed with nothing found.
type RoundResult struct {
	Candidates []Candidate
	Added      int
	Aside      int
	Failed     int
}

// Run runs the round into st's review queue. Its error is Read's,
// Overlay's or ctx's (when it ends while the sources are asked) as they
// are, or the store's, wrapped in a *QueueError.
func (r *Round) Run(ctx context.Context, st *store.Store) (*RoundResult, error) {
	base := NewBase(r.Extra)
	if err := r.Read(ctx, base.AddRow); err != nil {
		return nil, err
	}
	ov, err := r.Overlay()
	if err != nil {
		return nil, err
	}
	base.AddOverlay(ov)
	cands, aside, failed, err := Find(ctx, r.Sources, base, Options{MinCompute: r.MinCompute, Now: r.Now()}, r.Warn)
	if err != nil {
		return nil, err
	}
	cands, added, err := Queue(ctx, st, cands, r.Now())
	if err != nil {
		return nil, &QueueError{Err: err}
	}
	return &RoundResult{Candidates: cands, Added: added, Aside: len(aside), Failed: failed}, nil
}

// QueueError is a failure of the store's review queue in a round (Queue):
// Err is the store's error.
type QueueError struct{ Err error }

func (e *QueueError) Error() string { return e.Err.Error() }
func (e *QueueError) Unwrap() error { return e.Err }
