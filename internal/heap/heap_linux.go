package heap

import (
	"syscall"
	"unsafe"
)

const supported = true

// advise marks the 2 MiB-aligned part of b for transparent huge pages.
func advise(b []byte) {
	const huge = 2 << 20
	base := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	skip := (huge - base%huge) % huge
	if uintptr(len(b)) <= skip {
		return
	}
	n := (uintptr(len(b)) - skip) &^ (huge - 1)
	if n == 0 {
		return
	}
	_ = syscall.Madvise(b[skip:skip+n], 14 /* MADV_HUGEPAGE */)
}
