package download

import (
	"github.com/modelcensus/modelcensus/epoch"

	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// etagServer serves a body with an ETag and honours If-None-Match.
type etagServer struct {
	mu       sync.Mutex
	body     []byte
	etag     string
	inm      []string // If-None-Match values seen, "" when absent
	agents   []string
	statuses []int
}

func (s *etagServer) set(body, etag string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body, s.etag = []byte(body), etag
}

func (s *etagServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	body, etag := s.body, s.etag
	inm := r.Header.Get("If-None-Match")
	s.inm = append(s.inm, inm)
	s.agents = append(s.agents, r.Header.Get("User-Agent"))
	status := http.StatusOK
	if inm != "" && inm == etag {
		status = http.StatusNotModified
	}
	s.statuses = append(s.statuses, status)
	s.mu.Unlock()

	w.Header().Set("ETag", etag)
	if status == http.StatusNotModified {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}

func (s *etagServer) agent(i int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.agents[i]
}

func (s *etagServer) last() (inm string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inm[len(s.inm)-1], s.statuses[len(s.statuses)-1]
}

// clock is an injectable, advanceable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// assertEmptyDir fails if dir holds any file (body, metadata or temp).
func assertEmptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatalf("read cache dir: %v", err)
	}
	for _, e := range entries {
		t.Errorf("cache dir should be empty, found %s", e.Name())
	}
}

// assertOnlyEntry fails unless dir holds exactly the body and metadata of url.
func assertOnlyEntry(t *testing.T, dir, url string) {
	t.Helper()
	key := cacheKey(url)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read cache dir: %v", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{key + ".body", key + ".json"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("cache dir = %v, want %v", names, want)
	}
}

func asFetchError(t *testing.T, err error) *epoch.FetchError {
	t.Helper()
	var fe *epoch.FetchError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *epoch.FetchError", err, err)
	}
	return fe
}

