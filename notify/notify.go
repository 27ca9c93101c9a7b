package notify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/modelcensus/modelcensus/internal/retry"
)

// Webhook POSTs a JSON body to URL. A 2xx answer is success; a network
// error, a 429 or a 5xx is retried up to Retries times (default 4), waiting
// Backoff (default 2 s), doubled each time, or what Retry-After asks (at
// most retry.MaxWait); any other answer fails at once. Each attempt is
// bounded by Timeout (default 30 s).
type Webhook struct {
	URL     string
	HTTP    *http.Client
	Retries int
	Backoff time.Duration
	Timeout time.Duration
	// Sleep waits (cancelled with ctx); tests replace it. nil sleeps.
	Sleep func(ctx context.Context, d time.Duration) error
}

// StatusError is a webhook's final answer other than 2xx.
type StatusError struct {
	URL    string
	Status int
}

// Error names the request and the status: "POST URL: HTTP 500".
func (e *StatusError) Error() string { return fmt.Sprintf("POST %s: HTTP %d", e.URL, e.Status) }

// Send POSTs body (JSON) and returns once the receiver took it. Its errors
// are *StatusError, the network's after the retries (wrapped) and ctx's.
func (w *Webhook) Send(ctx context.Context, body []byte) error {
	retries, backoff, timeout := w.Retries, w.Backoff, w.Timeout
	if retries == 0 {
		retries = 4
	}
	if backoff == 0 {
		backoff = 2 * time.Second
	}
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	hc := w.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	return retry.Do(ctx, retries, backoff, w.Sleep, func() (time.Duration, bool, error) {
		status, wait, err := w.post(ctx, hc, body, timeout)
		switch {
		case err == nil && status/100 == 2:
			return 0, false, nil
		case err == nil && status != http.StatusTooManyRequests && status < 500:
			return 0, false, &StatusError{URL: w.URL, Status: status}
		case err != nil && ctx.Err() != nil:
			return 0, false, ctx.Err()
		case err != nil:
			return wait, true, fmt.Errorf("POST %s: %w", w.URL, err)
		}
		return wait, true, &StatusError{URL: w.URL, Status: status}
	})
}

// post makes one attempt: the status and how long Retry-After asks.
func (w *Webhook) post(ctx context.Context, hc *http.Client, body []byte, timeout time.Duration) (int, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "modelcensus (https://github.com/modelcensus/modelcensus)")
	resp, err := hc.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	return resp.StatusCode, retry.After(resp.Header.Get("Retry-After")), nil
}

// Exec runs Command through /bin/sh -c, with the JSON on its standard
// input and its output passed to Stdout and Stderr (discarded when nil).
// Env is added to the process's environment ("KEY=value").
type Exec struct {
	Command        string
	Env            []string
	Stdout, Stderr io.Writer
}

// Run runs the command with body on its standard input. It fails with
// *exec.ExitError when the command exits non-zero, and the error of
// starting it (wrapped) otherwise.
func (e *Exec) Run(ctx context.Context, body []byte) error {
	if e.Command == "" {
		return errors.New("notify: no command")
	}
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", e.Command)
	cmd.Stdin = bytes.NewReader(body)
	cmd.Stdout, cmd.Stderr = e.Stdout, e.Stderr
	cmd.Env = append(os.Environ(), e.Env...)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("notify: %s: %w", e.Command, err)
	}
	return nil
}
