package retry

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// MaxWait caps what a Retry-After may ask: a longer wait is not worth a
// run.
const MaxWait = 2 * time.Minute

// Sleep waits d, or until ctx ends (then it returns ctx's error).
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Do calls attempt until it succeeds (a nil error), fails for good (retry
// false), or has been retried retries times; it then returns attempt's
// last error. Between attempts it waits backoff, doubled each time, or the
// wait attempt asks for (a Retry-After) when that is longer, through sleep
// (Sleep when nil); a wait that ctx cancels returns ctx's error.
func Do(ctx context.Context, retries int, backoff time.Duration, sleep func(context.Context, time.Duration) error,
	attempt func() (wait time.Duration, retry bool, err error)) error {
	if sleep == nil {
		sleep = Sleep
	}
	for n := 0; ; n++ {
		wait, again, err := attempt()
		if err == nil || !again || n >= retries {
			return err
		}
		if err := sleep(ctx, max(backoff<<n, wait)); err != nil {
			return err
		}
	}
}

// After reads a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an
// HTTP date. It returns 0 for an empty, bad or past value, and at most
// MaxWait.
func After(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		// Compared in seconds: 9,300,000,000 s times time.Second would
		// overflow to a negative wait.
		if int64(s) >= int64(MaxWait/time.Second) {
			return MaxWait
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 && d <= MaxWait {
			return d
		}
	}
	return 0
}
