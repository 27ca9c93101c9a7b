package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/internal/hostile"
	"github.com/modelcensus/modelcensus/internal/limits"
)

// Past a bound: one message naming the file and the bound, exit 3, and
// nothing stored.
func TestBoundExitAndNothingStored(t *testing.T) {
	dir := t.TempDir()
	zipPath, err := hostile.ManyMembers(dir, 11, 7<<20)
	if err != nil {
		t.Fatal(err)
	}
	book, err := hostile.ManyStrings(dir, limits.SharedStrings+1)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "store.db")
	for _, c := range []struct {
		source, en, ko string
	}{
		{zipPath, "an archive whose parts inflate to more than 64 MiB in all, past modelcensus's bound", "압축을 풀면 모두 합쳐 64 MiB를 넘는 압축 파일"},
		{book, "a workbook of more than 1000000 shared strings, past modelcensus's bound", "공유 문자열이 1000000개를 넘는 통합 문서"},
	} {
		code, _, errOut := run(t, nil, "report", "--source", c.source)
		if code != ExitInput || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.source) || !strings.Contains(errOut, c.en) {
			t.Errorf("report: exit %d, %q", code, errOut)
		}
		code, _, errOut = run(t, map[string]string{"LANG": "ko_KR.UTF-8"}, "report", "--source", c.source)
		if code != ExitInput || !strings.Contains(errOut, c.ko) {
			t.Errorf("report in Korean: exit %d, %q", code, errOut)
		}
		code, _, errOut = run(t, nil, "pull", "--db", db, "--source", c.source)
		if code != ExitInput || !strings.Contains(errOut, c.en) {
			t.Errorf("pull: exit %d, %q", code, errOut)
		}
	}
	if _, out, _ := run(t, nil, "snapshots", "--db", db, "--format", "json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("stored after refusals: %s", out)
	}
}
