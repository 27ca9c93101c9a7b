// Package store keeps snapshots of Epoch exports in a SQL database: every
// file as downloaded (compressed), every raw row as read, and the provenance
// of each download. It works over database/sql with a Dialect; the adapters
// store/sqlite (embedded, the default) and store/postgres open it. An import
// is one transaction: an interrupted import leaves no partial snapshot.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Dialect holds what differs between SQL databases.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Migrations are the schema versions, in order; Migrations[i] makes
	// version i+1.
	Migrations []string
	// MaxParams is the most bind parameters one statement may take.
	MaxParams int
	// Positional makes the statements built for many rows use "?" for
	// their parameters, not "$1": SQLite looks each "$N" up in a list,
	// which costs more than the insert itself for thousands of them.
	Positional bool
	// ImportLock, when set, is the statement that takes a lock for the
	// rest of an import's or a migration's transaction, given one bigint
	// argument (a constant key): PostgreSQL's pg_advisory_xact_lock.
	// Imports and migrations then take turns, and a second puller of a
	// download finds the first's snapshot. SQLite, with one writer at a
	// time, takes WriteFirst instead.
	ImportLock string
	// WriteFirst, when set, is a statement that makes an import's
	// transaction the database's one writer before it reads anything:
	// SQLite's transactions take the write lock at their first write, so
	// two imports could otherwise both find a download new, given one
	// bigint argument, as ImportLock.
	WriteFirst string
	// ForeignKeysOff and ForeignKeysOn, when set, are run on the
	// migrations' connection before and after them, so that a migration
	// may rebuild a table that others reference without the cascade of
	// its DROP TABLE (SQLite cannot change a column's constraints in
	// place); ForeignKeyCheck, run before each migration commits, lists
	// any reference the rebuild broke.
	ForeignKeysOff, ForeignKeysOn, ForeignKeyCheck string
}

// Store is an open snapshot store.
type Store struct {
	db *sql.DB
	d  Dialect
	// Location is where the store is, for messages (a path or a URL
	// without its password).
	Location string
	// keyframes keeps the keyframe the last import used or made.
	keyframes keyframeCache
	// wholes keeps the whole reads last decoded.
	wholes wholeCache
}

// New wraps an open database and brings its schema up to date.
func New(ctx context.Context, db *sql.DB, d Dialect, location string) (*Store, error) {
	s := &Store{db: db, d: d, Location: location}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// DB returns the underlying database.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's dialect name.
func (s *Store) Dialect() string { return s.d.Name }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the migrations not yet applied, each in a transaction.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store %s: create schema_migrations: %w", s.Location, err)
	}
	var have int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("store %s: read schema version: %w", s.Location, err)
	}
	if have > len(s.d.Migrations) {
		return fmt.Errorf("store %s: schema version %d is newer than this modelcensus knows (%d); upgrade modelcensus", s.Location, have, len(s.d.Migrations))
	}
	if have == len(s.d.Migrations) {
		return nil
	}
	// One connection for every migration, with the foreign keys off when
	// the dialect says so.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store %s: migrate: %w", s.Location, err)
	}
	defer conn.Close()
	if s.d.ForeignKeysOff != "" {
		if _, err := conn.ExecContext(ctx, s.d.ForeignKeysOff); err != nil {
			return fmt.Errorf("store %s: migrate: %w", s.Location, err)
		}
		defer func() {
			// A connection left without its foreign keys is not given back
			// to the pool.
			if _, err := conn.ExecContext(context.WithoutCancel(ctx), s.d.ForeignKeysOn); err != nil {
				conn.Raw(func(any) error { return driver.ErrBadConn })
			}
		}()
	}
	for v := have + 1; v <= len(s.d.Migrations); v++ {
		if err := s.migrateTo(ctx, conn, v); err != nil {
			return fmt.Errorf("store %s: migrate to %d: %w", s.Location, v, err)
		}
	}
	return nil
}

