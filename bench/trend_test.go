package bench

import (
	"os"
	"testing"
)

// BenchmarkTrend times `trend` with its bootstrap (1000 resamples) on the
// largest real all_ai_models.csv, the whole process, beside `report` on
// the same file: the issue asks that it take no longer than twice as
// long.
func BenchmarkTrend(b *testing.B) {
	f := largestShared(b)
	b.Run("report", func(b *testing.B) {
		runProcess(b, bin.report, "report", "--source", f, "--subset", "all", "--format", "json", "-o", os.DevNull)
	})
	b.Run("trend", func(b *testing.B) {
		runProcess(b, bin.report, "trend", "--source", f, "--subset", "all", "--format", "json", "-o", os.DevNull)
	})
	b.Run("thresholds", func(b *testing.B) {
		runProcess(b, bin.report, "thresholds", "--source", f, "--subset", "all", "--format", "json", "-o", os.DevNull)
	})
}
