package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// diffOptions are the flags of `modelcensus diff`.
type diffOptions struct {
	reportOptions // its dbOptions is --db
	Limit         int
	Explain       bool
}

func newDiffCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: l.T("cmd.diff.short"),
		Long: `Show what changed from snapshot A to snapshot B. Each is a stored snapshot's
id, or a source read directly (a CSV, a folder, an ai_models.zip, a URL), so two
downloads can be compared without a store. It lists models added and
removed (matched by trimmed name; a rename is recognized by the same link or
reference), each changed value (training compute, publication date, country,
organization, domain), and the effect on the census under the same period
and rules.

스냅숏 A에서 B로 바뀐 것을 보여줍니다. A와 B는 저장된 스냅숏 번호이거나 직접 읽을
원본(CSV, 폴더, ai_models.zip, URL)이므로 저장소 없이도 두 내려받기를 비교할 수 있습니다: 추가·삭제된 모델(이름 기준, 링크나
참고문헌이 같으면 이름 변경), 바뀐 값, 같은 기간과 규칙에서 현황 통계에 미친 영향.`,
		Example: "  modelcensus diff 12 13\n  modelcensus diff 12 13 --format json\n  modelcensus diff old/ai_models.zip new/ai_models.zip\n  modelcensus diff ../shared/epoch-snapshots/2024-07-06 ../shared/epoch-snapshots/2025-02-01 --explain",
		Args:    cobra.ExactArgs(2),
		RunE:    func(cmd *cobra.Command, args []string) error { return runDiff(cmd.Context(), io, o, args) },
	}
	fs := cmd.Flags()
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset.diff"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
	o.addCensusFlags(fs, l)
	o.addOverlayFlag(fs, l)
	fs.IntVar(&o.Top, "top", census.DefaultTop, l.T("flag.top"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.diff"))
	fs.IntVar(&o.Limit, "limit", 0, l.T("flag.limit"))
	fs.BoolVar(&o.Explain, "explain", false, l.T("flag.explain"))
	return cmd
}

func runDiff(ctx context.Context, io *IOStreams, o *diffOptions, args []string) error {
	l, copt, err := o.startCensus(io)
	if err != nil {
		return err
	}
	if o.Format != "text" && o.Format != "json" {
		return badValue(l, "--format", o.Format, "text, json")
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	// Each of A and B is a stored snapshot's id, or a source (a file, a
	// folder, a zip, a URL) read directly; the store is opened only for ids.
	var st *store.Store
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	refs := make([]*snapshots.Ref, 2)
	for i, arg := range args {
		if isSnapshotID(arg) {
			if st == nil {
				if st, err = o.openExisting(ctx, io, l); err != nil {
					return err
				}
			}
			snap, err := snapshotArg(ctx, st, l, arg)
			if err != nil {
				return err
			}
			refs[i] = snapshots.Stored(st, snap)
			continue
		}
		if refs[i], err = snapshots.FromSource(ctx, arg, time.Time{}, o.openOptions(io)); err != nil {
			return translate(l, err)
		}
	}
	a, b := refs[0], refs[1]
	ov, _, err := o.loadOverlay(io, l)
	if err != nil {
		return err
	}
	d, err := snapshots.CompareRefs(ctx, r, a, b, o.Subset, snapshots.CompareOptions{Census: copt, Overlay: ov, Explain: o.Explain})
	if err != nil {
		var sm *snapshots.SubsetMismatch
		var ie *epoch.InputError
		if errors.As(err, &sm) || (errors.As(err, &ie) && ie.Kind == epoch.InputNoSubset) {
			return subsetAdvice(l, a, b, err)
		}
		return storeOrInput(l, err)
	}
	var buf bytes.Buffer
	if o.Format == "json" {
		_ = publish.WriteJSONValue(&buf, d)
	} else {
		writeDiffText(&buf, d, l, o.Limit)
	}
	_, err = io.Out.Write(buf.Bytes())
	return err
}

func flopText(v any) string {
	if f, ok := v.(float64); ok {
		return publish.FormatFLOP(f)
	}
	if v == nil {
		return "-"
	}
	return fmt.Sprint(v)
}

func writeDiffText(b *bytes.Buffer, d *snapshots.Diff, l i18n.Lang, limit int) {
	name := func(r snapshots.SnapshotRef) string {
		if r.Source != "" {
			return r.Source + " (" + r.Date + ")"
		}
		return l.T("diff.snapshot", r.ID) + " (" + r.Date + ")"
	}
	b.WriteString(l.T("diff.title", name(d.A), name(d.B), l.T("subset."+d.Subset)) + "\n")
	cut := func(n int) int {
		if limit > 0 && n > limit {
			return limit
		}
		return n
	}
	more := func(n int) {
		if limit > 0 && n > limit {
			b.WriteString("  " + l.T("diff.more", n-limit) + "\n")
		}
	}
	models := func(title string, list []snapshots.ModelRef) {
		t := publish.Table{Title: "\n" + title, Headers: []string{l.T("col.model"), l.T("col.date"), l.T("col.organization"), l.T("col.flop")},
			Right: []bool{false, false, false, true}}
		for _, m := range list[:cut(len(list))] {
			f := "-"
			if m.FLOP != nil {
				f = publish.FormatFLOP(*m.FLOP)
			}
			t.Rows = append(t.Rows, []string{m.Model, m.Date, m.Organization, f})
		}
		publish.WriteTable(b, t, l)
		more(len(list))
	}
	models(l.T("diff.added", len(d.Added)), d.Added)
	models(l.T("diff.removed", len(d.Removed)), d.Removed)
	rt := publish.Table{Title: "\n" + l.T("diff.renamed", len(d.Renamed)), Headers: []string{l.T("col.model"), l.T("col.renamed_to"), l.T("col.matched_by")}}
	for _, r := range d.Renamed[:cut(len(d.Renamed))] {
		rt.Rows = append(rt.Rows, []string{r.From, r.To, l.T("by." + r.By)})
	}
	publish.WriteTable(b, rt, l)
	more(len(d.Renamed))
	ct := publish.Table{Title: "\n" + l.T("diff.changed", len(d.Changed)), Headers: []string{l.T("col.model"), l.T("col.field"), l.T("col.old"), l.T("col.new")}}
	for _, c := range d.Changed[:cut(len(d.Changed))] {
		field := l.T("field." + c.Field)
		if c.Spelling {
			field += " " + l.T("diff.spelling")
		}
		if len(c.Added) > 0 || len(c.Removed) > 0 {
			var parts []string
			for _, x := range c.Added {
				parts = append(parts, "+"+x)
			}
			for _, x := range c.Removed {
				parts = append(parts, "−"+x)
			}
			field += " (" + strings.Join(parts, "; ") + ")"
		}
		ct.Rows = append(ct.Rows, []string{c.Model, field, flopText(c.Old), flopText(c.New)})
	}
	publish.WriteTable(b, ct, l)
	more(len(d.Changed))

	cd := d.Census
	yt := publish.Table{Title: "\n" + l.T("diff.census", cd.Period.From, cd.Period.To),
		Headers: []string{l.T("col.year"), l.T("col.before"), l.T("col.after"), l.T("col.change")}, Right: []bool{false, true, true, true}}
	for _, y := range cd.PerYear {
		yt.Rows = append(yt.Rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Before), strconv.Itoa(y.After), fmt.Sprintf("%+d", y.After-y.Before)})
	}
	publish.WriteTable(b, yt, l)
	kt := publish.Table{Title: "\n" + l.T("h.countries", cd.Period.From, cd.Period.To),
		Headers: []string{l.T("col.code"), l.T("col.country"), l.T("col.before"), l.T("col.after"), l.T("col.change")}, Right: []bool{false, false, true, true, true}}
	for _, c := range cd.Countries {
		if c.Before == c.After {
			continue
		}
		kt.Rows = append(kt.Rows, []string{c.Code, publish.CountryName(c.Country(), l), publish.FormatCount(c.Before), publish.FormatCount(c.After), signed(c.After - c.Before)})
	}
	publish.WriteTable(b, kt, l)
	tt := publish.Table{Title: "\n" + l.T("diff.top", cd.Period.To),
		Headers: []string{l.T("col.rank"), l.T("col.before"), l.T("col.flop"), l.T("col.after"), l.T("col.flop")}, Right: []bool{true, false, true, false, true}}
	for i := 0; i < max(len(cd.TopBefore), len(cd.TopAfter)); i++ {
		row := []string{strconv.Itoa(i + 1), "", "", "", ""}
		if i < len(cd.TopBefore) {
			row[1], row[2] = cd.TopBefore[i].Model, publish.FormatFLOP(cd.TopBefore[i].FLOP)
		}
		if i < len(cd.TopAfter) {
			row[3], row[4] = cd.TopAfter[i].Model, publish.FormatFLOP(cd.TopAfter[i].FLOP)
		}
		tt.Rows = append(tt.Rows, row)
	}
	publish.WriteTable(b, tt, l)
	if d.Explain != nil {
		writeExplain(b, d, l)
	}
}