// migrateTo applies migration v on conn, in one transaction, unless
// another process applied it meanwhile: it takes the lock imports take
// (Dialect.ImportLock, WriteFirst) and reads the version again.
func (s *Store) migrateTo(ctx context.Context, conn *sql.Conn, v int) (err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if err := s.lockImports(ctx, tx); err != nil {
		return err
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	if have >= v {
		return tx.Rollback()
	}
	// A migration that moves data runs its statements before the line
	// "-- move", then the move (Go code, in the same transaction), then
	// the rest.
	before, after, moves := strings.Cut(s.d.Migrations[v-1], "-- move")
	for i, part := range []string{before, after} {
		if i == 1 && moves {
			if err := dataMoves[v](ctx, tx, s.d); err != nil {
				return err
			}
		}
		for _, stmt := range splitStatements(part) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return err
			}
		}
	}
	if s.d.ForeignKeyCheck != "" {
		rs, err := tx.QueryContext(ctx, s.d.ForeignKeyCheck)
		if err != nil {
			return err
		}
		broken := rs.Next()
		rs.Close()
		if broken {
			return errors.New("a reference between tables is broken (" + s.d.ForeignKeyCheck + ")")
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`,
		v, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the applied schema version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func splitStatements(sql string) []string {
	var out []string
	for _, st := range strings.Split(sql, ";") {
		if st = strings.TrimSpace(st); st != "" {
			out = append(out, st)
		}
	}
	return out
}

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
	// ContentSHA256 identifies the content: the same files give the same
	// value wherever they were read from.
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
	Header        []string  `json:"-"`
	ModTime       time.Time `json:"-"`
}

// Row is one raw row of a file, as read: every cell of the record.
type Row struct {
	Line  int
	Name  string
	Cells []string
}

// FileData is a file to import: its description, its bytes as read, and
// its rows.
type FileData struct {
	File
	// Content is the file's bytes. It must not change once given to
	// Import: the store keeps it, as the keyframe of the next import.
	Content []byte
	Rows    []Row
	// Read, when set, gives what reading the file gave, kept beside its
	// bytes (see StoredRead); it is called on another goroutine while the
	// rows are stored, and must be safe to call from several. ReadRules is
	// the version of the rules it was read with.
	Read      func() ([]byte, error)
	ReadRules string
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

// ErrNotFound is returned for a snapshot that is not in the store.
var ErrNotFound = errors.New("no such snapshot")

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
	snap.Rows = 0
	for _, f := range files {
		snap.Rows += len(f.Rows)
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
	if err = s.lockImports(ctx, tx); err != nil {
		return 0, false, fmt.Errorf("store: lock import: %w", err)
	}
	var had int64
	if had, err = s.unchanged(ctx, tx, snap, files); err != nil || had != 0 {
		tx.Rollback()
		return had, false, err
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO snapshots
		(taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256, tool_version, rules_version, rows, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		snap.DateString(), snap.DateBasis, snap.DatePath, snap.Source, snap.Kind, snap.ETag,
		snap.RetrievedAt.UTC().Format(time.RFC3339Nano), snap.ContentSHA256, snap.ToolVersion, snap.RulesVersion,
		snap.Rows, time.Now().UTC().Format(time.RFC3339Nano)).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("store: insert snapshot: %w", err)
	}
	for _, f := range files {
		if err = s.insertFile(ctx, tx, id, f); err != nil {
			return 0, false, err
		}
	}
	if err = tx.Commit(); err != nil {
		return 0, false, fmt.Errorf("store: commit import: %w", err)
	}
	return id, true, nil
}

// Generation names the store's list of snapshots: it changes whenever a
// snapshot is imported or removed ("count-largest id"). A server keys its
// cached answers by it, so that a snapshot another process imports is
// seen. It fails with the database's error.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var n, last int64
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(id), 0) FROM snapshots`).Scan(&n, &last); err != nil {
		return "", fmt.Errorf("store: snapshot list: %w", err)
	}
	return fmt.Sprintf("%d-%d", n, last), nil
}

