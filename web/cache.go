package web

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/snapshots"
)

// response is a rendered JSON answer, kept so that the same question is
// answered again without computing it: a snapshot never changes. A kept
// answer holds its gzip alone when that is smaller (body nil): nearly every
// client takes gzip, and the others get it inflated.
type response struct {
	body, gz []byte
	etag     string
}

// plain is the response's body, inflated from its gzip when only that is
// kept.
func (r *response) plain() ([]byte, error) {
	if r.body != nil || r.gz == nil {
		return r.body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(r.gz))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// newResponse is a body ready to keep: its ETag, and its gzip at the
// fastest level. Under distinct questions most answers are sent once, and
// the best compression cost as much CPU as computing them (bench/load).
func newResponse(body []byte) *response {
	z := buffers.Get().(*bytes.Buffer)
	defer putBuffer(z)
	z.Reset()
	zw, _ := gzipWriters.Get().(*gzip.Writer)
	if zw == nil {
		zw, _ = gzip.NewWriterLevel(z, gzip.BestSpeed)
	} else {
		zw.Reset(z)
	}
	zw.Write(body)
	zw.Close()
	gzipWriters.Put(zw)
	if z.Len() < len(body) {
		return &response{gz: bytes.Clone(z.Bytes()), etag: etagOf(body)}
	}
	return &response{body: bytes.Clone(body), etag: etagOf(body)}
}

// buffers are reused for what is rendered and compressed: a response keeps
// a copy of what it needs.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putBuffer gives b back to buffers, unless it grew past a megabyte.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		buffers.Put(b)
	}
}

// jsonBuf is a buffer with its JSON encoder, set as publish.WriteJSONValue
// sets one (the encoder reuses its own indentation buffer).
type jsonBuf struct {
	b   bytes.Buffer
	enc *json.Encoder
}

var jsonBufs = sync.Pool{New: func() any {
	j := &jsonBuf{}
	j.enc = json.NewEncoder(&j.b)
	j.enc.SetIndent("", "  ")
	j.enc.SetEscapeHTML(false)
	return j
}}

// gzipWriters are reused: each holds about a megabyte of state.
var gzipWriters sync.Pool

// responses caches rendered answers by endpoint, resolved snapshot and
// query, least recently used out first, within maxResponses answers and
// maxResponseBytes bytes (bodies and their gzip).
type responses struct {
	mu     sync.Mutex
	m      map[string]*list.Element // of *cacheEntry
	order  list.List                // most recently used first
	bytes  int64
	latest struct {
		sync.Mutex
		ids map[string]latestID // by subset
		// gen is the store's snapshot list (store.Generation) when last
		// asked, at genAt; every kept answer's key holds it.
		gen   string
		genAt time.Time
	}
}

type latestID struct {
	id   int64
	when time.Time
}

// cacheEntry is one kept answer.
type cacheEntry struct {
	key  string
	resp *response
}

func (r *response) size() int64 { return int64(len(r.body) + len(r.gz) + len(r.etag)) }

// The cache's bounds: answers, and bytes. An answer larger than a quarter
// of the bytes is sent but not kept.
const (
	maxResponses     = 1024
	maxResponseBytes = 16 << 20
)

// DefaultPoll is how long the store's snapshot list, and so "the latest
// snapshot", is trusted before the store is asked again (another process
// may pull meanwhile): a snapshot imported elsewhere is served within it.
const DefaultPoll = 5 * time.Second

// generation is the store's snapshot list as last seen, asked again once
// the poll interval has passed; when it changed, the latest snapshots are
// resolved afresh. "" for a server of a source read once.
func (s *Server) generation(ctx context.Context) (string, error) {
	if s.cat.Store == nil {
		return "", nil
	}
	l := &s.cache.latest
	l.Lock()
	defer l.Unlock()
	if l.gen != "" && time.Since(l.genAt) < s.pollInterval() {
		return l.gen, nil
	}
	g, err := s.cat.Store.Generation(ctx)
	if err != nil {
		return "", err
	}
	if g != l.gen {
		l.ids = nil
	}
	l.gen, l.genAt = g, time.Now()
	return g, nil
}

