package heap

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// Prepare raises the collector's first goal to the budget, and the first
// collection puts the usual pace back.
func TestPrepare(t *testing.T) {
	t.Setenv("GOGC", "")
	before := gcPercent()
	defer debug.SetGCPercent(before)
	Prepare(32 << 20)
	if got := gcPercent(); got != 800 {
		t.Fatalf("GC percent after Prepare(32 MiB) = %d, want 800", got)
	}
	// Allocate and drop more than the budget: the heap keeps working.
	for i := 0; i < 64; i++ {
		b := make([]byte, 1<<20)
		b[0] = byte(i)
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for gcPercent() != before {
		if time.Now().After(deadline) {
			t.Fatalf("GC percent still %d after a collection, want %d", gcPercent(), before)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// A GOGC in the environment is the user's: Prepare leaves the pace alone.
func TestPrepareKeepsGOGC(t *testing.T) {
	t.Setenv("GOGC", "50")
	before := gcPercent()
	Prepare(32 << 20)
	if got := gcPercent(); got != before {
		t.Errorf("GC percent %d, want %d (GOGC set)", got, before)
	}
	Prepare(0) // nothing to do
}
