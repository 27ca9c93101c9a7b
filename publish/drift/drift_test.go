package drift

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/snapshots"
)

// A per-year history of two snapshots, the second a break: one row per
// snapshot with its counts by year, and a note column for the break.
func TestHistoryTable(t *testing.T) {
	h := &snapshots.History{Figure: snapshots.FigurePerYear, Subset: "notable", From: 2023, To: 2024, Points: []snapshots.Point{
		{Snapshot: 3, Date: "2025-02-01", Counts: []census.YearCount{{Year: 2023, Count: 10}, {Year: 2024, Count: 4}}},
		{Snapshot: 7, Date: "2025-03-01", Counts: []census.YearCount{{Year: 2023, Count: 11}, {Year: 2024, Count: 6}}, Break: "a → b"},
	}}
	tab := HistoryTable(h, i18n.EN)
	if got := strings.Join(tab.Headers, "|"); !strings.HasSuffix(got, "|2023|2024|"+i18n.EN.T("col.note")) || len(tab.Headers) != 5 {
		t.Errorf("headers %q", got)
	}
	want := [][]string{{"3", "2025-02-01", "10", "4", ""}, {"7", "2025-03-01", "11", "6", i18n.EN.T("history.break", "a → b")}}
	for i, row := range want {
		if strings.Join(tab.Rows[i], "|") != strings.Join(row, "|") {
			t.Errorf("row %d: %q, want %q", i, tab.Rows[i], row)
		}
	}
	var b bytes.Buffer
	WriteHistoryCSV(&b, h, i18n.EN)
	if lines := strings.Split(strings.TrimSpace(b.String()), "\n"); len(lines) != 3 || lines[1] != "3,2025-02-01,10,4," {
		t.Errorf("CSV %q", b.String())
	}
}

// A diff with two models added and a limit of one lists one and says one
// more; the census part lists the year whose count moved with its sign.
func TestWriteDiffLimit(t *testing.T) {
	flop := 2e24
	d := &snapshots.Diff{A: snapshots.SnapshotRef{ID: 1, Date: "2025-01-01"}, B: snapshots.SnapshotRef{ID: 2, Date: "2025-02-01"}, Subset: "notable",
		Added: []snapshots.ModelRef{{Model: "Alpha", Date: "2024-05-01", FLOP: &flop}, {Model: "Beta", Date: "2024-06-01"}}}
	d.Census.Period = census.Period{From: 2024, To: 2024}
	d.Census.PerYear = []snapshots.YearDelta{{Year: 2024, Before: 5, After: 7}}
	var b bytes.Buffer
	WriteDiff(&b, d, i18n.EN, 1)
	out := b.String()
	for _, want := range []string{"Alpha", i18n.EN.T("diff.more", 1), "2024", "+2"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Beta") {
		t.Errorf("the limit of 1 still lists Beta:\n%s", out)
	}
}

// A pull of twelve bad rows, given out of file order: the first ten are
// warned of in the order the source gave them, then one line counts the
// two left; the stored snapshot's line goes to out alone.
func TestWritePull(t *testing.T) {
	res := &snapshots.PullResult{Created: true, Snapshot: &census.Snapshot{ID: 4, Source: "x.csv", Rows: 7}}
	for i := 12; i >= 1; i-- {
		f := "b.csv"
		if i%2 == 0 {
			f = "a.csv"
		}
		res.Problems = append(res.Problems, census.Problem{File: f, Line: i, Message: "bad"})
	}
	var out, errOut bytes.Buffer
	WritePull(&out, &errOut, res, time.Time{}, i18n.EN)
	lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	if len(lines) != 11 {
		t.Fatalf("%d warning lines, want 11:\n%s", len(lines), errOut.String())
	}
	if !strings.Contains(lines[0], "a.csv:12:") || !strings.Contains(lines[1], "b.csv:11:") || !strings.Contains(lines[9], "b.csv:3:") {
		t.Errorf("not in the source's order:\n%s", errOut.String())
	}
	if lines[10] != i18n.EN.T("warn.more_problems", 2) {
		t.Errorf("last line %q", lines[10])
	}
	if !strings.Contains(out.String(), "#4") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("out %q", out.String())
	}
}

// Three folders, one new, one unchanged, one failed: each is one line, and
// the last line counts one new snapshot of three folders.
func TestArchiveLog(t *testing.T) {
	var out, errOut bytes.Buffer
	a := &ArchiveLog{Out: &out, Err: &errOut, Lang: i18n.EN}
	a.Folder("2024-07-16", &snapshots.PullResult{Created: true, Snapshot: &census.Snapshot{ID: 1}})
	a.Failed("boom")
	a.Folder("2025-02-01", &snapshots.PullResult{Snapshot: &census.Snapshot{ID: 1}})
	a.Done("s.db")
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "2024-07-16") || !strings.HasPrefix(lines[1], "2025-02-01") || lines[2] != i18n.EN.T("pull.archive", 1, 3, "s.db") {
		t.Errorf("out:\n%s", out.String())
	}
	if errOut.String() != "modelcensus: boom\n" {
		t.Errorf("err %q", errOut.String())
	}
}

