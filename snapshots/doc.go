// Package snapshots keeps the history of Epoch exports: it pulls a source
// into a store with its provenance, imports an archive of past downloads,
// reads a stored snapshot back exactly as it was read the first time, and
// compares snapshots (diff) and figures across them (history).
//
// It is the fourth floor of the data flow (docs/layout.md): it joins
// epoch's readers, the census and a store, for the pull, diff and history
// commands and for web's pages over a store.
package snapshots
