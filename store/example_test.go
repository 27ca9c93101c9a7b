package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// The store's databases register by DSN scheme, as database/sql's drivers
// do; cmd/modelcensus registers both. A plain path goes to the default
// (SQLite), a postgres:// URL to PostgreSQL, and an unknown scheme is an
// *UnknownSchemeError that leaves the password out.
func ExampleRegistry() {
	var stores store.Registry
	sqlite.Register(&stores)
	postgres.Register(&stores)
	fmt.Println(stores.Schemes())
	_, local := stores.Path("/var/lib/modelcensus/census.db")
	_, pgLocal := stores.Path("postgres://census@db.example.org/census")
	fmt.Println(local, pgLocal)

	dir, err := os.MkdirTemp("", "modelcensus-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := stores.Open(ctx, "sqlite:"+filepath.Join(dir, "census.db"))
	if err != nil {
		panic(err)
	}
	snaps, err := st.Snapshots(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Dialect(), len(snaps), "snapshots")
	st.Close()

	_, err = stores.Open(ctx, "mysql://analyst:secret@db.example.org/census")
	fmt.Println(err)
	// Output:
	// [postgres postgresql sqlite]
	// true false
	// sqlite 0 snapshots
	// store mysql://analyst:xxxxx@db.example.org/census: no database is registered for "mysql://" (want a file path, postgres, postgresql, sqlite)
}