// Pulled, as ImportArchive's callback: two failed folders are each one
// line worded by Translate, and the first is the one kept.
func TestArchiveLogPulled(t *testing.T) {
	var out, errOut bytes.Buffer
	a := &ArchiveLog{Out: &out, Err: &errOut, Lang: i18n.EN, Translate: func(err error) error { return errors.New("said: " + err.Error()) }}
	a.Pulled("2024-07-16", &snapshots.PullResult{Created: true, Snapshot: &census.Snapshot{ID: 1}}, nil)
	a.Pulled("2024-08-01", nil, errors.New("first"))
	a.Pulled("2024-09-01", nil, errors.New("second"))
	a.Done("s.db")
	if errOut.String() != "modelcensus: said: first\nmodelcensus: said: second\n" {
		t.Errorf("err %q", errOut.String())
	}
	if a.First() == nil || a.First().Error() != "said: first" {
		t.Errorf("first error %v, want the first folder's, translated", a.First())
	}
	if want := i18n.EN.T("pull.archive", 1, 3, "s.db"); !strings.HasSuffix(out.String(), want+"\n") {
		t.Errorf("out %q, want it to end %q", out.String(), want)
	}
}

// A pull log told of an error, a change with explanations, a failed
// comparison, kept figures and the next pull: the change's counts go to
// out, everything else to err, and only the explained diff is notified.
func TestPullLog(t *testing.T) {
	var out, errOut bytes.Buffer
	var notified []*snapshots.Diff
	p := &PullLog{Out: &out, Err: &errOut, Lang: i18n.EN, Now: func() time.Time { return time.Time{} },
		PullError:  func(err error) string { return "pull: " + err.Error() },
		StoreError: func(err error) string { return "store: " + err.Error() },
		Notify:     func(d *snapshots.Diff) { notified = append(notified, d) }}
	p.Pulled(nil, errors.New("gone"))
	d := &snapshots.Diff{Added: make([]snapshots.ModelRef, 2), Explain: make([]census.Explanation, 1)}
	p.Changed(&census.Snapshot{ID: 3}, d, nil)
	p.Changed(&census.Snapshot{ID: 4}, &snapshots.Diff{}, nil)
	p.Changed(nil, nil, errors.New("no diff"))
	p.Kept(0, nil)
	p.Kept(2, nil)
	p.Kept(0, errors.New("locked"))
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p.Next(at)
	wantOut := "Changes since snapshot #3: 2 added, 0 removed, 0 renamed, 0 changed fields\n" +
		"Changes since snapshot #4: 0 added, 0 removed, 0 renamed, 0 changed fields\n"
	if out.String() != wantOut {
		t.Errorf("out %q, want %q", out.String(), wantOut)
	}
	wantErr := "modelcensus: pull: gone\n" + i18n.EN.T("warn.notify_failed", "no diff") + "\n" +
		i18n.EN.T("pull.kept_figures", 2) + "\nmodelcensus: store: locked\nNext pull at 2026-01-02T03:04:05Z (Ctrl-C to stop)\n"
	if errOut.String() != wantErr {
		t.Errorf("err %q, want %q", errOut.String(), wantErr)
	}
	if len(notified) != 1 || notified[0] != d {
		t.Errorf("notified %d diffs, want the one with explanations", len(notified))
	}
	// Without Notify a failed comparison says nothing.
	errOut.Reset()
	p.Notify = nil
	p.Changed(nil, nil, errors.New("no diff"))
	if errOut.Len() != 0 {
		t.Errorf("err %q without Notify", errOut.String())
	}
}

// Each format of a diff is its own writer's output: text is WriteDiff's
// with the limit, json the diff's JSON value.
func TestWriteDiffAs(t *testing.T) {
	d := &snapshots.Diff{A: snapshots.SnapshotRef{ID: 1}, B: snapshots.SnapshotRef{ID: 2}, Subset: "notable",
		Added: []snapshots.ModelRef{{Model: "Alpha"}, {Model: "Beta"}}}
	var got, want bytes.Buffer
	WriteDiffAs(&got, d, "text", i18n.KO, 1)
	WriteDiff(&want, d, i18n.KO, 1)
	if got.String() != want.String() {
		t.Errorf("text %q, want %q", got.String(), want.String())
	}
	got.Reset()
	WriteDiffAs(&got, d, "json", i18n.EN, 1)
	if !strings.HasPrefix(got.String(), "{") || !strings.Contains(got.String(), `"Beta"`) {
		t.Errorf("json %q", got.String())
	}
}

// Each format of a history is its own writer's output.
func TestWriteHistoryAs(t *testing.T) {
	h := &snapshots.History{Figure: snapshots.FigurePerYear, Subset: "notable", From: 2023, To: 2023, Points: []snapshots.Point{{Snapshot: 3, Date: "2025-02-01", Counts: []census.YearCount{{Year: 2023, Count: 10}}}}}
	var got, want bytes.Buffer
	WriteHistoryAs(&got, h, "csv", false, i18n.KO)
	WriteHistoryCSV(&want, h, i18n.KO)
	if got.String() != want.String() {
		t.Errorf("csv %q, want %q", got.String(), want.String())
	}
	got.Reset()
	WriteHistoryAs(&got, h, "json", false, i18n.EN)
	if !strings.HasPrefix(got.String(), "{") || !strings.Contains(got.String(), `"notable"`) {
		t.Errorf("json %q", got.String())
	}
}
