// Package store keeps snapshots of Epoch exports in a SQL database: every
// file as downloaded (zstd-compressed, against an earlier version of the
// same file as a dictionary), the provenance of each download in the
// domain's types (census.Snapshot, census.FileInfo), a small index of the
// models in each file, the figures history reads and the review queue.
// One schema.sql serves both databases, over database/sql with a Dialect;
// the adapters store/sqlite (embedded, the default) and store/postgres
// open it. An import is one transaction: an interrupted import leaves no
// partial snapshot. docs/store.md describes the schema.
//
// It is on the second floor of the data flow (docs/layout.md): it keeps
// bytes and provenance, and package snapshots decides what goes in and
// reads it back as a dataset. Databases register by DSN scheme in a
// Registry, so that a new one is a package of its own wired in by
// cmd/modelcensus.
package store