// pollInterval is the server's poll, DefaultPoll unless set.
func (s *Server) pollInterval() time.Duration {
	if s.poll > 0 {
		return s.poll
	}
	return DefaultPoll
}

func (c *responses) get(k string) *response {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).resp
}

func (c *responses) put(k string, r *response) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.size() > maxResponseBytes/4 {
		return
	}
	if c.m == nil {
		c.m = map[string]*list.Element{}
	}
	if e, ok := c.m[k]; ok {
		c.bytes -= e.Value.(*cacheEntry).resp.size()
		c.order.Remove(e)
	}
	c.m[k] = c.order.PushFront(&cacheEntry{k, r})
	c.bytes += r.size()
	for len(c.m) > maxResponses || c.bytes > maxResponseBytes {
		last := c.order.Back()
		e := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.m, e.key)
		c.bytes -= e.resp.size()
	}
}

// resolvedSnapshot is the snapshot a query means, with 0 (latest) resolved
// against the store.
func (s *Server) resolvedSnapshot(ctx context.Context, q url.Values) (int64, error) {
	id, err := s.snapshotParam(ctx, q)
	if err != nil || id != 0 || s.cat.Store == nil {
		return id, err
	}
	subset, err := subsetParam(q)
	if err != nil {
		return 0, err
	}
	if _, err := s.generation(ctx); err != nil {
		return 0, err
	}
	l := &s.cache.latest
	l.Lock()
	defer l.Unlock()
	if e, ok := l.ids[subset]; ok && time.Since(e.when) < s.pollInterval() {
		return e.id, nil
	}
	latest, err := snapshots.Pick(ctx, s.cat.Store, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), subset)
	if err != nil {
		if subset == "" {
			err = noSnapshots(err)
		}
		return 0, err
	}
	if l.ids == nil {
		l.ids = map[string]latestID{}
	}
	l.ids[subset] = latestID{latest.ID, time.Now()}
	return latest.ID, nil
}

// cacheKey is the key of a kept answer: the store's snapshot list
// (generation), kind, path and query, with the snapshot the query means
// resolved (the latest included). It returns that query too.
func (s *Server) cacheKey(r *http.Request, kind string) (string, url.Values, error) {
	q := r.URL.Query()
	id, err := s.resolvedSnapshot(r.Context(), q)
	if err != nil {
		return "", nil, err
	}
	gen, err := s.generation(r.Context())
	if err != nil {
		return "", nil, err
	}
	if id != 0 {
		q.Set("snapshot", strconv.FormatInt(id, 10))
		q.Del("as-of")
	}
	return gen + "\x00" + kind + "\x00" + r.URL.Path + "\x00" + q.Encode(), q, nil
}

// cachedJSON answers from the cache, or computes, renders and keeps the
// answer. Errors are not kept.
func (s *Server) cachedJSON(w http.ResponseWriter, r *http.Request, endpoint string, compute func(url.Values) (any, error)) {
	j := jsonBufs.Get().(*jsonBuf)
	defer func() {
		if j.b.Cap() <= 1<<20 {
			jsonBufs.Put(j)
		}
	}()
	// As publish.WriteJSONValue writes it; the bytes are copied by
	// newResponse before j is reused.
	s.cachedBytes(w, r, endpoint, "application/json; charset=utf-8", func(q url.Values) ([]byte, error) {
		v, err := compute(q)
		if err != nil {
			return nil, err
		}
		j.b.Reset()
		err = j.enc.Encode(v)
		return j.b.Bytes(), err
	})
}

