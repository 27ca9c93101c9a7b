// Package hostile builds, for tests, the small files built to exhaust
// memory or time that issue 27 lists: zips that inflate far past their
// size, workbooks of endless shared strings or rows, overlays of endless
// tables. Each is small on disk and written in well under a second: the
// repeated content is deflated once and its compressed blocks repeated.
// It also measures a function's peak heap. Nothing here is used by the
// program itself.
//
// It is test tooling outside the data flow (docs/layout.md): the tests of
// epoch, overlay and cli feed its files to the readers to show that the
// bounds of package limits hold.
package hostile
