package bench

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/modelcensus/modelcensus/internal/shared"
)

// BenchmarkExplain times `diff --explain` of the two largest shared
// all-models files, in-process and as a whole process: issue #14 wants it
// under 200 ms.
func BenchmarkExplain(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(shared.Snapshots(b), "*", "all_ai_models.csv"))
	if len(files) < 2 {
		b.Skip("fewer than two all_ai_models.csv in the shared snapshots")
	}
	sort.Slice(files, func(i, j int) bool {
		si, _ := os.Stat(files[i])
		sj, _ := os.Stat(files[j])
		return si.Size() > sj.Size()
	})
	x, y := files[1], files[0] // older, then newer: the two largest
	if filepath.Base(filepath.Dir(x)) > filepath.Base(filepath.Dir(y)) {
		x, y = y, x
	}
	args := []string{"diff", x, y, "--subset", "all", "--explain", "--format", "json"}
	b.Run("in-process", func(b *testing.B) { runCLI(b, args...) })
	b.Run("process", func(b *testing.B) { runProcess(b, bin.report, args...) })
}

// BenchmarkHistoryExplain times `history --explain` (models per year, each
// step explained) over the whole shared archive, in-process: issue #14
// wants it under 1 s.
func BenchmarkHistoryExplain(b *testing.B) {
	runCLI(b, "history", "--source", shared.Snapshots(b), "--explain", "--format", "json")
}
