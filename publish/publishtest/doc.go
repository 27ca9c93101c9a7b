// Package publishtest holds the helpers that the tests of publish and of
// its format packages (xlsx, plot) share.
//
// It is test tooling outside the data flow (docs/layout.md): it builds a
// census from the hand-written fixtures with epoch and rules, as the
// program would, for the writers to render.
package publishtest
