package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/i18n"
)

// The fast binary runs the census formats itself and hands to
// modelcensus-full exactly the commands that need the store, the
// workbook, the static charts or the server.
func TestHandOff(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	src := []string{"--source", fixture, "--date", "2025-03-01"}
	cases := []struct {
		args []string
		want bool
	}{
		{append([]string{"report", "--format", "text"}, src...), false},
		{append([]string{"report", "--format", "json"}, src...), false},
		{append([]string{"report", "--format", "csv"}, src...), false},
		{append([]string{"report", "--format", "markdown"}, src...), false},
		{append([]string{"report", "--format", "html", "-o", filepath.Join(dir, "r.html")}, src...), false},
		{[]string{"rules", "--kind", "country"}, false},
		{append([]string{"report", "--format", "markdown", "-o", filepath.Join(dir, "r.md")}, src...), true},
		{append([]string{"report", "--format", "xlsx", "-o", filepath.Join(dir, "r.xlsx")}, src...), true},
		{append([]string{"chart", "per_year", "-o", filepath.Join(dir, "c.svg")}, src...), true},
		{[]string{"pull", "--db", db, "--source", fixture, "--date", "2025-03-01"}, true},
		{[]string{"snapshots", "--db", db}, true},
		{[]string{"report", "--db", db, "--snapshot", "1"}, true},
		{[]string{"history", "--db", db}, true},
	}
	// A URL source is downloaded by modelcensus-full (here: nothing listens).
	if code, _, _, handed := runCounting(t, nil, "report", "--source", "http://127.0.0.1:1/ai_models.zip", "--cache-dir", dir); !handed || code != ExitDownload {
		t.Errorf("URL source: handed off %v, exit %d; want true, %d", handed, code, ExitDownload)
	}
	for _, tc := range cases {
		code, _, errOut, handed := runCounting(t, nil, tc.args...)
		if code != ExitOK {
			t.Errorf("%v: exit %d: %s", tc.args, code, errOut)
		}
		if handed != tc.want {
			t.Errorf("%v: handed off %v, want %v", tc.args, handed, tc.want)
		}
	}
}

// Without modelcensus-full a command that needs it says so, in the
// user's language, and how to install it.
func TestHandOffMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
			Getenv: func(k string) string { return "" }, Now: time.Now}
		args := []string{"snapshots", "--db", filepath.Join(t.TempDir(), "s.db"), "--lang", string(l)}
		// A test binary looks like a `go run` build: hand off as a
		// release binary would.
		io.HandOff = func(ctx context.Context, args []string) int {
			argv, err := fullCommand(io.Getenv, filepath.Join(t.TempDir(), "modelcensus"), false)
			if err == nil {
				t.Fatalf("found %v", argv)
			}
			return handOffFailed(io, l, err)
		}
		code := Run(context.Background(), io, args)
		if code != ExitInternal {
			t.Errorf("%s: exit %d, want %d", l, code, ExitInternal)
		}
		msg := errOut.String()
		if !strings.Contains(msg, FullName) || !strings.Contains(msg, "go install ./cmd/...") || strings.Count(msg, "\n") != 1 {
			t.Errorf("%s: message %q", l, msg)
		}
		if l == i18n.KO && !strings.Contains(msg, "설치") {
			t.Errorf("message not in Korean: %q", msg)
		}
	}
}

// MODELCENSUS_FULL names the program to hand off to.
func TestFullCommandFromEnv(t *testing.T) {
	argv, err := fullCommand(func(k string) string {
		if k == "MODELCENSUS_FULL" {
			return "/opt/mc/modelcensus-full"
		}
		return ""
	}, "/usr/bin/modelcensus", false)
	if err != nil || len(argv) != 1 || argv[0] != "/opt/mc/modelcensus-full" {
		t.Errorf("fullCommand = %v, %v", argv, err)
	}
}

// Beside the executable comes first, then PATH; under `go run` it is go
// run.
func TestFullCommandLookup(t *testing.T) {
	gobin, goErr := exec.LookPath("go")
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir())
	none := func(string) string { return "" }
	self := filepath.Join(dir, "modelcensus")
	if argv, err := fullCommand(none, self, false); err == nil {
		t.Errorf("found %v, which is not there", argv)
	}
	if err := os.WriteFile(filepath.Join(dir, FullName), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if argv, err := fullCommand(none, self, false); err != nil || argv[0] != filepath.Join(dir, FullName) {
		t.Errorf("beside: %v, %v", argv, err)
	}
	onPath := t.TempDir()
	if err := os.WriteFile(filepath.Join(onPath, FullName), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", onPath)
	other := filepath.Join(t.TempDir(), "modelcensus")
	if argv, err := fullCommand(none, other, false); err != nil || argv[0] != filepath.Join(onPath, FullName) {
		t.Errorf("on PATH: %v, %v", argv, err)
	}
	if goErr != nil {
		t.Skip("no go command for the go run case")
	}
	t.Setenv("PATH", filepath.Dir(gobin))
	argv, err := fullCommand(none, other, true)
	if err != nil || len(argv) != 3 || argv[1] != "run" || !strings.HasSuffix(argv[2], "/cmd/"+FullName) {
		t.Errorf("go run: %v, %v", argv, err)
	}
}

func TestHostPort(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, ":8080": true, "localhost:0": true, "[::1]:9000": true,
		"127.0.0.1": false, "127.0.0.1:http": false, "::1:9000": false, "host:70000": false, "": false,
	} {
		if got := hostPort(addr); got != want {
			t.Errorf("hostPort(%q) = %v, want %v", addr, got, want)
		}
	}
}
