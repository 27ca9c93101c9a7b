// Package sqlite opens a snapshot store in an embedded SQLite database
// (modernc.org/sqlite: pure Go, no cgo), the default store.
//
// It is one of the store's databases (second floor of the data flow,
// docs/layout.md), registered by cmd/modelcensus for the sqlite scheme and
// for plain file paths, the default; its schema is schema.sql beside this
// file.
package sqlite