func TestFetchDownloadRevalidateReplace(t *testing.T) {
	srv := &etagServer{}
	srv.set("first body", `"v1"`)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	url := ts.URL + "/data/ai_models.zip"
	dir := t.TempDir()
	clk := newClock()
	opt := epoch.FetchOptions{CacheDir: dir, Now: clk.now}
	ctx := context.Background()

	// First download stores body and metadata.
	f1, err := Fetch(ctx, url, opt)
	if err != nil {
		t.Fatalf("first fetch: %v", err)
	}
	if f1.FromCache || f1.Offline {
		t.Errorf("first fetch FromCache=%v Offline=%v, want false", f1.FromCache, f1.Offline)
	}
	if inm, _ := srv.last(); inm != "" {
		t.Errorf("first request sent If-None-Match %q", inm)
	}
	if got := srv.agent(0); got != "modelcensus" {
		t.Errorf("User-Agent = %q, want modelcensus", got)
	}
	if !filepath.IsAbs(f1.Path) || filepath.Dir(f1.Path) != dir {
		t.Errorf("Path = %q, want absolute path in %s", f1.Path, dir)
	}
	body, err := os.ReadFile(f1.Path)
	if err != nil || string(body) != "first body" {
		t.Fatalf("cached body = %q, %v", body, err)
	}
	if f1.SHA256 != sha("first body") || f1.Size != int64(len("first body")) || f1.ETag != `"v1"` || f1.URL != url {
		t.Errorf("fetched = %+v", f1)
	}
	if !f1.RetrievedAt.Equal(clk.now()) || !f1.ValidatedAt.Equal(clk.now()) {
		t.Errorf("times = %v / %v, want %v", f1.RetrievedAt, f1.ValidatedAt, clk.now())
	}
	assertOnlyEntry(t, dir, url)
	var meta cacheMeta
	data, err := os.ReadFile(filepath.Join(dir, cacheKey(url)+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatalf("metadata: %v", err)
	}
	if meta.URL != url || meta.ETag != `"v1"` || meta.SHA256 != f1.SHA256 || meta.Size != f1.Size {
		t.Errorf("metadata = %+v", meta)
	}
	for _, k := range []string{`"url"`, `"etag"`, `"size"`, `"sha256"`, `"retrieved_at"`, `"validated_at"`} {
		if !bytes.Contains(data, []byte(k)) {
			t.Errorf("metadata lacks key %s: %s", k, data)
		}
	}

	// Second call revalidates with If-None-Match and gets 304.
	clk.advance(time.Hour)
	f2, err := Fetch(ctx, url, opt)
	if err != nil {
		t.Fatalf("second fetch: %v", err)
	}
	if inm, status := srv.last(); inm != `"v1"` || status != http.StatusNotModified {
		t.Errorf("second request If-None-Match=%q status=%d, want \"v1\" 304", inm, status)
	}
	if !f2.FromCache || f2.Offline {
		t.Errorf("second fetch FromCache=%v Offline=%v, want true false", f2.FromCache, f2.Offline)
	}
	if !f2.RetrievedAt.Equal(f1.RetrievedAt) || !f2.ValidatedAt.Equal(clk.now()) {
		t.Errorf("after 304 RetrievedAt=%v ValidatedAt=%v", f2.RetrievedAt, f2.ValidatedAt)
	}
	if f2.SHA256 != f1.SHA256 || f2.Path != f1.Path {
		t.Errorf("after 304 fetched = %+v", f2)
	}
	if got := f2.Age(clk.now()); got != time.Hour {
		t.Errorf("Age = %v, want 1h", got)
	}
	data, _ = os.ReadFile(filepath.Join(dir, cacheKey(url)+".json"))
	meta = cacheMeta{}
	if err := json.Unmarshal(data, &meta); err != nil || !meta.ValidatedAt.Equal(clk.now()) {
		t.Errorf("metadata validated_at = %v (%v), want %v", meta.ValidatedAt, err, clk.now())
	}

	// New content and ETag replace the cached body.
	srv.set("second, longer body", `"v2"`)
	clk.advance(time.Hour)
	f3, err := Fetch(ctx, url, opt)
	if err != nil {
		t.Fatalf("third fetch: %v", err)
	}
	if inm, status := srv.last(); inm != `"v1"` || status != http.StatusOK {
		t.Errorf("third request If-None-Match=%q status=%d, want \"v1\" 200", inm, status)
	}
	if f3.FromCache || f3.ETag != `"v2"` || f3.SHA256 != sha("second, longer body") || !f3.RetrievedAt.Equal(clk.now()) {
		t.Errorf("third fetch = %+v", f3)
	}
	if body, _ := os.ReadFile(f3.Path); string(body) != "second, longer body" {
		t.Errorf("cached body = %q", body)
	}
	assertOnlyEntry(t, dir, url)
}

func TestFetchCorruptCacheRedownloads(t *testing.T) {
	srv := &etagServer{}
	srv.set("payload", `"e"`)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	dir := t.TempDir()
	opt := epoch.FetchOptions{CacheDir: dir, UserAgent: "test-agent"}
	f, err := Fetch(context.Background(), ts.URL+"/x.csv", opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.Path, []byte("PAYLOAD"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err = Fetch(context.Background(), ts.URL+"/x.csv", opt)
	if err != nil {
		t.Fatal(err)
	}
	if inm, status := srv.last(); inm != "" || status != http.StatusOK || f.FromCache {
		t.Errorf("corrupt cache: If-None-Match=%q status=%d FromCache=%v, want unconditional 200", inm, status, f.FromCache)
	}
	if body, _ := os.ReadFile(f.Path); string(body) != "payload" {
		t.Errorf("body = %q", body)
	}
	if got := srv.agent(1); got != "test-agent" {
		t.Errorf("User-Agent = %q", got)
	}
}

func TestFetchOffline(t *testing.T) {
	t.Run("with cache", func(t *testing.T) {
		srv := &etagServer{}
		srv.set("cached", `"c"`)
		ts := httptest.NewServer(srv)
		url := ts.URL + "/ai_models.zip"
		dir := t.TempDir()
		clk := newClock()
		opt := epoch.FetchOptions{CacheDir: dir, Now: clk.now}
		f1, err := Fetch(context.Background(), url, opt)
		if err != nil {
			t.Fatal(err)
		}
		ts.Close()
		clk.advance(3 * time.Hour)
		f2, err := Fetch(context.Background(), url, opt)
		if err != nil {
			t.Fatalf("offline fetch with cache: %v", err)
		}
		if !f2.Offline || !f2.FromCache {
			t.Errorf("Offline=%v FromCache=%v, want true true", f2.Offline, f2.FromCache)
		}
		if f2.Path != f1.Path || f2.SHA256 != sha("cached") || !f2.ValidatedAt.Equal(f1.ValidatedAt) {
			t.Errorf("offline fetched = %+v", f2)
		}
		if got := f2.Age(clk.now()); got != 3*time.Hour {
			t.Errorf("Age = %v, want 3h", got)
		}
		assertOnlyEntry(t, dir, url)
	})
	t.Run("without cache", func(t *testing.T) {
		ts := httptest.NewServer(http.NotFoundHandler())
		url := ts.URL + "/ai_models.zip"
		ts.Close()
		dir := t.TempDir()
		_, err := Fetch(context.Background(), url, epoch.FetchOptions{CacheDir: dir})
		fe := asFetchError(t, err)
		if fe.Kind != epoch.FetchOffline || fe.URL != url {
			t.Errorf("Kind=%v URL=%q, want offline %q", fe.Kind, fe.URL, url)
		}
		msg := err.Error()
		if !strings.Contains(msg, "--source") || !strings.Contains(msg, url) || strings.Contains(msg, "\n") {
			t.Errorf("message %q should be one line naming the URL and --source", msg)
		}
		if fe.Unwrap() == nil {
			t.Error("Unwrap() = nil, want the network error")
		}
		assertEmptyDir(t, dir)
	})
}

func TestFetchStatus(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		cached bool
	}{
		{"404", http.StatusNotFound, false},
		{"500", http.StatusInternalServerError, false},
		{"503 with cache", http.StatusServiceUnavailable, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fail := false
			var mu sync.Mutex
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				if fail {
					http.Error(w, "nope", tc.status)
					return
				}
				_, _ = w.Write([]byte("ok"))
			}))
			defer ts.Close()
			url := ts.URL + "/ai_models.zip"
			dir := t.TempDir()
			if tc.cached {
				if _, err := Fetch(context.Background(), url, epoch.FetchOptions{CacheDir: dir}); err != nil {
					t.Fatal(err)
				}
			}
			mu.Lock()
			fail = true
			mu.Unlock()
			f, err := Fetch(context.Background(), url, epoch.FetchOptions{CacheDir: dir})
			if f != nil {
				t.Errorf("Fetch returned %+v with error", f)
			}
			fe := asFetchError(t, err)
			if fe.Kind != epoch.FetchStatus || fe.Status != tc.status {
				t.Errorf("Kind=%v Status=%d, want status %d", fe.Kind, fe.Status, tc.status)
			}
			if msg := err.Error(); !strings.Contains(msg, url) || !strings.Contains(msg, strconv.Itoa(tc.status)) {
				t.Errorf("message %q should name URL and status", msg)
			}
			if tc.cached {
				assertOnlyEntry(t, dir, url)
			} else {
				assertEmptyDir(t, dir)
			}
		})
	}
}

