// Command load is the load benchmark of `modelcensus serve --db`: it starts
// the server on loopback over a store of the shared snapshots, sends a mix
// of distinct model, census and diff URLs (each once, in a shuffled order)
// over a fixed number of connections, and prints requests a second, p50 and
// p99 latency and the server's peak RSS (VmHWM in /proc/PID/status). It
// stops by itself after its requests or its time bound, whichever comes
// first, and stops the server it started.
//
// Usage, from the checkout:
//
//	go run ./bench/load [-source ../shared/epoch-snapshots] [-db FILE] [-urls 20000] [-conns 64] [-duration 2m]
//
// Without -db the source is pulled into a temporary store first (as
// `modelcensus pull --source DIR --db FILE`). Only 127.0.0.1 is contacted.
//
// It is benchmark tooling outside the data flow (docs/layout.md);
// bench/load.sh runs it.
package main
