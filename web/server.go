package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/store"
)

//go:embed openapi.json
var openAPI []byte

// Server serves the API and the dashboard over a catalog.
type Server struct {
	cat     *Catalog
	version string
	log     *log.Logger
	mux     *http.ServeMux
	gzPool  sync.Pool
	cache   responses
	// derived keeps each dataset's model index (modelIndexOf), seen each
	// model's history (seenInCached).
	derived, seen *loaded
	// diffModels keeps each pair of snapshots' model-level changes, and
	// their JSON (diffBody).
	diffModels *loaded
	// snaps keeps the stored snapshots' records by id (storedSnapshot).
	snaps *loaded
	// slots are the computing slots (admit), computeSlots per CPU.
	slots chan struct{}
	// formats are the output formats the census API offers beside JSON;
	// nil offers JSON alone.
	formats *publish.Registry
	// lang is the pages' language when neither the URL nor the browser
	// names one.
	lang i18n.Lang
	// poll is how often the store's snapshot list is asked for (0:
	// DefaultPoll).
	poll time.Duration
	// recipes are the recipes the Tables page offers (UseRecipes).
	recipes Recipes
}

// UsePoll sets how often the server asks the store for its snapshot list:
// a snapshot that another process (a puller) imports is served, on every
// replica, within d. d ≤ 0 keeps DefaultPoll. It returns s.
func (s *Server) UsePoll(d time.Duration) *Server {
	s.poll = d
	return s
}

// New returns a server over cat; log may be nil.
func New(cat *Catalog, version string, logger *log.Logger) *Server {
	if logger == nil {
		logger = log.New(io.Discard, "", 0)
	}
	s := &Server{cat: cat, version: version, log: logger, mux: http.NewServeMux(), lang: i18n.EN,
		derived: newLoaded(MaxCached), seen: newLoaded(maxSeen), diffModels: newLoaded(2 * maxDiffPairs), snaps: newLoaded(MaxCachedFiles), slots: make(chan struct{}, computeSlots*runtime.GOMAXPROCS(0))}
	s.gzPool.New = func() any { w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed); return w }
	s.mux.HandleFunc("GET /api/v1/census", s.apiCensus)
	s.mux.HandleFunc("GET /api/v1/models", s.apiModels)
	s.mux.HandleFunc("GET /api/v1/models/{name}", s.apiModel)
	s.mux.HandleFunc("GET /api/v1/snapshots", s.apiSnapshots)
	s.mux.HandleFunc("GET /api/v1/diff", s.apiDiff)
	s.mux.HandleFunc("GET /api/v1/estimate", s.apiEstimate)
	s.mux.HandleFunc("GET /api/v1/table", s.apiTable)
	s.mux.HandleFunc("GET /api/v1/thresholds", s.apiThresholds)
	s.mux.HandleFunc("GET /api/v1/trend", s.apiTrend)
	s.mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		s.send(w, r, openAPI, "public, max-age=3600")
	})
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead && apiEndpoint(r.URL.Path) {
			w.Header().Set("Allow", "GET, HEAD")
			s.fail(w, r, fmt.Errorf("%w: %s %s", errMethod, r.Method, r.URL.Path))
			return
		}
		s.fail(w, r, fmt.Errorf("%w: %s %s", errNoRoute, r.Method, r.URL.Path))
	})
	s.mux.HandleFunc("GET /healthz", s.health)
	s.routes()
	return s
}

// health answers a reverse proxy's health check: 200 and "ok" when the
// server can read its store's snapshot list (store.Generation, one small
// query, within two seconds), or serves a source; 503 and "unavailable"
// when it cannot, so that the proxy sends requests to another replica.
// It is never cached.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.cat.Store != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if _, err := s.cat.Store.Generation(ctx); err != nil {
			s.log.Printf("health: %v", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "unavailable\n")
			return
		}
	}
	io.WriteString(w, "ok\n")
}

var (
	errNoRoute = errors.New("no such endpoint")
	errMethod  = errors.New("the API only answers GET")
)

// apiEndpoint reports whether path is one of the API's endpoints.
func apiEndpoint(path string) bool {
	switch path {
	case "/api/v1/census", "/api/v1/models", "/api/v1/snapshots", "/api/v1/diff", "/api/v1/estimate", "/api/v1/openapi.json", "/api/v1/table",
		"/api/v1/thresholds", "/api/v1/trend":
		return true
	}
	rest, ok := strings.CutPrefix(path, "/api/v1/models/")
	return ok && rest != "" && !strings.Contains(rest, "/")
}

func (s *Server) logf(format string, args ...any) { s.log.Printf(format, args...) }

// CSP is the Content-Security-Policy of every response: everything from
// the server itself, no inline script or style, nothing framed.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// maxRequestBody caps request bodies (the API reads none).
const maxRequestBody = 1 << 16

// Handler returns the server's handler, with the security headers.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		r.Body = http.MaxBytesReader(w, r.Body, maxRequestBody)
		if len(r.URL.RawQuery) > 4096 {
			s.fail(w, r, bad("query", "param.query_long"))
			return
		}
		defer func() {
			if v := recover(); v != nil {
				s.logf("panic serving %s: %v", r.URL, v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		s.mux.ServeHTTP(w, r)
	})
}

