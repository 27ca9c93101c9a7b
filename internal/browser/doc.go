// Package browser starts headless Chromium for the tests that look at pages
// as a person would, and records what the page does: console errors and
// every request it makes.
//
// It is test tooling outside the data flow (docs/layout.md): the tests of
// publish and web use it; the program itself never does.
package browser
