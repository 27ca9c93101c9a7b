package shared

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
)

// Dir returns the snapshot archive's path, or "" when there is none.
func Dir() string {
	if d := os.Getenv("MODELCENSUS_SNAPSHOTS"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// internal/shared/shared.go → repository root → ../shared
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(root), "shared", "epoch-snapshots")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// Snapshots returns the archive's path, or skips t with a clear message.
func Snapshots(t testing.TB) string {
	t.Helper()
	d := Dir()
	if d == "" {
		t.Skip("the real Epoch exports are not here: put them in ../shared/epoch-snapshots beside the repository, or set MODELCENSUS_SNAPSHOTS")
	}
	return d
}

// CSVFiles returns every CSV in the archive's dated folders, sorted.
func CSVFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Snapshots(t), "*", "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no CSV files under %s", Dir())
	}
	sort.Strings(files)
	return files
}

// Cases returns ../shared/cases/real-files (files as analysts' desks
// leave them, with EXPECTED.md), or skips t with a clear message.
func Cases(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if ok {
		root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
		d := filepath.Join(filepath.Dir(root), "shared", "cases", "real-files")
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	t.Skip("the real-world files are not here: put them in ../shared/cases/real-files beside the repository")
	return ""
}
