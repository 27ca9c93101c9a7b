package overlay_test

import (
	"os"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/overlay"
)

// FuzzOverlayFile parses arbitrary entry files: it never panics, every
// problem names the file, and an entry without problems has a valid id,
// a kind, and at least one source.
func FuzzOverlayFile(f *testing.F) {
	for _, p := range []string{"testdata/bad/good.toml", "testdata/bad/bad-date.toml", "testdata/bad/stray-key.toml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(entry("x", "")))
	f.Add([]byte(entry("y", strings.Repeat("[[sources]]\nurl = \"https://e.org\"\nretrieved = 2026-01-01\n", 3))))
	f.Add([]byte("id = 1\nkind = [\"add\"]\n[sources]\nurl = 3\n"))
	f.Add([]byte("a = \"\"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, errs := overlay.Parse("entry.toml", data)
		for _, p := range errs {
			if p.File != "entry.toml" || !strings.HasPrefix(p.Error(), "entry.toml") {
				t.Errorf("a problem not naming the file: %v", p)
			}
		}
		if len(errs) == 0 && (e.ID == "" || e.Kind == "" || len(e.Sources) == 0) {
			t.Errorf("an entry accepted without id, kind or source: %+v", e)
		}
	})
}