func TestFetchTooLarge(t *testing.T) {
	const limit = 1000
	big := strings.Repeat("x", limit+1)
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"content-length", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(big)))
			_, _ = w.Write([]byte(big))
		}},
		{"chunked", func(w http.ResponseWriter, r *http.Request) {
			for i := 0; i < len(big); i += 100 {
				_, _ = w.Write([]byte(big[i:min(i+100, len(big))]))
				w.(http.Flusher).Flush()
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := httptest.NewServer(tc.handler)
			defer ts.Close()
			dir := t.TempDir()
			_, err := Fetch(context.Background(), ts.URL+"/a.zip", epoch.FetchOptions{CacheDir: dir, MaxBytes: limit})
			fe := asFetchError(t, err)
			if fe.Kind != epoch.FetchTooLarge || fe.Limit != limit {
				t.Errorf("Kind=%v Limit=%d, want too-large %d", fe.Kind, fe.Limit, limit)
			}
			assertEmptyDir(t, dir)
		})
	}
	t.Run("exactly at limit", func(t *testing.T) {
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(big[:limit]))
		}))
		defer ts.Close()
		f, err := Fetch(context.Background(), ts.URL+"/a.zip", epoch.FetchOptions{CacheDir: t.TempDir(), MaxBytes: limit})
		if err != nil || f.Size != limit {
			t.Fatalf("Fetch = %+v, %v; want %d bytes", f, err, limit)
		}
	})
}

