package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func goCommand(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with")
	}
	return p
}

// The one program runs every command itself: a report in each format, a
// chart, pull into a new store, snapshots, diff and history from it, the
// rules, and serve (started and stopped). Nothing is looked for on PATH.
func TestOneProgramRunsEveryCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	gobin := goCommand(t)
	dir := t.TempDir()
	if out, err := exec.Command(gobin, "build", "-o", dir+"/", ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mc := filepath.Join(dir, "modelcensus")
	checkInit(t, mc)
	home := t.TempDir()
	run := func(args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(mc, args...)
		cmd.Env = []string{"LANG=C", "PATH=/nonexistent", "HOME=" + home, "XDG_CACHE_HOME=" + home + "/cache", "XDG_DATA_HOME=" + home + "/data"}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errOut.String()
	}
	fixture := "../../testdata/census_fixture.csv"
	for _, f := range []struct{ format, file, magic string }{
		{"text", "", "Period"}, {"json", "", `"per_year"`}, {"csv", "", "table,year"},
		{"markdown", "r.md", "# "}, {"html", "r.html", "<!DOCTYPE html>"}, {"xlsx", "r.xlsx", "PK"},
	} {
		args := []string{"report", "--source", fixture, "--date", "2025-03-01", "--format", f.format}
		if f.file != "" {
			args = append(args, "-o", filepath.Join(dir, f.file))
		}
		code, out, errOut := run(args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f.format, code, errOut)
		}
		if f.file != "" {
			b, err := os.ReadFile(filepath.Join(dir, f.file))
			if err != nil {
				t.Fatal(err)
			}
			out = string(b)
		}
		if !strings.Contains(out, f.magic) {
			t.Errorf("%s output lacks %q", f.format, f.magic)
		}
	}
	for _, ext := range []string{"svg", "png"} {
		if code, _, errOut := run("chart", "per_year", "--source", fixture, "--date", "2025-03-01", "-o", filepath.Join(dir, "c."+ext)); code != 0 {
			t.Errorf("chart %s: exit %d: %s", ext, code, errOut)
		}
	}
	db := filepath.Join(dir, "s.db")
	if code, _, errOut := run("pull", "--db", db, "--source", fixture, "--date", "2025-03-01"); code != 0 {
		t.Fatalf("pull: exit %d: %s", code, errOut)
	}
	if code, _, errOut := run("pull", "--db", "sqlite:"+db, "--source", "../../testdata", "--date", "2025-04-01"); code != 0 {
		t.Fatalf("pull through sqlite: DSN: exit %d: %s", code, errOut)
	}
	code, out, errOut := run("snapshots", "--db", db)
	if code != 0 || !strings.Contains(out, "census_fixture.csv") {
		t.Errorf("snapshots: exit %d: %s%s", code, out, errOut)
	}
	for _, args := range [][]string{
		{"diff", "1", "1", "--db", db},
		{"history", "--db", db},
		{"report", "--snapshot", "1", "--db", db},
		{"rules", "--kind", "country"},
	} {
		if code, _, errOut := run(args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if code, _, errOut := run("snapshots", "--db", "mysql://x/y"); code != 7 || !strings.Contains(errOut, "mysql") {
		t.Errorf("unknown DSN scheme: exit %d: %s", code, errOut)
	}
	if code, _, _ := run("snapshots", "--db", db, "--no-such-flag"); code != 2 {
		t.Errorf("usage error: exit %d, want 2", code)
	}
	// serve: listens, answers, stops on SIGTERM.
	cmd := exec.Command(mc, "serve", "--source", fixture, "--addr", "127.0.0.1:0")
	cmd.Env = []string{"LANG=C", "HOME=" + home}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil || !strings.Contains(line, "127.0.0.1:") {
		cmd.Process.Kill()
		t.Fatalf("serve said %q: %v", line, err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve did not stop cleanly: %v", err)
	}
}

// checkInit runs the program with GODEBUG=inittrace=1 and fails when one of
// modelcensus's own packages allocates much in its initialisation, which
// every run pays before main (as a 1 MiB string joined at init once did).
func checkInit(t *testing.T, bin string) {
	t.Helper()
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	const limit = 64 << 10
	seen := 0
	for _, line := range strings.Split(string(out), "\n") {
		// init PKG @0.5 ms, 0.1 ms clock, 27352 bytes, 4 allocs
		f := strings.Fields(line)
		if len(f) < 9 || f[0] != "init" || !strings.HasPrefix(f[1], "github.com/modelcensus/modelcensus") {
			continue
		}
		seen++
		n, err := strconv.Atoi(f[7])
		if err != nil || f[8] != "bytes," {
			t.Fatalf("cannot read %q", line)
		}
		if n > limit {
			t.Errorf("%s allocates %d bytes at init (limit %d): make it lazy", f[1], n, limit)
		}
	}
	if seen == 0 {
		t.Errorf("no init trace of modelcensus's packages:\n%s", out)
	}
}
