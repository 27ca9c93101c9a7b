// Package drift writes, as text, what the snapshots say over time: a diff
// of two snapshots (snapshots.Diff), a figure's history over many
// (snapshots.History), the listing of stored snapshots, pull's lines for
// each snapshot stored and the discovery queue's table of candidates, in
// English or Korean. It sits above package snapshots (and discover),
// whose results it writes, and beside package publish, whose tables and
// number formats it uses.
package drift