// truncatingHandler promises 1000 bytes, sends 10 and closes the connection.
func truncatingHandler(w http.ResponseWriter, r *http.Request) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: 1000\r\n\r\n0123456789")
	_ = buf.Flush()
}

func TestFetchTruncated(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(truncatingHandler))
	defer ts.Close()
	dir := t.TempDir()
	_, err := Fetch(context.Background(), ts.URL+"/a.zip", epoch.FetchOptions{CacheDir: dir})
	fe := asFetchError(t, err)
	if fe.Kind != epoch.FetchTruncated {
		t.Errorf("Kind = %v, want truncated (%v)", fe.Kind, err)
	}
	if !strings.Contains(err.Error(), "10 of 1000") {
		t.Errorf("message %q should give the byte counts", err)
	}
	assertEmptyDir(t, dir)
}

// stallHandler returns a handler that blocks until the client goes away or
// the test ends, optionally after sending headers and part of the body;
// started is closed once the handler has begun stalling.
func stallHandler(t *testing.T, sendHeaders bool) (h http.HandlerFunc, started chan struct{}) {
	t.Helper()
	started = make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	// Registered before the caller's server Close, so it runs after it;
	// handlers also return as soon as the client disconnects.
	t.Cleanup(func() { close(release) })
	return func(w http.ResponseWriter, r *http.Request) {
		if sendHeaders {
			w.Header().Set("Content-Length", "100")
			_, _ = w.Write([]byte("partial"))
			w.(http.Flusher).Flush()
		}
		once.Do(func() { close(started) })
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}, started
}

// stallServer serves stallHandler.
func stallServer(t *testing.T, sendHeaders bool) *httptest.Server {
	t.Helper()
	h, _ := stallHandler(t, sendHeaders)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

func TestFetchTimeout(t *testing.T) {
	for _, tc := range []struct {
		name        string
		sendHeaders bool
	}{
		{"before headers", false},
		{"mid body", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := stallServer(t, tc.sendHeaders)
			dir := t.TempDir()
			start := time.Now()
			_, err := Fetch(context.Background(), ts.URL+"/a.zip", epoch.FetchOptions{CacheDir: dir, Timeout: 150 * time.Millisecond})
			if err == nil {
				t.Fatal("Fetch succeeded against a stalled server")
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("Fetch took %v despite a 150ms timeout", d)
			}
			if fe := asFetchError(t, err); fe.Kind != epoch.FetchOffline {
				t.Errorf("Kind = %v, want offline (%v)", fe.Kind, err)
			}
			assertEmptyDir(t, dir)
		})
	}
	t.Run("connect timeout bounds headers", func(t *testing.T) {
		ts := stallServer(t, false)
		dir := t.TempDir()
		_, err := Fetch(context.Background(), ts.URL+"/a.zip", epoch.FetchOptions{CacheDir: dir, ConnectTimeout: 150 * time.Millisecond})
		if fe := asFetchError(t, err); fe.Kind != epoch.FetchOffline {
			t.Errorf("Kind = %v, want offline (%v)", fe.Kind, err)
		}
		assertEmptyDir(t, dir)
	})
}

