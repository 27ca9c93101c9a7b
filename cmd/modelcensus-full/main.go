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
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	io := cli.System()
	io.Parts = full.Parts()
	code := cli.Run(ctx, io, os.Args[1:])
	stop()
	os.Exit(code)
}
