package web

import (
	"bytes"
	"fmt"
	"testing"
)

// stats reports the answers and bytes kept.
func (c *responses) stats() (n int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m), c.bytes
}

// The cache stays within its bytes and its answers, the least recently
// used going first, and keeps no answer too large for it.
func TestResponsesBounded(t *testing.T) {
	var c responses
	body := bytes.Repeat([]byte("x"), 512<<10) // 512 KiB a body
	for i := 0; i < 1500; i++ {
		c.put(fmt.Sprint(i), &response{body: body, etag: "e"})
		c.get("0") // kept warm: the least recently used go first
	}
	n, size := c.stats()
	if size > maxResponseBytes || n > maxResponses {
		t.Errorf("%d answers, %d bytes", n, size)
	}
	if n > maxResponseBytes/(512<<10) {
		t.Errorf("%d answers of 512 KiB kept in %d bytes", n, maxResponseBytes)
	}
	if c.get("0") == nil || c.get("1") != nil || c.get("1499") == nil {
		t.Error("not least recently used out first")
	}
	// Many small answers: bounded by count.
	var d responses
	for i := 0; i < 3000; i++ {
		d.put(fmt.Sprint(i), &response{body: []byte("{}"), etag: "e"})
	}
	if n, _ := d.stats(); n != maxResponses {
		t.Errorf("%d small answers kept", n)
	}
	var e responses
	e.put("big", &response{body: make([]byte, maxResponseBytes/4+1)})
	if e.get("big") != nil {
		t.Error("an answer larger than a quarter of the cache was kept")
	}
}
