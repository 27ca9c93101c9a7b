package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/modelcensus/modelcensus/i18n"
)

// cliDocsDir is where the generated CLI reference lives, one Markdown page
// per command (docs/layout.md says how to regenerate it).
const cliDocsDir = "../docs/cli"

// docsRoot builds the English command tree as main does, with an empty
// environment, so that no default in the reference depends on the machine.
func docsRoot() *cobra.Command {
	var out, errOut bytes.Buffer
	io := &IOStreams{
		In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) },
		Deps:   testDeps(),
	}
	root := NewRoot(io, i18n.EN)
	root.DisableAutoGenTag = true
	return root
}

// renderCLIReference renders the reference of every command of root, as
// cobra/doc writes it, keyed by file name.
func renderCLIReference(t *testing.T, root *cobra.Command) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if err := doc.GenMarkdownTreeCustom(root, dir, func(string) string { return "" }, func(name string) string { return name }); err != nil {
		t.Fatalf("rendering the CLI reference: %v", err)
	}
	pages := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		pages[e.Name()] = b
	}
	return pages
}

// TestCLIReference fails when docs/cli/ is not what the commands' help
// says today. UPDATE_DOCS=1 go test ./cli -run TestCLIReference rewrites it.
func TestCLIReference(t *testing.T) {
	root := docsRoot()
	want := renderCLIReference(t, root)
	if len(want) == 0 {
		t.Fatal("no page rendered")
	}
	// Every command of the tree, at every depth, has its page.
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.IsAvailableCommand() && c.HasParent() {
			return
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
		if _, ok := want[name]; !ok {
			t.Errorf("command %q has no page %s", c.CommandPath(), name)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)

	if os.Getenv("UPDATE_DOCS") != "" {
		if err := os.RemoveAll(cliDocsDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(cliDocsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join(cliDocsDir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d pages to %s", len(want), cliDocsDir)
		return
	}
	entries, err := os.ReadDir(cliDocsDir)
	if err != nil {
		t.Fatalf("%v: run UPDATE_DOCS=1 go test ./cli -run TestCLIReference", err)
	}
	have := map[string]bool{}
	for _, e := range entries {
		have[e.Name()] = true
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("%s/%s documents no command any more", cliDocsDir, e.Name())
		}
	}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !have[name] {
			t.Errorf("%s/%s is missing", cliDocsDir, name)
			continue
		}
		got, err := os.ReadFile(filepath.Join(cliDocsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("%s/%s is stale", cliDocsDir, name)
		}
	}
	if t.Failed() {
		t.Log("the CLI reference is stale: UPDATE_DOCS=1 go test ./cli -run TestCLIReference rewrites docs/cli/")
	}
}
