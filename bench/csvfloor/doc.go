// Command csvfloor reads a CSV file with encoding/csv alone and prints the
// number of records: the floor that modelcensus's report time is compared
// with in the benchmarks.
//
// It is benchmark tooling outside the data flow (docs/layout.md); the
// benchmarks of package bench build and run it.
package main
