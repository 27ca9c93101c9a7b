// Package bundled holds the Epoch AI snapshot that modelcensus carries
// inside the program (see PROVENANCE.md beside this file): the large-scale
// and notable files of 2026-08-19, unmodified, as one deflated zip. Data:
// Epoch AI, "Data on AI Models", CC BY 4.0.
//
// It sits on the second floor of the data flow (docs/layout.md): package
// epoch opens it for the location "bundled" (epoch.OpenBundled) and, with
// OpenOptions.Fallback, when a download fails, so that the program counts
// something with no network.
package bundled
