package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/modelcensus/modelcensus/internal/synth"
)

func main() {
	base := flag.String("base", "", "the all-models export to start from")
	days := flag.Int("days", 365, "number of daily downloads")
	out := flag.String("o", "", "folder to write the days into")
	start := flag.String("start", "2026-01-01", "the first day, YYYY-MM-DD")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *base == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "year: -base and -o are required")
		os.Exit(2)
	}
	day, err := time.Parse("2006-01-02", *start)
	if err != nil {
		fmt.Fprintln(os.Stderr, "year: -start:", err)
		os.Exit(2)
	}
	f, err := os.Open(*base)
	if err != nil {
		fmt.Fprintln(os.Stderr, "year:", err)
		os.Exit(1)
	}
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	f.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "year:", *base, err)
		os.Exit(1)
	}
	folders, err := synth.Year(*out, rows, day, *days, synth.DefaultChurn, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "year:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d daily downloads into %s\n", len(folders), *out)
}
