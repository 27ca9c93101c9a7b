package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/modelcensus/modelcensus/store"
)

// Dialect is SQLite's schema and limits.
var Dialect = store.Dialect{
	Name:     "sqlite",
	ID:       "INTEGER PRIMARY KEY AUTOINCREMENT",
	Int:      "INTEGER",
	Blob:     "BLOB",
	Relation: "SELECT type FROM sqlite_master WHERE name = $1 AND type IN ('table', 'view')",
}

// Open opens (creating if needed) the SQLite store at path, in WAL mode,
// as store.Open does.
func Open(ctx context.Context, path string) (*store.Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	// WAL, and a transaction takes the one write lock as it begins; reads
	// through mmap, a syscall fewer per page of a 1.6 MB blob.
	return store.Open(ctx, "sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)"+
		"&_pragma=synchronous(NORMAL)&_pragma=mmap_size(268435456)&_txlock=immediate", Dialect, path)
}

// Register makes r open SQLite stores for "sqlite:PATH" DSNs and plain
// paths.
func Register(r *store.Registry) { r.Register("sqlite", Open, true) }
