//go:build !linux

package heap

const supported = false

func advise(b []byte) {}
