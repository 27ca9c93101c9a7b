package every

import (
	"context"
	"errors"
	"testing"
	"time"
)

// Once without an interval, returning the run's error; with one, again
// and again, each failure reported and the next run announced, until the
// context ends.
func TestLoop(t *testing.T) {
	boom := errors.New("boom")
	runs := 0
	err := Loop(context.Background(), 0, time.Now, func(context.Context) error { runs++; return boom },
		func(error) { t.Error("failed called without an interval") }, func(time.Time) { t.Error("next called without an interval") })
	if runs != 1 || err != boom {
		t.Fatalf("once: %d runs, error %v", runs, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	runs = 0
	var failures int
	var nexts []time.Time
	err = Loop(ctx, time.Millisecond, func() time.Time { return start }, func(context.Context) error {
		runs++
		if runs == 3 {
			cancel()
			return nil
		}
		return boom
	}, func(e error) {
		if e != boom {
			t.Errorf("failed with %v", e)
		}
		failures++
	}, func(at time.Time) { nexts = append(nexts, at) })
	if err != nil || runs != 3 || failures != 2 || len(nexts) != 2 || !nexts[0].Equal(start.Add(time.Millisecond)) {
		t.Errorf("loop: error %v, %d runs, %d failures, nexts %v", err, runs, failures, nexts)
	}
}

func TestValid(t *testing.T) {
	for d, want := range map[time.Duration]bool{0: true, time.Second: true, 24 * time.Hour: true, -time.Second: false, 500 * time.Millisecond: false} {
		if Valid(d) != want {
			t.Errorf("Valid(%v) = %v", d, !want)
		}
	}
}
