// Package cli implements the modelcensus commands, one file per command,
// each with an options struct and a run function. Commands write through
// IOStreams so that tests can run them in-process.
//
// It is the sixth floor of the data flow (docs/layout.md): a command parses
// its flags, calls the packages below (epoch, census, publish, store,
// snapshots, web) and prints; cmd/modelcensus wires the stores, formats,
// download and server it uses.
package cli
