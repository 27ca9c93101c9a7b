package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/hostile"
	"github.com/modelcensus/modelcensus/internal/limits"
	"github.com/modelcensus/modelcensus/rules"
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

// A zip of 100,000 members and no export: one short line, the list cut
// with its count.
func TestLongListCut(t *testing.T) {
	p, err := hostile.NoExport(t.TempDir(), 100_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		env  map[string]string
		more string
	}{{nil, "… (100000 in all)"}, {map[string]string{"LANG": "ko_KR.UTF-8"}, "… (모두 100000개)"}} {
		code, _, errOut := run(t, c.env, "report", "--source", p)
		// By construction: 12 names of 15 characters, the path, the
		// sentence: far under 2,000 bytes.
		if code != ExitInput || strings.Count(errOut, "\n") != 1 || len(errOut) > 2000 || !strings.Contains(errOut, c.more) ||
			!strings.Contains(errOut, "member_000011.csv") || strings.Contains(errOut, "member_000012.csv") {
			t.Errorf("exit %d, %d bytes: %.300q", code, len(errOut), errOut)
		}
	}
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var ie *epoch.InputError
	_, err = epoch.Load(context.Background(), p, r, epoch.LoadOptions{})
	if !errors.As(err, &ie) || len(err.Error()) > 2000 || !strings.Contains(err.Error(), "(100000 in all)") {
		t.Errorf("English error: %.300q", err)
	}
}

// An overlay entry of a million [[sources]] tables (66 MB) beside a good
// one: curate list and report answer at once, with one warning naming the
// file and the bound, and the good entry counts.
func TestOverlayBoundCommands(t *testing.T) {
	dir := t.TempDir()
	src := "[[sources]]\nurl = \"https://example.org/x\"\nretrieved = \"2026-11-29\"\n"
	head := "kind = \"exclude\"\nreason = \"a test\"\nauthor = \"tester\"\ncreated = \"2026-11-29\"\n"
	os.WriteFile(filepath.Join(dir, "good.toml"), []byte("id = \"good\"\nmodel = \"GPT-X\"\n"+head+src), 0o644)
	os.WriteFile(filepath.Join(dir, "huge.toml"), []byte("id = \"huge\"\nmodel = \"Other\"\n"+head+strings.Repeat(src, 1_000_000)), 0o644)
	warning := filepath.Join(dir, "huge.toml") + ": the file is larger than 1 MiB, past the bound on one entry"
	for _, args := range [][]string{
		{"curate", "list", "--overlay", dir},
		{"report", "--source", fixture, "--overlay", dir, "--format", "json"},
	} {
		code, out, errOut := run(t, map[string]string{"XDG_CACHE_HOME": t.TempDir()}, args...)
		if strings.Count(errOut, warning) != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
		if args[0] == "curate" && (!strings.Contains(out, "good") || strings.Contains(out, "huge")) {
			t.Errorf("curate list: %s", out)
		}
	}
}