// lockImports takes, for the rest of tx, the lock that imports and
// migrations take turns on (Dialect.ImportLock and WriteFirst, with
// importLock). Its error is the database's.
func (s *Store) lockImports(ctx context.Context, tx *sql.Tx) error {
	for _, lock := range []string{s.d.ImportLock, s.d.WriteFirst} {
		if lock == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, lock, importLock); err != nil {
			return err
		}
	}
	return nil
}

// importLock is the key of the lock every import takes (ImportLock,
// WriteFirst): whether a download is new depends on the snapshots of its
// subsets that other imports may be storing, so imports take turns. It is
// "modelcen" in ASCII.
const importLock int64 = 0x6d6f64656c63656e

// unchanged returns the id of a stored snapshot S whose content is
// snap's when, for every subset of files, the latest snapshot on or before
// snap's date that holds that subset is S: every report of the date reads
// what the pull would store. It returns 0 otherwise (a changed file, or a
// later snapshot holding one of the subsets, as when a source goes back
// to an earlier content). It fails with the database's error.
func (s *Store) unchanged(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, snap Snapshot, files []FileData) (int64, error) {
	// latest is, for each subset of files, the latest snapshot holding it
	// (0 until found).
	latest := map[string]int64{}
	for _, f := range files {
		latest[f.Subset] = 0
	}
	rs, err := q.QueryContext(ctx, `SELECT s.id, s.content_sha256, f.subset FROM snapshots s JOIN files f ON f.snapshot_id = s.id
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

func (s *Store) insertFile(ctx context.Context, tx *sql.Tx, snapID int64, f FileData) error {
	header, _ := json.Marshal(f.Header)
	// The file's bytes are delta-encoded on another goroutine while its
	// rows are hashed and looked up here; the blob is written last.
	blob, err := startBlob(ctx, tx, &s.keyframes, f)
	if err != nil {
		return err
	}
	defer blob.wait()
	read, err := s.startRead(ctx, tx, blob.prev, f)
	if err != nil {
		return err
	}
	defer read.wait()
	var fileID int64
	err = tx.QueryRowContext(ctx, `INSERT INTO files
		(snapshot_id, name, subset, size, sha256, header_version, encoding, rows, columns, header, mod_time)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		snapID, f.Name, f.Subset, f.Size, f.SHA256, f.HeaderVersion, f.Encoding, len(f.Rows), f.Columns,
		string(header), f.ModTime.UTC().Format(time.RFC3339Nano)).Scan(&fileID)
	if err != nil {
		return fmt.Errorf("store: insert file %s: %w", f.Name, err)
	}
	refs := make([]rowRef, len(f.Rows))
	versions := make([]rowVersion, 0, len(f.Rows))
	h := sha256.New()
	var buf []byte
	for i, r := range f.Rows {
		buf = appendCellsJSON(buf[:0], r.Cells)
		v := rowVersion{hash: hashRow(h, r.Name, buf), name: r.Name, rec: r.Cells, fromRec: true}
		refs[i] = rowRef{fileID, r.Line, v.hash}
		versions = append(versions, v)
	}
	if err := insertRows(ctx, tx, s.d, versions, refs, blob.prev); err != nil {
		return err
	}
	if err := blob.store(ctx, tx); err != nil {
		return err
	}
	return read.store(ctx, tx, fileID)
}

// pendingBlob is a file's bytes being encoded for the blobs table.
type pendingBlob struct {
	// prev is the latest stored file of the same name (0 for none), whose
	// rows the new file's mostly are.
	prev int64
	name string
	sha  string
	// done is closed when codec, base, out and err are set; nil when the
	// bytes are stored already.
	done        chan struct{}
	codec, base string
	out         []byte
	err         error
}

