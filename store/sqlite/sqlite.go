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
	Name:      "sqlite",
	MaxParams: 32000,
	Migrations: []string{`
CREATE TABLE snapshots (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	taken_on TEXT NOT NULL,
	date_basis TEXT NOT NULL,
	date_path TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL,
	kind TEXT NOT NULL,
	etag TEXT NOT NULL DEFAULT '',
	retrieved_at TEXT NOT NULL,
	content_sha256 TEXT NOT NULL UNIQUE,
	tool_version TEXT NOT NULL,
	rules_version TEXT NOT NULL,
	rows INTEGER NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX snapshots_taken_on ON snapshots (taken_on);
CREATE TABLE files (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	subset TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	header_version TEXT NOT NULL,
	encoding TEXT NOT NULL,
	rows INTEGER NOT NULL,
	columns INTEGER NOT NULL,
	header TEXT NOT NULL,
	mod_time TEXT NOT NULL,
	content BLOB NOT NULL
);
CREATE INDEX files_snapshot ON files (snapshot_id);
CREATE TABLE rows (
	file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
	line INTEGER NOT NULL,
	name TEXT NOT NULL,
	cells TEXT NOT NULL,
	PRIMARY KEY (file_id, line)
);
CREATE INDEX rows_name ON rows (name)`},
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
