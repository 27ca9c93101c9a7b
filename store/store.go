package store

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
)

// SchemaVersion is the version of the schema this package writes: 1, the
// first released. Stores written by the development schemas before it
// (their table schema_migrations) are upgraded on open (see Upgrade).
const SchemaVersion = 1

// schema is the schema of version 1, for both databases: {{id}}, {{int}}
// and {{blob}} stand for the Dialect's types.
//
//go:embed schema.sql
var schema string

// Dialect holds what differs between SQL databases.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// ID, Int and Blob are the schema's types of an id column (with its
	// primary key), of a 64-bit integer and of bytes.
	ID, Int, Blob string
	// ImportLock, when set, takes a lock for the rest of a transaction,
	// given one bigint argument: PostgreSQL's pg_advisory_xact_lock.
	// Imports and upgrades take turns on it; SQLite's transactions take
	// its one write lock as they begin (BEGIN IMMEDIATE) instead.
	ImportLock string
	// Relation is a query of one value, the type ("table" or "view") of
	// the relation named $1 in the store, and no row when there is none.
	Relation string
	// ResetIDs, when set, is run after rows were inserted with explicit
	// ids (an upgrade keeps the snapshots' ids): PostgreSQL's setval.
	ResetIDs string
}

// Store is an open snapshot store.
type Store struct {
	db *sql.DB
	d  Dialect
	// Location is where the store is, for messages (a path or a URL
	// without its password).
	Location string
}

// ErrNotFound is returned for a snapshot that is not in the store.
var ErrNotFound = errors.New("no such snapshot")

// ErrUpgradeNeeded is New's error for a store written by a development
// schema, which Upgrade reads back and imports afresh.
var ErrUpgradeNeeded = errors.New("the store was written by a development schema of modelcensus and must be upgraded")

// Open opens the database that dsn names through database/sql's driver
// and wraps it (New, whose first query connects); location names it in
// messages. The adapters store/sqlite and store/postgres call it.
func Open(ctx context.Context, driver, dsn string, d Dialect, location string) (*Store, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", location, err)
	}
	s, err := New(ctx, db, d, location)
	if s == nil {
		db.Close() // else the caller's, or Upgrade's
	}
	return s, err
}

// New wraps an open database, creating the schema in an empty one. A
// store written by a development schema gives a *Store with
// ErrUpgradeNeeded: call Upgrade (Registry.Open does).
func New(ctx context.Context, db *sql.DB, d Dialect, location string) (*Store, error) {
	s := &Store{db: db, d: d, Location: location}
	var v int
	err := db.QueryRowContext(ctx, `SELECT version FROM store_schema`).Scan(&v)
	if err == nil && v == SchemaVersion {
		// Version 1 as first written kept the model index as text
		// (model_row): its files are indexed again (Upgrade).
		if kind, err := s.relation(ctx, db, "model_index"); err != nil || kind != "" {
			return s, err
		}
		return s, ErrUpgradeNeeded
	}
	if err == nil {
		return nil, fmt.Errorf("store %s: schema version %d is newer than this modelcensus knows (%d); upgrade modelcensus", location, v, SchemaVersion)
	}
	if legacy, err := s.relation(ctx, db, "schema_migrations"); err != nil {
		return nil, fmt.Errorf("store %s: %w", location, err)
	} else if legacy != "" {
		return s, ErrUpgradeNeeded
	}
	if err := s.create(ctx, nil); err != nil {
		return nil, fmt.Errorf("store %s: create: %w", location, err)
	}
	return s, nil
}

// create makes the schema, unless another process made it meanwhile, in
// one transaction under the import lock; for an upgrade, it makes the
// tables the store lacks and calls then in that transaction.
func (s *Store) create(ctx context.Context, then func(*sql.Tx) error) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS store_schema (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM store_schema`).Scan(&n); err != nil || n > 0 && then == nil {
		return err
	}
	types := strings.NewReplacer("{{id}}", s.d.ID, "{{int}}", s.d.Int, "{{blob}}", s.d.Blob)
	for _, st := range strings.Split(types.Replace(schema), ";") {
		if st = strings.TrimSpace(st); st != "" {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				return fmt.Errorf("%s: %w", st, err)
			}
		}
	}
	if n == 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO store_schema (version) VALUES ($1)`, SchemaVersion); err != nil {
			return err
		}
	}
	if then != nil {
		if err := then(tx); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// begin starts a transaction under the import lock (Dialect.ImportLock).
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err == nil && s.d.ImportLock != "" {
		if _, err = tx.ExecContext(ctx, s.d.ImportLock, importLock); err != nil {
			tx.Rollback()
		}
	}
	return tx, err
}

// importLock is the key of the lock every import and upgrade takes
// (Dialect.ImportLock): whether a download is new depends on
// the snapshots other imports may be storing. It is "modelcen" in ASCII.
const importLock int64 = 0x6d6f64656c63656e

