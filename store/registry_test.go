package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

func TestSplitDSN(t *testing.T) {
	for _, c := range []struct{ dsn, scheme, rest string }{
		{"/var/lib/mc.db", "", "/var/lib/mc.db"},
		{"mc.db", "", "mc.db"},
		{`C:\data\mc.db`, "", `C:\data\mc.db`},
		{"sqlite:/var/lib/mc.db", "sqlite", "/var/lib/mc.db"},
		{"SQLite:mc.db", "sqlite", "mc.db"},
		{"postgres://u@h/db", "postgres", "//u@h/db"},
		{"./odd:name.db", "", "./odd:name.db"},
	} {
		s, r := store.SplitDSN(c.dsn)
		if s != c.scheme || r != c.rest {
			t.Errorf("SplitDSN(%q) = %q, %q; want %q, %q", c.dsn, s, r, c.scheme, c.rest)
		}
	}
}

// Each DSN reaches the opener registered for its scheme, with what that
// opener takes; a plain path goes to the default.
func TestRegistryDispatch(t *testing.T) {
	var got []string
	opener := func(name string) store.Opener {
		return func(_ context.Context, dsn string) (*store.Store, error) {
			got = append(got, name+" "+dsn)
			return nil, nil
		}
	}
	var r store.Registry
	r.Register("sqlite", opener("sqlite"), true)
	r.Register("postgres", opener("pg"), false)
	for _, dsn := range []string{"a.db", "sqlite:b.db", "sqlite:///abs/c.db", "postgres://u@h/d"} {
		if _, err := r.Open(context.Background(), dsn); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"sqlite a.db", "sqlite b.db", "sqlite /abs/c.db", "pg postgres://u@h/d"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("opened %q, want %q", got, want)
	}
	if p, ok := r.Path("sqlite:b.db"); !ok || p != "b.db" {
		t.Errorf("Path(sqlite:b.db) = %q %v", p, ok)
	}
	if _, ok := r.Path("postgres://u@h/d"); ok {
		t.Error("a PostgreSQL URL has a local path")
	}
}

// An unknown scheme is a clear error that names it and the schemes that
// work, and never prints a password.
func TestRegistryUnknownScheme(t *testing.T) {
	var r store.Registry
	sqlite.Register(&r)
	postgres.Register(&r)
	_, err := r.Open(context.Background(), "mysql://me:secret@db/census")
	var us *store.UnknownSchemeError
	if !errors.As(err, &us) || us.Scheme != "mysql" {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "mysql://") || !strings.Contains(msg, "postgres") || !strings.Contains(msg, "sqlite") || strings.Contains(msg, "secret") {
		t.Errorf("message %q", msg)
	}
	var empty store.Registry
	if _, err := empty.Open(context.Background(), "x.db"); err == nil {
		t.Error("an empty registry opened a path")
	}
}

// The real adapters: a path and a sqlite: DSN open SQLite stores, and a
// postgres:// URL a PostgreSQL store when a server is given.
func TestRegistryOpensRealStores(t *testing.T) {
	var r store.Registry
	sqlite.Register(&r)
	postgres.Register(&r)
	ctx := context.Background()
	dir := t.TempDir()
	for _, dsn := range []string{filepath.Join(dir, "a.db"), "sqlite:" + filepath.Join(dir, "b.db")} {
		st, err := r.Open(ctx, dsn)
		if err != nil {
			t.Fatalf("%s: %v", dsn, err)
		}
		if st.Dialect() != "sqlite" {
			t.Errorf("%s: dialect %s", dsn, st.Dialect())
		}
		st.Close()
	}
	for _, f := range []string{"a.db", "b.db"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not created: %v", f, err)
		}
	}
	pg := os.Getenv("MODELCENSUS_TEST_POSTGRES")
	if pg == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must test PostgreSQL too: set MODELCENSUS_TEST_POSTGRES (see scripts/pg-test-server.sh)")
		}
		t.Skip("PostgreSQL part skipped: set MODELCENSUS_TEST_POSTGRES to a server's URL")
	}
	st, err := r.Open(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Dialect() != "postgres" {
		t.Errorf("dialect %s", st.Dialect())
	}
}
