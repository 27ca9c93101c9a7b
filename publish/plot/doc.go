// Package plot draws the report's charts as static SVG or PNG with
// gonum/plot, for pasting into documents and beside Markdown reports.
//
// It is one of publish's formats (third floor of the data flow,
// docs/layout.md): cmd/modelcensus registers it in a publish.Registry, and
// it draws the publish.Chart values the other formats draw too.
package plot
