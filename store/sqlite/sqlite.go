package sqlite

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/modelcensus/modelcensus/store"
)

// schema is version 1 of the store's schema for SQLite.
//
//go:embed schema.sql
var schema string

// Dialect is SQLite's schema and limits.
var Dialect = store.Dialect{
	Name:   "sqlite",
	Schema: schema,
	// A write that changes nothing, and takes the one write lock.
	WriteFirst: "UPDATE store_schema SET version = version WHERE version = $1",
	Relation:   "SELECT type FROM sqlite_master WHERE name = $1 AND type IN ('table', 'view')",
}

// Open opens (creating if needed) the SQLite store at path, in WAL mode,
// and creates its schema in a new one. A store written by a development
// schema fails with store.ErrUpgradeNeeded, the *Store given for its
// Upgrade.
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
	if err != nil && s == nil {
		db.Close()
	}
	if err != nil {
		return s, err
	}
	return s, nil
}

// Scheme is the DSN scheme of SQLite stores: "sqlite:PATH". A plain path
// is a SQLite store too.
const Scheme = "sqlite"

// Register makes r open SQLite stores for "sqlite:" DSNs and plain paths.
func Register(r *store.Registry) { r.Register(Scheme, Open, true) }
