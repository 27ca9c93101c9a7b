package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serve listens on loopback, answers, and stops gracefully when its
// context ends (as on SIGINT or SIGTERM, which main turns into that).
func TestServeAndShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	io2 := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }, Now: time.Now, Deps: testDeps()}
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, io2, []string{"serve", "--source", fixture, "--date", "2025-03-01", "--addr", "127.0.0.1:0"})
	}()
	re := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)`)
	var addr string
	for i := 0; i < 200 && addr == ""; i++ {
		if m := re.FindStringSubmatch(errOut.String()); m != nil {
			addr = m[1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	if addr == "" {
		cancel()
		t.Fatalf("the server did not say where it listens: %q", errOut.String())
	}
	resp, err := http.Get("http://" + addr + "/api/v1/census")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"total": 7`) {
		t.Errorf("census: %d %.200s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(errOut.String(), "Stopped") {
			t.Errorf("exit %d, stderr %q", code, errOut.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop")
	}
	if _, err := http.Get("http://" + addr + "/api/v1/census"); err == nil {
		t.Errorf("the server still answers after shutdown")
	}
	if code, _, errOut := run(t, nil, "serve", "--addr", "nowhere"); code != ExitUsage {
		t.Errorf("bad --addr: exit %d %q", code, errOut)
	}
}
