// Package ext declares the parts of modelcensus that link large libraries:
// the snapshot stores (SQLite, PostgreSQL), the Excel workbook, the static
// charts, the web server and the download (net/http and TLS, which also make
// a program depend on the C library where cgo is on).
//
// Go runs the initialisation of every package a program links before main
// starts, and those libraries take longer to initialise than `report` takes
// to read a whole export. So the modelcensus binary leaves them out and
// starts fast; when a command needs one of them, it hands the whole command
// line to modelcensus-full, which links package full's Parts and runs
// every command itself.
package ext

import (
	"context"
	"io"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/store"
)

// Parts are the implementations a full binary provides. Every field is set.
type Parts struct {
	// OpenStore opens, creating and migrating it if needed, the snapshot
	// store at dsn: a postgres:// or postgresql:// URL, else a SQLite file.
	OpenStore func(ctx context.Context, dsn string) (*store.Store, error)
	// WriteXLSX writes the census as an Excel workbook.
	WriteXLSX func(w io.Writer, d *publish.Document, l i18n.Lang, version string) error
	// WriteChart draws one chart as SVG or PNG (publish.ImageSVG or
	// publish.ImagePNG).
	WriteChart func(w io.Writer, c publish.Chart, format string, l i18n.Lang) error
	// Download fetches a URL source into the download cache (package
	// epoch/download: it links net/http).
	Download func(ctx context.Context, url string, opt epoch.FetchOptions) (*epoch.Fetched, error)
	// Serve serves the dashboard and the API until ctx ends.
	Serve func(ctx context.Context, c ServeConfig) error
}

// ServeConfig is what Parts.Serve serves, and where.
type ServeConfig struct {
	// Rules normalize the data.
	Rules *census.Rules
	// Source, when not empty, is read once at start and served; else
	// Store is served.
	Source string
	// Load are the options for reading Source.
	Load epoch.LoadOptions
	// Store is the snapshot store served when Source is empty.
	Store *store.Store
	// Addr is the HOST:PORT to listen on.
	Addr string
	// Version is shown in the pages and the API.
	Version string
	// Log receives the server's log lines.
	Log io.Writer
	// Listening is called once the server listens, with its address
	// (HOST:PORT).
	Listening func(addr string)
}
