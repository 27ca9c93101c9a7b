package cli

import (
	"bytes"
	"context"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
)

// reportOptions are the flags of `modelcensus report`.
type reportOptions struct {
	sourceOptions
	dbOptions
	// Choice is --snapshot and --as-of (checkChoice).
	Choice      snapshots.Choice
	From, To    int
	Attribution string
	CountryBy   string
	OrgLevel    string
	MinCompute  string
	Top         int
	Format      string
	Output      string
	// Recipe is --recipe: a recipe's name or file (recipe.go).
	Recipe string
	// WithThresholds is report's --thresholds: a Thresholds section and
	// the trend in the brief and the workbook (census.ReportSections).
	WithThresholds bool
}

func newReportCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: l.T("cmd.report.short"),
		Long:  l.T("long.report"),
		Example: `  modelcensus report
  modelcensus report --source ai_models.zip --lang ko
  modelcensus report --source large_scale_ai_models.csv --from 2020 --to 2024 --format json
  modelcensus report --source ai_models.zip --subset notable --min-compute 1e24 --attribution fractional
  modelcensus report --source all_ai_models.csv --estimate-missing --format html -o brief.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.checkChoice(cmd, io); err != nil {
				return err
			}
			return runReport(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.addCountingFlags(fs, l, true, "text", "flag.format")
	fs.IntVar(&o.Top, "top", census.DefaultTop, l.T("flag.top"))
	fs.BoolVar(&o.WithThresholds, "thresholds", false, l.T("flag.report_thresholds"))
	fs.StringVar(&o.Recipe, "recipe", "", l.T("flag.recipe"))
	return cmd
}

// runReport makes a report from a recipe: --recipe, else the bundled
// census recipe. A recipe of the census's own figures is the census
// document (runCensusReport); another is a recipe of tables (runRecipe).
func runReport(cmd *cobra.Command, io *IOStreams, o *reportOptions) error {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return err
	}
	if _, err := o.censusOptions(l); err != nil {
		return asUsage(l, err)
	}
	rc, err := rules.LoadRecipe(rules.DefaultRecipe, "")
	if o.Recipe != "" {
		rc, err = rules.LoadRecipe(o.Recipe, recipeDir(io))
	}
	if err != nil {
		return recipeError(l, err)
	}
	if figs, ok := rc.CensusFigures(); ok {
		return runCensusReport(cmd, io, l, o, rc, figs)
	}
	return runRecipe(cmd, io, l, o, rc)
}

// runCensusReport writes the census of figs, with the Thresholds section
// and the trend where the recipe or --thresholds asks for them. The
// recipe's settings count where no flag is given.
func runCensusReport(cmd *cobra.Command, io *IOStreams, l i18n.Lang, o *reportOptions, rc *census.Recipe, figs []census.Figure) error {
	changed := cmd.Flags().Changed
	o.Subset = rc.Rules.SubsetOr(o.Subset, changed)
	copt, err := census.ParseOptions(rc.Rules.Defaults(o.optionValues(), changed))
	if err != nil {
		return asUsage(l, optionError(l, err))
	}
	if err := o.validate(l); err != nil {
		return err
	}
	format, err := io.Deps.Formats.ReportFormat(o.Format, o.Output)
	if err != nil {
		return usageOf(l, err)
	}
	g := publish.Gather(format, o.WithThresholds || rc.Thresholds, o.WithThresholds || rc.Trend, o.EstimateMissing)
	_, ds, err := o.read(cmd.Context(), io, l, g.OnRow())
	if err != nil {
		return err
	}
	res, err := census.Compute(ds, copt)
	if err != nil {
		return usageError(l, err)
	}
	res.UseFigures(figs)
	return writeReport(cmd.Context(), io, l, format, o.Output, g.Document(res, ds))
}

// writeReport writes d in format to path (atomically), or to standard
// output when path is "" or "-".
func writeReport(ctx context.Context, io *IOStreams, l i18n.Lang, format *publish.Format, path string, d *publish.Document) error {
	return writeWith(io, l, path, func(w *bytes.Buffer, opt publish.Options) error { return format.Report(ctx, w, d, opt) })
}
