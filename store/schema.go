package store

import "strings"

// Types are the column types that differ between databases.
type Types struct {
	ID     string // an auto-numbered primary key
	BigInt string // a 64-bit integer
	Blob   string // bytes
}

// schemaV1 is version 1 of the schema, with {{id}}, {{bigint}} and {{blob}}
// for the types that differ between databases.
const schemaV1 = `
CREATE TABLE snapshots (
	id {{id}},
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
	id {{id}},
	snapshot_id {{bigint}} NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	subset TEXT NOT NULL,
	size {{bigint}} NOT NULL,
	sha256 TEXT NOT NULL,
	header_version TEXT NOT NULL,
	encoding TEXT NOT NULL,
	rows INTEGER NOT NULL,
	columns INTEGER NOT NULL,
	header TEXT NOT NULL,
	mod_time TEXT NOT NULL,
	content {{blob}} NOT NULL
);
CREATE INDEX files_snapshot ON files (snapshot_id);
CREATE TABLE rows (
	file_id {{bigint}} NOT NULL REFERENCES files (id) ON DELETE CASCADE,
	line INTEGER NOT NULL,
	name TEXT NOT NULL,
	cells TEXT NOT NULL,
	PRIMARY KEY (file_id, line)
);
CREATE INDEX rows_name ON rows (name)`

// SchemaV1 returns version 1 of the schema for a database's types.
func SchemaV1(t Types) string {
	return strings.NewReplacer("{{id}}", t.ID, "{{bigint}}", t.BigInt, "{{blob}}", t.Blob).Replace(schemaV1)
}

// schemaV2 adds the review queue of candidate models (modelcensus
// discover): one row per candidate, by its stable id, with its status and
// what the sources said of it (JSON).
const schemaV2 = `CREATE TABLE candidates (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	status TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL,
	last_seen TEXT NOT NULL,
	data TEXT NOT NULL
)`

// SchemaV2 returns version 2 of the schema: the candidates queue.
func SchemaV2(Types) string { return schemaV2 }

// schemaV3 makes the store content-addressed: each distinct file's bytes
// once (blobs, by SHA-256), each distinct row version once (row_versions,
// by the SHA-256 of its name and cells), and a file as a list of references
// to row versions (file_rows). The view rows keeps the shape of version 1's
// table, for the queries that read it. migrateV3 moves the data between the
// statements before "-- move" and those after.
const schemaV3 = `CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY,
	content {{blob}} NOT NULL
);
CREATE TABLE row_versions (
	hash TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	cells TEXT NOT NULL
);
CREATE INDEX row_versions_name ON row_versions (name);
CREATE TABLE file_rows (
	file_id {{bigint}} NOT NULL REFERENCES files (id) ON DELETE CASCADE,
	line INTEGER NOT NULL,
	hash TEXT NOT NULL,
	PRIMARY KEY (file_id, line)
);
CREATE INDEX file_rows_hash ON file_rows (hash);
-- move
DROP INDEX rows_name;
DROP TABLE rows;
CREATE VIEW rows AS SELECT fr.file_id AS file_id, fr.line AS line, v.name AS name, v.cells AS cells
	FROM file_rows fr JOIN row_versions v ON v.hash = fr.hash;
ALTER TABLE files DROP COLUMN content`

// SchemaV3 returns version 3 of the schema for a database's types: the
// content-addressed store.
func SchemaV3(t Types) string {
	return strings.NewReplacer("{{id}}", t.ID, "{{bigint}}", t.BigInt, "{{blob}}", t.Blob).Replace(schemaV3)
}

// schemaV4 makes the references small and the blobs deltas. A row version
// gets an integer id, and a file's rows are one value, file_refs.refs:
// each line and the id of the version it holds, delta-coded and
// compressed (encodeRefs). Schema 3 kept one row per line of every file,
// with the 64-character hash: most of a day's growth. A blob says its
// codec: gzip (schema 3's), zstd (a keyframe) or lines (a line delta over
// its keyframe, blobs.base), so a download that changed a few rows adds
// kilobytes, not the file again. The codec and base come before the
// bytes: SQLite reads a row's columns in order, through a large value's
// pages. moveToV4 fills file_refs between the statements before "-- move"
// and those after.
const schemaV4 = `CREATE TABLE blobs_v4 (
	sha256 TEXT PRIMARY KEY,
	codec TEXT NOT NULL,
	base TEXT NOT NULL,
	content {{blob}} NOT NULL
);
INSERT INTO blobs_v4 (sha256, codec, base, content) SELECT sha256, 'gzip', '', content FROM blobs;
DROP TABLE blobs;
ALTER TABLE blobs_v4 RENAME TO blobs;
CREATE TABLE row_versions_v4 (
	id {{id}},
	hash TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	cells TEXT NOT NULL
);
INSERT INTO row_versions_v4 (hash, name, cells) SELECT hash, name, cells FROM row_versions ORDER BY hash;
CREATE TABLE file_refs (
	file_id {{bigint}} PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
	refs {{blob}} NOT NULL
);
-- move
DROP VIEW rows;
DROP TABLE file_rows;
DROP TABLE row_versions;
ALTER TABLE row_versions_v4 RENAME TO row_versions;
CREATE INDEX row_versions_name ON row_versions (name)`