func TestFetchCancel(t *testing.T) {
	t.Run("before request", func(t *testing.T) {
		srv := &etagServer{}
		srv.set("x", `"x"`)
		ts := httptest.NewServer(srv)
		defer ts.Close()
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := Fetch(ctx, ts.URL+"/a.zip", epoch.FetchOptions{CacheDir: dir})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		assertEmptyDir(t, dir)
	})
	t.Run("mid body with cache", func(t *testing.T) {
		var mu sync.Mutex
		stall := false
		inner, started := stallHandler(t, true)
		// The first request succeeds, later ones stall mid-body.
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			s := stall
			mu.Unlock()
			if !s {
				_, _ = w.Write([]byte("good"))
				return
			}
			inner(w, r)
		}))
		defer ts.Close()
		url := ts.URL + "/a.zip"
		dir := t.TempDir()
		if _, err := Fetch(context.Background(), url, epoch.FetchOptions{CacheDir: dir}); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		stall = true
		mu.Unlock()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			<-started
			cancel()
		}()
		f, err := Fetch(ctx, url, epoch.FetchOptions{CacheDir: dir})
		if !errors.Is(err, context.Canceled) || f != nil {
			t.Errorf("Fetch = %+v, %v; want context.Canceled and no offline fallback", f, err)
		}
		assertOnlyEntry(t, dir, url)
		if body, _ := os.ReadFile(filepath.Join(dir, cacheKey(url)+".body")); string(body) != "good" {
			t.Errorf("cached body = %q, want it untouched", body)
		}
	})
}

func TestFetchProgress(t *testing.T) {
	t.Run("known total", func(t *testing.T) {
		var buf bytes.Buffer
		p := newProgress(&buf, 100, "ai_models.zip", true)
		_, _ = p.Write(make([]byte, 25))
		_, _ = p.Write(make([]byte, 75))
		p.finish(true)
		out := buf.String()
		for _, want := range []string{"\rai_models.zip  25 B / 100 B  25%", "100 B / 100 B  100%"} {
			if !strings.Contains(out, want) {
				t.Errorf("output %q lacks %q", out, want)
			}
		}
		if !strings.HasSuffix(out, "\n") || strings.Count(out, "\n") != 1 {
			t.Errorf("output %q should end with exactly one newline", out)
		}
	})
	t.Run("unknown total", func(t *testing.T) {
		var buf bytes.Buffer
		p := newProgress(&buf, -1, "f.csv", true)
		_, _ = p.Write(make([]byte, 3_100_000))
		p.finish(true)
		if out := buf.String(); out != "\rf.csv  3.1 MB\rf.csv  3.1 MB\n" {
			t.Errorf("output = %q", out)
		}
	})
	t.Run("not a terminal", func(t *testing.T) {
		var buf bytes.Buffer
		if p := newProgress(&buf, 100, "x", false); p != nil {
			t.Error("newProgress drew to a non-terminal")
		}
		p := newProgress(nil, 100, "x", true)
		_, _ = p.Write([]byte("abc")) // nil progress is a no-op
		p.finish(true)
	})
	t.Run("via Fetch", func(t *testing.T) {
		srv := &etagServer{}
		srv.set(strings.Repeat("z", 4000), `"z"`)
		ts := httptest.NewServer(srv)
		defer ts.Close()
		var forced, plain bytes.Buffer
		if _, err := fetch(context.Background(), ts.URL+"/data/ai_models.zip", epoch.FetchOptions{CacheDir: t.TempDir(), Progress: &forced}, true); err != nil {
			t.Fatal(err)
		}
		if out := forced.String(); !strings.Contains(out, "ai_models.zip  4.0 kB / 4.0 kB  100%") || !strings.HasSuffix(out, "\n") {
			t.Errorf("forced progress = %q", out)
		}
		if _, err := Fetch(context.Background(), ts.URL+"/other.zip", epoch.FetchOptions{CacheDir: t.TempDir(), Progress: &plain}); err != nil {
			t.Fatal(err)
		}
		if plain.Len() != 0 {
			t.Errorf("progress drawn to a non-terminal: %q", plain.String())
		}
	})
}

