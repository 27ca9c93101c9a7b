// Command gen writes a synthetic Epoch-shaped export of N rows, for
// benchmarks: gen -rows 1000000 -o big.csv.
//
// It is benchmark tooling outside the data flow (docs/layout.md); package
// internal/synth makes the rows.
package main
