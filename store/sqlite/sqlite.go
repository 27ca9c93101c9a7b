// Package sqlite opens a snapshot store in an embedded SQLite database
// (modernc.org/sqlite: pure Go, no cgo), the default store.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/modelcensus/modelcensus/store"
)

// Dialect is SQLite's schema and limits.
var Dialect = store.Dialect{
	Name:            "sqlite",
	MaxParams:       32000,
	Positional:      true,
	ForeignKeysOff:  "PRAGMA foreign_keys = OFF",
	ForeignKeysOn:   "PRAGMA foreign_keys = ON",
	ForeignKeyCheck: "PRAGMA foreign_key_check",
	// A write that changes nothing, and takes the one write lock.
	WriteFirst: "UPDATE schema_migrations SET version = version WHERE version = $1",
	Migrations: []string{
		store.SchemaV1(store.Types{ID: "INTEGER PRIMARY KEY AUTOINCREMENT", BigInt: "INTEGER", Blob: "BLOB"}),
		store.SchemaV2(store.Types{}),
		store.SchemaV3(store.Types{ID: "INTEGER PRIMARY KEY AUTOINCREMENT", BigInt: "INTEGER", Blob: "BLOB"}),
		store.SchemaV4(store.Types{ID: "INTEGER PRIMARY KEY AUTOINCREMENT", BigInt: "INTEGER", Blob: "BLOB"}),
		store.SchemaV5(store.Types{BigInt: "INTEGER"}),
		store.SchemaV6(store.Types{BigInt: "INTEGER", Blob: "BLOB"}),
		store.SchemaV7Rebuild(store.Types{ID: "INTEGER PRIMARY KEY AUTOINCREMENT"}),
	},
}

// Open opens (creating if needed) the SQLite store at path, in WAL mode,
// and brings its schema up to date.
func Open(ctx context.Context, path string) (*store.Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s, err := store.New(ctx, db, Dialect, path)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Scheme is the DSN scheme of SQLite stores: "sqlite:PATH". A plain path
// is a SQLite store too.
const Scheme = "sqlite"

// Register makes r open SQLite stores for "sqlite:" DSNs and plain paths.
func Register(r *store.Registry) { r.Register(Scheme, Open, true) }
