package epoch_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
)

func TestCopyOf(t *testing.T) {
	for name, want := range map[string]string{
		"large_scale_ai_models (1).csv":        "large_scale_ai_models.csv",
		"large_scale_ai_models(2).csv":         "large_scale_ai_models.csv",
		"large_scale_ai_models - Copy.csv":     "large_scale_ai_models.csv",
		"large_scale_ai_models - Copy (2).csv": "large_scale_ai_models.csv",
		"large_scale_ai_models copy.csv":       "large_scale_ai_models.csv",
		"large_scale_ai_models copy 2.csv":     "large_scale_ai_models.csv",
		"large_scale_ai_models 2.csv":          "large_scale_ai_models.csv",
		"large_scale_ai_models - 복사본.csv":      "large_scale_ai_models.csv",
		"large_scale_ai_models (1) - Copy.csv": "large_scale_ai_models.csv",
	} {
		if got, ok := epoch.CopyOf(name); !ok || got != want {
			t.Errorf("CopyOf(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"large_scale_ai_models.csv", "notable_ai_models_2024.csv", "report 2025.csv", "all_ai_models.csv"} {
		if got, ok := epoch.CopyOf(name); ok || got != name {
			t.Errorf("CopyOf(%q) = %q, %v; want no copy", name, got, ok)
		}
	}
}

const copyHeader = "Model,Organization,Country (of organization),Publication date,Last modified"

// copyFolder writes a folder holding two downloads of the large-scale
// file, under the names given, and a notable file.
func copyFolder(t *testing.T, older, newer string, oldRows, newRows [][]string) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, older, csvText(copyHeader, oldRows))
	write(t, dir, newer, csvText(copyHeader, newRows))
	write(t, dir, "notable_ai_models.csv", csvText(copyHeader, [][]string{{"N1", "OpenAI", "United States of America", "2024-01-01", "2025-01-01 00:00:00+00:00"}}))
	return dir
}

// The data's own "Last modified" values tell the newer of two downloads
// in a folder: it alone is read, whatever the copy's name, and a note
// names both. A model Epoch removed since is not counted again.
func TestFolderCopiesNewestByLastModified(t *testing.T) {
	oldRows := [][]string{
		{"A", "OpenAI", "United States of America", "2024-01-01", "2025-01-05 10:00:00+00:00"},
		{"B", "Google DeepMind", "United Kingdom of Great Britain and Northern Ireland", "2024-02-01", "2025-01-06 10:00:00+00:00"},
		{"Removed later", "Lab", "China", "2024-03-01", "2025-01-07 10:00:00+00:00"},
	}
	newRows := [][]string{
		{"A", "OpenAI", "United States of America", "2024-01-01", "2025-01-05 10:00:00+00:00"},
		{"B", "Google DeepMind", "United Kingdom of Great Britain and Northern Ireland", "2024-02-01", "2025-06-01 09:00:00+00:00"},
		{"C", "Alibaba", "China", "2024-04-01", "2025-05-01 10:00:00+00:00"},
	}
	for _, tc := range []struct{ older, newer string }{
		{"large_scale_ai_models.csv", "large_scale_ai_models (1).csv"},
		{"large_scale_ai_models - Copy.csv", "large_scale_ai_models.csv"}, // the copy is the older
		{"large_scale_ai_models copy 2.csv", "large_scale_ai_models copy.csv"},
	} {
		dir := copyFolder(t, tc.older, tc.newer, oldRows, newRows)
		ds, err := load(t, dir, epoch.LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tc.newer, err)
		}
		var want []string
		for _, r := range newRows {
			want = append(want, r[0])
		}
		got := modelNames(ds)
		sort.Strings(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: models %v, want the newer copy's %v", tc.newer, got, want)
		}
		if len(ds.Snapshot.Files) != 1 || filepath.Base(ds.Snapshot.Files[0].Name) != tc.newer {
			t.Errorf("files read %+v, want %s alone", ds.Snapshot.Files, tc.newer)
		}
		res, err := census.Compute(ds, census.Options{From: 2024, To: 2024})
		if err != nil {
			t.Fatal(err)
		}
		n, ok := noteOf(res.Notes, census.NoteCopyIgnored)
		if !ok || n.Args[0] != tc.older || n.Args[1] != tc.newer || n.Args[2] != "2025-06-01 09:00:00" {
			t.Errorf("note %+v", n)
		}
		// The notable file is not a copy of anything.
		ds, err = load(t, dir, epoch.LoadOptions{Subset: epoch.SubsetNotable})
		if err != nil || ds.Len() != 1 {
			t.Errorf("notable: %v", err)
		}
	}
}

// Copies that their data does not tell apart are refused with both
// names, never merged; copies with the same bytes are read once.
func TestFolderCopiesUndecided(t *testing.T) {
	rowsA := [][]string{{"A", "OpenAI", "United States of America", "2024-01-01", "2025-01-05 10:00:00+00:00"}}
	rowsB := [][]string{
		{"A", "OpenAI", "United States of America", "2024-01-01", "2025-01-05 10:00:00+00:00"},
		{"B", "OpenAI", "United States of America", "2024-01-02", "2025-01-05 10:00:00+00:00"},
	}
	dir := copyFolder(t, "large_scale_ai_models.csv", "large_scale_ai_models (1).csv", rowsA, rowsB)
	_, err := load(t, dir, epoch.LoadOptions{})
	var ie *epoch.InputError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputCopies || len(ie.Available) != 2 ||
		!strings.Contains(err.Error(), "large_scale_ai_models.csv") || !strings.Contains(err.Error(), "large_scale_ai_models (1).csv") {
		t.Errorf("same newest value: %v", err)
	}
	// A copy that is no export (an error page saved under the name) is
	// left out for the one with "Last modified" values.
	dir = t.TempDir()
	write(t, dir, "large_scale_ai_models (1).csv", []byte("<!DOCTYPE html><html><body>Too many requests</body></html>"))
	write(t, dir, "large_scale_ai_models.csv", csvText(copyHeader, rowsB))
	ds, err := load(t, dir, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != len(rowsB) || len(ds.Snapshot.IgnoredCopies) != 1 || census.CopyNote(ds.Snapshot.IgnoredCopies[0]).Code != census.NoteCopyIgnored+"_undated" {
		t.Errorf("%d models, copies %+v", ds.Len(), ds.Snapshot.IgnoredCopies)
	}
	// No "Last modified" column at all.
	dir = t.TempDir()
	write(t, dir, "large_scale_ai_models.csv", []byte("Model,Publication date\nA,2024-01-01\n"))
	write(t, dir, "large_scale_ai_models (1).csv", []byte("Model,Publication date\nA,2024-01-01\nB,2024-02-01\n"))
	if _, err := load(t, dir, epoch.LoadOptions{}); !errors.As(err, &ie) || ie.Kind != epoch.InputCopies {
		t.Errorf("no Last modified: %v", err)
	}
	// The same bytes twice: read once.
	data, err := os.ReadFile(filepath.Join(dir, "large_scale_ai_models.csv"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "large_scale_ai_models (1).csv", data)
	ds, err = load(t, dir, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != 1 || len(ds.Snapshot.IgnoredCopies) != 1 || ds.Snapshot.IgnoredCopies[0].Basis != census.CopyIdentical {
		t.Errorf("%d models, copies %+v", ds.Len(), ds.Snapshot.IgnoredCopies)
	}
}
