// Package download fetches Epoch's exports over HTTP into the user's
// cache, revalidating with the ETag (Epoch sends no Last-Modified), with
// timeouts, a size cap and a progress bar, and falls back to the cached
// copy when offline. It is epoch.OpenOptions.Download in modelcensus-full.
//
// It sits beside package epoch on the second floor of the data flow
// (docs/layout.md) and is wired in only by cmd/modelcensus, so that epoch
// itself needs no network code.
package download