// send writes a body with an ETag (answering If-None-Match with 304),
// Cache-Control, and gzip when the client takes it.
func (s *Server) send(w http.ResponseWriter, r *http.Request, body []byte, cache string) {
	var gz []byte
	if len(body) > 512 && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		b := buffers.Get().(*bytes.Buffer)
		defer putBuffer(b)
		b.Reset()
		zw := s.gzPool.Get().(*gzip.Writer)
		zw.Reset(b)
		zw.Write(body)
		zw.Close()
		s.gzPool.Put(zw)
		gz = b.Bytes()
	}
	writeBody(w, r, &response{body: body, gz: gz, etag: etagOf(body)}, cache)
}

// etagOf is the strong ETag of a body.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// writeBody sends a response with its ETag and Cache-Control ("" means
// no-cache: revalidate each time, as snapshots change), answering a
// matching If-None-Match with 304 and sending the gzip form, when there is
// one, to a client that takes it.
func writeBody(w http.ResponseWriter, r *http.Request, resp *response, cache string) {
	h := w.Header()
	h.Set("ETag", resp.etag)
	if cache == "" {
		cache = "no-cache"
	}
	h.Set("Cache-Control", cache)
	h.Add("Vary", "Accept-Encoding")
	if matches(r.Header.Get("If-None-Match"), resp.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := resp.body
	if resp.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = resp.gz
	} else if body == nil {
		var err error
		if body, err = resp.plain(); err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// matches reports whether an If-None-Match header names etag: one of a
// comma-separated list, weak or strong, or "*".
func matches(header, etag string) bool {
	for _, m := range strings.Split(header, ",") {
		m = strings.TrimSpace(m)
		if m == "*" || strings.TrimPrefix(m, "W/") == etag {
			return true
		}
	}
	return false
}

// HTTPServer returns an http.Server for addr with the limits and timeouts
// set.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    1 << 16,
		ErrorLog:          s.log,
	}
}

// Serve listens on addr until ctx ends, then shuts down gracefully.
// ready, if set, gets the address actually listened on.
func (s *Server) Serve(ctx context.Context, addr string, ready func(net.Addr)) error {
	srv := s.HTTPServer(addr)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(ln.Addr())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			return err
		}
		<-done
		return nil
	}
}

// UseLang makes l the pages' language when neither ?lang= nor the
// browser's Accept-Language names English or Korean. It returns s.
func (s *Server) UseLang(l i18n.Lang) *Server {
	s.lang = l
	return s
}

// UseFormats makes the census API answer in the report formats of r
// (?format=csv, …) besides JSON. It returns s.
func (s *Server) UseFormats(r *publish.Registry) *Server {
	s.formats = r
	return s
}

// Config is what Run serves, and where.
type Config struct {
	// Rules normalize the data.
	Rules *census.Rules
	// Source, when not empty, is read once at start and served; else
	// Store is served.
	Source string
	// Load are the options for reading Source.
	Load epoch.LoadOptions
	// Store is the snapshot store served when Source is empty.
	Store *store.Store
	// EstimateMissing fills missing training compute with estimates by
	// Epoch's method, marked as such (census.Dataset.EstimateMissing).
	EstimateMissing bool
	// Overlay, when set, is applied to every dataset served
	// (census.Dataset.UseOverlay).
	Overlay *census.Overlay
	// Formats are the output formats the census API offers.
	Formats *publish.Registry
	// Lang is the pages' language when the browser names none.
	Lang i18n.Lang
	// Addr is the HOST:PORT to listen on.
	Addr string
	// Version is shown in the pages and the API.
	Version string
	// Log receives the server's log lines.
	Log io.Writer
	// Listening is called once the server listens, with its address
	// (HOST:PORT).
	Listening func(addr string)
	// Poll is how often the store's snapshot list is asked for (0:
	// DefaultPoll).
	Poll time.Duration
	// Recipes are the recipes the Tables page offers; zero offers none.
	Recipes Recipes
}

// Run builds the catalog that c names (a source read once, or the store),
// and serves the dashboard and the API on c.Addr until ctx ends. Its
// errors are those of reading the source and of listening.
func Run(ctx context.Context, c Config) error {
	var cat *Catalog
	if c.Source != "" {
		var err error
		c.Load.EstimateMissing, c.Load.Overlay = c.EstimateMissing, c.Overlay
		if cat, err = NewSourceCatalog(ctx, c.Rules, c.Source, c.Load); err != nil {
			return err
		}
	} else {
		cat = NewStoreCatalog(c.Rules, c.Store)
		cat.EstimateMissing, cat.Overlay = c.EstimateMissing, c.Overlay
	}
	srv := New(cat, c.Version, log.New(c.Log, "modelcensus: ", log.LstdFlags))
	srv.UseFormats(c.Formats).UsePoll(c.Poll).UseRecipes(c.Recipes)
	if c.Lang != "" {
		srv.UseLang(c.Lang)
	}
	return srv.Serve(ctx, c.Addr, func(a net.Addr) {
		if c.Listening != nil {
			c.Listening(a.String())
		}
	})
}
