package every

import (
	"context"
	"time"

	"github.com/modelcensus/modelcensus/internal/retry"
)

// Loop calls run once when d is 0, and returns its error. Otherwise it
// calls run, then every d again, until ctx ends, and returns nil: a run's
// error is given to failed and the loop goes on; before each wait, next
// is told when the next run is (now() plus d). A run that ends because
// ctx ended ends the loop without a next.
func Loop(ctx context.Context, d time.Duration, now func() time.Time, run func(context.Context) error, failed func(error), next func(at time.Time)) error {
	if d == 0 {
		return run(ctx)
	}
	for {
		if err := run(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			failed(err)
		}
		if ctx.Err() != nil {
			return nil
		}
		next(now().Add(d))
		if retry.Sleep(ctx, d) != nil {
			return nil
		}
	}
}

// Min is the shortest interval Loop is given: a shorter one would hammer
// the sources.
const Min = time.Second

// Valid reports whether d is an interval for Loop: 0 (run once) or at
// least Min.
func Valid(d time.Duration) bool { return d == 0 || d >= Min }
