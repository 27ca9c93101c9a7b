package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// estimateOptions are the flags of `modelcensus estimate`.
type estimateOptions struct {
	sourceOptions
	// Inputs are the flags of census.EstimateParams, by name.
	Inputs     map[string]*string
	Format     string
	LargeScale bool
}

func newEstimateCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &estimateOptions{Inputs: map[string]*string{}}
	cmd := &cobra.Command{
		Use:   "estimate",
		Short: l.T("cmd.estimate.short"),
		Long:  l.T("long.estimate"),
		Example: `  modelcensus estimate --params 175e9 --tokens 300e9
  modelcensus estimate --hardware "NVIDIA A100" --chip-hours 1720320 --utilization 0.4
  modelcensus estimate --params 671e9 --active-params 37e9 --tokens 14.8e12 --format json
  modelcensus estimate --source all_ai_models.csv
  modelcensus estimate --source ai_models.zip --subset all --large-scale`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runEstimate(cmd, io, o) },
	}
	fs := cmd.Flags()
	for _, n := range census.EstimateParams {
		def := ""
		if n == "domain" {
			def = "Language"
		}
		o.Inputs[n] = fs.String(n, def, l.T("flag.est."+n))
	}
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.estimate"))
	fs.BoolVar(&o.LargeScale, "large-scale", false, l.T("flag.est.large-scale"))
	o.addFlags(fs, l)
	o.addReadFlags(fs, l)
	// Without --source the command estimates from its flags.
	o.Source = ""
	fs.Lookup("source").DefValue = ""
	fs.Lookup("source").Usage = l.T("flag.est.source")
	fs.SortFlags = false
	return cmd
}

func runEstimate(cmd *cobra.Command, io *IOStreams, o *estimateOptions) error {
	l, err := langFlag(io, o.Lang)
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
	if o.Source != "" {
		if n := census.RowInputGiven(cmd.Flags().Changed); n != "" {
			return usageError(l, errors.New(l.T("err.est_source_flags", "--"+n)))
		}
		return runEstimateSource(cmd, io, o, l, r)
	}
	if o.LargeScale {
		return usageError(l, errors.New(l.T("err.est_large_needs_source")))
	}
	in, err := census.ParseEstimateInputs(func(name string) string { return *o.Inputs[name] }, r)
	if err == nil {
		var e census.Estimate
		if e, err = census.EstimateCompute(in); err == nil {
			return publish.WriteEstimate(io.Out, e, o.Format, l)
		}
	}
	return estimateError(l, err)
}

// estimateError says what is wrong with an estimate's inputs, exit 2
// (publish.UsageKey); any other error is translated.
func estimateError(l i18n.Lang, err error) error {
	if e := usageOf(l, err); e != nil {
		return e
	}
	return translate(l, err)
}
