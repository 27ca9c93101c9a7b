package overlay_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/internal/hostile"
	"github.com/modelcensus/modelcensus/internal/limits"
	"github.com/modelcensus/modelcensus/overlay"
)

// entry is a valid exclude entry; extra is added before its one source.
func entry(id, extra string) string {
	return fmt.Sprintf("id = %q\nkind = \"exclude\"\nmodel = \"Model %s\"\nreason = \"a test\"\nauthor = \"tester\"\ncreated = \"2026-11-29\"\n%s\n[[sources]]\nurl = \"https://example.org/x\"\nretrieved = \"2026-11-29\"\n", id, id, extra)
}

// Each hostile entry is one problem naming its file and the bound, in
// little memory and time; the good entry beside them is kept.
func TestOverlayBounds(t *testing.T) {
	dir := t.TempDir()
	put := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("good.toml", entry("good", ""))
	// A million [[sources]] tables: 66 MB.
	put("sources-million.toml", entry("many", strings.Repeat("[[sources]]\nurl = \"https://example.org/y\"\nretrieved = \"2026-11-29\"\n\n", 1_000_000)))
	// One value of 100 MB.
	put("value-100mb.toml", entry("big", "note_x = \""+strings.Repeat("x", 100<<20)+"\""))
	// Under the file bound, past the others.
	put("sources-101.toml", entry("some", strings.Repeat("[[sources]]\nurl = \"https://example.org/y\"\nretrieved = \"2026-11-29\"\n", limits.OverlaySources)))
	put("value-100kb.toml", strings.Replace(entry("long", ""), "a test", strings.Repeat("r", 100<<10), 1))
	// A FIFO: never opened.
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // file → field of the problem (by construction)
		"sources-million.toml": "",
		"value-100mb.toml":     "",
		"sources-101.toml":     "sources",
		"value-100kb.toml":     "reason",
		"fifo.toml":            "",
	}
	var ovLen int
	var problems []*overlay.Error
	done := make(chan error, 1)
	peak := hostile.PeakHeap(func() {
		go func() {
			ov, p, err := overlay.LoadCached(dir, "")
			if err == nil {
				ovLen, problems = len(ov.Entries), p
			}
			done <- err
		}()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Error(err)
			}
		case <-ctx.Done():
			t.Fatal("overlay still loading after a minute")
		}
	})
	if peak > 300<<20 {
		t.Errorf("peak heap %d MiB", peak>>20)
	}
	if ovLen != 1 {
		t.Errorf("%d entries kept, want good.toml's", ovLen)
	}
	got := map[string]bool{}
	for _, p := range problems {
		base := filepath.Base(p.File)
		field, ok := want[base]
		if !ok {
			t.Errorf("unexpected problem: %v", p)
			continue
		}
		got[base] = true
		code := overlay.CodeTooLarge
		if base == "fifo.toml" {
			code = overlay.CodeNotRegular
		}
		if p.Code != code || p.Field != field {
			t.Errorf("%s: %s %s (%v), want %s %s", base, p.Code, p.Field, p, code, field)
		}
		if code == overlay.CodeTooLarge && !strings.Contains(p.Error(), "bound") {
			t.Errorf("%s: the message does not name the bound: %v", base, p)
		}
		t.Log(p)
	}
	if len(got) != len(want) {
		t.Errorf("problems for %v, want one for each of %v", got, want)
	}
}

func TestOverlayTooManyEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100,001 files")
	}
	dir := t.TempDir()
	// Hard links: 100,001 names of a few files, the quickest to make (a
	// file system allows some 65,000 links to one file).
	const perFile = 50_000
	for i := 0; i <= limits.OverlayEntries; i++ {
		p := filepath.Join(dir, fmt.Sprintf("e%06d.toml", i))
		var err error
		if i%perFile == 0 {
			err = os.WriteFile(p, nil, 0o644)
		} else {
			err = os.Link(filepath.Join(dir, fmt.Sprintf("e%06d.toml", i/perFile*perFile)), p)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	_, _, err := overlay.LoadCached(dir, "")
	if !errors.Is(err, overlay.ErrTooManyEntries) || !strings.Contains(err.Error(), dir) {
		t.Fatalf("err = %v", err)
	}
}
