// Package xdg gives modelcensus's folders under the XDG Base Directory
// specification (https://specifications.freedesktop.org/basedir-spec/):
// where its data (the snapshot store, the overlay, recipes) and its cache
// live by default. getenv is os.Getenv or a test's.
//
// It is an internal helper below every floor of the data flow
// (docs/layout.md): package overlay and package snapshots use it.
package xdg