// startBlob finds the latest file of f's name and, unless f's bytes are
// stored already (a file's bytes are stored once, whichever snapshots hold
// it), starts encoding them on another goroutine: as a delta over that
// file's keyframe, or as a new keyframe (encodeBlob), which cache then
// keeps. store writes them.
func startBlob(ctx context.Context, tx *sql.Tx, cache *keyframeCache, f FileData) (*pendingBlob, error) {
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM blobs WHERE sha256 = $1`, f.SHA256).Scan(&have); err != nil {
		return nil, fmt.Errorf("store: insert file %s: %w", f.Name, err)
	}
	prev, kz, err := keyframeFor(ctx, tx, cache, f.Name, have == 0)
	if err != nil {
		return nil, err
	}
	p := &pendingBlob{prev: prev, name: f.Name, sha: f.SHA256}
	if have > 0 {
		return p, nil
	}
	p.done = make(chan struct{})
	go func() {
		defer close(p.done)
		var kf *keyframe
		if kz != nil {
			if kf, p.err = kz.decode(); p.err != nil {
				return
			}
		}
		p.codec, p.base, p.out, p.err = encodeBlob(f.Content, kf)
		switch {
		case p.err != nil:
		case p.codec == codecZstd:
			cache.put(&keyframe{sha: f.SHA256, stored: len(p.out), bytes: f.Content})
		case kf != nil:
			cache.put(kf)
		}
	}()
	return p, nil
}

// wait waits for the encoding to end.
func (p *pendingBlob) wait() {
	if p.done != nil {
		<-p.done
	}
}

// store writes the encoded bytes, once encoded.
func (p *pendingBlob) store(ctx context.Context, tx *sql.Tx) error {
	if p.done == nil {
		return nil
	}
	p.wait()
	if p.err != nil {
		return p.err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, content, codec, base) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`,
		p.sha, p.out, p.codec, p.base); err != nil {
		return fmt.Errorf("store: insert file %s: %w", p.name, err)
	}
	return nil
}

// rowVersion is one distinct row: its name and cells (JSON), by hash. A
// row read from a file (fromRec) has rec instead of cells, encoded only
// when the version is new (text).
type rowVersion struct {
	hash, name, cells string
	rec               []string
	fromRec           bool
}

// text is the version's cells as JSON.
func (v rowVersion) text() string {
	if v.fromRec {
		return string(appendCellsJSON(nil, v.rec))
	}
	return v.cells
}

