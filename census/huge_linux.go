package census

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks Linux to back a large, not yet touched allocation with
// transparent huge pages where the system allows it (THP "madvise" mode):
// one page fault per 2 MiB instead of one per 4 KiB. It is only a hint; the
// memory stays the Go heap's.
func adviseHuge(p unsafe.Pointer, size uintptr) {
	const huge = 2 << 20
	base := uintptr(p)
	skip := (huge - base%huge) % huge
	if size <= skip {
		return
	}
	n := (size - skip) &^ (huge - 1)
	if n == 0 {
		return
	}
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, skip)), n), 14 /* MADV_HUGEPAGE */)
}
