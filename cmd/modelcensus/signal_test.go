package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildProgram builds modelcensus into a temporary folder.
func buildProgram(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the program")
	}
	dir := t.TempDir()
	if out, err := exec.Command(goCommand(t), "build", "-o", dir+"/", ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return filepath.Join(dir, "modelcensus")
}

// runTerminated starts the program, sends SIGTERM once ready says so (nil:
// never) if it is still running, and returns its exit code (-1 when the
// signal's default action ended it, before the program's handler was in
// place), its standard error, and how long it took to end after the
// signal (0 when it had ended before).
func runTerminated(t *testing.T, mc string, ready func(pid int) bool, args ...string) (int, string, time.Duration) {
	t.Helper()
	cmd := exec.Command(mc, args...)
	home := t.TempDir()
	cmd.Env = []string{"LANG=C", "PATH=/nonexistent", "HOME=" + home, "XDG_CACHE_HOME=" + home + "/cache", "XDG_DATA_HOME=" + home + "/data"}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	var took time.Duration
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(time.Minute)
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-deadline:
			cmd.Process.Kill()
			<-done
			t.Fatalf("%v: still running after a minute", args)
		case <-tick.C:
			if ready == nil || !ready(cmd.Process.Pid) {
				continue
			}
			sent := time.Now()
			cmd.Process.Signal(syscall.SIGTERM)
			select {
			case err = <-done:
				took = time.Since(sent)
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				<-done
				t.Fatalf("%v: still running a minute after SIGTERM", args)
			}
			break wait
		}
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, errOut.String(), took
}

// after is ready once d has passed.
func after(d time.Duration) func(int) bool {
	start := time.Now()
	return func(int) bool { return time.Since(start) >= d }
}

// opened is ready once the process has path open.
func opened(path string) func(int) bool {
	return func(pid int) bool {
		fds, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
		for _, fd := range fds {
			if target, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name())); err == nil && target == path {
				return true
			}
		}
		return false
	}
}

// A command on a FIFO source never blocks: a FIFO in a folder is skipped
// unopened, and one given directly is refused; either way the command
// ends at once, and SIGTERM would end it within a second. A long read of a
// real file ends within a second of SIGTERM, saying it was interrupted.
func TestFIFOSourceAndSIGTERM(t *testing.T) {
	mc := buildProgram(t)
	dir := t.TempDir()
	only := filepath.Join(dir, "only")
	os.Mkdir(only, 0o755)
	fifo := filepath.Join(only, "large_scale_ai_models.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	fixture, err := os.ReadFile("../../testdata/census_fixture.csv")
	if err != nil {
		t.Fatal(err)
	}
	mixed := filepath.Join(dir, "mixed")
	os.Mkdir(mixed, 0o755)
	os.WriteFile(filepath.Join(mixed, "notable_ai_models.csv"), fixture, 0o644)
	if err := syscall.Mkfifo(filepath.Join(mixed, "large_scale_ai_models.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report", "--source", only}, 3, fifo + ": not a regular file"},
		{[]string{"report", "--source", fifo}, 3, fifo + ": not a regular file"},
		{[]string{"pull", "--db", filepath.Join(dir, "s.db"), "--source", only}, 3, "not a regular file"},
		// The one readable file is taken whole, with a warning for the FIFO.
		{[]string{"report", "--source", mixed}, 0, "large_scale_ai_models.csv:0: not a regular file"},
		{[]string{"report", "--source", mixed, "--subset", "large-scale"}, 3, "large_scale_ai_models.csv: not a regular file"},
	} {
		// Left alone, the command ends by itself: the FIFO is never opened.
		code, errOut, _ := runTerminated(t, mc, nil, c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, %q; want %d, %q", c.args, code, errOut, c.code, c.msg)
		}
		// Sent SIGTERM a moment after it starts, it ends within a second
		// (its exit status then depends on how far it had got).
		if _, _, took := runTerminated(t, mc, after(100*time.Millisecond), c.args...); took > time.Second {
			t.Errorf("%v: ended %v after SIGTERM", c.args, took)
		}
	}

	// A real file long enough to read for a while: SIGTERM mid-read.
	big := filepath.Join(dir, "big", "large_scale_ai_models.csv")
	os.Mkdir(filepath.Dir(big), 0o755)
	var b strings.Builder
	b.WriteString("Model,Publication date\n")
	for i := 0; b.Len() < 30<<20; i++ {
		fmt.Fprintf(&b, "m%d,2024-01-01\n", i)
	}
	os.WriteFile(big, []byte(b.String()), 0o644)
	code, errOut, took := runTerminated(t, mc, opened(big), "report", "--source", big)
	if took == 0 {
		t.Logf("the report ended before SIGTERM (exit %d); nothing to interrupt", code)
	} else {
		if took > time.Second {
			t.Errorf("ended %v after SIGTERM", took)
		}
		if code != 1 || !strings.Contains(errOut, "interrupted") {
			t.Errorf("interrupted report: exit %d, %q", code, errOut)
		}
		t.Logf("ended %v after SIGTERM: %s", took, strings.TrimSpace(errOut))
	}
}
