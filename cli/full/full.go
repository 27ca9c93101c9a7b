// Package full provides every part of package ext, from the adapters that
// wrap the large libraries. Only modelcensus-full, and tests, link it.
package full

import (
	"context"
	"log"
	"net"
	"strings"

	"github.com/modelcensus/modelcensus/cli/ext"
	"github.com/modelcensus/modelcensus/epoch/download"
	"github.com/modelcensus/modelcensus/publish/plot"
	"github.com/modelcensus/modelcensus/publish/xlsx"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/store/sqlite"
	"github.com/modelcensus/modelcensus/web"
)

// Parts returns the full implementations.
func Parts() *ext.Parts {
	return &ext.Parts{OpenStore: OpenStore, WriteXLSX: xlsx.Write, WriteChart: plot.Write, Download: download.Fetch, Serve: Serve}
}

// OpenStore opens the PostgreSQL store for a postgres:// or postgresql://
// URL, and the SQLite store at the path dsn otherwise.
func OpenStore(ctx context.Context, dsn string) (*store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// Serve serves the dashboard and the API with package web until ctx ends.
func Serve(ctx context.Context, c ext.ServeConfig) error {
	var cat *web.Catalog
	if c.Source != "" {
		var err error
		if cat, err = web.NewSourceCatalog(ctx, c.Rules, c.Source, c.Load); err != nil {
			return err
		}
	} else {
		cat = web.NewStoreCatalog(c.Rules, c.Store)
	}
	srv := web.New(cat, c.Version, log.New(c.Log, "modelcensus: ", log.LstdFlags))
	return srv.Serve(ctx, c.Addr, func(a net.Addr) {
		if c.Listening != nil {
			c.Listening(a.String())
		}
	})
}
