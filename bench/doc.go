// Package bench holds modelcensus's whole-process benchmarks: `report` on
// the largest real export and on synthetic exports of 10k, 100k and 1M rows,
// each beside the floor of reading the same file with encoding/csv alone.
// Run them with bench/run.sh, which prints the table kept in docs/performance.md.
//
// It stands outside the data flow (docs/layout.md): its benchmarks time the
// program as a whole, as a user runs it.
package bench
