package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/modelcensus/modelcensus/cli"
	"github.com/modelcensus/modelcensus/epoch/download"
	"github.com/modelcensus/modelcensus/internal/heap"
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

// deps wires every adapter modelcensus has.
func deps() *cli.Deps {
	stores := &store.Registry{}
	sqlite.Register(stores)
	postgres.Register(stores)
	// A store written by a development schema is upgraded on open, its
	// files' model rows read again under the default rules.
	stores.Legacy = snapshots.Legacy(rules.Default)
	formats := publish.Builtin()
	xlsx.Register(formats)
	plot.Register(formats)
	return &cli.Deps{Stores: stores, Formats: formats, Download: download.Fetch, Serve: web.Run,
		Notifier: func(url string) cli.Sender { return &notify.Webhook{URL: url} }}
}

// heapBudget is how much heap a run may grow before the collector first
// runs, on huge pages where Linux allows (see internal/heap). A report on
// any real export stays within it; bench/run.sh measured this to take
// about a fifth off a whole-process report of the largest shared export.
const heapBudget = 64 << 20

func main() {
	heap.Prepare(heapBudget)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first SIGINT or SIGTERM cancels ctx, and every read stops at its
	// next chunk; a second one ends the process at once, as by default.
	go func() {
		<-ctx.Done()
		stop()
	}()
	io := cli.System()
	io.Deps = deps()
	code := cli.Run(ctx, io, os.Args[1:])
	stop()
	os.Exit(code)
}
