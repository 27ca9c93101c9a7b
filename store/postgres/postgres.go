package postgres

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"net/url"

	_ "github.com/jackc/pgx/v5/stdlib" // the database/sql driver "pgx"

	"github.com/modelcensus/modelcensus/store"
)

// schema is version 1 of the store's schema for PostgreSQL.
//
//go:embed schema.sql
var schema string

// Dialect is PostgreSQL's schema and limits.
var Dialect = store.Dialect{
	Name:       "postgres",
	Schema:     schema,
	ImportLock: `SELECT pg_advisory_xact_lock($1)`,
	Relation: `SELECT CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name = $1`,
	ResetIDs: `SELECT setval(pg_get_serial_sequence('snapshot', 'id'), COALESCE((SELECT MAX(id) FROM snapshot), 0) + 1, false)`,
}

// Open connects to the PostgreSQL database at dsn (postgres://...) and
// brings its schema up to date.
func Open(ctx context.Context, dsn string) (*store.Store, error) {
	loc := redact(dsn)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", loc, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", loc, err)
	}
	s, err := store.New(ctx, db, Dialect, loc)
	if err != nil && s == nil {
		db.Close()
	}
	if err != nil {
		return s, err
	}
	return s, nil
}

// redact drops the password from a connection URL, for messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	return u.String()
}

// Register makes r open PostgreSQL stores for postgres:// and
// postgresql:// DSNs (libpq connection URLs, as pgx reads them).
func Register(r *store.Registry) {
	r.Register("postgres", Open, false)
	r.Register("postgresql", Open, false)
}
