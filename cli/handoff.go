package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/modelcensus/modelcensus/i18n"
)

// FullName is the program that links every part of modelcensus. The
// modelcensus binary runs it for the commands that need the store, the
// workbook, the static charts or the web server.
const FullName = "modelcensus-full"

// errNeedsFull is returned by a command that needs io.Parts in a binary
// without them; Run then hands the command line to modelcensus-full.
var errNeedsFull = errors.New("this command needs " + FullName)

// needFull returns errNeedsFull when this binary lacks the heavier parts.
func needFull(io *IOStreams) error {
	if io.Parts == nil {
		return errNeedsFull
	}
	return nil
}

// handOff runs args with modelcensus-full and returns its exit code.
func handOff(ctx context.Context, io *IOStreams, l i18n.Lang, args []string) int {
	if io.HandOff != nil {
		return io.HandOff(ctx, args)
	}
	self, _ := osExecutable()
	argv, err := fullCommand(io.Getenv, self, goRun(self))
	if err != nil {
		return handOffFailed(io, l, err)
	}
	argv = append(argv, args...)
	if err := execReplace(argv); err != nil {
		// The process could not be replaced (or this system cannot):
		// run the program as a child and pass its exit code on.
		return runChild(ctx, io, argv)
	}
	return ExitInternal // not reached: execReplace only returns on error
}

// handOffFailed says that modelcensus-full is missing and how to get it.
func handOffFailed(io *IOStreams, l i18n.Lang, err error) int {
	fmt.Fprintln(io.ErrOut, "modelcensus: "+l.T("err.no_full", FullName, err))
	return ExitInternal
}

// fullCommand finds modelcensus-full: $MODELCENSUS_FULL, else beside self
// (this executable), else on PATH. When this binary was built by `go run`
// in the source tree, it is `go run .../cmd/modelcensus-full`.
func fullCommand(getenv func(string) string, self string, underGoRun bool) ([]string, error) {
	if p := getenv("MODELCENSUS_FULL"); p != "" {
		return []string{p}, nil
	}
	if self != "" {
		p := filepath.Join(filepath.Dir(self), FullName+filepath.Ext(self))
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return []string{p}, nil
		}
	}
	if p, err := exec.LookPath(FullName); err == nil {
		return []string{p}, nil
	}
	if underGoRun {
		if gobin, err := exec.LookPath("go"); err == nil {
			return []string{gobin, "run", modulePath() + "/cmd/" + FullName}, nil
		}
	}
	where := "PATH"
	if self != "" {
		where = filepath.Dir(self) + ", PATH"
	}
	return nil, fmt.Errorf("not found in %s", where)
}

// goRun reports whether this binary was built by `go run` from the source
// tree: a development build in the go command's temporary folder.
func goRun(self string) bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version != "(devel)" {
		return false
	}
	return strings.Contains(filepath.ToSlash(self), "/go-build")
}

func modulePath() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path != "" {
		return bi.Main.Path
	}
	return "github.com/modelcensus/modelcensus"
}

// runChild runs argv with this process's streams and returns its exit
// code. SIGINT and SIGTERM reach the child from the terminal or through
// ctx, so that `serve` still stops gracefully.
func runChild(ctx context.Context, io *IOStreams, argv []string) int {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = io.In, io.Out, io.ErrOut
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		fmt.Fprintln(io.ErrOut, "modelcensus: "+err.Error())
		return ExitInternal
	}
	return ExitOK
}

// osExecutable is os.Executable, with symbolic links resolved.
func osExecutable() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", err
	}
	if s, err := filepath.EvalSymlinks(p); err == nil {
		p = s
	}
	return p, nil
}
