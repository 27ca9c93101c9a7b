package download

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/epoch"
)

const cacheSubdir = "modelcensus"

// cacheMeta is the JSON metadata stored next to a cached body.
type cacheMeta struct {
	URL         string    `json:"url"`
	ETag        string    `json:"etag"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	RetrievedAt time.Time `json:"retrieved_at"`
	ValidatedAt time.Time `json:"validated_at"`
}

// cacheEntry locates the two files of one cached URL.
type cacheEntry struct {
	dir string
	key string
}

func (c cacheEntry) bodyPath() string { return filepath.Join(c.dir, c.key+".body") }
func (c cacheEntry) metaPath() string { return filepath.Join(c.dir, c.key+".json") }

// cacheKey is the hex SHA-256 of the URL.
func cacheKey(rawURL string) string {
	sum := sha256.Sum256([]byte(rawURL))
	return hex.EncodeToString(sum[:])
}

// Fetch downloads url into the cache directory and returns a description of
// the local copy. A cached copy is revalidated with If-None-Match; on 304 the
// cached body is returned with FromCache set. When the server cannot be
// reached (or the connection fails mid-body) and a valid cached copy exists,
// that copy is returned with Offline and FromCache set and a nil error.
// Failures are reported as *epoch.FetchError, except cancellation of ctx, which is
// returned as an error wrapping ctx.Err(). On any error the cache is left as
// it was: no partial body or metadata is written.
func Fetch(ctx context.Context, rawURL string, opt epoch.FetchOptions) (*epoch.Fetched, error) {
	return fetch(ctx, rawURL, opt, false)
}

// fetch is Fetch; forceProgress draws the progress bar even when
// opt.Progress is not a terminal (tests).
func fetch(ctx context.Context, rawURL string, opt epoch.FetchOptions, forceProgress bool) (*epoch.Fetched, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	opt = withDefaults(opt)

	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("download %s: unsupported URL scheme %q (want http or https)", rawURL, u.Scheme)
	}

	dir, err := resolveCacheDir(opt.CacheDir)
	if err != nil {
		return nil, &epoch.FetchError{Kind: epoch.FetchCache, URL: rawURL, Err: err}
	}
	c := cacheEntry{dir: dir, key: cacheKey(rawURL)}
	cached := c.load(rawURL)

	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("download %s: %w", rawURL, err)
	}

	tr := newTransport(opt.ConnectTimeout)
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}

	rctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	if cached != nil && cached.ETag != "" {
		req.Header.Set("If-None-Match", cached.ETag)
	}

	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return c.fallback(ctx, rawURL, cached, epoch.FetchOffline, err)
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusNotModified && cached != nil:
		cached.ValidatedAt = stamp(opt.Now())
		if err := c.writeMeta(cached); err != nil {
			return nil, &epoch.FetchError{Kind: epoch.FetchCache, URL: rawURL, Err: err}
		}
		f := c.fetched(cached)
		f.FromCache = true
		return f, nil
	case resp.StatusCode >= 200 && resp.StatusCode <= 299 && resp.StatusCode != http.StatusPartialContent:
		meta, fe := c.store(resp, rawURL, u, opt, forceProgress)
		if fe != nil {
			if fe.Kind == epoch.FetchOffline || fe.Kind == epoch.FetchTruncated {
				return c.fallback(ctx, rawURL, cached, fe.Kind, fe.Err)
			}
			return nil, fe
		}
		return c.fetched(meta), nil
	default:
		return nil, &epoch.FetchError{Kind: epoch.FetchStatus, URL: rawURL, Status: resp.StatusCode}
	}
}

// withDefaults fills in zero-valued fields.
func withDefaults(o epoch.FetchOptions) epoch.FetchOptions {
	if o.Timeout <= 0 {
		o.Timeout = epoch.DefaultFetchTimeout
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = epoch.DefaultConnectTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = epoch.DefaultMaxBytes
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.UserAgent == "" {
		o.UserAgent = epoch.DefaultUserAgent
	}
	return o
}

// resolveCacheDir returns the absolute cache directory, creating it.
func resolveCacheDir(dir string) (string, error) {
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("locate user cache directory: %w", err)
		}
		dir = filepath.Join(base, cacheSubdir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolve cache directory %s: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("create cache directory: %w", err)
	}
	return abs, nil
}

// newTransport builds a transport whose dial, TLS handshake and wait for
// response headers are each bounded by connect.
func newTransport(connect time.Duration) *http.Transport {
	var tr *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		tr = dt.Clone()
	} else {
		tr = &http.Transport{Proxy: http.ProxyFromEnvironment}
	}
	d := &net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}
	tr.DialContext = d.DialContext
	tr.TLSHandshakeTimeout = connect
	tr.ResponseHeaderTimeout = connect
	return tr
}

// stamp strips the monotonic clock reading so that times survive a JSON
// round trip unchanged.
func stamp(t time.Time) time.Time { return t.Round(0) }

// fallback handles a network failure: cancellation of the caller's context is
// returned as such; otherwise a cached copy, if any, is returned as Offline;
// otherwise a epoch.FetchError of the given kind.
func (c cacheEntry) fallback(ctx context.Context, rawURL string, cached *cacheMeta, kind epoch.FetchErrorKind, cause error) (*epoch.Fetched, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("download %s: %w", rawURL, err)
	}
	if cached != nil {
		f := c.fetched(cached)
		f.FromCache = true
		f.Offline = true
		return f, nil
	}
	return nil, &epoch.FetchError{Kind: kind, URL: rawURL, Err: cause}
}

// fetched converts metadata to a epoch.Fetched.
func (c cacheEntry) fetched(m *cacheMeta) *epoch.Fetched {
	return &epoch.Fetched{
		URL:         m.URL,
		Path:        c.bodyPath(),
		ETag:        m.ETag,
		Size:        m.Size,
		SHA256:      m.SHA256,
		RetrievedAt: m.RetrievedAt,
		ValidatedAt: m.ValidatedAt,
	}
}

// load returns the cached metadata for rawURL, or nil when there is no
// usable entry: missing or unreadable files, a different URL, or a body whose
// size or SHA-256 does not match the metadata.
func (c cacheEntry) load(rawURL string) *cacheMeta {
	data, err := os.ReadFile(c.metaPath())
	if err != nil {
		return nil
	}
	var m cacheMeta
	if err := json.Unmarshal(data, &m); err != nil || m.URL != rawURL || m.SHA256 == "" {
		return nil
	}
	f, err := os.Open(c.bodyPath())
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() != m.Size {
		return nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	if hex.EncodeToString(h.Sum(nil)) != m.SHA256 {
		return nil
	}
	return &m
}

// writeMeta atomically replaces the metadata file.
func (c cacheEntry) writeMeta(m *cacheMeta) error {
	tmp, err := c.writeMetaTemp(m)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, c.metaPath()); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("replace cache metadata: %w", err)
	}
	return nil
}

// writeMetaTemp writes m to a new temporary file in the cache directory and
// returns its name. On error nothing is left behind.
func (c cacheEntry) writeMetaTemp(m *cacheMeta) (string, error) {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encode cache metadata: %w", err)
	}
	data = append(data, '\n')
	f, err := os.CreateTemp(c.dir, c.key+".json.*.tmp")
	if err != nil {
		return "", fmt.Errorf("create cache metadata: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", fmt.Errorf("write cache metadata: %w", err)
	}
	return f.Name(), nil
}

// errWriter remembers the first write error, so that disk failures can be
// told apart from network failures after io.Copy.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}

// store streams a successful response body into the cache and, only when it
// arrived complete and within the size cap, atomically installs body and
// metadata. Network failures are reported with kind epoch.FetchOffline or
// epoch.FetchTruncated so the caller can fall back to a cached copy.
func (c cacheEntry) store(resp *http.Response, rawURL string, u *url.URL, opt epoch.FetchOptions, forceProgress bool) (*cacheMeta, *epoch.FetchError) {
	want := resp.ContentLength
	if want > opt.MaxBytes {
		return nil, &epoch.FetchError{Kind: epoch.FetchTooLarge, URL: rawURL, Limit: opt.MaxBytes}
	}

	tmp, err := os.CreateTemp(c.dir, c.key+".body.*.tmp")
	if err != nil {
		return nil, &epoch.FetchError{Kind: epoch.FetchCache, URL: rawURL, Err: fmt.Errorf("create cache body: %w", err)}
	}
	installed := false
	defer func() {
		if !installed {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()

	bar := newProgress(opt.Progress, want, progressName(u), forceProgress)
	h := sha256.New()
	fw := &errWriter{w: tmp}
	sinks := []io.Writer{fw, h}
	if bar != nil {
		sinks = append(sinks, bar)
	}
	dst := io.MultiWriter(sinks...)
	limit := opt.MaxBytes
	if limit < math.MaxInt64 {
		limit++
	}
	n, err := io.Copy(dst, io.LimitReader(resp.Body, limit))
	complete := err == nil && n <= opt.MaxBytes && (want < 0 || n >= want)
	bar.finish(complete)
	switch {
	case fw.err != nil:
		return nil, &epoch.FetchError{Kind: epoch.FetchCache, URL: rawURL, Err: fmt.Errorf("write cache body: %w", fw.err)}
	case n > opt.MaxBytes:
		return nil, &epoch.FetchError{Kind: epoch.FetchTooLarge, URL: rawURL, Limit: opt.MaxBytes}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, &epoch.FetchError{Kind: epoch.FetchTruncated, URL: rawURL, Err: truncation(n, want, err)}
	case err != nil:
		return nil, &epoch.FetchError{Kind: epoch.FetchOffline, URL: rawURL, Err: fmt.Errorf("reading body after %d bytes: %w", n, err)}
	case want >= 0 && n < want:
		return nil, &epoch.FetchError{Kind: epoch.FetchTruncated, URL: rawURL, Err: truncation(n, want, io.ErrUnexpectedEOF)}
	}

	meta, fe := c.install(tmp, rawURL, resp.Header.Get("ETag"), n, h, opt.Now())
	installed = fe == nil
	return meta, fe
}

// install syncs the temporary body, writes the metadata and renames both
// into place. tmp is closed; on error the caller removes it.
func (c cacheEntry) install(tmp *os.File, rawURL, etag string, size int64, h hash.Hash, now time.Time) (*cacheMeta, *epoch.FetchError) {
	cacheErr := func(err error) *epoch.FetchError {
		return &epoch.FetchError{Kind: epoch.FetchCache, URL: rawURL, Err: err}
	}
	if err := tmp.Sync(); err != nil {
		return nil, cacheErr(fmt.Errorf("sync cache body: %w", err))
	}
	if err := tmp.Close(); err != nil {
		return nil, cacheErr(fmt.Errorf("close cache body: %w", err))
	}
	now = stamp(now)
	meta := &cacheMeta{
		URL:         rawURL,
		ETag:        etag,
		Size:        size,
		SHA256:      hex.EncodeToString(h.Sum(nil)),
		RetrievedAt: now,
		ValidatedAt: now,
	}
	metaTmp, err := c.writeMetaTemp(meta)
	if err != nil {
		return nil, cacheErr(err)
	}
	if err := os.Rename(tmp.Name(), c.bodyPath()); err != nil {
		_ = os.Remove(metaTmp)
		return nil, cacheErr(fmt.Errorf("install cache body: %w", err))
	}
	if err := os.Rename(metaTmp, c.metaPath()); err != nil {
		// The new body no longer matches the old metadata's checksum, so
		// load will ignore it; remove it anyway to keep the directory tidy.
		_ = os.Remove(metaTmp)
		_ = os.Remove(c.bodyPath())
		return nil, cacheErr(fmt.Errorf("install cache metadata: %w", err))
	}
	return meta, nil
}

// truncation describes a short body.
func truncation(got, want int64, err error) error {
	if want >= 0 {
		return fmt.Errorf("received %d of %d bytes: %w", got, want, err)
	}
	return fmt.Errorf("received %d bytes: %w", got, err)
}

// progressName is the label of the progress bar: the last path element of
// the URL, or its host.
func progressName(u *url.URL) string {
	name := path.Base(u.Path)
	if name == "." || name == "/" || strings.TrimSpace(name) == "" {
		return u.Host
	}
	return name
}
