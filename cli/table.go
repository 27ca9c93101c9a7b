package cli

import (
	"bytes"
	"errors"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// figureOptions are the flags that state a figure beyond report's counting
// flags: its dimensions, measure, filters and counting rules.
type figureOptions struct {
	By            string
	Measure       string
	Filters       []string
	MinModels     int
	Multinational string
	BlankCountry  string
	Duplicates    string
	Merge         []string
}

// tableOptions are the flags of `modelcensus table`.
type tableOptions struct {
	reportOptions
	figureOptions
	Title string
}

func newTableCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &tableOptions{}
	cmd := &cobra.Command{
		Use:   "table",
		Short: l.T("cmd.table.short"),
		Long: `Print one figure of a snapshot: the models broken down by any dimensions
(--by), one measure, filters (--filter FIELD OP VALUE) and counting rules.
Every counting flag of report applies. docs/figures.md describes each
dimension, measure and rule.

스냅숏의 통계표 하나를 출력합니다: 임의의 차원(--by)으로 나눈 모델, 측정값 하나,
필터(--filter FIELD OP VALUE), 집계 규칙. report의 집계 플래그를 모두 씁니다.
각 차원·측정값·규칙은 docs/figures.md에 있습니다.`,
		Example: `  modelcensus table --source large_scale_ai_models.csv --by country --from 2020 --to 2023 --multinational group
  modelcensus table --source large_scale_ai_models.csv --by year --measure cumulative --filter 'compute>=1e23' --from 2010 --to 2024
  modelcensus table --source ai_models.zip --by region --filter region=EU --filter 'compute>=1e25' --format json
  modelcensus table --source ai_models.zip --by org_country --measure organizations --min-models 3 --from 2024 --to 2024`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if (o.Snapshot != "" || o.AsOf != "") && cmd.Flags().Changed("source") {
				return &Error{Code: ExitUsage, Msg: o.langOr(io).T("err.usage", o.langOr(io).T("err.snapshot_flags"))}
			}
			return runTable(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	o.sourceOptions.addReadFlags(fs, l)
	o.addCensusFlags(fs, l)
	o.addEstimateFlag(fs, l)
	o.addOverlayFlag(fs, l)
	o.figureOptions.addFlags(fs, l)
	fs.StringVar(&o.Format, "format", "text", l.T("flag.table-format"))
	fs.StringVarP(&o.Output, "output", "o", "", l.T("flag.output"))
	fs.StringVar(&o.Title, "title", "", l.T("flag.table-title"))
	fs.StringVar(&o.Snapshot, "snapshot", "", l.T("flag.snapshot"))
	fs.StringVar(&o.AsOf, "as-of", "", l.T("flag.as-of"))
	o.dbOptions.addFlags(fs, l)
	o.Top = census.DefaultTop
	return cmd
}

// addFlags adds the figure flags, under the same names as the recipes'
// keys and the API's parameters.
func (o *figureOptions) addFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.StringVar(&o.By, "by", "", l.T("flag.by"))
	fs.StringVar(&o.Measure, "measure", census.MeasureModels, l.T("flag.measure"))
	fs.StringArrayVar(&o.Filters, "filter", nil, l.T("flag.filter"))
	fs.IntVar(&o.MinModels, "min-models", 0, l.T("flag.min-models"))
	fs.StringVar(&o.Multinational, "multinational", census.MultinationalKeep, l.T("flag.multinational"))
	fs.StringVar(&o.BlankCountry, "blank-country", census.BlankCountryFill, l.T("flag.blank-country"))
	fs.StringVar(&o.Duplicates, "duplicates", census.DuplicatesMerge, l.T("flag.duplicates"))
	fs.StringArrayVar(&o.Merge, "merge", nil, l.T("flag.merge"))
}

// spec checks the figure flags and states the figure, with messages in l.
func (o *figureOptions) spec(l i18n.Lang, opt census.Options) (census.TableSpec, error) {
	s := census.TableSpec{Measure: o.Measure, MinModels: o.MinModels, Options: opt,
		Counting: census.Counting{Multinational: o.Multinational, BlankCountry: o.BlankCountry, Duplicates: o.Duplicates}}
	for _, b := range strings.Split(o.By, ",") {
		if b = strings.TrimSpace(b); b != "" {
			s.By = append(s.By, b)
		}
	}
	for _, m := range o.Merge {
		from, to, ok := strings.Cut(m, "=")
		if from, to = strings.TrimSpace(from), strings.TrimSpace(to); !ok || from == "" || to == "" {
			return s, &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.bad_merge", m))}
		}
		if s.Counting.Merge == nil {
			s.Counting.Merge = map[string]string{}
		}
		s.Counting.Merge[from] = to
	}
	f, err := census.ParseFilters(o.Filters)
	if err != nil {
		return s, figureError(l, err)
	}
	s.Filters = f
	if err := s.Check(); err != nil {
		return s, figureError(l, err)
	}
	return s, nil
}

// figureError is the usage error for a figure that cannot be made, in l.
func figureError(l i18n.Lang, err error) error {
	var se *census.SpecError
	var fe *census.FilterError
	var ce *census.CountingError
	switch {
	case errors.As(err, &se):
		key := map[string]string{census.SpecDimension: "err.unknown_dim", census.SpecMeasure: "err.unknown_measure",
			census.SpecRepeated: "err.repeated_dim", census.SpecMinModels: "err.min_models"}[se.Code]
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T(key, se.Args...)), Err: err}
	case errors.As(err, &fe):
		key := map[string]string{census.FilterSyntax: "err.filter_syntax", census.FilterField: "err.filter_field",
			census.FilterNumber: "err.filter_number", census.FilterDateValue: "err.filter_date", census.FilterOp: "err.filter_op"}[fe.Code]
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T(key, append([]any{fe.Filter}, fe.Args...)...)), Err: err}
	case errors.As(err, &ce):
		return badValue(l, "--"+ce.Rule, ce.Value, ce.Choices)
	}
	return asUsage(l, err)
}

func runTable(cmd *cobra.Command, io *IOStreams, o *tableOptions) error {
	l, err := o.lang(io)
	if err != nil {
		return usageError("en", err)
	}
	copt, err := o.censusOptions(l)
	if err != nil {
		return asUsage(l, err)
	}
	if err := o.validate(l); err != nil {
		return err
	}
	spec, err := o.spec(l, copt)
	if err != nil {
		return err
	}
	format, ok := io.Deps.Formats.Lookup(o.Format)
	if !ok || format.Recipe == nil && format.Chart == nil {
		return badValue(l, "--format", o.Format, strings.Join(io.Deps.Formats.FigureFormats(), ", "))
	}
	if err := needsOutput(l, format, o.Output); err != nil {
		return err
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	ds, err := o.dataset(cmd.Context(), io, l, r, nil)
	if err != nil {
		return err
	}
	t, err := census.MakeTable(ds, spec)
	if err != nil {
		return figureError(l, err)
	}
	return writeWith(io, l, o.Output, func(w *bytes.Buffer, po publish.Options) error {
		err := publish.WriteFigure(cmd.Context(), w, t, format, o.Title, po)
		if errors.Is(err, publish.ErrTableChart) {
			return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.table_chart")), Err: err}
		}
		return err
	})
}
