package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
)

// historyOptions are the flags of `modelcensus history`.
type historyOptions struct {
	reportOptions // its dbOptions is --db
	Figure        string
	Year          int
	Country       string
	Explain       bool
}

func newHistoryCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &historyOptions{}
	cmd := &cobra.Command{
		Use:   "history",
		Short: l.T("cmd.history.short"),
		Long: `Follow one figure across every stored snapshot, to see when and how it drifted:
models per publication year (per-year, the default), the models of one year
(count --year Y), a country's count for a year (country --country KR --year
Y), or the top-compute model of a year (top --year Y). With --source it reads an
archive folder in place (one sub-folder per download, named YYYY-MM-DD) instead
of the store.

한 지표가 저장된 스냅숏마다 어떻게 바뀌었는지 보여줍니다: 공개 연도별 모델 수
(per-year, 기본), 한 해의 모델 수(count --year Y), 한 국가의 연도별 수(country
--country KR --year Y), 한 해의 학습 연산량 최대 모델(top --year Y). --source를 주면
저장소 대신 보관 폴더(내려받을 때마다 YYYY-MM-DD 이름의 하위 폴더)를 그대로 읽습니다.`,
		Example: "  modelcensus history\n  modelcensus history --figure count --year 2023\n  modelcensus history --figure country --country KR --year 2024 --format json\n  modelcensus history --figure top --year 2024\n  modelcensus history --source ../shared/epoch-snapshots",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runHistory(cmd.Context(), io, o) },
	}
	fs := cmd.Flags()
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Figure, "figure", snapshots.FigurePerYear, l.T("flag.figure"))
	fs.IntVar(&o.Year, "year", 0, l.T("flag.year"))
	fs.StringVar(&o.Country, "country", "", l.T("flag.country"))
	fs.StringVar(&o.Source, "source", "", l.T("flag.source.archive"))
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
	o.addCensusFlags(fs, l)
	// per-year's columns, not report's period.
	fs.Lookup("from").Usage = l.T("flag.history.from")
	fs.Lookup("to").Usage = l.T("flag.history.to")
	o.addOverlayFlag(fs, l)
	fs.BoolVar(&o.Explain, "explain", false, l.T("flag.explain"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.rules"))
	o.Top = census.DefaultTop
	return cmd
}

func runHistory(ctx context.Context, io *IOStreams, o *historyOptions) error {
	l, copt, err := o.startCensus(io)
	if err != nil {
		return err
	}
	switch o.Figure {
	case snapshots.FigurePerYear, snapshots.FigureCount, snapshots.FigureCountry, snapshots.FigureTop:
	default:
		return badValue(l, "--figure", o.Figure, "per-year, count, country, top")
	}
	if o.Year != 0 && (o.Year < 1900 || o.Year > 2200) {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.bad_year", o.Year))}
	}
	o.Country = strings.ToUpper(o.Country)
	if o.Figure != snapshots.FigurePerYear && o.Year == 0 {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.needs_year", o.Figure))}
	}
	if o.Figure == snapshots.FigureCountry && o.Country == "" {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.needs_country"))}
	}
	if o.Format != "text" && o.Format != "json" && o.Format != "csv" {
		return badValue(l, "--format", o.Format, "text, json, csv")
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	var refs []*snapshots.Ref
	if o.Source != "" {
		// An archive folder, read in place: no store needed.
		if !snapshots.IsArchive(o.Source) {
			return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.not_archive", o.Source))}
		}
		if refs, err = snapshots.Archive(ctx, o.Source, o.openOptions(io)); err != nil {
			return translate(l, err)
		}
	} else {
		st, err := o.openExisting(ctx, io, l)
		if err != nil {
			return err
		}
		defer st.Close()
		snaps, err := st.Snapshots(ctx)
		if err != nil {
			return storeError(l, err)
		}
		for _, s := range snaps {
			refs = append(refs, snapshots.Stored(st, s))
		}
	}
	if o.Country != "" {
		if _, ok := r.CountryByCode(o.Country); !ok {
			return badValue(l, "--country", o.Country, l.T("err.iso_code"))
		}
	}
	ov, _, err := o.loadOverlay(io, l)
	if err != nil {
		return err
	}
	h, err := snapshots.FollowRefs(ctx, r, refs, snapshots.HistoryOptions{
		Figure: o.Figure, Subset: o.Subset, Year: o.Year, Country: o.Country, From: o.From, To: o.To, Census: copt, Overlay: ov,
		Explain: o.Explain, ToolVersion: Version,
	})
	if err != nil {
		return asUsage(l, storeOrInput(l, err))
	}
	var b bytes.Buffer
	t := historyTable(h, l)
	switch o.Format {
	case "json":
		_ = publish.WriteJSONValue(&b, h)
	case "csv":
		writeCSVTable(&b, t)
	default:
		title := ""
		switch h.Figure {
		case snapshots.FigurePerYear:
			title = l.T("history.per-year")
		case snapshots.FigureCount:
			title = l.T("history.count", h.Year)
		case snapshots.FigureCountry:
			title = l.T("history.country", h.Country, h.Year)
		case snapshots.FigureTop:
			title = l.T("history.top", h.Year)
		}
		b.WriteString(l.T("history.title", title, len(h.Points), l.T("subset."+h.Subset)) + "\n\n")
		publish.WriteTable(&b, t, l)
		if len(h.Skipped) > 0 {
			b.WriteString("\n" + l.T("history.skipped", len(h.Skipped)) + "\n")
		}
		if o.Explain {
			writeSteps(&b, h, copt, l)
		}
	}
	_, err = io.Out.Write(b.Bytes())
	return err
}

// writeSteps prints, for each step of a history, what changed the figure
// and the models behind it, and marks a change of dataset as a break.
func writeSteps(b *bytes.Buffer, h *snapshots.History, opt census.Options, l i18n.Lang) {
	b.WriteString("\n" + l.T("history.steps") + "\n")
	period := census.Period{From: h.From, To: h.To}
	if h.Figure != snapshots.FigurePerYear {
		period = census.Period{From: h.Year, To: h.Year}
	}
	for i := 1; i < len(h.Points); i++ {
		p, q := h.Points[i-1], h.Points[i]
		b.WriteString("\n" + l.T("history.step", p.Date, q.Date) + "\n")
		if q.Break != "" {
			b.WriteString("  " + l.T("history.break", q.Break) + "\n")
		}
		if len(q.Explain) == 0 {
			b.WriteString("  " + l.T("history.no_change") + "\n")
			continue
		}
		writeExplanations(b, q.Explain, period, nil, l, "  ")
	}
}

// historyTable lays the figure out: one row per snapshot.
func historyTable(h *snapshots.History, l i18n.Lang) publish.Table {
	t := publish.Table{Headers: []string{l.T("col.id"), l.T("col.snapshot_date")}, Right: []bool{true, false}}
	if len(h.Points) > 0 && h.Points[0].Source != "" {
		t.Headers[0], t.Right[0] = l.T("col.source"), false // an archive folder: no ids
	}
	switch h.Figure {
	case snapshots.FigurePerYear:
		for y := h.From; y <= h.To; y++ {
			t.Headers = append(t.Headers, strconv.Itoa(y))
			t.Right = append(t.Right, true)
		}
	case snapshots.FigureTop:
		t.Headers = append(t.Headers, l.T("col.model"), l.T("col.organization"), l.T("col.flop"))
		t.Right = append(t.Right, false, false, true)
	default:
		t.Headers = append(t.Headers, l.T("col.count"))
		t.Right = append(t.Right, true)
	}
	breaks := false
	for _, p := range h.Points {
		breaks = breaks || p.Break != ""
	}
	if breaks {
		t.Headers = append(t.Headers, l.T("col.note"))
		t.Right = append(t.Right, false)
	}
	for _, p := range h.Points {
		row := []string{strconv.FormatInt(p.Snapshot, 10), p.Date}
		if p.Source != "" {
			row[0] = filepath.Base(p.Source)
		}
		switch {
		case p.Counts != nil:
			for _, c := range p.Counts {
				row = append(row, strconv.Itoa(c.Count))
			}
		case h.Figure == snapshots.FigureTop:
			if p.Top != nil {
				row = append(row, p.Top.Model, p.Top.Organization, publish.FormatFLOP(p.Top.FLOP))
			} else {
				row = append(row, "-", "", "")
			}
		case p.Count != nil:
			row = append(row, publish.FormatCount(*p.Count))
		}
		if breaks {
			note := ""
			if p.Break != "" {
				note = l.T("history.break", p.Break)
			}
			row = append(row, note)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func writeCSVTable(b *bytes.Buffer, t publish.Table) {
	w := publish.NewCSVWriter(b)
	_ = w.Write(t.Headers)
	for _, r := range t.Rows {
		_ = w.Write(r)
	}
	_ = w.Flush()
}
