package notify_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/notify"
)

// The receiver answers 503, then 429 asking for 10 s, then takes the
// body: two retries, waiting the backoff's 2 s, then Retry-After's 10 s.
func TestWebhookRetries(t *testing.T) {
	var calls atomic.Int32
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			w.Header().Set("Retry-After", "10")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			got, _ = io.ReadAll(r.Body)
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	defer srv.Close()
	var waits []time.Duration
	wh := &notify.Webhook{URL: srv.URL, Sleep: func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }}
	if err := wh.Send(context.Background(), []byte(`{"event":"census_changed"}`)); err != nil {
		t.Fatal(err)
	}
	if string(got) != `{"event":"census_changed"}` || calls.Load() != 3 {
		t.Errorf("received %q after %d calls", got, calls.Load())
	}
	if len(waits) != 2 || waits[0] != 2*time.Second || waits[1] != 10*time.Second {
		t.Errorf("waits %v, want [2s 10s]", waits)
	}
}

// A 400 is not retried; a receiver that keeps failing is given up on
// after the retries, with its status.
func TestWebhookFails(t *testing.T) {
	var calls atomic.Int32
	status := http.StatusBadRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(status)
	}))
	defer srv.Close()
	noWait := func(context.Context, time.Duration) error { return nil }
	var se *notify.StatusError
	err := (&notify.Webhook{URL: srv.URL, Sleep: noWait}).Send(context.Background(), []byte(`{}`))
	if !errors.As(err, &se) || se.Status != 400 || calls.Load() != 1 {
		t.Errorf("400: %v after %d calls", err, calls.Load())
	}
	calls.Store(0)
	status = http.StatusBadGateway
	err = (&notify.Webhook{URL: srv.URL, Retries: 2, Sleep: noWait}).Send(context.Background(), []byte(`{}`))
	if !errors.As(err, &se) || se.Status != 502 || calls.Load() != 3 {
		t.Errorf("502: %v after %d calls, want 3", err, calls.Load())
	}
}

// The command reads the JSON on its standard input and sees the variables.
func TestExec(t *testing.T) {
	out := filepath.Join(t.TempDir(), "event.json")
	x := &notify.Exec{Command: `cat > "$OUT"; echo "$MODELCENSUS_TO" >> "$OUT"`, Env: []string{"OUT=" + out, "MODELCENSUS_TO=7"}}
	if err := x.Run(context.Background(), []byte(`{"event":"census_changed"}`)); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "{\"event\":\"census_changed\"}7\n" {
		t.Errorf("the command wrote %q", b)
	}
	var ee interface{ ExitCode() int }
	if err := (&notify.Exec{Command: "exit 3"}).Run(context.Background(), nil); !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Errorf("exit 3: %v", err)
	}
}
