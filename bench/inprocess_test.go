package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/cli"
	"github.com/modelcensus/modelcensus/publish"
)

// BenchmarkInProcess times `report --format json` run in-process through
// cli.Run (the rules loaded, the file read and normalized, the census
// computed and written), beside reading the same file with encoding/csv
// alone: the work without the process start-up; and `estimate --source`
// on the same file, every row estimated, which issue #12 wants no slower
// than report.
func BenchmarkInProcess(b *testing.B) {
	f := largestShared(b)
	b.Run("csv-floor", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fh, err := os.Open(f)
			if err != nil {
				b.Fatal(err)
			}
			r := csv.NewReader(bufio.NewReaderSize(fh, 1<<16))
			r.FieldsPerRecord, r.ReuseRecord = -1, true
			for {
				if _, err := r.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
			fh.Close()
		}
	})
	b.Run("report", func(b *testing.B) { runCLI(b, "report", "--source", f, "--subset", "all", "--format", "json") })
	// Issue #12: estimating every row must take no longer than report.
	b.Run("estimate", func(b *testing.B) { runCLI(b, "estimate", "--source", f, "--subset", "all", "--format", "json") })
	b.Run("estimate-text", func(b *testing.B) { runCLI(b, "estimate", "--source", f, "--subset", "all") })
	b.Run("report-text", func(b *testing.B) { runCLI(b, "report", "--source", f, "--subset", "all") })
}

// runCLI runs modelcensus in-process b.N times with args, as main wires it
// for these commands.
func runCLI(b *testing.B, args ...string) {
	deps := &cli.Deps{Formats: publish.Builtin()}
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		io := &cli.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: io.Discard,
			Getenv: func(string) string { return "" }, Now: time.Now, Deps: deps}
		if code := cli.Run(context.Background(), io, args); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
