// Package drift writes, as text, how the census drifts between snapshots:
// a diff of two snapshots (snapshots.Diff) and a figure's history over
// many (snapshots.History), in English or Korean. It sits above package
// snapshots, whose results it writes, and beside package publish, whose
// tables and number formats it uses.
package drift
