// Command modelcensus counts the world's large-scale AI models from Epoch
// AI's public database and publishes the census. Run `modelcensus --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/modelcensus/modelcensus/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, cli.System(), os.Args[1:])
	stop()
	os.Exit(code)
}
