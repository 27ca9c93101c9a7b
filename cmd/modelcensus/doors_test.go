package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every package of the module has a door: a doc.go holding its package
// comment ("Package NAME …", or "Command NAME …" for a program), and no
// other file has one, so that `go doc` shows one description and a reader
// knows where to look (issue 28).
func TestEveryPackageHasOneDoor(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skipf("no module root at %s: %v", root, err)
	}
	packages := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
			return filepath.SkipDir
		}
		files, err := filepath.Glob(filepath.Join(path, "*.go"))
		if err != nil {
			return err
		}
		var withDoc []string
		code := false
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			code = true
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.PackageClauseOnly|parser.ParseComments)
			if err != nil {
				return err
			}
			if af.Doc == nil {
				continue
			}
			withDoc = append(withDoc, filepath.Base(f))
			if filepath.Base(f) != "doc.go" {
				continue
			}
			want := "Package " + af.Name.Name + " "
			if af.Name.Name == "main" {
				want = "Command " + filepath.Base(path) + " "
			}
			if text := af.Doc.Text(); !strings.HasPrefix(text, want) {
				t.Errorf("%s: the package comment should start %q, not %q", f, want, strings.SplitN(text, "\n", 2)[0])
			}
		}
		if !code {
			return nil
		}
		packages++
		rel, _ := filepath.Rel(root, path)
		if len(withDoc) != 1 || withDoc[0] != "doc.go" {
			t.Errorf("%s: want the package comment in doc.go alone, found it in %v", rel, withDoc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if packages < 30 {
		t.Errorf("found %d packages under %s; the walk is missing some", packages, root)
	}
}
