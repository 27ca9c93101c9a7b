package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/web"
)

// bringFolder writes a source of two subsets, the model Brought-LM in the
// notable file only, and an overlay whose add entry brings it from there.
func bringFolder(t *testing.T) (src, ov string) {
	t.Helper()
	dir := t.TempDir()
	src = filepath.Join(dir, "src")
	ov = filepath.Join(dir, "overlay")
	for _, d := range []string{src, ov} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const header = "Model,Domain,Organization,Publication date,Training compute (FLOP),Confidence,Model accessibility,Country (of organization)\n"
	files := map[string]string{
		"large_scale_ai_models.csv": header + "Big-LM,Language,OpenAI,2024-05-01,2e+24,Confident,API access,United States of America\n",
		"notable_ai_models.csv": header + "Big-LM,Language,OpenAI,2024-05-01,2e+24,Confident,API access,United States of America\n" +
			"Brought-LM,Language,Naver,2024-06-01,3e+23,Likely,Open weights (unrestricted),Korea (Republic of)\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	entry := `id = "add-brought"
kind = "add"
model = "Brought-LM"
reason = "in notable, not in large-scale"
author = "test@example.org"
created = "2026-11-27"
date = "2024-06-01"
from = "notable"

[[sources]]
url = "https://example.org/brought"
retrieved = "2026-11-27"
`
	if err := os.WriteFile(filepath.Join(ov, "add-brought.toml"), []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	return src, ov
}

// serve brings an add entry's row from its From subset whether it serves
// a source or the store (the newest snapshot): the served overlay holds
// the notable file's row, with its organization and compute.
func TestServeBringsOverlayRows(t *testing.T) {
	src, ov := bringFolder(t)
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := run(t, nil, "pull", "--source", src, "--db", db, "--overlay", "none"); code != ExitOK {
		t.Fatalf("pull: exit %d %s", code, errOut)
	}
	for _, args := range [][]string{
		{"serve", "--source", src, "--overlay", ov},
		{"serve", "--db", db, "--overlay", ov},
	} {
		var got *census.Overlay
		deps := testDeps()
		deps.Serve = func(ctx context.Context, c web.Config) error {
			got = c.Overlay
			return nil
		}
		var stdout, stderr bytes.Buffer
		io := &IOStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr,
			Getenv: func(string) string { return "" }, Now: time.Now, Deps: deps}
		if code := Run(context.Background(), io, args); code != ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, stderr.String())
		}
		if got == nil {
			t.Fatalf("%v: no overlay served", args)
		}
		raw, ok := got.Brought["add-brought"]
		if !ok {
			t.Fatalf("%v: nothing brought: %v", args, got.Brought)
		}
		if org, flop := raw.Get(census.FieldOrganization), raw.Get(census.FieldCompute); org != "Naver" || flop != "3e+23" {
			t.Errorf("%v: brought organization %q, compute %q; want Naver, 3e+23", args, org, flop)
		}
	}
}
