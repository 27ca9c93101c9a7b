package cli

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// trendOptions are the flags of `modelcensus trend`.
type trendOptions struct {
	reportOptions
	selectOptions
	Since, Until string
	Resamples    int
	Seed         uint64
}

func newTrendCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &trendOptions{}
	cmd := &cobra.Command{
		Use:   "trend",
		Short: l.T("cmd.trend.short"),
		Long:  l.T("long.trend", "90%"),
		Example: `  modelcensus trend --source notable_ai_models.csv --since 2010-01-01
  modelcensus trend --source ai_models.zip --subset notable --domain Language --since 2020-01-01 --format json
  modelcensus trend --source notable_ai_models.csv --since 2010-01-01 --lang ko -o trend.svg`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTrend(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.addCountingFlags(fs, l, false, "", "flag.tr_format")
	o.selectOptions.addFlags(fs, l)
	fs.StringVar(&o.Since, "since", "", l.T("flag.since"))
	fs.StringVar(&o.Until, "until", "", l.T("flag.until"))
	fs.IntVar(&o.Resamples, "resamples", census.TrendResamples, l.T("flag.resamples"))
	fs.Uint64Var(&o.Seed, "seed", census.TrendSeed, l.T("flag.seed"))
	return cmd
}

func runTrend(cmd *cobra.Command, io *IOStreams, o *trendOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if err := o.checkChoice(cmd, io); err != nil {
		return err
	}
	since, until, err := census.ParseSpan(o.Since, o.Until)
	if err != nil {
		return o.trendError(l, err)
	}
	if o.Resamples < 1 {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.bad_count", "--resamples", o.Resamples))}
	}
	format, chart, err := io.Deps.Formats.TrendFormat(o.Format, o.Output)
	if err != nil {
		return usageOf(l, err)
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	sel, desc, err := census.Selection(r, o.Domain, o.Country, o.Filters)
	if err != nil {
		return figureError(l, err)
	}
	ds, err := o.dataset(cmd.Context(), io, l, r, nil)
	if err != nil {
		return err
	}
	t, err := census.FitTrend(ds, census.TrendOptions{Select: sel, Selection: desc, Since: since, Until: until, Resamples: o.Resamples, Seed: o.Seed})
	if err != nil {
		return o.trendError(l, err)
	}
	return writeWith(io, l, o.Output, func(w *bytes.Buffer, _ publish.Options) error {
		return publish.WriteTrend(w, t, format, chart, r.Thresholds, l)
	})
}

// trendError is the usage error of a span or a fit that cannot be made:
// publish.UsageKey's wording (a bad date, too few models), else that
// --since is after --until.
func (o *trendOptions) trendError(l i18n.Lang, err error) error {
	if e := usageOf(l, err); e != nil {
		return e
	}
	return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.since_after_until", o.Since, o.Until)), Err: err}
}