// hashRow is newRowVersion's hash of a row's name and its cells' JSON,
// written to h (reset first).
func hashRow(h hash.Hash, name string, cells []byte) string {
	h.Reset()
	io.WriteString(h, name)
	h.Write([]byte{0})
	h.Write(cells)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// rowRef is a file's line and the row version it holds.
type rowRef struct {
	file int64
	line int
	hash string
}

// newRowVersion hashes a row: the SHA-256 of its name, a NUL and its cells.
func newRowVersion(name, cells string) rowVersion {
	return rowVersion{hash: hashRow(sha256.New(), name, []byte(cells)), name: name, cells: cells}
}

// insertRows stores the row versions not stored yet and the references
// (by the versions' ids), many per statement: far fewer round trips,
// within the database's limit on bind parameters. The versions already
// stored, nearly all of a daily download's, are only looked up.
func insertRows(ctx context.Context, tx *sql.Tx, d Dialect, versions []rowVersion, refs []rowRef, prev int64) error {
	ids := make(map[string]int64, len(versions))
	for _, v := range versions {
		ids[v.hash] = 0
	}
	// Most rows of a download are those of the previous download of the
	// same file: its versions are read in one query, and only the rest
	// looked up by hash.
	if prev > 0 {
		refs, err := fileRefs(ctx, tx, prev)
		if err != nil {
			return fmt.Errorf("store: previous rows: %w", err)
		}
		pids := make([]int64, len(refs))
		for i, r := range refs {
			pids[i] = r.version
		}
		pv, err := hashesByID(ctx, tx, d, pids)
		if err != nil {
			return fmt.Errorf("store: previous rows: %w", err)
		}
		for id, h := range pv {
			if _, ok := ids[h]; ok {
				ids[h] = id
			}
		}
	}
	var hashes []string
	for h, id := range ids {
		if id == 0 {
			hashes = append(hashes, h)
		}
	}
	sort.Strings(hashes)
	if err := versionIDs(ctx, tx, d, hashes, ids); err != nil {
		return err
	}
	var missing []string
	var vals [][]any
	for _, v := range versions {
		if ids[v.hash] == 0 {
			ids[v.hash] = -1 // once
			missing = append(missing, v.hash)
			vals = append(vals, []any{v.hash, v.name, v.text()})
		}
	}
	if err := insertMany(ctx, tx, d, `INSERT INTO row_versions (hash, name, cells) VALUES `, ` ON CONFLICT (hash) DO NOTHING`, vals); err != nil {
		return fmt.Errorf("store: insert row versions: %w", err)
	}
	if err := versionIDs(ctx, tx, d, missing, ids); err != nil {
		return err
	}
	if len(refs) == 0 {
		return nil
	}
	out := make([]ref, len(refs))
	for i, r := range refs {
		out[i] = ref{r.line, ids[r.hash]}
	}
	z, err := encodeRefs(out)
	if err != nil {
		return fmt.Errorf("store: insert rows: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO file_refs (file_id, refs) VALUES ($1, $2)`, refs[0].file, z); err != nil {
		return fmt.Errorf("store: insert rows: %w", err)
	}
	return nil
}

// versionIDs looks up the ids of row versions by hash, many per query,
// into ids.
func versionIDs(ctx context.Context, tx *sql.Tx, d Dialect, hashes []string, ids map[string]int64) error {
	err := queryIn(ctx, tx, d, `SELECT hash, id FROM row_versions WHERE hash IN `, hashes, func(rs *sql.Rows) error {
		var h string
		var id int64
		if err := rs.Scan(&h, &id); err != nil {
			return err
		}
		ids[h] = id
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: look up row versions: %w", err)
	}
	return nil
}

// querier runs a query: a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// rowQuerier runs a query of one row: a *sql.DB or a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// queryIn runs head followed by a parenthesized list of keys, in as many
// queries as the keys need (500 a query, within the database's limit on
// bind parameters), calling scan for every row of the answers.
func queryIn[K any](ctx context.Context, q querier, d Dialect, head string, keys []K, scan func(*sql.Rows) error) error {
	per := min(500, d.MaxParams)
	for start := 0; start < len(keys); start += per {
		part := keys[start:min(start+per, len(keys))]
		var sb strings.Builder
		sb.WriteString(head)
		sb.WriteByte('(')
		args := make([]any, len(part))
		for i, k := range part {
			if i > 0 {
				sb.WriteByte(',')
			}
			d.param(&sb, i+1)
			args[i] = k
		}
		sb.WriteByte(')')
		rs, err := q.QueryContext(ctx, sb.String(), args...)
		if err != nil {
			return err
		}
		for rs.Next() {
			if err := scan(rs); err != nil {
				rs.Close()
				return err
			}
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return err
		}
	}
	return nil
}

// insertRowsV3 is insertRows for schema 3 (hash references), which the
// migration from schema 2 fills before schema 4 turns them into ids.
func insertRowsV3(ctx context.Context, tx *sql.Tx, d Dialect, versions []rowVersion, refs []rowRef) error {
	seen := make(map[string]bool, len(versions))
	uniq := versions[:0:0]
	for _, v := range versions {
		if !seen[v.hash] {
			seen[v.hash] = true
			uniq = append(uniq, v)
		}
	}
	vals := make([][]any, len(uniq))
	for i, v := range uniq {
		vals[i] = []any{v.hash, v.name, v.cells}
	}
	if err := insertMany(ctx, tx, d, `INSERT INTO row_versions (hash, name, cells) VALUES `, ` ON CONFLICT (hash) DO NOTHING`, vals); err != nil {
		return fmt.Errorf("store: insert row versions: %w", err)
	}
	vals = make([][]any, len(refs))
	for i, r := range refs {
		vals[i] = []any{r.file, r.line, r.hash}
	}
	if err := insertMany(ctx, tx, d, `INSERT INTO file_rows (file_id, line, hash) VALUES `, ``, vals); err != nil {
		return fmt.Errorf("store: insert rows: %w", err)
	}
	return nil
}

// param writes the n-th (from 1) parameter of a statement.
func (d Dialect) param(q *strings.Builder, n int) {
	if d.Positional {
		q.WriteByte('?')
		return
	}
	q.WriteByte('$')
	q.WriteString(strconv.Itoa(n))
}

// insertMany inserts rows of values, many per statement: far fewer round
// trips, within the database's limit on bind parameters. head is the
// statement up to VALUES, tail what follows the values.
func insertMany(ctx context.Context, tx *sql.Tx, d Dialect, head, tail string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	width := len(rows[0])
	per := min(2000, d.MaxParams/width)
	for start := 0; start < len(rows); start += per {
		end := min(start+per, len(rows))
		var q strings.Builder
		q.WriteString(head)
		args := make([]any, 0, (end-start)*width)
		for i, r := range rows[start:end] {
			if i > 0 {
				q.WriteByte(',')
			}
			q.WriteByte('(')
			for j := range r {
				if j > 0 {
					q.WriteByte(',')
				}
				d.param(&q, len(args)+j+1)
			}
			q.WriteByte(')')
			args = append(args, r...)
		}
		q.WriteString(tail)
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// dataMoves are the Go parts of the migrations that move data, by version.
var dataMoves = map[int]func(ctx context.Context, tx *sql.Tx, d Dialect) error{3: moveToV3, 4: moveToV4}

// moveToV3 fills the content-addressed tables from version 2's: each
// distinct file's bytes into blobs, each row into row_versions and
// file_rows. Rows are read in pages by (file, line), so that no result set
// is open while inserting (PostgreSQL's connections allow one at a time).
func moveToV3(ctx context.Context, tx *sql.Tx, d Dialect) error {
	var sums []string
	rs, err := tx.QueryContext(ctx, `SELECT DISTINCT sha256 FROM files`)
	if err != nil {
		return err
	}
	for rs.Next() {
		var s string
		if err := rs.Scan(&s); err != nil {
			rs.Close()
			return err
		}
		sums = append(sums, s)
	}
	rs.Close()
	for _, sum := range sums {
		var content []byte
		if err := tx.QueryRowContext(ctx, `SELECT content FROM files WHERE sha256 = $1 ORDER BY id LIMIT 1`, sum).Scan(&content); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, content) VALUES ($1, $2)`, sum, content); err != nil {
			return err
		}
	}
	var lastFile int64
	lastLine := -1
	for {
		rs, err := tx.QueryContext(ctx, `SELECT file_id, line, name, cells FROM rows
			WHERE file_id > $1 OR (file_id = $1 AND line > $2) ORDER BY file_id, line LIMIT 5000`, lastFile, lastLine)
		if err != nil {
			return err
		}
		var versions []rowVersion
		var refs []rowRef
		for rs.Next() {
			var r rowRef
			var name, cells string
			if err := rs.Scan(&r.file, &r.line, &name, &cells); err != nil {
				rs.Close()
				return err
			}
			v := newRowVersion(name, cells)
			r.hash = v.hash
			versions = append(versions, v)
			refs = append(refs, r)
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return err
		}
		if len(refs) == 0 {
			return nil
		}
		if err := insertRowsV3(ctx, tx, d, versions, refs); err != nil {
			return err
		}
		lastFile, lastLine = refs[len(refs)-1].file, refs[len(refs)-1].line
	}
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
	rows, err := s.db.QueryContext(ctx, `SELECT `+snapshotColumns+` FROM snapshots ORDER BY taken_on, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list snapshots: %w", err)
	}
	var out []*Snapshot
	for rows.Next() {
		snap, err := scanSnapshot(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: list snapshots: %w", err)
		}
		out = append(out, snap)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list snapshots: %w", err)
	}
	for _, snap := range out {
		if snap.Files, err = s.files(ctx, snap.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Snapshot returns one snapshot with its files.
func (s *Store) Snapshot(ctx context.Context, id int64) (*Snapshot, error) {
	snap, err := scanSnapshot(s.db.QueryRowContext(ctx, `SELECT `+snapshotColumns+` FROM snapshots WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("snapshot %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: snapshot %d: %w", id, err)
	}
	if snap.Files, err = s.files(ctx, id); err != nil {
		return nil, err
	}
	return snap, nil
}

// AsOf returns the latest snapshot dated on or before date.
func (s *Store) AsOf(ctx context.Context, date time.Time) (*Snapshot, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM snapshots WHERE taken_on <= $1 ORDER BY taken_on DESC, id DESC LIMIT 1`,
		date.Format("2006-01-02")).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("no snapshot on or before %s: %w", date.Format("2006-01-02"), ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: as of %s: %w", date.Format("2006-01-02"), err)
	}
	return s.Snapshot(ctx, id)
}

// AsOfSubset returns the latest snapshot dated on or before date that holds
// a file of subset.
func (s *Store) AsOfSubset(ctx context.Context, date time.Time, subset string) (*Snapshot, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT s.id FROM snapshots s WHERE s.taken_on <= $1
		AND EXISTS (SELECT 1 FROM files f WHERE f.snapshot_id = s.id AND f.subset = $2)
		ORDER BY s.taken_on DESC, s.id DESC LIMIT 1`, date.Format("2006-01-02"), subset).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("no snapshot with a %s file on or before %s: %w", subset, date.Format("2006-01-02"), ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: as of %s: %w", date.Format("2006-01-02"), err)
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

func (s *Store) files(ctx context.Context, snapID int64) ([]File, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, subset, size, sha256, header_version, encoding, rows, columns, header, mod_time
		FROM files WHERE snapshot_id = $1 ORDER BY id`, snapID)
	if err != nil {
		return nil, fmt.Errorf("store: files of snapshot %d: %w", snapID, err)
	}
	defer rows.Close()
	var out []File
	for rows.Next() {
		var f File
		var header, mod string
		if err := rows.Scan(&f.ID, &f.Name, &f.Subset, &f.Size, &f.SHA256, &f.HeaderVersion, &f.Encoding, &f.Rows, &f.Columns, &header, &mod); err != nil {
			return nil, fmt.Errorf("store: files of snapshot %d: %w", snapID, err)
		}
		_ = json.Unmarshal([]byte(header), &f.Header)
		f.ModTime, _ = time.Parse(time.RFC3339Nano, mod)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Content returns a stored file's bytes as they were read.
func (s *Store) Content(ctx context.Context, fileID int64) ([]byte, error) {
	var z []byte
	var codec, base string
	var size int64
	if err := s.db.QueryRowContext(ctx, `SELECT f.size, b.codec, b.base, b.content FROM files f JOIN blobs b ON b.sha256 = f.sha256 WHERE f.id = $1`,
		fileID).Scan(&size, &codec, &base, &z); err != nil {
		return nil, fmt.Errorf("store: content of file %d: %w", fileID, err)
	}
	if size < 0 {
		return nil, fmt.Errorf("store: content of file %d: a size of %d bytes", fileID, size)
	}
	b, err := decodeBlob(codec, z, uint64(size), func() ([]byte, error) {
		var kz []byte
		err := s.db.QueryRowContext(ctx, `SELECT content FROM blobs WHERE sha256 = $1`, base).Scan(&kz)
		return kz, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: content of file %d: %w", fileID, err)
	}
	return b, nil
}

// ModelRow is one stored row of a model, with the snapshot and file it is
// in and that file's header.
type ModelRow struct {
	SnapshotID int64
	Date       time.Time
	File       string
	Header     []string
	Line       int
	Name       string
	Cells      []string
}

// ModelRows lists the stored rows of a model under any of its names: rows
// named one of names, or whose cells hold link (the model's link, which a
// renamed model keeps; "" for none), oldest snapshot first.
func (s *Store) ModelRows(ctx context.Context, names []string, link string) ([]ModelRow, error) {
	var cond []string
	var args []any
	for _, n := range names {
		args = append(args, n)
		cond = append(cond, fmt.Sprintf("r.name = $%d", len(args)))
	}
	if link != "" {
		quoted, _ := json.Marshal(link) // the link as a JSON string in the cells
		args = append(args, "%"+likeEscape(string(quoted))+"%")
		cond = append(cond, fmt.Sprintf("r.cells LIKE $%d ESCAPE '\\'", len(args)))
	}
	if len(cond) == 0 {
		return nil, nil
	}
	// The versions first (by the name index, or the link in the cells),
	// then every file's references, read once: a model's rows are few,
	// the files a year of days.
	vs, err := s.db.QueryContext(ctx, `SELECT id, name, cells FROM row_versions r WHERE `+strings.Join(cond, " OR "), args...)
	if err != nil {
		return nil, fmt.Errorf("store: rows of %v: %w", names, err)
	}
	type version struct{ name, cells string }
	want := map[int64]version{}
	for vs.Next() {
		var id int64
		var v version
		if err := vs.Scan(&id, &v.name, &v.cells); err != nil {
			vs.Close()
			return nil, fmt.Errorf("store: rows of %v: %w", names, err)
		}
		want[id] = v
	}
	vs.Close()
	if err := vs.Err(); err != nil || len(want) == 0 {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.taken_on, f.name, f.header, fr.refs FROM file_refs fr
		JOIN files f ON f.id = fr.file_id JOIN snapshots s ON s.id = f.snapshot_id ORDER BY s.taken_on, s.id, f.name`)
	if err != nil {
		return nil, fmt.Errorf("store: rows of %v: %w", names, err)
	}
	defer rows.Close()
	var out []ModelRow
	for rows.Next() {
		var snap int64
		var taken, file, header string
		var z []byte
		if err := rows.Scan(&snap, &taken, &file, &header, &z); err != nil {
			return nil, fmt.Errorf("store: rows of %v: %w", names, err)
		}
		refs, err := decodeRefs(z)
		if err != nil {
			return nil, fmt.Errorf("store: rows of %v: %w", names, err)
		}
		var hdr []string
		for _, rf := range refs {
			v, ok := want[rf.version]
			if !ok {
				continue
			}
			if hdr == nil {
				_ = json.Unmarshal([]byte(header), &hdr)
			}
			m := ModelRow{SnapshotID: snap, File: file, Header: hdr, Line: rf.line, Name: v.name}
			m.Date, _ = time.Parse("2006-01-02", taken)
			_ = json.Unmarshal([]byte(v.cells), &m.Cells)
			out = append(out, m)
		}
	}
	return out, rows.Err()
}

// likeEscape escapes LIKE's wildcards with a backslash.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// RowCount returns the number of raw rows stored for a snapshot.
func (s *Store) RowCount(ctx context.Context, snapID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(rows), 0) FROM files WHERE snapshot_id = $1`, snapID).Scan(&n)
	return n, err
}

// Rows calls fn for every stored raw row of a file, in line order.
func (s *Store) Rows(ctx context.Context, fileID int64, fn func(Row) error) error {
	refs, err := fileRefs(ctx, s.db, fileID)
	if err != nil {
		return fmt.Errorf("store: rows of file %d: %w", fileID, err)
	}
	ids := make([]int64, len(refs))
	for i, r := range refs {
		ids[i] = r.version
	}
	versions, err := versionsByID(ctx, s.db, s.d, ids)
	if err != nil {
		return fmt.Errorf("store: rows of file %d: %w", fileID, err)
	}
	for _, rf := range refs {
		v := versions[rf.version]
		r := Row{Line: rf.line, Name: v.name}
		_ = json.Unmarshal([]byte(v.cells), &r.Cells)
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}
