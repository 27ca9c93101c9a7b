package bench

import (
	"path/filepath"
	"testing"

	"github.com/modelcensus/modelcensus/internal/shared"
)

// BenchmarkFigures times, in-process, `report --format json` beside
// `report --recipe bench/twenty.toml --format json` (twenty figures) on
// 2026-03-30/all_ai_models.csv, the file issue #24 names; bench/figures.sh
// times the whole processes.
func BenchmarkFigures(b *testing.B) {
	f := filepath.Join(shared.Snapshots(b), "2026-03-30", "all_ai_models.csv")
	b.Run("report", func(b *testing.B) { runCLI(b, "report", "--source", f, "--format", "json") })
	b.Run("recipe-20", func(b *testing.B) { runCLI(b, "report", "--recipe", "twenty.toml", "--source", f, "--format", "json") })
	b.Run("table", func(b *testing.B) { runCLI(b, "table", "--source", f, "--by", "country", "--format", "json") })
}
