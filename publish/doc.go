// Package publish renders a census for people and programs: text tables for
// the terminal, Markdown, JSON (the documented contract) and CSV, an HTML
// brief with ECharts charts and, through Chromium, a PDF. Registry maps
// each format's name to its writer, so that a new format is one file and one
// Register call (publish/xlsx and publish/plot register theirs from
// cmd/modelcensus).
//
// It is the third floor of the data flow (docs/layout.md): it takes what
// census computed and i18n's strings, and does no counting of its own; web
// and cli call it to write.
package publish
