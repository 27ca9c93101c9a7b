package cli

import (
	"context"
	"time"

	"github.com/modelcensus/modelcensus/epoch/download"
	"github.com/modelcensus/modelcensus/notify"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/plot"
	"github.com/modelcensus/modelcensus/publish/xlsx"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/store/sqlite"
	"github.com/modelcensus/modelcensus/web"
)

// testDeps wires the adapters as cmd/modelcensus does.
func testDeps() *Deps {
	stores := &store.Registry{}
	sqlite.Register(stores)
	postgres.Register(stores)
	// A store written by a development schema is upgraded on open, its
	// files' model rows read again under the default rules.
	stores.Legacy = snapshots.Legacy(rules.Default)
	formats := publish.Builtin()
	xlsx.Register(formats)
	plot.Register(formats)
	// Webhooks retry without waiting in tests.
	noWait := func(context.Context, time.Duration) error { return nil }
	return &Deps{Stores: stores, Formats: formats, Download: download.Fetch, Serve: web.Run,
		Notifier: func(url string) Sender { return &notify.Webhook{URL: url, Sleep: noWait} }}
}
