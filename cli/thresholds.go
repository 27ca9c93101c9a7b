package cli

import (
	"bytes"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// thresholdsOptions are the flags of `modelcensus thresholds`.
type thresholdsOptions struct {
	reportOptions
	selectOptions
	Thresholds []string
}

// selectOptions are the flags that choose a set of models, shared by
// thresholds and trend: the figure engine's filters (--filter, as table
// takes them), and --domain and --country as short forms.
type selectOptions struct {
	Domain  string
	Country string
	Filters []string
}

func (o *selectOptions) addFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.StringVar(&o.Domain, "domain", "", l.T("flag.th_domain"))
	fs.StringVar(&o.Country, "country", "", l.T("flag.th_country"))
	fs.StringArrayVar(&o.Filters, "filter", nil, l.T("flag.filter"))
}

func newThresholdsCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &thresholdsOptions{}
	cmd := &cobra.Command{
		Use:   "thresholds",
		Short: l.T("cmd.thresholds.short"),
		Long:  l.T("long.thresholds"),
		Example: `  modelcensus thresholds --source large_scale_ai_models.csv
  modelcensus thresholds --source ai_models.zip --subset all --estimate-missing --lang ko
  modelcensus thresholds --source ai_models.zip --threshold 1e24 --country KR --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runThresholds(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.addCountingFlags(fs, l, false, "text", "flag.th_format")
	o.selectOptions.addFlags(fs, l)
	fs.StringArrayVar(&o.Thresholds, "threshold", nil, l.T("flag.threshold"))
	fs.StringVar(&o.OrgLevel, "org-level", "group", l.T("flag.org-level"))
	return cmd
}

func runThresholds(cmd *cobra.Command, io *IOStreams, o *thresholdsOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if err := o.checkChoice(cmd, io); err != nil {
		return err
	}
	ths, err := census.ParseThresholds(o.Thresholds, "--threshold ")
	if err != nil {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.bad_number", "--threshold", err.(*census.OptionError).Value, "1e25"))}
	}
	level, err := census.ParseOrgLevel(o.OrgLevel)
	if err != nil {
		return usageOf(l, err)
	}
	if o.Format != "text" && o.Format != "json" {
		return badValue(l, "--format", o.Format, "text, json")
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	sel, desc, err := census.Selection(r, o.Domain, o.Country, o.Filters)
	if err != nil {
		return figureError(l, err)
	}
	det := census.NewComputeDetails(o.EstimateMissing)
	ds, err := o.dataset(cmd.Context(), io, l, r, det.Add)
	if err != nil {
		return err
	}
	res, err := census.EvaluateThresholds(ds, census.ThresholdOptions{Thresholds: ths, Select: sel, OrgLevel: level, Details: det})
	if err != nil {
		return usageError(l, err)
	}
	res.Settings.Selection = desc
	return writeWith(io, l, o.Output, func(w *bytes.Buffer, _ publish.Options) error {
		return publish.WriteThresholds(w, res, o.Format, l)
	})
}
