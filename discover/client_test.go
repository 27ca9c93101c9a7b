package discover_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/discover"
)

func noSleep(waits *[]time.Duration) func(context.Context, time.Duration) error {
	return func(_ context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return nil
	}
}

// 429 and 503 are retried, with backoff or the Retry-After asked for; a
// 404 is not; an unchanged page (ETag) is served from memory.
func TestClientRetriesAndETags(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		switch r.URL.Path {
		case "/flaky":
			switch n {
			case 1:
				w.Header().Set("Retry-After", "7")
				w.WriteHeader(http.StatusTooManyRequests)
			case 2:
				w.WriteHeader(http.StatusServiceUnavailable)
			default:
				w.Write([]byte("ok"))
			}
		case "/etag":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Write([]byte("body"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	var waits []time.Duration
	c := &discover.Client{Sleep: noSleep(&waits), Backoff: time.Second}
	body, _, err := c.Get(context.Background(), srv.URL+"/flaky")
	if err != nil || string(body) != "ok" {
		t.Fatalf("flaky: %q %v", body, err)
	}
	// The first wait is Retry-After's 7 s; the second the backoff's 2 s.
	if len(waits) != 2 || waits[0] != 7*time.Second || waits[1] != 2*time.Second {
		t.Errorf("waits %v, want [7s 2s]", waits)
	}
	calls.Store(0)
	for i := 0; i < 2; i++ {
		body, _, err = c.Get(context.Background(), srv.URL+"/etag")
		if err != nil || string(body) != "body" {
			t.Fatalf("etag %d: %q %v", i, body, err)
		}
	}
	var he *discover.HTTPError
	if _, _, err := c.Get(context.Background(), srv.URL+"/missing"); !errors.As(err, &he) || he.Status != 404 {
		t.Errorf("404: %v", err)
	}
}

// A server that always fails gives up after the retries, with the status.
func TestClientGivesUp(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	var waits []time.Duration
	c := &discover.Client{Sleep: noSleep(&waits), Retries: 3}
	_, _, err := c.Get(context.Background(), srv.URL)
	var he *discover.HTTPError
	if !errors.As(err, &he) || he.Status != 502 || calls.Load() != 4 {
		t.Errorf("err %v after %d calls; want HTTP 502 after 4", err, calls.Load())
	}
}

// With a DirCache, a second Client (the next run) sends the kept ETag and
// serves the 304 from the folder: the body crosses the network once.
func TestClientDiskCache(t *testing.T) {
	var full atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v2"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v2"`)
		w.Write([]byte("[1,2,3]"))
	}))
	defer srv.Close()
	dir := discover.DirCache(filepath.Join(t.TempDir(), "discover"))
	for run := 0; run < 3; run++ {
		c := &discover.Client{Cache: dir}
		body, _, err := c.Get(context.Background(), srv.URL+"/api/models?author=x")
		if err != nil || string(body) != "[1,2,3]" {
			t.Fatalf("run %d: %q %v", run, body, err)
		}
	}
	if n := full.Load(); n != 1 {
		t.Errorf("the full page was sent %d times over three runs, want 1", n)
	}
	// Nothing half-written is left beside the pages.
	entries, _ := os.ReadDir(string(dir))
	if len(entries) != 1 || strings.HasPrefix(entries[0].Name(), ".") {
		t.Errorf("cache folder: %v", entries)
	}
}