// writeExplain prints every figure that changed, each key with its
// before, after and delta, and every model behind it, in full.
func writeExplain(b *bytes.Buffer, d *snapshots.Diff, l i18n.Lang) {
	cd := d.Census
	b.WriteString("\n" + l.T("diff.explain", len(d.Explain)) + "\n")
	countries := map[string]census.CountryCount{}
	for _, list := range [][]snapshots.CountryDelta{cd.Countries, cd.CountriesLatest} {
		for _, c := range list {
			countries[c.Code] = c.Country()
		}
	}
	writeExplanations(b, d.Explain, cd.Period, countries, l, "")
}

// writeExplanations prints explanations grouped by figure, each key with
// its before, after and delta and every cause in full; indent goes before
// every line. countries name the country codes where known.
func writeExplanations(b *bytes.Buffer, list []census.Explanation, period census.Period, countries map[string]census.CountryCount, l i18n.Lang, indent string) {
	r := &census.Result{Period: period, LatestYear: period.To}
	last := ""
	for _, e := range list {
		if e.Figure != last {
			last = e.Figure
			title := l.T("fig.total", period.From, period.To)
			if period.From == period.To {
				title = l.T("fig.total.year", period.From)
			}
			if f, ok := census.FigureByName(e.Figure); ok {
				title = f.Text(f.Title, string(l), r, "")
			}
			b.WriteString("\n" + indent + title + "\n")
		}
		key := e.Key
		switch e.Figure {
		case census.FigureCountries, census.FigureCountriesLatest:
			if c, ok := countries[key]; ok {
				key += " " + publish.CountryName(c, l)
			}
		case census.FigureDomains, census.FigureDomainsLatest:
			key = publish.DomainGroupName(key, l)
		}
		b.WriteString(indent)
		switch {
		case e.Figure == census.FigureTopComputeLatest:
			fmt.Fprintf(b, "  %s: %s → %s\n", key, flopOrDash(e.Before), flopOrDash(e.After))
		case key == "":
			fmt.Fprintf(b, "  %s → %s (%s)\n", publish.FormatCount(e.Before), publish.FormatCount(e.After), signed(e.Delta))
		default:
			fmt.Fprintf(b, "  %s: %s → %s (%s)\n", strings.TrimSpace(key), publish.FormatCount(e.Before), publish.FormatCount(e.After), signed(e.Delta))
		}
		for _, c := range e.Causes {
			line := indent + "    " + l.T("cause."+c.Cause) + ": " + c.Model
			if c.Detail != "" {
				line += " (" + causeDetail(c, l) + ")"
			}
			if e.Figure != census.FigureTopComputeLatest {
				line += " " + signed(c.Contribution)
			}
			b.WriteString(line + "\n")
		}
	}
}

