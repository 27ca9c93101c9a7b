// Command modelcensus counts the world's large-scale AI models from Epoch
// AI's public database and publishes the census. Run `modelcensus --help`.
//
// main is the composition root: it registers the snapshot stores by DSN
// scheme and the output formats by name, picks the downloader and the
// server, and hands them to the commands.
//
// It is the seventh and top floor of the data flow (docs/layout.md):
// nothing imports it, and no other package wires dependencies.
package main
