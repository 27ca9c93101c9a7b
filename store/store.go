package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// SchemaVersion is the version of the schema this package writes: 1, the
// first released. Stores written by the development schemas before it
// (their table schema_migrations) are upgraded on open (see Upgrade).
const SchemaVersion = 1

// Dialect holds what differs between SQL databases.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Schema is the database's schema.sql: the statements that make a new
	// store, separated by semicolons.
	Schema string
	// ImportLock, when set, takes a lock for the rest of a transaction,
	// given one bigint argument: PostgreSQL's pg_advisory_xact_lock.
	// Imports and upgrades take turns on it.
	ImportLock string
	// WriteFirst, when set, makes a transaction the database's one writer
	// before it reads anything (SQLite takes its write lock at the first
	// write), given the same argument.
	WriteFirst string
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

// New wraps an open database, creating the schema in an empty one. A
// store written by a development schema gives a *Store with
// ErrUpgradeNeeded: call Upgrade (Registry.Open does).
func New(ctx context.Context, db *sql.DB, d Dialect, location string) (*Store, error) {
	s := &Store{db: db, d: d, Location: location}
	var v int
	err := db.QueryRowContext(ctx, `SELECT version FROM store_schema`).Scan(&v)
	if err == nil && v == SchemaVersion {
		s.addIndexes(ctx)
		return s, nil
	}
	if err == nil && v > SchemaVersion {
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

// addIndexes makes the schema's indexes added since its version was
// released (CREATE INDEX IF NOT EXISTS) in a store made before them. An
// index is only speed: one that cannot be made (a read-only store) is
// left out, and the store still serves.
func (s *Store) addIndexes(ctx context.Context) {
	for _, st := range strings.Split(s.d.Schema, ";") {
		if st = strings.TrimSpace(st); strings.Contains(st, "CREATE INDEX IF NOT EXISTS") {
			s.db.ExecContext(ctx, st)
		}
	}
}

// create makes the schema, unless another process made it meanwhile,
// in one transaction under the import lock; with upgrade, it then imports
// the development schema's snapshots afresh and drops its tables.
func (s *Store) create(ctx context.Context, upgrade RowReader) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if s.d.ImportLock != "" {
		if _, err := tx.ExecContext(ctx, s.d.ImportLock, importLock); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS store_schema (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	if s.d.WriteFirst != "" {
		if _, err := tx.ExecContext(ctx, s.d.WriteFirst, importLock); err != nil {
			return err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM store_schema`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return tx.Rollback()
	}
	for _, st := range strings.Split(s.d.Schema, ";") {
		if st = strings.TrimSpace(st); st != "" {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				return fmt.Errorf("%s: %w", firstLine(st), err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO store_schema (version) VALUES ($1)`, SchemaVersion); err != nil {
		return err
	}
	if upgrade != nil {
		if err := s.importLegacy(ctx, tx, upgrade); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// relation is the type of the relation named name ("table", "view"), or
// "" when there is none.
func (s *Store) relation(ctx context.Context, q rowQuerier, name string) (string, error) {
	var kind string
	err := q.QueryRowContext(ctx, s.d.Relation, name).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return kind, err
}

// DB returns the underlying database.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's dialect name.
func (s *Store) Dialect() string { return s.d.Name }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Snapshot is one stored download and its provenance.
type Snapshot struct {
	ID int64 `json:"id"`
	// Date is the snapshot's date; DateBasis and DatePath say how it was
	// found (see census.Snapshot).
	Date      time.Time `json:"-"`
	DateBasis string    `json:"date_basis"`
	DatePath  string    `json:"date_path,omitempty"`
	// Source is the URL or path it was read from; Kind is url, zip, folder
	// or file.
	Source string `json:"source"`
	Kind   string `json:"kind"`
	ETag   string `json:"etag,omitempty"`
	// RetrievedAt is when it was downloaded or read.
	RetrievedAt time.Time `json:"retrieved_at"`
	// ContentSHA256 identifies the content: the SHA-256 of the files'
	// sorted SHA-256s (ContentHash).
	ContentSHA256 string `json:"content_sha256"`
	ToolVersion   string `json:"modelcensus_version"`
	RulesVersion  string `json:"rules_version"`
	Rows          int    `json:"rows"`
	Files         []File `json:"files"`
}

// DateString is the snapshot date as YYYY-MM-DD.
func (s *Snapshot) DateString() string { return s.Date.Format("2006-01-02") }

// Subsets lists the subsets of files (large-scale, notable, …), sorted,
// each once; files of no known subset are left out.
func Subsets(files []File) []string {
	var out []string
	for _, f := range files {
		if f.Subset != "" && !slices.Contains(out, f.Subset) {
			out = append(out, f.Subset)
		}
	}
	slices.Sort(out)
	return out
}

// File is one stored file of a snapshot.
type File struct {
	ID            int64     `json:"-"`
	Name          string    `json:"name"`
	Subset        string    `json:"subset"`
	Size          int64     `json:"size"`
	SHA256        string    `json:"sha256"`
	HeaderVersion string    `json:"header_version"`
	Encoding      string    `json:"encoding"`
	Rows          int       `json:"rows"`
	Columns       int       `json:"columns"`
	ModTime       time.Time `json:"-"`
}

// Row is one model row of a file, for the model index: the model's name
// (cleaned), its link ("" for none) and every cell of the record.
type Row struct {
	Name, Link string
	Cells      []string
	// Hash, when set, is RowHash(Cells), and Cells may be nil: a pull
	// hashes each record as it reads it rather than keeping its cells.
	Hash string
}

// FileData is a file to import: its description, its bytes as read, and
// its rows.
type FileData struct {
	File
	Content []byte
	Rows    []Row
}

// ContentHash identifies a set of files by their contents alone: the
// SHA-256 of their sorted SHA-256s.
func ContentHash(files []FileData) string {
	sums := make([]string, 0, len(files))
	for _, f := range files {
		sums = append(sums, f.SHA256)
	}
	sort.Strings(sums)
	h := sha256.Sum256([]byte(strings.Join(sums, "\n")))
	return hex.EncodeToString(h[:])
}

// Import stores a snapshot in one transaction. When the latest stored
// snapshot of the same subsets on or before snap's date has the same
// content (the same download pulled again, or an archive imported
// again), it stores nothing and returns that snapshot's id with created
// false. An older snapshot with the same content does not count: a
// source that went back to an earlier content is a new snapshot.
func (s *Store) Import(ctx context.Context, snap Snapshot, files []FileData) (id int64, created bool, err error) {
	snap.ContentSHA256 = ContentHash(files)
	if id, err := s.unchanged(ctx, s.db, snap, files); err != nil || id != 0 {
		return id, false, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, fmt.Errorf("store: begin import: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	// Imports take turns: a second puller of the same download finds the
	// first's snapshot.
	for _, lock := range []string{s.d.ImportLock, s.d.WriteFirst} {
		if lock != "" {
			if _, err = tx.ExecContext(ctx, lock, importLock); err != nil {
				return 0, false, fmt.Errorf("store: lock import: %w", err)
			}
		}
	}
	var had int64
	if had, err = s.unchanged(ctx, tx, snap, files); err != nil || had != 0 {
		tx.Rollback()
		return had, false, err
	}
	if id, err = s.insertSnapshot(ctx, tx, 0, snap, files); err != nil {
		return 0, false, err
	}
	if err = tx.Commit(); err != nil {
		return 0, false, fmt.Errorf("store: commit import: %w", err)
	}
	return id, true, nil
}

// insertSnapshot writes a snapshot (with id, when not 0) and its files.
func (s *Store) insertSnapshot(ctx context.Context, tx *sql.Tx, id int64, snap Snapshot, files []FileData) (int64, error) {
	snap.Rows = 0
	for _, f := range files {
		snap.Rows += len(f.Rows)
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
	for _, f := range files {
		if err := s.insertFile(ctx, tx, id, f); err != nil {
			return 0, fmt.Errorf("store: insert file %s: %w", f.Name, err)
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
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(id), 0) FROM snapshot`).Scan(&n, &last); err != nil {
		return "", fmt.Errorf("store: snapshot list: %w", err)
	}
	return fmt.Sprintf("%d-%d", n, last), nil
}

// importLock is the key of the lock every import and upgrade takes
// (Dialect.ImportLock, WriteFirst): whether a download is new depends on
// the snapshots other imports may be storing. It is "modelcen" in ASCII.
const importLock int64 = 0x6d6f64656c63656e

// unchanged returns the id of a stored snapshot S whose content is
// snap's when, for every subset of files, the latest snapshot on or before
// snap's date that holds that subset is S: every report of the date reads
// what the pull would store. It returns 0 otherwise. It fails with the
// database's error.
func (s *Store) unchanged(ctx context.Context, q querier, snap Snapshot, files []FileData) (int64, error) {
	latest := map[string]int64{}
	for _, f := range files {
		latest[f.Subset] = 0
	}
	rs, err := q.QueryContext(ctx, `SELECT s.id, s.content_sha256, f.subset FROM snapshot s JOIN snapshot_file f ON f.snapshot_id = s.id
		WHERE s.taken_on <= $1 ORDER BY s.taken_on DESC, s.id DESC`, snap.DateString())
	if err != nil {
		return 0, fmt.Errorf("store: look up content: %w", err)
	}
	defer rs.Close()
	contents := map[int64]string{}
	left := len(latest)
	for left > 0 && rs.Next() {
		var id int64
		var content, subset string
		if err := rs.Scan(&id, &content, &subset); err != nil {
			return 0, fmt.Errorf("store: look up content: %w", err)
		}
		contents[id] = content
		if was, ok := latest[subset]; ok && was == 0 {
			latest[subset] = id
			left--
		}
	}
	if err := rs.Err(); err != nil {
		return 0, fmt.Errorf("store: look up content: %w", err)
	}
	var match int64
	for _, id := range latest {
		if id == 0 || match != 0 && id != match {
			return 0, nil
		}
		match = id
	}
	if match == 0 || contents[match] != snap.ContentSHA256 {
		return 0, nil
	}
	return match, nil
}

// insertFile writes a file: its bytes (putBlob), its row and its part of
// the model index.
func (s *Store) insertFile(ctx context.Context, tx *sql.Tx, snapID int64, f FileData) error {
	series := Series(f.File)
	if err := s.putBlob(ctx, tx, series, f.SHA256, f.Content); err != nil {
		return err
	}
	var fileID int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO snapshot_file
		(snapshot_id, series, name, subset, size, sha256, header_version, encoding, rows, columns, mod_time)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		snapID, series, f.Name, f.Subset, len(f.Content), f.SHA256, f.HeaderVersion, f.Encoding, len(f.Rows), f.Columns,
		f.ModTime.UTC().Format(time.RFC3339Nano)).Scan(&fileID); err != nil {
		return err
	}
	return s.indexFile(ctx, tx, fileID, series, f.Rows)
}

// querier runs a query: a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// rowQuerier runs a query of one row: a *sql.DB or a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const snapshotColumns = `id, taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256, tool_version, rules_version, rows`

func scanSnapshot(sc interface{ Scan(...any) error }) (*Snapshot, error) {
	var s Snapshot
	var taken, retrieved string
	if err := sc.Scan(&s.ID, &taken, &s.DateBasis, &s.DatePath, &s.Source, &s.Kind, &s.ETag, &retrieved,
		&s.ContentSHA256, &s.ToolVersion, &s.RulesVersion, &s.Rows); err != nil {
		return nil, err
	}
	s.Date, _ = time.Parse("2006-01-02", taken)
	s.RetrievedAt, _ = time.Parse(time.RFC3339Nano, retrieved)
	return &s, nil
}

// Snapshots lists every stored snapshot, oldest date first, with its files.
func (s *Store) Snapshots(ctx context.Context) ([]*Snapshot, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+snapshotColumns+` FROM snapshot ORDER BY taken_on, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list snapshots: %w", err)
	}
	var out []*Snapshot
	byID := map[int64]*Snapshot{}
	for rows.Next() {
		snap, err := scanSnapshot(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: list snapshots: %w", err)
		}
		out = append(out, snap)
		byID[snap.ID] = snap
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list snapshots: %w", err)
	}
	err = s.files(ctx, `1 = 1`, nil, func(snap int64, f File) {
		if sn := byID[snap]; sn != nil {
			sn.Files = append(sn.Files, f)
		}
	})
	return out, err
}

// Snapshot returns one snapshot with its files.
func (s *Store) Snapshot(ctx context.Context, id int64) (*Snapshot, error) {
	snap, err := scanSnapshot(s.db.QueryRowContext(ctx, `SELECT `+snapshotColumns+` FROM snapshot WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("snapshot %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: snapshot %d: %w", id, err)
	}
	err = s.files(ctx, `snapshot_id = $1`, []any{id}, func(_ int64, f File) { snap.Files = append(snap.Files, f) })
	return snap, err
}

// AsOf returns the latest snapshot dated on or before date.
func (s *Store) AsOf(ctx context.Context, date time.Time) (*Snapshot, error) {
	return s.AsOfSubset(ctx, date, "")
}

// AsOfSubset returns the latest snapshot dated on or before date that holds
// a file of subset ("": any snapshot).
func (s *Store) AsOfSubset(ctx context.Context, date time.Time, subset string) (*Snapshot, error) {
	var id int64
	day := date.Format("2006-01-02")
	err := s.db.QueryRowContext(ctx, `SELECT s.id FROM snapshot s WHERE s.taken_on <= $1
		AND ($2 = '' OR EXISTS (SELECT 1 FROM snapshot_file f WHERE f.snapshot_id = s.id AND f.subset = $2))
		ORDER BY s.taken_on DESC, s.id DESC LIMIT 1`, day, subset).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows) && subset == "":
		return nil, fmt.Errorf("no snapshot on or before %s: %w", day, ErrNotFound)
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("no snapshot with a %s file on or before %s: %w", subset, day, ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("store: as of %s: %w", day, err)
	}
	return s.Snapshot(ctx, id)
}

// Pick returns the snapshot a report as of date means: the latest holding
// subset, or, with no subset asked for, the latest holding a large-scale
// file (the default census), else the latest of all.
func (s *Store) Pick(ctx context.Context, date time.Time, subset string) (*Snapshot, error) {
	if subset != "" {
		return s.AsOfSubset(ctx, date, subset)
	}
	if snap, err := s.AsOfSubset(ctx, date, "large-scale"); err == nil {
		return snap, nil
	} else if !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	return s.AsOf(ctx, date)
}

// Latest returns the most recent snapshot, or ErrNotFound.
func (s *Store) Latest(ctx context.Context) (*Snapshot, error) {
	return s.AsOf(ctx, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
}

// files calls fn for every file matching where (args its parameters),
// in id order, with its snapshot's id.
func (s *Store) files(ctx context.Context, where string, args []any, fn func(snap int64, f File)) error {
	rows, err := s.db.QueryContext(ctx, `SELECT snapshot_id, id, name, subset, size, sha256, header_version, encoding, rows, columns, mod_time
		FROM snapshot_file WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f File
		var snap int64
		var mod string
		if err := rows.Scan(&snap, &f.ID, &f.Name, &f.Subset, &f.Size, &f.SHA256, &f.HeaderVersion, &f.Encoding, &f.Rows, &f.Columns, &mod); err != nil {
			return fmt.Errorf("store: files: %w", err)
		}
		f.ModTime, _ = time.Parse(time.RFC3339Nano, mod)
		fn(snap, f)
	}
	return rows.Err()
}

// RowCount returns the number of rows of a snapshot's files, as read.
func (s *Store) RowCount(ctx context.Context, snapID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(rows), 0) FROM snapshot_file WHERE snapshot_id = $1`, snapID).Scan(&n)
	return n, err
}
