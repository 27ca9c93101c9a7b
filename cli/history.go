package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish/drift"
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
		Use:     "history",
		Short:   l.T("cmd.history.short"),
		Long:    l.T("long.history"),
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
	o.Country = strings.ToUpper(o.Country)
	hopt := snapshots.HistoryOptions{Figure: o.Figure, Subset: o.Subset, Year: o.Year, Country: o.Country, From: o.From, To: o.To, Census: copt,
		Explain: o.Explain, ToolVersion: Version}
	var ne *snapshots.NeedsError
	if err := hopt.Check(); errors.As(err, &ne) && ne.Flag == "--year" {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.needs_year", o.Figure))}
	} else if ne != nil {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.needs_country"))}
	} else if err != nil {
		return optionError(l, err)
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
		if refs, err = snapshots.StoredRefs(ctx, st); err != nil {
			return storeError(l, err)
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
	hopt.Overlay = ov
	h, err := snapshots.FollowRefs(ctx, r, refs, hopt)
	if err != nil {
		return asUsage(l, storeOrInput(l, err))
	}
	var b bytes.Buffer
	drift.WriteHistoryAs(&b, h, o.Format, o.Explain, l)
	_, err = io.Out.Write(b.Bytes())
	return err
}
