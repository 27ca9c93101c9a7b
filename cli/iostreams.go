package cli

import (
	"io"
	"os"
	"time"

	"golang.org/x/term"
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
	// Deps are the adapters main wired: stores, formats, the download
	// and the server.
	Deps *Deps
}

// System returns the process's standard streams and environment.
func System() *IOStreams {
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// OutWidth is the width in columns of the terminal Out writes to, or 0
// when Out is not a terminal (a file, a pipe, a test's buffer).
func (s *IOStreams) OutWidth() int {
	f, ok := s.Out.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return w
}

// ErrIsTerminal reports whether ErrOut is a terminal (for progress bars).
func (s *IOStreams) ErrIsTerminal() bool {
	f, ok := s.ErrOut.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
