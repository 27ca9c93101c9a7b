package snapshots_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/snapshots"
)

// allocated is the bytes fn allocates on the heap (runtime.MemStats's
// TotalAlloc): what its peak heap can at most hold, and a measure that
// does not depend on when the collector runs.
func allocated(t *testing.T, fn func() error) uint64 {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := fn(); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A pull reads a file as report does (twice: once for the census, once
// for the model index), and beside that keeps only its bytes and the
// store's buffers: on a file of 200,000 columns (issue 27: a wide file
// took pull four times report's memory, every record's cells being kept),
// pull allocates at most twice report's bytes plus four times the file
// (its bytes, their compressed copy, the database's pages) plus the
// store's zstd encoders (about 72 MB here, once a process).
func TestPullMemoryNearReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2.6 MB file of 200,000 columns")
	}
	const cols, rows = 200_000, 10
	dir := t.TempDir()
	p := filepath.Join(dir, "large_scale_ai_models.csv")
	var b strings.Builder
	b.WriteString("Model,Publication date,Training compute (FLOP)")
	for i := 3; i < cols; i++ {
		fmt.Fprintf(&b, ",c%d", i)
	}
	b.WriteString("\n")
	for r := 0; r < rows; r++ {
		fmt.Fprintf(&b, "Model %d,2024-01-%02d,1e25", r, r+1)
		b.WriteString(strings.Repeat(",x", cols-3))
		b.WriteString("\n")
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	size := uint64(b.Len())
	r := defaultRules(t)
	ctx := context.Background()
	report := allocated(t, func() error {
		_, err := epoch.Load(ctx, p, r, epoch.LoadOptions{})
		return err
	})
	st := openStore(t, backends(t)[0])
	pull := allocated(t, func() error {
		_, err := snapshots.Pull(ctx, st, r, p, snapshots.PullOptions{Date: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)})
		return err
	})
	t.Logf("file %d bytes; allocated: report %d, pull %d", size, report, pull)
	const encoders = 80 << 20
	if pull > 2*report+4*size+encoders {
		t.Errorf("pull allocated %d bytes, more than twice report's %d, four times the file's %d and %d for the store's encoders", pull, report, size, encoders)
	}
}
