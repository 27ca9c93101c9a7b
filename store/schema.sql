-- The snapshot store, version 1, for SQLite and PostgreSQL: {{id}}, {{int}}
-- and {{blob}} are the types that differ (store.Dialect). docs/store.md
-- describes every table.
CREATE TABLE IF NOT EXISTS snapshot (
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
-- A file's bytes, once per SHA-256, zstd-compressed (with a base, against
-- that blob's bytes as a raw dictionary).
CREATE TABLE IF NOT EXISTS blob (
	sha256 TEXT PRIMARY KEY,
	series TEXT NOT NULL,
	seq {{int}} NOT NULL,
	base TEXT NOT NULL,
	size {{int}} NOT NULL,
	content {{blob}} NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshot_file (
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
CREATE INDEX IF NOT EXISTS snapshot_file_snapshot ON snapshot_file (snapshot_id);
-- The model index: a file's models (the keys of its name, its link and its
-- row: store.RowKey) whose row differs from the file before it in its
-- series (row_key 0 for a model it no longer has).
CREATE TABLE IF NOT EXISTS model_index (
	file_id {{int}} NOT NULL REFERENCES snapshot_file (id) ON DELETE CASCADE,
	name_key {{int}} NOT NULL,
	link_key {{int}} NOT NULL,
	row_key {{int}} NOT NULL
);
-- A model's history looks it up by name and by link.
CREATE INDEX IF NOT EXISTS model_index_name ON model_index (name_key);
CREATE INDEX IF NOT EXISTS model_index_link ON model_index (link_key);
-- The figure cache: the figures history follows, JSON, zstd-compressed.
CREATE TABLE IF NOT EXISTS figure (
	snapshot_id {{int}} NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	value {{blob}} NOT NULL,
	PRIMARY KEY (key, snapshot_id)
);
CREATE TABLE IF NOT EXISTS candidate (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	status TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL,
	last_seen TEXT NOT NULL,
	data TEXT NOT NULL
);
