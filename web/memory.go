package web

import (
	"math"
	"net"
	"os"
	"runtime/debug"
	"strconv"
)

// MemoryLimit is the server's soft memory limit (runtime/debug's
// SetMemoryLimit), in bytes, unless GOMEMLIMIT sets one: with it the
// server's peak RSS stayed under 300 MB on the load benchmark
// (bench/load, docs/performance.md). Its caches hold about 150 MB there;
// at 192 MiB the collector ran every few megabytes of allocation and took
// about 40 % of the CPU.
const MemoryLimit = 224 << 20

// LimitMemory sets MemoryLimit as the process's soft memory limit, unless
// GOMEMLIMIT or an earlier call set one. A server's heap is its caches
// (bounded) and its requests' transient data: a soft limit makes the
// collector run before the heap doubles, so the peak stays near the live
// data.
func LimitMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set && debug.SetMemoryLimit(-1) == math.MaxInt64 {
		debug.SetMemoryLimit(MemoryLimit)
	}
}

// ValidAddr reports whether addr is HOST:PORT with a numeric port (an
// IPv6 host in brackets); Run reports anything else it cannot listen on.
func ValidAddr(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	p, err := strconv.Atoi(port)
	return err == nil && p >= 0 && p <= 65535
}