// relation is the type of the relation named name ("table", "view"), or
// "" when there is none.
func (s *Store) relation(ctx context.Context, q querier, name string) (string, error) {
	var kind string
	err := q.QueryRowContext(ctx, s.d.Relation, name).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return kind, err
}

// wrap is err (when not nil) after "store: " and what failed.
func wrap(err error, what string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: "+what+": %w", append(args, err)...)
}

// querier runs queries: a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// DB returns the underlying database.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's dialect name.
func (s *Store) Dialect() string { return s.d.Name }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Content is what Import stores of a file besides its census.FileInfo:
// its bytes as read, and its models for the model index.
type Content struct {
	Bytes  []byte
	Models []Row
}

// Row is one model row of a file, for the model index: TextKey of the
// model's name (cleaned) and of its link (0 for none), and RowKey of the
// record's cells.
type Row struct{ Name, Link, Row int64 }

// Import stores a snapshot, whose files are snap.Files with contents[i]
// the content of file i, in one transaction. When the latest stored
// snapshot of the same subsets on or before snap's date has the same
// content (the same download pulled again, or an archive imported
// again), it stores nothing and returns that snapshot's id with created
// false. An older snapshot with the same content does not count: a
// source that went back to an earlier content is a new snapshot.
func (s *Store) Import(ctx context.Context, snap census.Snapshot, contents []Content) (id int64, created bool, err error) {
	if len(snap.Files) == 0 || len(snap.Files) != len(contents) {
		return 0, false, fmt.Errorf("store: import of %d files with %d contents", len(snap.Files), len(contents))
	}
	snap.ContentSHA256 = snap.ContentHash()
	if id, err := s.unchanged(ctx, s.db, snap); err != nil || id != 0 {
		return id, false, err
	}
	// Imports take turns: a second puller of the same download finds the
	// first's snapshot.
	tx, err := s.begin(ctx)
	if err != nil {
		return 0, false, fmt.Errorf("store: begin import: %w", err)
	}
	defer tx.Rollback()
	if id, err := s.unchanged(ctx, tx, snap); err != nil || id != 0 {
		return id, false, err
	}
	if id, err = s.insertSnapshot(ctx, tx, 0, snap, contents); err != nil {
		return 0, false, err
	}
	return id, true, wrap(tx.Commit(), "commit import")
}

// insertSnapshot writes a snapshot (with id, when not 0), its files and
// their model index.
func (s *Store) insertSnapshot(ctx context.Context, tx *sql.Tx, id int64, snap census.Snapshot, contents []Content) (int64, error) {
	snap.Rows = 0
	for _, f := range snap.Files {
		snap.Rows += f.Rows
	}
	cols := `taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256, tool_version, rules_version, rows, created_at`
	args := []any{snap.DateString(), snap.DateBasis, snap.DatePath, snap.Source, snap.Kind, snap.ETag,
		snap.RetrievedAt.UTC().Format(time.RFC3339Nano), snap.ContentSHA256, snap.ToolVersion, snap.RulesVersion,
		snap.Rows, time.Now().UTC().Format(time.RFC3339Nano)}
	vals := `$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12`
	if id != 0 {
		cols, vals, args = cols+", id", vals+", $13", append(args, id)
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO snapshot (`+cols+`) VALUES (`+vals+`) RETURNING id`, args...).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: insert snapshot: %w", err)
	}
	for i, f := range snap.Files {
		series := series(f)
		if err := s.putBlob(ctx, tx, series, f.SHA256, contents[i].Bytes); err != nil {
			return 0, fmt.Errorf("store: insert file %s: %w", f.Name, err)
		}
		var fileID int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO snapshot_file
			(snapshot_id, series, name, subset, size, sha256, header_version, encoding, rows, columns, mod_time)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
			id, series, f.Name, f.Subset, len(contents[i].Bytes), f.SHA256, f.HeaderVersion, f.Encoding, f.Rows, f.Columns,
			f.ModTime.UTC().Format(time.RFC3339Nano)).Scan(&fileID); err != nil {
			return 0, fmt.Errorf("store: insert file %s: %w", f.Name, err)
		}
		if err := s.indexFile(ctx, tx, fileID, series, contents[i].Models); err != nil {
			return 0, fmt.Errorf("store: index file %s: %w", f.Name, err)
		}
	}
	return id, nil
}

// Generation names the store's list of snapshots: it changes whenever a
// snapshot is imported or removed ("count-largest id"). A server keys its
// cached answers by it, so that a snapshot another process imports is
// seen. It fails with the database's error.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var n, last int64
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(id), 0) FROM snapshot`).Scan(&n, &last)
	return fmt.Sprintf("%d-%d", n, last), wrap(err, "snapshot list")
}