// cachedBytes answers from the cache, or computes the body, keeps it and
// answers it with contentType.
func (s *Server) cachedBytes(w http.ResponseWriter, r *http.Request, endpoint, contentType string, compute func(url.Values) ([]byte, error)) {
	key, q, err := s.cacheKey(r, endpoint)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := s.cache.get(key)
	if resp == nil {
		release, err := s.admit(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		b, err := compute(q)
		release()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		resp = newResponse(b)
		s.cache.put(key, resp)
	}
	w.Header().Set("Content-Type", contentType)
	writeBody(w, r, resp, "")
}

// cachedPage answers a dashboard page from the cache, keyed like the API's
// answers by path, resolved snapshot and query (the language included), or
// renders it with h and keeps it when it rendered. Error pages are not kept.
func (s *Server) cachedPage(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// The page's language: ?lang=, else the browser's Accept-Language,
		// else the server's; the request then names it, so that the page
		// and its cache key agree.
		w.Header().Set("Vary", "Accept-Language, Accept-Encoding")
		lang, err := s.pageLang(r)
		if err != nil {
			p := s.newPage(r, "")
			s.pageError(w, r, p, err)
			return
		}
		q := r.URL.Query()
		q.Set("lang", string(lang))
		r = r.Clone(r.Context())
		r.URL.RawQuery = q.Encode()
		key, _, err := s.cacheKey(r, "page")
		if err != nil {
			h(w, r) // the page says what is wrong
			return
		}
		if resp := s.cache.get(key); resp != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			writeBody(w, r, resp, "")
			return
		}
		// Render the plain page: no 304 and no gzip from the handler.
		plain := r.Clone(r.Context())
		plain.Header.Del("If-None-Match")
		plain.Header.Del("Accept-Encoding")
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		release, err := s.admit(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		h(rec, plain)
		release()
		if rec.status != http.StatusOK {
			for k, v := range rec.header {
				w.Header()[k] = v
			}
			w.WriteHeader(rec.status)
			w.Write(rec.body.Bytes())
			return
		}
		resp := newResponse(rec.body.Bytes())
		s.cache.put(key, resp)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		writeBody(w, r, resp, "")
	}
}

// recorder keeps what a handler writes.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(status int)      { r.status = status }

// modelIndex is what the model endpoint reads of one dataset besides the
// model itself, built once per dataset rather than once per request: the
// first model of each name, the census under the default options (whose
// period says whether a model is in the census), and the compute of each
// model by name (the base models of an estimate), built when first asked.
type modelIndex struct {
	ds     *census.Dataset
	byName map[string]int
	res    *census.Result
	base   func() func(string) float64
}

// maxSeen bounds the model histories kept (seenIn's answers): a few kB
// each, so some megabytes in all.
const maxSeen = 1024

// modelIndexOf returns the index of ds, building it once.
func (s *Server) modelIndexOf(ctx context.Context, ds *census.Dataset) (*modelIndex, error) {
	build := func(context.Context) (any, error) {
		res, err := census.Compute(ds, census.Options{})
		if err != nil {
			return nil, err
		}
		x := &modelIndex{ds: ds, byName: make(map[string]int, ds.Len()), res: res,
			base: sync.OnceValue(func() func(string) float64 { return computeByName(ds) })}
		for i := ds.Len() - 1; i >= 0; i-- {
			x.byName[ds.Model(i).Name] = i // the first of a name wins
		}
		return x, nil
	}
	// Keyed by the dataset's address, checked against the dataset itself:
	// an address reused by a later dataset is built again.
	key := fmt.Sprintf("%p", ds)
	v, err := s.derived.get(ctx, key, build)
	if err != nil {
		return nil, err
	}
	if x := v.(*modelIndex); x.ds == ds {
		return x, nil
	}
	v, err = build(ctx)
	if err != nil {
		return nil, err
	}
	s.derived.put(key, v)
	return v.(*modelIndex), nil
}

// seenInCached is seenIn, kept by the store's snapshot list (generation),
// name and link: a model's history is the same in every snapshot it is
// asked of.
func (s *Server) seenInCached(ctx context.Context, name, link string) ([]SnapshotSeen, error) {
	gen, err := s.generation(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.seen.get(ctx, gen+"\x00"+name+"\x00"+link, func(ctx context.Context) (any, error) {
		return s.seenIn(ctx, name, link)
	})
	if err != nil {
		return nil, err
	}
	return v.([]SnapshotSeen), nil
}

// computeSlots bounds the requests that compute at once, per CPU: the
// others wait their turn in order (a channel's senders queue first come,
// first served), so that a burst does not share the CPUs among every
// request and stretch each (the tail of the latency) by the burst's size.
// A request answered from the cache takes no slot.
const computeSlots = 4

// admit waits for a computing slot, or for the request's end; release
// gives the slot back.
func (s *Server) admit(ctx context.Context) (release func(), err error) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