// causeDetail is a cause's detail in l.
func causeDetail(c census.Cause, l i18n.Lang) string {
	if key := "cause.detail." + c.Cause; len(c.Args) > 0 && i18n.Has(key) {
		return l.T(key, c.Args...)
	}
	return c.Detail
}

// flopOrDash is a ranking value: the FLOP, or "–" for not ranked.
func flopOrDash(v float64) string {
	if v == 0 {
		return "–"
	}
	return publish.FormatFLOP(v)
}

// refLabel names a snapshot of a diff in l: "snapshot 12", or its source.
func refLabel(l i18n.Lang, r *snapshots.Ref) string {
	if r.Location != "" {
		return r.Location
	}
	return l.T("diff.snapshot", r.ID)
}

// signed prints a change with its sign: +3, -1.5, 0.
func signed(v float64) string {
	if v > 0 {
		return "+" + publish.FormatCount(v)
	}
	return publish.FormatCount(v)
}

// isSnapshotID reports whether a diff argument names a stored snapshot: a
// whole number that is not also a file or folder here.
func isSnapshotID(arg string) bool {
	if _, err := strconv.ParseInt(arg, 10, 64); err != nil {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}

// subsetAdvice says which subsets two snapshots hold, and which both do,
// when they cannot be compared as asked.
func subsetAdvice(l i18n.Lang, a, b *snapshots.Ref, err error) error {
	sa, sb := a.Subsets, b.Subsets
	var shared []string
	for _, s := range sa {
		if slices.Contains(sb, s) {
			shared = append(shared, s)
		}
	}
	la, lb := refLabel(l, a), refLabel(l, b)
	msg := l.T("err.no_shared_subset", la, strings.Join(sa, ", "), lb, strings.Join(sb, ", "))
	if len(shared) > 0 {
		msg = l.T("err.choose_subset", la, strings.Join(sa, ", "), lb, strings.Join(sb, ", "), strings.Join(shared, ", "))
	}
	return &Error{Code: ExitUsage, Msg: l.T("err.usage", msg), Err: err}
}
