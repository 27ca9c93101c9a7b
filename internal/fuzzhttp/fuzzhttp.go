package fuzzhttp

import (
	"bytes"
	"io"
	"net/http"
	"strings"
)

// Answer is one response: its status, headers and body.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Transport answers each request with the Answer of the first key of
// Routes that its URL path ends with, or with Default.
type Transport struct {
	Routes  map[string]Answer
	Default Answer
}

// RoundTrip answers r from memory.
func (t *Transport) RoundTrip(r *http.Request) (*http.Response, error) {
	a := t.Default
	for suffix, ans := range t.Routes {
		if strings.HasSuffix(r.URL.Path, suffix) {
			a = ans
			break
		}
	}
	status := a.Status
	if status == 0 {
		status = http.StatusOK
	}
	h := http.Header{}
	for k, v := range a.Header {
		h[k] = v
	}
	if r.Body != nil {
		r.Body.Close()
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: h, Request: r,
		Body: io.NopCloser(bytes.NewReader(a.Body)), ContentLength: int64(len(a.Body)), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}, nil
}

// Client is an *http.Client over t.
func (t *Transport) Client() *http.Client { return &http.Client{Transport: t} }
