// Package cli implements the modelcensus commands, one file per command,
// each with an options struct and a run function. Commands write through
// IOStreams so that tests can run them in-process.
package cli

import (
	"context"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/modelcensus/modelcensus/cli/ext"
)

// IOStreams is where a command reads and writes, and what it knows of its
// environment.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Getenv reads an environment variable.
	Getenv func(string) string
	// Now is the current time.
	Now func() time.Time
	// Parts are the heavier parts this binary links: the snapshot stores,
	// the workbook, the static charts and the web server. They are nil in
	// the modelcensus binary, which hands any command that needs them to
	// modelcensus-full (see package ext).
	Parts *ext.Parts
	// HandOff, when set, runs a command line that needs Parts in place of
	// modelcensus-full and returns its exit code (for tests).
	HandOff func(ctx context.Context, args []string) int
}

// System returns the process's standard streams and environment.
func System() *IOStreams {
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// ErrIsTerminal reports whether ErrOut is a terminal (for progress bars).
func (s *IOStreams) ErrIsTerminal() bool {
	f, ok := s.ErrOut.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
