package overlay_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/overlay"
)

// Each bad entry of testdata/bad gets one message naming its file, line
// and field, and the good entry is still read.
func TestLoadBadEntries(t *testing.T) {
	ov, problems, err := overlay.Load("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	// By hand: good.toml is the only good entry (dup-id.toml comes first
	// in name order, so good.toml is the duplicate).
	want := map[string]struct {
		line  int
		field string
		code  string
	}{
		"bad-date.toml":      {4, "date", overlay.CodeBadValue},
		"good.toml":          {1, "id", overlay.CodeDuplicate},
		"no-source.toml":     {0, "sources", overlay.CodeNoSource},
		"unknown-field.toml": {4, "field", overlay.CodeBadValue},
		"stray-key.toml":     {7, "colour", overlay.CodeUnknown},
	}
	got := map[string]*overlay.Error{}
	for _, p := range problems {
		if _, dup := got[filepath.Base(p.File)]; dup {
			t.Errorf("two messages for %s: %v", p.File, p)
		}
		got[filepath.Base(p.File)] = p
	}
	for f, w := range want {
		p := got[f]
		if p == nil {
			t.Errorf("%s: no message", f)
			continue
		}
		if p.Line != w.line || p.Field != w.field || p.Code != w.code {
			t.Errorf("%s: %d %s %s (%v); want line %d, field %s, %s", f, p.Line, p.Field, p.Code, p, w.line, w.field, w.code)
		}
		if !strings.HasPrefix(p.Error(), p.File) {
			t.Errorf("message %q does not start with the file", p.Error())
		}
	}
	if len(problems) != len(want) {
		t.Errorf("%d problems, want %d: %v", len(problems), len(want), problems)
	}
	if len(ov.Entries) != 1 || ov.Entries[0].Model != "Third Model" {
		t.Errorf("entries %+v; want dup-id.toml's alone", ov.Entries)
	}
	if len(ov.Hash) != 64 {
		t.Errorf("hash %q", ov.Hash)
	}
}

// An entry written from flags reads back the same; retiring it takes it
// out of the overlay and keeps the file.
func TestWriteReadRetire(t *testing.T) {
	dir := t.TempDir()
	e := census.Entry{ID: "fix-c", Kind: census.EntryCorrect, Model: "Model C", Field: census.FieldCompute, Upstream: "", Value: "6e23",
		Reason: "r", Author: "a", Created: "2026-11-29", Sources: []census.CurationSource{{URL: "https://example.org", Retrieved: "2026-11-28", Note: "n"}}}
	path, err := overlay.Write(dir, e)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := overlay.Write(dir, e); !errors.Is(err, overlay.ErrExists) {
		t.Errorf("writing the same id twice: %v", err)
	}
	ov, problems, err := overlay.Load(dir)
	if err != nil || len(problems) > 0 || len(ov.Entries) != 1 {
		t.Fatalf("load: %v %v %+v", err, problems, ov)
	}
	g := ov.Entries[0]
	if g.ID != e.ID || g.Field != e.Field || g.Value != e.Value || g.Upstream != "" || g.Sources[0] != e.Sources[0] || g.File != path {
		t.Errorf("read back %+v", g)
	}
	bad := e
	bad.ID, bad.Sources = "no-sources", nil
	var oe *overlay.Error
	if _, err := overlay.Write(dir, bad); !errors.As(err, &oe) || oe.Code != overlay.CodeNoSource {
		t.Errorf("an entry without sources was written: %v", err)
	}
	to, err := overlay.Retire(dir, "fix-c")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(to); err != nil || filepath.Base(filepath.Dir(to)) != overlay.RetiredDir {
		t.Errorf("retired to %s: %v", to, err)
	}
	if ov, _, _ := overlay.Load(dir); len(ov.Entries) != 0 {
		t.Errorf("a retired entry is still read: %+v", ov.Entries)
	}
	if _, err := overlay.Retire(dir, "fix-c"); !errors.Is(err, overlay.ErrNoEntry) {
		t.Errorf("retiring twice: %v", err)
	}
}

// The example overlay shipped with modelcensus is valid.
func TestExampleOverlayIsValid(t *testing.T) {
	ov, problems, err := overlay.Load("../examples/overlay-kr")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if len(ov.Entries) != 10 {
		t.Errorf("%d entries, want 10", len(ov.Entries))
	}
	for _, e := range ov.Entries {
		if len(e.Sources) == 0 || e.Kind != census.EntryAdd {
			t.Errorf("%s: %d sources, kind %s", e.ID, len(e.Sources), e.Kind)
		}
	}
}

// A cached load gives the same entries and hash as a fresh one, and a
// changed file is read again.
func TestLoadCached(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	data, err := os.ReadFile("../examples/overlay-kr/add-kanana.toml")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "add-kanana.toml")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	plain, _, _ := overlay.Load(dir)
	first, _, _ := overlay.LoadCached(dir, cache)
	second, problems, err := overlay.LoadCached(dir, cache)
	if err != nil || len(problems) > 0 || second.Hash != plain.Hash || first.Hash != plain.Hash ||
		len(second.Entries) != 1 || second.Entries[0].Model != "Kanana" || second.Entries[0].File != p {
		t.Fatalf("cached load: %v %v %+v", err, problems, second)
	}
	if files, _ := filepath.Glob(filepath.Join(cache, "overlay-*.gob")); len(files) != 1 {
		t.Errorf("cache files %v", files)
	}
	// A change of size: the file is parsed again.
	changed := strings.Replace(string(data), `model = "Kanana"`, `model = "Kanana 2"`, 1)
	if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	third, _, _ := overlay.LoadCached(dir, cache)
	if third.Entries[0].Model != "Kanana 2" || third.Hash == plain.Hash {
		t.Errorf("a changed file was not read again: %+v", third.Entries[0])
	}
}
