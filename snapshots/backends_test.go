package snapshots_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// backend opens fresh, empty stores of one kind.
type backend struct {
	name string
	// dsn returns the address of a new, empty store.
	dsn  func(t *testing.T) string
	open func(ctx context.Context, dsn string) (*store.Store, error)
	// raw opens the database itself, and dialect is the adapter's: for a
	// test that writes an older schema by hand.
	raw     func(dsn string) (*sql.DB, error)
	dialect store.Dialect
}

// pgEnv names the PostgreSQL server the tests use; .ci/run starts one on
// loopback (scripts/pg-test-server.sh) and sets it.
const pgEnv = "MODELCENSUS_TEST_POSTGRES"

// backends lists SQLite and, when a server is given, PostgreSQL: every
// store test runs against both.
func backends(t *testing.T) []backend {
	out := []backend{{
		name:    "sqlite",
		dsn:     func(t *testing.T) string { return filepath.Join(t.TempDir(), "store.db") },
		open:    sqlite.Open,
		raw:     func(dsn string) (*sql.DB, error) { return sql.Open("sqlite", "file:"+dsn) },
		dialect: sqlite.Dialect,
	}}
	base := os.Getenv(pgEnv)
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must test PostgreSQL too: set %s (see scripts/pg-test-server.sh)", pgEnv)
		}
		t.Logf("PostgreSQL tests skipped: set %s to a server's URL (scripts/pg-test-server.sh starts one)", pgEnv)
		return out
	}
	return append(out, backend{
		name:    "postgres",
		dsn:     func(t *testing.T) string { return pgSchema(t, base) },
		open:    postgres.Open,
		raw:     func(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) },
		dialect: postgres.Dialect,
	})
}

// pgSchema makes a schema of its own for one test and returns a URL whose
// connections use it; the schema is dropped when the test ends.
func pgSchema(t *testing.T, base string) string {
	t.Helper()
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	sep := "?"
	for _, c := range base {
		if c == '?' {
			sep = "&"
		}
	}
	return base + sep + "search_path=" + schema
}

func openStore(t *testing.T, b backend) *store.Store {
	t.Helper()
	st, err := b.open(context.Background(), b.dsn(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func defaultRules(t testing.TB) *census.Rules {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