func TestFetchErrorMessages(t *testing.T) {
	cause := errors.New("boom")
	for _, tc := range []struct {
		err  *epoch.FetchError
		want string
	}{
		{&epoch.FetchError{Kind: epoch.FetchOffline, URL: "u", Err: cause}, "download u: server unreachable (boom) and no cached copy; use --source FILE to read a downloaded file"},
		{&epoch.FetchError{Kind: epoch.FetchStatus, URL: "u", Status: 404}, "download u: server answered HTTP 404 Not Found"},
		{&epoch.FetchError{Kind: epoch.FetchTooLarge, URL: "u", Limit: 2000}, "download u: body exceeds the size limit of 2.0 kB (2000 bytes); nothing was cached"},
		{&epoch.FetchError{Kind: epoch.FetchTruncated, URL: "u", Err: cause}, "download u: body truncated (boom); nothing was cached"},
		{&epoch.FetchError{Kind: epoch.FetchCache, URL: "u", Err: cause}, "download u: cache directory unusable: boom"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%v: Error() = %q, want %q", tc.err.Kind, got, tc.want)
		}
		if tc.err.Err != nil && !errors.Is(tc.err, cause) {
			t.Errorf("%v: errors.Is(cause) = false", tc.err.Kind)
		}
	}
}

func TestFetchCacheDirUnusable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Fetch(context.Background(), "http://127.0.0.1:1/a.zip", epoch.FetchOptions{CacheDir: filepath.Join(file, "sub")})
	if fe := asFetchError(t, err); fe.Kind != epoch.FetchCache {
		t.Errorf("Kind = %v, want cache (%v)", fe.Kind, err)
	}
}

func TestFetchedAge(t *testing.T) {
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f := &epoch.Fetched{RetrievedAt: base}
	for _, tc := range []struct {
		now  time.Time
		want time.Duration
	}{
		{base.Add(90 * time.Minute), 90 * time.Minute},
		{base, 0},
		{base.Add(-time.Hour), 0},
	} {
		if got := f.Age(tc.now); got != tc.want {
			t.Errorf("Age(%v) = %v, want %v", tc.now, got, tc.want)
		}
	}
	if got := (&epoch.Fetched{}).Age(base); got != 0 {
		t.Errorf("zero epoch.Fetched Age = %v", got)
	}
}

func TestFetchBrokenDownloadFallsBackToCache(t *testing.T) {
	stall, _ := stallHandler(t, true)
	for _, tc := range []struct {
		name   string
		broken http.HandlerFunc
	}{
		{"truncated", truncatingHandler},
		{"timeout mid body", stall},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			broken := false
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				b := broken
				mu.Unlock()
				if b {
					tc.broken(w, r)
					return
				}
				_, _ = w.Write([]byte("good"))
			}))
			defer ts.Close()
			url := ts.URL + "/a.zip"
			dir := t.TempDir()
			opt := epoch.FetchOptions{CacheDir: dir, Timeout: 150 * time.Millisecond}
			if _, err := Fetch(context.Background(), url, opt); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			broken = true
			mu.Unlock()
			f, err := Fetch(context.Background(), url, opt)
			if err != nil {
				t.Fatalf("Fetch: %v, want offline fallback", err)
			}
			if !f.Offline || !f.FromCache || f.SHA256 != sha("good") {
				t.Errorf("fetched = %+v, want offline cached copy", f)
			}
			assertOnlyEntry(t, dir, url)
		})
	}
}
