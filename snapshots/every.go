package snapshots

import (
	"context"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/every"
	"github.com/modelcensus/modelcensus/store"
)

// EveryOptions are how PullEvery repeats a pull and what it tells its
// caller. Every callback must be set.
type EveryOptions struct {
	// Every is the interval between pulls; 0 pulls once.
	Every time.Duration
	// Explain compares each new snapshot with the one before even without
	// Every, with explanations (CompareOptions.Explain): for a
	// notification of the change.
	Explain bool
	// Census is the period (From, To) a change is looked for in.
	Census census.Options
	// Pulled is told of each pull: its result, or, with Every, its error
	// (without Every the error is PullEvery's).
	Pulled func(res *PullResult, err error)
	// Changed is told, with Every or Explain, of each new snapshot's diff
	// from the newest one before it, or of the failure to compute it.
	Changed func(prev *census.Snapshot, d *Diff, err error)
	// Kept is told, with Every, after each pull, how many snapshots had
	// their figures for history kept under this version (KeepAllFigures:
	// all of them after an upgrade), or of the failure to keep them.
	Kept func(n int, err error)
	// Next is told, with Every, when the next pull is.
	Next func(at time.Time)
}

// PullEvery pulls location into st (Pull) once, or with eo.Every again
// and again until ctx ends, telling eo's callbacks what each pull did. It
// returns the error of a single pull; a repeated pull's errors go to
// eo.Pulled, and the loop goes on.
func PullEvery(ctx context.Context, st *store.Store, rules *census.Rules, location string, opt PullOptions, eo EveryOptions) error {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	prev, _ := st.Latest(ctx)
	run := func(ctx context.Context) error {
		res, err := Pull(ctx, st, rules, location, opt)
		if err != nil {
			if eo.Every == 0 {
				return err
			}
			eo.Pulled(nil, err)
		} else {
			eo.Pulled(res, nil)
			if (eo.Every > 0 || eo.Explain) && res.Created && prev != nil {
				d, err := CompareRefs(ctx, rules, Stored(st, prev), Stored(st, res.Snapshot), "",
					CompareOptions{Explain: eo.Explain, Census: eo.Census})
				eo.Changed(prev, d, err)
			}
			if res.Created {
				prev = res.Snapshot
			}
		}
		if eo.Every > 0 {
			n, err := KeepAllFigures(ctx, st, rules, opt.ToolVersion, opt.Overlay)
			if ctx.Err() != nil {
				return nil // stopped (Ctrl-C, or the service manager)
			}
			eo.Kept(n, err)
		}
		return nil
	}
	return every.Loop(ctx, eo.Every, now, run, func(err error) { eo.Pulled(nil, err) }, eo.Next)
}

// ChangeEvent is what a webhook receives, and a command reads on its
// standard input, when a pull moved a census figure (NewChangeEvent).
type ChangeEvent struct {
	// Event is "census_changed".
	Event string      `json:"event"`
	From  SnapshotRef `json:"from"`
	To    SnapshotRef `json:"to"`
	// Models counts the model-level changes of the diff.
	Models struct {
		Added   int `json:"added"`
		Removed int `json:"removed"`
		Renamed int `json:"renamed"`
		Changed int `json:"changed_fields"`
	} `json:"models"`
	// Figures are the census's figures before and after; Explain is every
	// change of a figure with the models behind it (diff --explain).
	Figures CensusDiff           `json:"figures"`
	Explain []census.Explanation `json:"explain"`
}

// NewChangeEvent is the change event of a diff.
func NewChangeEvent(d *Diff) ChangeEvent {
	ev := ChangeEvent{Event: "census_changed", From: d.A, To: d.B, Figures: d.Census, Explain: d.Explain}
	ev.Models.Added, ev.Models.Removed, ev.Models.Renamed, ev.Models.Changed = len(d.Added), len(d.Removed), len(d.Renamed), len(d.Changed)
	return ev
}
