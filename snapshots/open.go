package snapshots

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/modelcensus/modelcensus/internal/xdg"
	"github.com/modelcensus/modelcensus/store"
)

// DefaultStore is the SQLite store used when no DSN is given:
// $MODELCENSUS_DB, else modelcensus.db in $XDG_DATA_HOME/modelcensus, else
// in ~/.local/share/modelcensus (./.local/… when there is no home folder).
// getenv reads an environment variable.
func DefaultStore(getenv func(string) string) string {
	if p := getenv("MODELCENSUS_DB"); p != "" {
		return p
	}
	dir := xdg.DataDir(getenv)
	if dir == "" {
		dir = filepath.Join(".local", "share", "modelcensus")
	}
	return filepath.Join(dir, "modelcensus.db")
}

// NoStoreError is OpenExisting's error for a local store file that does
// not exist yet.
type NoStoreError struct {
	Path string
}

func (e *NoStoreError) Error() string { return "store " + e.Path + ": no snapshot store" }

// OpenExisting opens the store dsn names (Registry.Open) for the commands
// that only read a store: a local file that does not exist is a
// *NoStoreError rather than a new empty store, so that a mistyped path
// creates nothing.
func OpenExisting(ctx context.Context, r *store.Registry, dsn string) (*store.Store, error) {
	if path, ok := r.Path(dsn); ok {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, &NoStoreError{Path: path}
		}
	}
	return r.Open(ctx, dsn)
}
