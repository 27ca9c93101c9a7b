package store_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
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

// scripts/pg-test-server.sh gives each run a server of its own: two
// started at once get their own folders and ports, both answer, and stop
// removes each.
func TestPGTestServerScript(t *testing.T) {
	if _, err := os.Stat("/usr/lib/postgresql"); err != nil {
		t.Skip("PostgreSQL is not installed")
	}
	if testing.Short() {
		t.Skip("starts two servers")
	}
	type server struct{ dir, url string }
	start := func() server {
		out, err := exec.Command("../scripts/pg-test-server.sh", "start").Output()
		if err != nil {
			t.Fatalf("start: %v", err)
		}
		var s server
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, "export PGTEST_DIR='"); ok {
				s.dir = strings.TrimSuffix(v, "'")
			}
			if v, ok := strings.CutPrefix(line, "export MODELCENSUS_TEST_POSTGRES='"); ok {
				s.url = strings.TrimSuffix(v, "'")
			}
		}
		return s
	}
	a, b := start(), start()
	defer exec.Command("../scripts/pg-test-server.sh", "stop", a.dir).Run()
	defer exec.Command("../scripts/pg-test-server.sh", "stop", b.dir).Run()
	if a.dir == "" || a.dir == b.dir || a.url == b.url {
		t.Fatalf("servers share: %+v %+v", a, b)
	}
	var r store.Registry
	postgres.Register(&r)
	for _, s := range []server{a, b} {
		st, err := r.Open(context.Background(), s.url)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	if err := exec.Command("../scripts/pg-test-server.sh", "stop", a.dir).Run(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(a.dir); err == nil {
		t.Error("stop left the folder")
	}
}
