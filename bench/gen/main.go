package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/modelcensus/modelcensus/internal/synth"
)

func main() {
	rows := flag.Int("rows", 10000, "number of rows")
	out := flag.String("o", "", "output file (default: standard output)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := synth.Write(w, *rows, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
