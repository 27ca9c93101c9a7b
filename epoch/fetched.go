package epoch

import (
	"fmt"
	"io"
	"time"
)

// This file declares what a download gives and how it fails; package
// epoch/download does the downloading (it links net/http, which the fast
// modelcensus binary leaves out; see OpenOptions.Download).

// Defaults applied by Fetch to zero-valued FetchOptions fields.
const (
	DefaultFetchTimeout   = 5 * time.Minute
	DefaultConnectTimeout = 30 * time.Second
	DefaultMaxBytes       = 512 << 20
	DefaultUserAgent      = "modelcensus"
)

// FetchOptions configures Fetch. The zero value is usable.
type FetchOptions struct {
	// CacheDir is where cached bodies live; "" means
	// os.UserCacheDir()/modelcensus.
	CacheDir string
	// Timeout bounds the whole request, body included; 0 means 5 minutes.
	Timeout time.Duration
	// ConnectTimeout bounds dialing, the TLS handshake and waiting for the
	// response headers; 0 means 30 seconds.
	ConnectTimeout time.Duration
	// MaxBytes caps the body size; 0 means 512 MiB. A larger body is an
	// error of kind FetchTooLarge and nothing is cached.
	MaxBytes int64
	// Progress is where a progress bar is drawn; nil means none. The bar is
	// only drawn when Progress is an *os.File attached to a terminal.
	Progress io.Writer
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// UserAgent is sent as the User-Agent header; "" means "modelcensus".
	UserAgent string
}

// Fetched describes the local copy that Fetch returns.
type Fetched struct {
	// URL is the URL that was fetched.
	URL string
	// Path is the absolute path of the cached body on disk.
	Path string
	// ETag is the entity tag the server sent with the body, if any.
	ETag string
	// Size is the body size in bytes.
	Size int64
	// SHA256 is the lowercase hex SHA-256 of the body.
	SHA256 string
	// RetrievedAt is when the body was downloaded from the server.
	RetrievedAt time.Time
	// ValidatedAt is the last time the server confirmed the body (200 or 304).
	ValidatedAt time.Time
	// FromCache reports that the body came from the cache (304 Not Modified,
	// or offline fallback).
	FromCache bool
	// Offline reports that the server could not be reached and a cached copy
	// was used.
	Offline bool
}

// Age is how long ago the cached body was downloaded, at time now. It is
// never negative.
func (f *Fetched) Age(now time.Time) time.Duration {
	if f == nil || f.RetrievedAt.IsZero() {
		return 0
	}
	return max(now.Sub(f.RetrievedAt), 0)
}

// FetchErrorKind classifies a download failure.
type FetchErrorKind int

// Kinds of FetchError.
const (
	// FetchOffline means the server could not be reached (or the connection
	// failed mid-body) and nothing is cached.
	FetchOffline FetchErrorKind = iota + 1
	// FetchStatus means the server answered with an HTTP error status.
	FetchStatus
	// FetchTooLarge means the body exceeded MaxBytes.
	FetchTooLarge
	// FetchTruncated means the body ended before Content-Length bytes arrived.
	FetchTruncated
	// FetchCache means the cache directory could not be used.
	FetchCache
)

// String returns a short lowercase name for the kind.
func (k FetchErrorKind) String() string {
	switch k {
	case FetchOffline:
		return "offline"
	case FetchStatus:
		return "status"
	case FetchTooLarge:
		return "too-large"
	case FetchTruncated:
		return "truncated"
	case FetchCache:
		return "cache"
	default:
		return fmt.Sprintf("FetchErrorKind(%d)", int(k))
	}
}

// FetchError is returned by Fetch for download failures. Cancellation of the
// caller's context is reported as a plain error wrapping ctx.Err() instead.
type FetchError struct {
	// Kind classifies the failure.
	Kind FetchErrorKind
	// URL is the URL being fetched.
	URL string
	// Status is the HTTP status code for FetchStatus, else 0.
	Status int
	// Limit is the size cap in bytes for FetchTooLarge, else 0.
	Limit int64
	// Err is the underlying cause, if any.
	Err error
}

// Error returns a one-line English description of the failure.
func (e *FetchError) Error() string {
	cause := ""
	if e.Err != nil {
		cause = e.Err.Error()
	}
	switch e.Kind {
	case FetchOffline:
		if cause == "" {
			cause = "no connection"
		}
		return fmt.Sprintf("download %s: server unreachable (%s) and no cached copy; use --source FILE to read a downloaded file", e.URL, cause)
	case FetchStatus:
		s := fmt.Sprintf("download %s: server answered HTTP %d", e.URL, e.Status)
		if t := statusText[e.Status]; t != "" {
			s += " " + t
		}
		return s
	case FetchTooLarge:
		return fmt.Sprintf("download %s: body exceeds the size limit of %s (%d bytes); nothing was cached", e.URL, FormatBytes(e.Limit), e.Limit)
	case FetchTruncated:
		if cause == "" {
			cause = "connection closed early"
		}
		return fmt.Sprintf("download %s: body truncated (%s); nothing was cached", e.URL, cause)
	case FetchCache:
		return fmt.Sprintf("download %s: cache directory unusable: %s", e.URL, cause)
	default:
		return fmt.Sprintf("download %s: %s", e.URL, cause)
	}
}

// Unwrap returns the underlying cause.
func (e *FetchError) Unwrap() error { return e.Err }

// statusText names the HTTP statuses a download commonly meets (as
// net/http's StatusText does, which this package does not link).
var statusText = map[int]string{
	400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
	408: "Request Timeout", 410: "Gone", 429: "Too Many Requests",
	500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
}

// FormatBytes writes a size in bytes for people: 950 B, 6.3 MB.
func FormatBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v := float64(n)
	for _, u := range []string{"kB", "MB", "GB", "TB"} {
		v /= unit
		if v < unit {
			return fmt.Sprintf("%.1f %s", v, u)
		}
	}
	return fmt.Sprintf("%.1f PB", v/unit)
}
