// Package heap readies the Go heap of a short-lived process.
//
// modelcensus report runs for a few tens of milliseconds, and on virtual
// machines much of that went to the memory system rather than to reading:
// every fresh 4 KiB page of heap costs a page fault, and the collector ran
// several times over a heap of a few megabytes. Prepare addresses both.
//
// It is outside the data flow (docs/layout.md): only cmd/modelcensus's main
// calls it, before any command runs.
package heap
