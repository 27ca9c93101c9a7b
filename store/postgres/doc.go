// Package postgres opens a snapshot store in a PostgreSQL database through
// pgx, with the same behaviour as the SQLite store.
//
// It is one of the store's databases (second floor of the data flow,
// docs/layout.md), registered by cmd/modelcensus for the postgres:// and
// postgresql:// schemes; its schema is schema.sql beside this file.
package postgres
