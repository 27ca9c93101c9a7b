// Package census is modelcensus's domain, the counting of the world's
// large-scale AI models: raw export rows (Raw), normalized models (Model),
// the normalization rules (Rules: countries, organizations and their parent
// groups, domains, accessibility, regions, thresholds), the Dataset they make
// and the census statistics computed from it (Compute, the figure registry
// of figures.go, thresholds, trends, tables by any dimension). It also
// estimates training compute the way Epoch AI does (estimate.go,
// estimate_rows.go, with the large-scale rule), applies curation entries
// (curation.go) and explains what changed between two datasets (explain.go).
//
// It does no I/O and sits on the lowest floor of the data flow
// (docs/layout.md): readers live in package epoch, the embedded rule tables
// in package rules, curation files in overlay, and the outputs in package
// publish; every one of them builds on census, and census imports none of
// them.
package census
