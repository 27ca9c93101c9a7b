// Package sources builds the candidate sources that discover --sources
// names (discover/hf, discover/arena, discover/arxiv), each with its
// endpoint and one page cache, so that the command only parses its flags
// and calls Build.
//
// It sits on the third floor of the data flow (docs/layout.md), above
// discover and its sources, which it imports.
package sources
