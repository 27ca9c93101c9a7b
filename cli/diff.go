package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

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
}

func newDiffCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: l.T("cmd.diff.short"),
		Long: `Show what changed from stored snapshot A to snapshot B: models added and
removed (matched by trimmed name; a rename is recognized by the same link or
reference), each changed value (training compute, publication date, country,
organization, domain), and the effect on the census under the same period
and rules.

저장된 스냅숏 A에서 B로 바뀐 것을 보여줍니다: 추가·삭제된 모델(이름 기준, 링크나
참고문헌이 같으면 이름 변경), 바뀐 값, 같은 기간과 규칙에서 현황 통계에 미친 영향.`,
		Example: "  modelcensus diff 12 13\n  modelcensus diff 12 13 --format json",
		Args:    cobra.ExactArgs(2),
		RunE:    func(cmd *cobra.Command, args []string) error { return runDiff(cmd.Context(), io, o, args) },
	}
	fs := cmd.Flags()
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
	o.addCensusFlags(fs, l)
	fs.IntVar(&o.Top, "top", census.DefaultTop, l.T("flag.top"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.diff"))
	fs.IntVar(&o.Limit, "limit", 30, l.T("flag.limit"))
	return cmd
}

func runDiff(ctx context.Context, io *IOStreams, o *diffOptions, args []string) error {
	if err := needFull(io); err != nil {
		return err
	}
	l, copt, err := o.startCensus(io)
	if err != nil {
		return err
	}
	if o.Format != "text" && o.Format != "json" {
		return badValue(l, "--format", o.Format, "text, json")
	}
	r, st, err := rulesAndStore(ctx, io, l, &o.sourceOptions, &o.dbOptions)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := snapshotArg(ctx, st, l, args[0])
	if err != nil {
		return err
	}
	b, err := snapshotArg(ctx, st, l, args[1])
	if err != nil {
		return err
	}
	d, err := snapshots.Compare(ctx, st, r, a, b, o.Subset, copt)
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
	b.WriteString(l.T("diff.title", d.A.ID, d.A.Date, d.B.ID, d.B.Date, l.T("subset."+d.Subset)) + "\n")
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
}

// signed prints a change with its sign: +3, -1.5, 0.
func signed(v float64) string {
	if v > 0 {
		return "+" + publish.FormatCount(v)
	}
	return publish.FormatCount(v)
}

// subsetAdvice says which subsets two snapshots hold, and which both do,
// when they cannot be compared as asked.
func subsetAdvice(l i18n.Lang, a, b *store.Snapshot, err error) error {
	sa, sb := subsetList(a.Files), subsetList(b.Files)
	var shared []string
	for _, s := range sa {
		if slices.Contains(sb, s) {
			shared = append(shared, s)
		}
	}
	msg := l.T("err.no_shared_subset", a.ID, strings.Join(sa, ", "), b.ID, strings.Join(sb, ", "))
	if len(shared) > 0 {
		msg = l.T("err.choose_subset", a.ID, strings.Join(sa, ", "), b.ID, strings.Join(sb, ", "), strings.Join(shared, ", "))
	}
	return &Error{Code: ExitUsage, Msg: l.T("err.usage", msg), Err: err}
}
