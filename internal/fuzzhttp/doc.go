// Package fuzzhttp answers HTTP requests from memory, for fuzz targets of
// the code that reads other services' answers: no network, no server, a
// few microseconds a request.
//
// It is test tooling outside the data flow (docs/layout.md): the fuzz
// targets of discover's sources (hf, arena, arxiv) use it; the program
// itself never does.
package fuzzhttp
