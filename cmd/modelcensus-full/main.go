// Command modelcensus-full is modelcensus with every part linked: the
// snapshot stores (SQLite, PostgreSQL), the Excel workbook, the static
// charts and the web server. It runs every modelcensus command; the
// modelcensus binary, which starts faster, runs it for the commands that
// need those parts. Run `modelcensus-full --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/modelcensus/modelcensus/cli"
	"github.com/modelcensus/modelcensus/cli/full"
	"github.com/modelcensus/modelcensus/internal/heap"
)

// heapBudget is how much heap a run may grow before the collector first
// runs, all of it on huge pages where Linux allows (see internal/heap). A
// report on any real export stays within it; bigger inputs collect as
// usual past it.
const heapBudget = 64 << 20

func main() {
	heap.Prepare(heapBudget)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	io := cli.System()
	io.Parts = full.Parts()
	code := cli.Run(ctx, io, os.Args[1:])
	stop()
	os.Exit(code)
}
