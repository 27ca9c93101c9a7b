package epoch_test

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/hostile"
	"github.com/modelcensus/modelcensus/internal/limits"
)

// maxPeak is the heap that reading any hostile input may take (issue 27).
const maxPeak = 300 << 20

// loadBounded loads path with a generous deadline (an end within seconds,
// not a timed assertion) and returns the error and the peak heap.
func loadBounded(t *testing.T, path string) (uint64, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var err error
	peak := hostile.PeakHeap(func() {
		_, err = epoch.Load(ctx, path, defaultRules(t), epoch.LoadOptions{})
	})
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%s: still reading after a minute", path)
	}
	return peak, err
}

// wantBound checks that err refuses the input for bound, naming file.
func wantBound(t *testing.T, err error, peak uint64, bound, file string) {
	t.Helper()
	var ie *epoch.InputError
	var be *epoch.BoundError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputTooLarge || !errors.As(err, &be) || be.Bound != bound {
		t.Fatalf("want the %s bound, got %v", bound, err)
	}
	if !strings.Contains(err.Error(), file) {
		t.Errorf("message does not name %s: %v", file, err)
	}
	if peak > maxPeak {
		t.Errorf("peak heap %d MiB, past %d MiB", peak>>20, maxPeak>>20)
	}
	t.Logf("%v (peak heap %d MiB)", err, peak>>20)
}

func TestBoundArchiveTotal(t *testing.T) {
	// 11 members of 7 MiB: each far under the member cap, 77 MiB in all.
	size := 7 << 20
	if 11*size <= limits.Archive || size >= limits.ZipMember {
		t.Fatal("the fixture no longer straddles the bounds")
	}
	p, err := hostile.ManyMembers(t.TempDir(), 11, size)
	if err != nil {
		t.Fatal(err)
	}
	peak, err := loadBounded(t, p)
	wantBound(t, err, peak, epoch.BoundArchive, "many-members.zip")
}

func TestBoundMember(t *testing.T) {
	p, err := hostile.QuotedLines(t.TempDir(), limits.ZipMember+2)
	if err != nil {
		t.Fatal(err)
	}
	peak, err := loadBounded(t, p)
	wantBound(t, err, peak, epoch.BoundZipMember, "quoted-lines.zip!large_scale_ai_models.csv")
}

// One quoted field of 2-byte lines: no line is long, the record is.
func TestBoundRecordOfShortLines(t *testing.T) {
	p, err := hostile.QuotedLines(t.TempDir(), limits.Record+(1<<20))
	if err != nil {
		t.Fatal(err)
	}
	peak, err := loadBounded(t, p)
	wantBound(t, err, peak, epoch.BoundRecord, "quoted-lines.zip!large_scale_ai_models.csv")
	var ie *epoch.InputError
	if errors.As(err, &ie); ie.Line != 2 {
		t.Errorf("the record starts on line 2, not %d", ie.Line)
	}
}

// A record just under the cap is read.
func TestRecordUnderBound(t *testing.T) {
	body := hostile.CSVHead + "A,2024\n\"" + strings.Repeat("a\n", (limits.Record-(64<<10))/2) + "\",2024\nB,2025\n"
	ds, err := load(t, write(t, t.TempDir(), "large_scale_ai_models.csv", []byte(body)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != 3 {
		t.Errorf("%d rows, want 3", ds.Len())
	}
}

func TestBoundWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("streams a sheet of a million rows")
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name, bound, file string
		build             func() (string, error)
	}{
		{"one shared string of 1 GiB", epoch.BoundWorkbookPart, "huge-string.xlsx!xl/sharedStrings.xml", func() (string, error) { return hostile.HugeString(dir, 1<<30) }},
		{"30M shared strings", epoch.BoundWorkbookPart, "many-strings.xlsx!xl/sharedStrings.xml", func() (string, error) { return hostile.ManyStrings(dir, 30_000_000) }},
		{"2M shared strings within the part bound", epoch.BoundSharedStrings, "many-strings.xlsx", func() (string, error) { return hostile.ManyStrings(dir, 2_000_000) }},
		{"3M rows", epoch.BoundWorkbookPart, "many-rows.xlsx!xl/worksheets/sheet1.xml", func() (string, error) { return hostile.ManyRows(dir, 3_000_000) }},
		{"rows past the row bound within the part bound", epoch.BoundWorkbookRows, "tall.xlsx!Sheet1", func() (string, error) { return hostile.TallSheet(dir, limits.WorkbookRows+10) }},
		{"a sheet of 16k columns", epoch.BoundWorkbookCells, "wide.xlsx!Sheet1", func() (string, error) { return hostile.WideSheet(dir, 2000) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := c.build()
			if err != nil {
				t.Fatal(err)
			}
			peak, err := loadBounded(t, p)
			wantBound(t, err, peak, c.bound, c.file)
		})
	}
}

