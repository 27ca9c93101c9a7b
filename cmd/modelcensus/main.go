// Command modelcensus counts the world's large-scale AI models from Epoch
// AI's public database and publishes the census. Run `modelcensus --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/modelcensus/modelcensus/cli"
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
	code := cli.Run(ctx, cli.System(), os.Args[1:])
	stop()
	os.Exit(code)
}
