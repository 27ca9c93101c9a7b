package cli

import (
	"bytes"
	"errors"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// tableOptions are the flags of `modelcensus table`: report's, and the
// figure's (census.FigureValues: its dimensions, measure, filters and
// counting rules).
type tableOptions struct {
	reportOptions
	census.FigureValues
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
			if err := o.checkChoice(cmd, io); err != nil {
				return err
			}
			return runTable(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.addCountingFlags(fs, l, true, "text", "flag.table-format")
	addFigureFlags(fs, l, &o.FigureValues)
	fs.StringVar(&o.Title, "title", "", l.T("flag.table-title"))
	o.Top = census.DefaultTop
	return cmd
}

// addFigureFlags adds the figure flags, under the same names as the
// recipes' keys and the API's parameters.
func addFigureFlags(fs *pflag.FlagSet, l i18n.Lang, o *census.FigureValues) {
	fs.StringVar(&o.By, "by", "", l.T("flag.by"))
	fs.StringVar(&o.Measure, "measure", census.MeasureModels, l.T("flag.measure"))
	fs.StringArrayVar(&o.Filters, "filter", nil, l.T("flag.filter"))
	fs.IntVar(&o.MinModels, "min-models", 0, l.T("flag.min-models"))
	fs.StringVar(&o.Multinational, "multinational", census.MultinationalKeep, l.T("flag.multinational"))
	fs.StringVar(&o.BlankCountry, "blank-country", census.BlankCountryFill, l.T("flag.blank-country"))
	fs.StringVar(&o.Duplicates, "duplicates", census.DuplicatesMerge, l.T("flag.duplicates"))
	fs.StringArrayVar(&o.Merge, "merge", nil, l.T("flag.merge"))
}

// figureError is the usage error for a figure that cannot be made, in l.
// Its wording is publish.UsageKey's.
func figureError(l i18n.Lang, err error) error {
	if e := usageOf(l, err); e != nil {
		return e
	}
	return asUsage(l, err)
}

func runTable(cmd *cobra.Command, io *IOStreams, o *tableOptions) error {
	l, err := langFlag(io, o.Lang)
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
	spec, err := census.ParseFigure(o.FigureValues, copt)
	if err != nil {
		return figureError(l, err)
	}
	format, err := io.Deps.Formats.FigureFormat(o.Format, o.Output)
	if err != nil {
		return usageOf(l, err)
	}
	_, ds, err := o.read(cmd.Context(), io, l, nil)
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
			return figureError(l, err)
		}
		return err
	})
}