// A workbook within every bound is read whole, its rows streamed.
func TestWorkbookStreamed(t *testing.T) {
	p, err := hostile.ManyRows(t.TempDir(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := epoch.Load(context.Background(), p, defaultRules(t), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 1000 rows of the one model "M": one model, 999 duplicates.
	if got := ds.Len() + len(ds.Duplicates); got != 1000 {
		t.Errorf("%d rows read, want 1000", got)
	}
	if s := fmt.Sprint(ds.Snapshot.Files[0].Rows); s != "1000" {
		t.Errorf("rows = %s", s)
	}
}

// A FIFO in a folder is skipped unopened and noted; a symbolic link in a
// zip is skipped; a cancelled context stops a read at once.
func TestOnlyRegularFilesAndCancel(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "large_scale_ai_models.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "notable_ai_models.csv", []byte(hostile.CSVHead+"A,2024-01-01\n"))
	ds, err := load(t, dir, epoch.LoadOptions{Subset: epoch.SubsetNotable})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Problems) != 1 || ds.Problems[0].File != fifo || ds.Problems[0].Code != epoch.ProblemNotRegular {
		t.Errorf("problems = %+v", ds.Problems)
	}
	_, err = load(t, dir, epoch.LoadOptions{Subset: epoch.SubsetLargeScale})
	if !errors.Is(err, epoch.ErrNotRegular) || !strings.Contains(err.Error(), fifo) {
		t.Errorf("large-scale: %v", err)
	}
	if _, err = load(t, fifo, epoch.LoadOptions{}); !errors.Is(err, epoch.ErrNotRegular) {
		t.Errorf("the FIFO itself: %v", err)
	}

	// A zip whose export is a symbolic link.
	p := filepath.Join(dir, "link.zip")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	h := &zip.FileHeader{Name: "large_scale_ai_models.csv"}
	h.SetMode(os.ModeSymlink | 0o777)
	w, _ := zw.CreateHeader(h)
	w.Write([]byte("/etc/passwd"))
	w, _ = zw.Create("notable_ai_models.csv")
	w.Write([]byte(hostile.CSVHead + "A,2024-01-01\n"))
	zw.Close()
	f.Close()
	src, err := epoch.Open(context.Background(), p, epoch.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if len(src.Files) != 1 || len(src.Skipped) != 1 || src.Skipped[0] != "link.zip!large_scale_ai_models.csv" {
		t.Errorf("files %d, skipped %v", len(src.Files), src.Skipped)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	big := write(t, dir, "big.csv", []byte(hostile.CSVHead+strings.Repeat("A,2024-01-01\n", 100_000)))
	if _, err := epoch.Load(ctx, big, defaultRules(t), epoch.LoadOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// A file of a million columns (28 MB): read in bounded memory. (What pull
// stores of it is the store's business.)
func TestMillionColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("Model,Publication date")
	b.WriteString(strings.Repeat(",c", 1_000_000-2))
	b.WriteString("\n")
	row := strings.Repeat(",", 1_000_000-2)
	rows := 0 // counted as written: distinct models
	for ; b.Len() < 28<<20; rows++ {
		fmt.Fprintf(&b, "m%d,2024-01-01%s\n", rows, row)
	}
	p := write(t, t.TempDir(), "large_scale_ai_models.csv", []byte(b.String()))
	b.Reset()
	var ds *census.Dataset
	var err error
	peak := hostile.PeakHeap(func() { ds, err = load(t, p, epoch.LoadOptions{}) })
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != rows {
		t.Errorf("%d models, want %d", ds.Len(), rows)
	}
	if peak > maxPeak {
		t.Errorf("peak heap %d MiB", peak>>20)
	}
	t.Logf("peak heap %d MiB", peak>>20)
}
