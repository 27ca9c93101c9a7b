// Package web serves the census over HTTP: a JSON API under /api/v1/ and a
// dashboard of server-rendered pages, from one snapshot store or one source.
//
// It is the fifth floor of the data flow (docs/layout.md): it reads through
// snapshots and store (or epoch for a source), counts with census, writes
// with publish and i18n, and is started by the serve command.
package web