// unchanged returns the id of a stored snapshot S whose content is
// snap's when, for every subset of files, the latest snapshot on or before
// snap's date that holds that subset is S: every report of the date reads
// what the pull would store. It returns 0 otherwise. It fails with the
// database's error.
func (s *Store) unchanged(ctx context.Context, q querier, snap census.Snapshot) (int64, error) {
	var match int64
	for _, f := range snap.Files {
		var id int64
		var content string
		err := q.QueryRowContext(ctx, `SELECT s.id, s.content_sha256 FROM snapshot s JOIN snapshot_file f ON f.snapshot_id = s.id
			WHERE s.taken_on <= $1 AND f.subset = $2 ORDER BY s.taken_on DESC, s.id DESC LIMIT 1`, snap.DateString(), f.Subset).Scan(&id, &content)
		if errors.Is(err, sql.ErrNoRows) || err == nil && (content != snap.ContentSHA256 || match != 0 && id != match) {
			return 0, nil
		}
		if err != nil {
			return 0, fmt.Errorf("store: look up content: %w", err)
		}
		match = id
	}
	return match, nil
}

// list returns the snapshots matching where (over snapshot s, args its
// parameters), oldest date first, each with its files, in one query.
func (s *Store) list(ctx context.Context, where string, args ...any) ([]*census.Snapshot, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.taken_on, s.date_basis, s.date_path, s.source, s.kind, s.etag, s.retrieved_at,
		s.content_sha256, s.tool_version, s.rules_version, s.rows,
		f.id, f.name, f.subset, f.size, f.sha256, f.header_version, f.encoding, f.rows, f.columns, f.mod_time
		FROM snapshot s JOIN snapshot_file f ON f.snapshot_id = s.id WHERE `+where+` ORDER BY s.taken_on, s.id, f.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: snapshots: %w", err)
	}
	defer rows.Close()
	var out []*census.Snapshot
	for rows.Next() {
		var sn census.Snapshot
		var f census.FileInfo
		var taken, retrieved, mod string
		if err := rows.Scan(&sn.ID, &taken, &sn.DateBasis, &sn.DatePath, &sn.Source, &sn.Kind, &sn.ETag, &retrieved,
			&sn.ContentSHA256, &sn.ToolVersion, &sn.RulesVersion, &sn.Rows,
			&f.ID, &f.Name, &f.Subset, &f.Size, &f.SHA256, &f.HeaderVersion, &f.Encoding, &f.Rows, &f.Columns, &mod); err != nil {
			return nil, fmt.Errorf("store: snapshots: %w", err)
		}
		f.ModTime, _ = time.Parse(time.RFC3339Nano, mod)
		if n := len(out); n == 0 || out[n-1].ID != sn.ID {
			sn.Date, _ = time.Parse("2006-01-02", taken)
			sn.RetrievedAt, _ = time.Parse(time.RFC3339Nano, retrieved)
			out = append(out, &sn)
		}
		last := out[len(out)-1]
		last.Files = append(last.Files, f)
	}
	return out, rows.Err()
}

// Snapshots lists every stored snapshot, oldest date first, with its files.
func (s *Store) Snapshots(ctx context.Context) ([]*census.Snapshot, error) {
	return s.list(ctx, `1 = 1`)
}

// Snapshot returns one snapshot with its files, or ErrNotFound.
func (s *Store) Snapshot(ctx context.Context, id int64) (*census.Snapshot, error) {
	list, err := s.list(ctx, `s.id = $1`, id)
	if err == nil && len(list) == 0 {
		err = fmt.Errorf("snapshot %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return list[0], nil
}

// AsOf returns the latest snapshot dated on or before date that holds a
// file of subset ("": any snapshot), or ErrNotFound.
func (s *Store) AsOf(ctx context.Context, date time.Time, subset string) (*census.Snapshot, error) {
	day := date.Format("2006-01-02")
	list, err := s.list(ctx, `s.id = (SELECT a.id FROM snapshot a WHERE a.taken_on <= $1
		AND ($2 = '' OR EXISTS (SELECT 1 FROM snapshot_file b WHERE b.snapshot_id = a.id AND b.subset = $2))
		ORDER BY a.taken_on DESC, a.id DESC LIMIT 1)`, day, subset)
	switch {
	case err != nil:
		return nil, err
	case len(list) == 0 && subset == "":
		return nil, fmt.Errorf("no snapshot on or before %s: %w", day, ErrNotFound)
	case len(list) == 0:
		return nil, fmt.Errorf("no snapshot with a %s file on or before %s: %w", subset, day, ErrNotFound)
	}
	return list[0], nil
}

// Latest returns the most recent snapshot, or ErrNotFound.
func (s *Store) Latest(ctx context.Context) (*census.Snapshot, error) {
	return s.AsOf(ctx, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), "")
}
