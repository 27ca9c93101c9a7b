package heap

import (
	"os"
	"runtime"
	"runtime/debug"
)

// Prepare readies the heap for a process that will allocate quickly and
// exit soon. Call it once, first thing in main.
//
// The first budget bytes of heap growth are backed by transparent huge
// pages where the system allows it (Linux in THP "madvise" or "always"
// mode): one page fault per 2 MiB instead of one per 4 KiB. The Go runtime
// no longer asks for huge pages itself; Prepare reserves that stretch of
// heap, asks, and frees it again. Memory is only used when the program
// allocates it.
//
// Nor does the collector run until the heap reaches budget: a run that
// allocates less never collects. The first collection puts the collector
// back to its usual pace (GOGC), so that memory still grows with what the
// program keeps, not with what it has allocated. A GOGC set in the
// environment is left alone.
func Prepare(budget int) {
	if budget <= 0 {
		return
	}
	// The collector's first goal is at least 4 MiB x GOGC/100.
	const minGoal = 4 << 20
	percent := 100 * budget / minGoal
	pace := os.Getenv("GOGC") == "" && percent > 100
	old := 0
	if pace {
		old = debug.SetGCPercent(percent)
	}
	if supported {
		b := make([]byte, budget-minGoal)
		advise(b)
		b = nil
		runtime.GC() // free the block now, for the allocations that follow
	}
	if pace {
		restoreAfterGC(old)
	}
}

// restoreAfterGC sets the GC percent back to old once the first
// collection has run, from the finalizer of an object that only a
// collection can find dead.
func restoreAfterGC(old int) {
	s := &sentinel{}
	runtime.SetFinalizer(s, func(*sentinel) { debug.SetGCPercent(old) })
}

// sentinel holds a pointer so that it is not placed in the tiny allocator,
// whose objects may never be finalized.
type sentinel struct{ _ *int }
