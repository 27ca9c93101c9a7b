package store

import "testing"

// The cache keeps the wholeCacheSize reads last decoded or asked for,
// each found by its file, rules version and stored size.
func TestWholeCache(t *testing.T) {
	var c wholeCache
	for f := int64(1); f <= wholeCacheSize+1; f++ {
		c.put(&storedWhole{file: f, rules: "r", stored: 10, decoded: []byte{byte(f)}})
		if f == 2 {
			c.get(1, "r", 10) // 1 is asked for again: 2 is now the oldest
		}
	}
	for f, want := range map[int64]bool{1: true, 2: false, 3: true, wholeCacheSize + 1: true} {
		if got := c.get(f, "r", 10); (got != nil) != want || got != nil && got[0] != byte(f) {
			t.Errorf("file %d: %v, want kept %v", f, got, want)
		}
	}
	if c.get(3, "other rules", 10) != nil || c.get(3, "r", 11) != nil {
		t.Error("a read found under other rules or another stored size")
	}
	if len(c.recent) != wholeCacheSize {
		t.Errorf("%d reads kept, want %d", len(c.recent), wholeCacheSize)
	}
}
