package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// heavy are the packages that only modelcensus-full may link: their
// initialisation, or their size, costs more start-up than a whole report.
var heavy = []string{
	"github.com/xuri/excelize",
	"gonum.org/v1/plot",
	"modernc.org/sqlite",
	"modernc.org/libc",
	"github.com/jackc/pgx",
	"github.com/chromedp",
	"github.com/modelcensus/modelcensus/web",
	"net/http",   // downloads: modelcensus-full fetches URL sources
	"crypto/tls", // with net/http
}

func goCommand(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with")
	}
	return p
}

// modelcensus links none of the heavier libraries.
func TestLinksNoHeavyLibrary(t *testing.T) {
	out, err := exec.Command(goCommand(t), "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, h := range heavy {
			if strings.HasPrefix(pkg, h) {
				t.Errorf("modelcensus links %s; only modelcensus-full may (see package cli/ext)", pkg)
			}
		}
	}
}

// The two installed programs: modelcensus runs a report itself and hands
// the workbook and the store to modelcensus-full beside it, passing the
// exit code on; without it, it says how to install it.
func TestHandOffBetweenBinaries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both programs")
	}
	gobin := goCommand(t)
	dir := t.TempDir()
	for _, pkg := range []string{".", "../modelcensus-full"} {
		if out, err := exec.Command(gobin, "build", "-o", dir+"/", pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	mc := filepath.Join(dir, "modelcensus")
	checkInit(t, mc)
	run := func(args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(mc, args...)
		cmd.Env = append(os.Environ(), "LANG=C", "MODELCENSUS_FULL=", "PATH=/nonexistent")
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
	xlsx := filepath.Join(dir, "r.xlsx")
	if code, _, errOut := run("report", "--source", fixture, "--date", "2025-03-01", "--format", "xlsx", "-o", xlsx); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, errOut)
	}
	if b, err := os.ReadFile(xlsx); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("xlsx not written: %v", err)
	}
	db := filepath.Join(dir, "s.db")
	if code, _, errOut := run("pull", "--db", db, "--source", fixture, "--date", "2025-03-01"); code != 0 {
		t.Fatalf("pull: exit %d: %s", code, errOut)
	}
	code, out, errOut := run("snapshots", "--db", db)
	if code != 0 || !strings.Contains(out, "census_fixture.csv") {
		t.Errorf("snapshots: exit %d: %s%s", code, out, errOut)
	}
	if code, _, _ := run("snapshots", "--db", db, "--no-such-flag"); code != 2 {
		t.Errorf("usage error in modelcensus-full: exit %d, want 2", code)
	}
	if err := os.Remove(filepath.Join(dir, "modelcensus-full")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run("snapshots", "--db", db)
	if code != 1 || !strings.Contains(errOut, "modelcensus-full") || !strings.Contains(errOut, "go install ./cmd/...") {
		t.Errorf("without modelcensus-full: exit %d: %s", code, errOut)
	}
	if code, out, errOut := run("report", "--source", fixture, "--date", "2025-03-01", "--format", "json"); code != 0 || !strings.Contains(out, `"per_year"`) {
		t.Errorf("report without modelcensus-full: exit %d: %s", code, errOut)
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
