package drift

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
)

// WriteCopies warns on w, in l, of each file of a folder a pull left out
// as a copy of the same export as a file stored: which was stored, which
// left out, and why.
func WriteCopies(w io.Writer, res *snapshots.PullResult, l i18n.Lang) {
	for _, c := range res.IgnoredCopies {
		n := census.CopyNote(c)
		fmt.Fprintln(w, l.T("warn.copy_ignored", l.T("note."+n.Code, n.Args...)))
	}
}

// WritePull reports, in l, one pull of a source: on errOut, that the copy
// was read offline (its age at now), the files left out as copies and the
// first ten of the rows' problems, in the order the source gave them; then
// on out, what the pull stored (WritePulled).
func WritePull(out, errOut io.Writer, res *snapshots.PullResult, now time.Time, l i18n.Lang) {
	if f := res.Fetched; f != nil && f.Offline {
		fmt.Fprintln(errOut, l.T("warn.offline", f.URL, publish.AgeText(f.Age(now), l), f.RetrievedAt.Format(time.RFC3339)))
	}
	WriteCopies(errOut, res, l)
	for i, p := range res.Problems {
		if i == 10 {
			fmt.Fprintln(errOut, l.T("warn.more_problems", len(res.Problems)-10))
			break
		}
		fmt.Fprintln(errOut, l.T("warn.problem", p.File, p.Line, publish.ProblemText(p, l)))
	}
	WritePulled(out, res, "", l)
}

// ArchiveLog writes, in Lang, an archive import as it goes: each folder's
// copies left out (on Err) and stored line (on Out), each failure on Err
// as a "modelcensus: " line, and at the end how many of the folders gave
// a new snapshot.
type ArchiveLog struct {
	Out, Err io.Writer
	Lang     i18n.Lang
	// Translate words a folder's error as the edge does (its Error is
	// the line written); Pulled keeps the first it returns (First).
	Translate        func(error) error
	created, folders int
	first            error
}

// Pulled reports what snapshots.ImportArchive says of one folder: the
// snapshot it gave (Folder) or its error, translated (Failed).
func (a *ArchiveLog) Pulled(folder string, res *snapshots.PullResult, err error) {
	if err == nil {
		a.Folder(folder, res)
		return
	}
	e := a.Translate(err)
	if a.first == nil {
		a.first = e
	}
	a.Failed(e.Error())
}

// First is the first folder's error that Pulled translated, nil when
// every folder was pulled.
func (a *ArchiveLog) First() error { return a.first }

// Folder reports a folder pulled; res.Created counts it as new.
func (a *ArchiveLog) Folder(folder string, res *snapshots.PullResult) {
	a.folders++
	if res.Created {
		a.created++
	}
	WriteCopies(a.Err, res, a.Lang)
	WritePulled(a.Out, res, folder, a.Lang)
}

// Failed reports a folder that could not be pulled, msg being its error
// as the user reads it.
func (a *ArchiveLog) Failed(msg string) {
	a.folders++
	fmt.Fprintln(a.Err, "modelcensus: "+msg)
}

// Done writes how many new snapshots the folders gave, into the store at
// location.
func (a *ArchiveLog) Done(location string) {
	fmt.Fprintln(a.Out, a.Lang.T("pull.archive", a.created, a.folders, location))
}

// PullLog writes, in Lang, a pull (once, or again and again with
// --every) as snapshots.PullEvery tells it: its methods are
// EveryOptions' Pulled, Changed, Kept and Next. The errors it is told
// are worded by the edge that translates them: PullError for a pull's
// (the source's or the store's), StoreError for keeping figures.
type PullLog struct {
	Out, Err io.Writer
	Lang     i18n.Lang
	// Now is the current time, for the age of a copy read offline.
	Now        func() time.Time
	PullError  func(error) string
	StoreError func(error) string
	// Notify, when not nil, is told of each new snapshot whose explained
	// figures moved (a diff with Explain); a failure to compare is then
	// a warning. Nil: no notification, and such failures are silent.
	Notify func(d *snapshots.Diff)
}

// Pulled reports one pull (WritePull), or its error as a "modelcensus: "
// line on Err.
func (p *PullLog) Pulled(res *snapshots.PullResult, err error) {
	if err != nil {
		fmt.Fprintln(p.Err, "modelcensus: "+p.PullError(err))
		return
	}
	WritePull(p.Out, p.Err, res, p.Now(), p.Lang)
}

// Changed reports on Out how many models a new snapshot added, removed,
// renamed and changed since prev, and hands a diff whose figures moved
// to Notify.
func (p *PullLog) Changed(prev *census.Snapshot, d *snapshots.Diff, err error) {
	l := p.Lang
	if err != nil {
		if p.Notify != nil {
			fmt.Fprintln(p.Err, l.T("warn.notify_failed", err))
		}
		return
	}
	fmt.Fprintln(p.Out, l.T("pull.changes", prev.ID, len(d.Added), len(d.Removed), len(d.Renamed), len(d.Changed)))
	if p.Notify != nil && len(d.Explain) > 0 {
		p.Notify(d)
	}
}

// Kept reports on Err how many snapshots had their figures for history
// kept (nothing for none), or the failure to keep them.
func (p *PullLog) Kept(n int, err error) {
	if err != nil {
		fmt.Fprintln(p.Err, "modelcensus: "+p.StoreError(err))
	} else if n > 0 {
		fmt.Fprintln(p.Err, p.Lang.T("pull.kept_figures", n))
	}
}

// Next says on Err when the next pull is (RFC 3339).
func (p *PullLog) Next(at time.Time) {
	fmt.Fprintln(p.Err, p.Lang.T("pull.next", at.Format(time.RFC3339)))
}

// WritePulled writes the line, in l, saying what a pull did: the snapshot
// stored, or that the newest already holds the same content. folder, when
// not "", is the archive folder the snapshot came from, and begins the
// line.
func WritePulled(w io.Writer, res *snapshots.PullResult, folder string, l i18n.Lang) {
	s := res.Snapshot
	line := l.T("pull.unchanged", s.ID, s.DateString())
	if res.Created {
		line = l.T("pull.stored", s.ID, s.DateString(), len(s.Files), s.Rows, s.Source)
	}
	if folder != "" {
		line = l.T("pull.folder", folder, line)
	}
	fmt.Fprintln(w, line)
}

// SubsetAdvice says, in l, which subsets two snapshots hold, and which both
// do, when they cannot be compared as asked. Each is named by its source,
// or as "snapshot ID" when stored.
func SubsetAdvice(a, b *snapshots.Ref, l i18n.Lang) string {
	label := func(r *snapshots.Ref) string {
		if r.Location != "" {
			return r.Location
		}
		return l.T("diff.snapshot", r.ID)
	}
	sa, sb := a.Subsets, b.Subsets
	var shared []string
	for _, s := range sa {
		if slices.Contains(sb, s) {
			shared = append(shared, s)
		}
	}
	la, lb := label(a), label(b)
	if len(shared) > 0 {
		return l.T("err.choose_subset", la, strings.Join(sa, ", "), lb, strings.Join(sb, ", "), strings.Join(shared, ", "))
	}
	return l.T("err.no_shared_subset", la, strings.Join(sa, ", "), lb, strings.Join(sb, ", "))
}
