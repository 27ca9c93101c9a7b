package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultPath is the SQLite store used when no DSN is given:
// $MODELCENSUS_DB, else $XDG_DATA_HOME/modelcensus/modelcensus.db, else
// ~/.local/share/modelcensus/modelcensus.db (./.local/… when there is no
// home folder). getenv reads an environment variable.
func DefaultPath(getenv func(string) string) string {
	if p := getenv("MODELCENSUS_DB"); p != "" {
		return p
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "modelcensus", "modelcensus.db")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	return filepath.Join(home, ".local", "share", "modelcensus", "modelcensus.db")
}

// NoStoreError is OpenExisting's error for a local store file that does
// not exist yet.
type NoStoreError struct {
	Path string
}

func (e *NoStoreError) Error() string { return "store " + e.Path + ": no snapshot store" }

// OpenExisting is Open for the commands that only read a store: a local
// file that does not exist is a *NoStoreError rather than a new empty
// store, so that a mistyped path creates nothing.
func (r *Registry) OpenExisting(ctx context.Context, dsn string) (*Store, error) {
	if path, ok := r.Path(dsn); ok {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, &NoStoreError{Path: path}
		}
	}
	return r.Open(ctx, dsn)
}

// Detail is err's text without the "store: " or "store " that begins this
// package's errors, for a message that names the store itself: "snapshot
// store: /tmp/s.db: file is not a database", not "snapshot store: store
// /tmp/s.db: ...".
func Detail(err error) string {
	msg := err.Error()
	for _, prefix := range []string{"store: ", "store "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			return rest
		}
	}
	return msg
}
