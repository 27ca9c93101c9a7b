-- The snapshot store, version 1, for SQLite and PostgreSQL: {{id}}, {{int}}
-- and {{blob}} are the types that differ (store.Dialect). docs/store.md
-- describes every table.
CREATE TABLE snapshot (
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
CREATE INDEX snapshot_taken_on ON snapshot (taken_on);
-- A file's bytes, once per SHA-256, zstd-compressed (with a base, against
-- that blob's bytes as a raw dictionary).
CREATE TABLE blob (
	sha256 TEXT PRIMARY KEY,
	series TEXT NOT NULL,
	seq {{int}} NOT NULL,
	base TEXT NOT NULL,
	size {{int}} NOT NULL,
	content {{blob}} NOT NULL
);
CREATE INDEX blob_series ON blob (series, seq);
CREATE TABLE snapshot_file (
	id {{id}},
	snapshot_id {{int}} NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
	series TEXT NOT NULL,
	name TEXT NOT NULL,
	subset TEXT NOT NULL,
	size {{int}} NOT NULL,
	sha256 TEXT NOT NULL REFERENCES blob (sha256),
	header_version TEXT NOT NULL,
	encoding TEXT NOT NULL,
	rows INTEGER NOT NULL,
	columns INTEGER NOT NULL,
	mod_time TEXT NOT NULL
);
CREATE INDEX snapshot_file_snapshot ON snapshot_file (snapshot_id);
CREATE INDEX snapshot_file_series ON snapshot_file (series, id);
-- The model index: a file's models (name, hash of the link, hash of the row)
-- whose row differs from the file before it in its series (row_hash '' for
-- a model it no longer has).
CREATE TABLE model_row (
	file_id {{int}} NOT NULL REFERENCES snapshot_file (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	link_hash TEXT NOT NULL,
	row_hash TEXT NOT NULL
);
-- A model's history looks it up by name and by link.
CREATE INDEX model_row_name ON model_row (name);
CREATE INDEX model_row_link ON model_row (link_hash);
-- The figure cache: the figures history follows, JSON, zstd-compressed.
CREATE TABLE figure (
	snapshot_id {{int}} NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	value {{blob}} NOT NULL,
	PRIMARY KEY (key, snapshot_id)
);
CREATE TABLE candidate (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	status TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL,
	last_seen TEXT NOT NULL,
	data TEXT NOT NULL
);
