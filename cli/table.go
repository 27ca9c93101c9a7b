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
		Long:  l.T("long.table"),
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

// spec checks the figure flags and states the figure (census.ParseFigure),
// with messages in l.
func (o *figureOptions) spec(l i18n.Lang, opt census.Options) (census.TableSpec, error) {
	s, err := census.ParseFigure(census.FigureValues{By: o.By, Measure: o.Measure, Filters: o.Filters, MinModels: o.MinModels,
		Multinational: o.Multinational, BlankCountry: o.BlankCountry, Duplicates: o.Duplicates, Merge: o.Merge}, opt)
	if err != nil {
		return s, figureError(l, err)
	}
	return s, nil
}

// figureError is the usage error for a figure that cannot be made, in l.
func figureError(l i18n.Lang, err error) error {
	if _, key, args, ok := publish.FigureErrorKey(err); ok {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T(key, args...)), Err: err}
	}
	var ce *census.CountingError
	if errors.As(err, &ce) {
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
