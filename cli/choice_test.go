package cli

import (
	"strings"
	"testing"
)

// Every command that reads a source or a stored snapshot refuses
// --snapshot or --as-of with --source, and the two together: chart too.
func TestSnapshotChoiceRefused(t *testing.T) {
	const msg = "use --snapshot or --as-of, not both; and not with --source"
	for _, cmd := range [][]string{{"report"}, {"table", "--by", "year"}, {"thresholds"}, {"trend"}, {"chart", "per_year"}} {
		for _, flags := range [][]string{
			{"--snapshot", "1", "--source", "x.csv"},
			{"--as-of", "2025-01-01", "--source", "x.csv"},
			{"--snapshot", "1", "--as-of", "2025-01-01"},
		} {
			args := append(append([]string{}, cmd...), flags...)
			code, out, errOut := run(t, nil, args...)
			if code != ExitUsage || out != "" || !strings.Contains(errOut, msg) {
				t.Errorf("%v: exit %d, want %d; stdout %q; stderr %q", args, code, ExitUsage, out, errOut)
			}
		}
	}
}