// SchemaV4 returns version 4 of the schema for a database's types:
// integer row references and delta-compressed blobs.
func SchemaV4(t Types) string {
	return strings.NewReplacer("{{id}}", t.ID, "{{bigint}}", t.BigInt, "{{blob}}", t.Blob).Replace(schemaV4)
}

// schemaV5 keeps the figures that history follows, computed from each
// snapshot when it is pulled or by the first history that needs them, by
// a key naming everything they depend on (the rules and modelcensus
// versions, the subset, the counting options, the overlay): a snapshot
// never changes, so a history over a year of daily snapshots computes each
// day once, ever.
const schemaV5 = `CREATE TABLE figure_cache (
	snapshot_id {{bigint}} NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (key, snapshot_id)
)`

// SchemaV5 returns version 5 of the schema: the figure cache.
func SchemaV5(t Types) string {
	return strings.NewReplacer("{{bigint}}", t.BigInt).Replace(schemaV5)
}

// schemaV6 keeps, beside each file's bytes, what reading it gave when it
// was imported (epoch.EncodeStoredRead: its description and every row's
// cells as the census takes them, a row a line), with the version of the
// rules it was read with: a report from the store reads that instead of
// decompressing and parsing the bytes. As the bytes are, a read is kept
// whole (codec "s2", S2-compressed) or as a line delta (codec "lines")
// over the whole read of an earlier file of the same name (base, a file
// id); size is its length. Files stored before have none, and are parsed.
const schemaV6 = `CREATE TABLE file_reads (
	file_id {{bigint}} PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
	rules_version TEXT NOT NULL,
	codec TEXT NOT NULL,
	base {{bigint}} NOT NULL,
	size {{bigint}} NOT NULL,
	content {{blob}} NOT NULL
)`

// SchemaV6 returns version 6 of the schema: the files' stored reads.
func SchemaV6(t Types) string {
	return strings.NewReplacer("{{bigint}}", t.BigInt, "{{blob}}", t.Blob).Replace(schemaV6)
}

// Schema 7 lets a content be stored twice: a source that goes back to an
// earlier content (A, then B, then A again, as when Epoch undoes an edit)
// is a new snapshot of A, dated after B, so that a report of that date
// reads A. Schema 1 made snapshots.content_sha256 UNIQUE; it becomes a
// plain index, and Import decides what is new (the latest snapshot of the
// same subsets on or before the date, Store.unchanged).

// schemaV7Rebuild is schema 7 for SQLite, which cannot drop a column's
// constraint: the table is made again without it, its ids kept (run with
// the foreign keys off, so that dropping the old table does not cascade to
// the files that reference it).
const schemaV7Rebuild = `CREATE TABLE snapshots_v7 (
	id {{id}},
	taken_on TEXT NOT NULL,
	date_basis TEXT NOT NULL,
	date_path TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL,
	kind TEXT NOT NULL,
	etag TEXT NOT NULL DEFAULT '',
	retrieved_at TEXT NOT NULL,
	content_sha256 TEXT NOT NULL,
	tool_version TEXT NOT NULL,
	rules_version TEXT NOT NULL,
	rows INTEGER NOT NULL,
	created_at TEXT NOT NULL
);
INSERT INTO snapshots_v7 (id, taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256, tool_version, rules_version, rows, created_at)
	SELECT id, taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256, tool_version, rules_version, rows, created_at FROM snapshots;
DROP TABLE snapshots;
ALTER TABLE snapshots_v7 RENAME TO snapshots;
CREATE INDEX snapshots_taken_on ON snapshots (taken_on);
CREATE INDEX snapshots_content ON snapshots (content_sha256)`

// SchemaV7Rebuild returns version 7 of the schema for a database that
// must rebuild the snapshots table to drop its unique content hash
// (SQLite; see Dialect.ForeignKeysOff).
func SchemaV7Rebuild(t Types) string {
	return strings.NewReplacer("{{id}}", t.ID).Replace(schemaV7Rebuild)
}

// SchemaV7Alter is version 7 of the schema for a database that drops a
// constraint in place (PostgreSQL, which named it snapshots_<column>_key).
const SchemaV7Alter = `ALTER TABLE snapshots DROP CONSTRAINT IF EXISTS snapshots_content_sha256_key;
CREATE INDEX snapshots_content ON snapshots (content_sha256)`
