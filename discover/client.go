package discover

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"sync"
	"time"

	"github.com/modelcensus/modelcensus/internal/retry"
)

// maxBody caps an answer: a page of any of these APIs is far smaller.
const maxBody = 32 << 20

// Client fetches the sources' pages as a good client does: a timeout on
// every request; a retry with exponential backoff on 429 and 5xx answers
// and on network errors, honouring Retry-After; the ETag of each page
// kept, so that an unchanged page is answered 304 and served from memory,
// or from Cache on a later run; at most one request per MinInterval (arXiv
// asks for 3 s). The zero value is usable.
type Client struct {
	HTTP *http.Client
	// Timeout bounds one request (default 30 s); Retries is how many times
	// a failed request is retried (default 4); Backoff is the first wait
	// (default 1 s), doubled each time.
	Timeout time.Duration
	Retries int
	Backoff time.Duration
	// MinInterval is the least time between two requests (0: none).
	MinInterval time.Duration
	// UserAgent names modelcensus to the servers.
	UserAgent string
	// Cache, when set, keeps pages and their ETags between runs (a
	// DirCache); nil keeps them for the Client's life only.
	Cache Cache
	// Sleep waits (time.Sleep-like, but cancelled with ctx); tests replace
	// it.
	Sleep func(ctx context.Context, d time.Duration) error

	mu    sync.Mutex
	last  time.Time
	etags map[string]cached
}

type cached struct {
	etag string
	body []byte
}

// HTTPError is an answer other than 200 (or 304) after the retries.
type HTTPError struct {
	URL    string
	Status int
}

// Error names the request and the status: "GET URL: HTTP 503".
func (e *HTTPError) Error() string { return fmt.Sprintf("GET %s: HTTP %d", e.URL, e.Status) }

// NetError is a request that got no answer (the network's error, after
// the retries).
type NetError struct {
	URL string
	Err error
}

// Error names the request and the network's error.
func (e *NetError) Error() string { return fmt.Sprintf("GET %s: %v", e.URL, e.Err) }

// Unwrap returns the network's error, for errors.Is and errors.As.
func (e *NetError) Unwrap() error { return e.Err }

// MalformedError is an answer that is not what the API documents.
type MalformedError struct {
	URL string
	Err error
}

// Error names the request and what is wrong with the answer.
func (e *MalformedError) Error() string {
	return fmt.Sprintf("GET %s: malformed answer: %v", e.URL, e.Err)
}

// Unwrap returns the decoding error, for errors.Is and errors.As.
func (e *MalformedError) Unwrap() error { return e.Err }

// Get fetches url and returns its body and headers. Its errors are
// *HTTPError, the network's (wrapped, after the retries) and ctx's.
func (c *Client) Get(ctx context.Context, url string) ([]byte, http.Header, error) {
	retries, backoff, timeout := c.Retries, c.Backoff, c.Timeout
	if retries == 0 {
		retries = 4
	}
	if backoff == 0 {
		backoff = time.Second
	}
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	var body []byte
	var hdr http.Header
	err := retry.Do(ctx, retries, backoff, c.sleep, func() (time.Duration, bool, error) {
		if err := c.pace(ctx); err != nil {
			return 0, false, err
		}
		b, h, status, wait, err := c.once(ctx, hc, url, timeout)
		switch {
		case err == nil && status == http.StatusOK:
			body, hdr = b, h
			return 0, false, nil
		case err == nil && status != http.StatusTooManyRequests && status < 500:
			hdr = h
			return 0, false, &HTTPError{URL: url, Status: status}
		case err == nil:
			return wait, true, &HTTPError{URL: url, Status: status}
		case ctx.Err() != nil:
			return 0, false, ctx.Err()
		}
		// A host that does not resolve will not resolve in a few seconds:
		// no offline run should wait out the backoff for every page.
		var dns *net.DNSError
		again := !errors.As(err, &dns) || !dns.IsNotFound
		// net/http's error repeats the method and URL; the cause is enough.
		var ue *neturl.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return wait, again, &NetError{URL: url, Err: err}
	})
	if err != nil {
		return nil, hdr, err
	}
	return body, hdr, nil
}

// once makes one request: it returns the body of a 200 (or of a 304 from
// the ETag cache), the status, and how long Retry-After asks to wait.
func (c *Client) once(ctx context.Context, hc *http.Client, url string, timeout time.Duration) ([]byte, http.Header, int, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	ua := c.UserAgent
	if ua == "" {
		ua = "modelcensus (https://github.com/modelcensus/modelcensus)"
	}
	req.Header.Set("User-Agent", ua)
	c.mu.Lock()
	prev, have := c.etags[url]
	c.mu.Unlock()
	if !have && c.Cache != nil {
		if etag, body, ok := c.Cache.Load(url); ok {
			prev, have = cached{etag, body}, true
		}
	}
	if have {
		req.Header.Set("If-None-Match", prev.etag)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	defer resp.Body.Close()
	wait := retry.After(resp.Header.Get("Retry-After"))
	if resp.StatusCode == http.StatusNotModified && have {
		return prev.body, resp.Header, http.StatusOK, 0, nil
	}
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		return nil, resp.Header, resp.StatusCode, wait, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, nil, 0, 0, err
	}
	if len(body) > maxBody {
		return nil, nil, 0, 0, errors.New("answer over 32 MiB")
	}
	if etag := resp.Header.Get("ETag"); etag != "" {
		c.mu.Lock()
		if c.etags == nil {
			c.etags = map[string]cached{}
		}
		c.etags[url] = cached{etag, body}
		c.mu.Unlock()
		if c.Cache != nil {
			_ = c.Cache.Store(url, etag, body) // a page not kept is asked for in full next time
		}
	}
	return body, resp.Header, http.StatusOK, 0, nil
}

// pace waits until MinInterval has passed since the last request.
func (c *Client) pace(ctx context.Context) error {
	if c.MinInterval <= 0 {
		return nil
	}
	c.mu.Lock()
	wait := time.Until(c.last.Add(c.MinInterval))
	c.mu.Unlock()
	if wait > 0 {
		if err := c.sleep(ctx, wait); err != nil {
			return err
		}
	}
	c.mu.Lock()
	c.last = time.Now()
	c.mu.Unlock()
	return nil
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	return retry.Sleep(ctx, d)
}
