package bench

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/internal/synth"
)

var bin struct {
	dir      string
	report   string
	csvfloor string
}

func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		os.Exit(m.Run()) // no benchmarks asked for: build nothing
	}
	dir, err := os.MkdirTemp("", "modelcensus-bench-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin.dir = dir
	bin.report = filepath.Join(dir, "modelcensus")
	bin.csvfloor = filepath.Join(dir, "csvfloor")
	for out, pkg := range map[string]string{bin.report: "../cmd/modelcensus", bin.csvfloor: "./csvfloor"} {
		if b, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "build %s: %v\n%s", pkg, err, b)
			os.Exit(1)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runProcess runs a command b.N times, its output discarded, and reports
// the peak resident memory of the largest run.
func runProcess(b *testing.B, name string, args ...string) {
	b.Helper()
	var peak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), "LANG=C")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s %v: %v\n%.2000s", name, args, err, out)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > peak {
			peak = ru.Maxrss // KiB on Linux
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(peak)/1024, "peak-MiB")
}

func largestShared(b *testing.B) string {
	files, _ := filepath.Glob(filepath.Join(shared.Snapshots(b), "*", "all_*.csv"))
	if len(files) == 0 {
		b.Skip("no all_ai_models.csv in the shared snapshots")
	}
	sort.Slice(files, func(i, j int) bool {
		si, _ := os.Stat(files[i])
		sj, _ := os.Stat(files[j])
		return si.Size() > sj.Size()
	})
	return files[0]
}

// BenchmarkShared times `report` on the largest real all_ai_models.csv,
// the whole process from start to output, beside encoding/csv alone.
func BenchmarkShared(b *testing.B) {
	f := largestShared(b)
	b.Run("csv-floor", func(b *testing.B) { runProcess(b, bin.csvfloor, f) })
	b.Run("report", func(b *testing.B) {
		runProcess(b, bin.report, "report", "--source", f, "--subset", "all", "--format", "json", "-o", os.DevNull)
	})
}

// pandasPython finds a python3 that has pandas (Debian's python3-pandas
// installs it for /usr/bin/python3), or "".
func pandasPython() string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import pandas").Run() == nil {
			return p
		}
	}
	return ""
}

// BenchmarkPandas times the census an analyst would write with pandas
// (bench/pandas_census.py: the same figures, printed as JSON) on the
// largest real all_ai_models.csv, the whole process, to compare with
// BenchmarkShared/report.
func BenchmarkPandas(b *testing.B) {
	py := pandasPython()
	if py == "" {
		b.Skip("no python3 with pandas (apt-get install python3-pandas)")
	}
	f := largestShared(b)
	runProcess(b, py, "pandas_census.py", f, "2021", "2025")
}

// synthetic returns a generated export of n rows, made once and kept in
// the temporary directory between runs.
func synthetic(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "modelcensus-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, "synthetic-"+strconv.Itoa(n)+".csv")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	start := time.Now()
	tmp := p + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(f, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %s in %v", p, time.Since(start))
	return p
}

// BenchmarkScaling times `report` on synthetic exports of growing size
// beside encoding/csv alone; time and peak memory should grow linearly.
// The 1M-row size runs unless -short is given.
func BenchmarkScaling(b *testing.B) {
	sizes := []int{10_000, 100_000, 1_000_000}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for _, n := range sizes {
		f := synthetic(b, n)
		b.Run(fmt.Sprintf("rows=%d/csv-floor", n), func(b *testing.B) { runProcess(b, bin.csvfloor, f) })
		b.Run(fmt.Sprintf("rows=%d/report", n), func(b *testing.B) {
			runProcess(b, bin.report, "report", "--source", f, "--date", "2026-08-01", "--format", "json", "-o", os.DevNull)
		})
	}
}

// BenchmarkStore times importing the whole shared archive into a new
// SQLite store (one snapshot per dated folder), and `report` on the
// newest large-scale snapshot read from the store beside reading its
// folder directly.
func BenchmarkStore(b *testing.B) {
	archive := shared.Snapshots(b)
	dir := b.TempDir()
	b.Run("import-archive", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			db := filepath.Join(dir, "import-"+strconv.Itoa(i)+".db")
			b.StartTimer()
			runOnce(b, bin.report, "pull", "--db", db, "--source", archive)
			b.StopTimer()
			os.Remove(db)
		}
	})
	db := filepath.Join(dir, "store.db")
	runOnce(b, bin.report, "pull", "--db", db, "--source", archive)
	folder := filepath.Join(archive, "2026-08-19")
	b.Run("report-from-folder", func(b *testing.B) {
		runProcess(b, bin.report, "report", "--source", folder, "--format", "json", "-o", os.DevNull)
	})
	b.Run("report-from-store", func(b *testing.B) {
		runProcess(b, bin.report, "report", "--db", db, "--as-of", "2026-08-19", "--format", "json", "-o", os.DevNull)
	})
}

func runOnce(b *testing.B, name string, args ...string) {
	b.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		b.Fatalf("%s %v: %v\n%.2000s", name, args, err, out)
	}
}
