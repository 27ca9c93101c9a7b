package cli

import (
	"bytes"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// rulesOptions are the flags of `modelcensus rules`.
type rulesOptions struct {
	sourceOptions
	Kind     string
	Unmapped bool
	Format   string
	Output   string
}

func newRulesCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &rulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: l.T("cmd.rules.short"),
		Long:  l.T("long.rules"),
		Example: `  modelcensus rules --kind organization
  modelcensus rules --source ai_models.zip --unmapped
  modelcensus rules --source large_scale_ai_models.csv --kind country --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("source") {
				o.Source = ""
			}
			return runRules(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	o.sourceOptions.addReadFlags(fs, l)
	fs.StringVar(&o.Kind, "kind", "", l.T("flag.kind"))
	fs.BoolVar(&o.Unmapped, "unmapped", false, l.T("flag.unmapped"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.rules"))
	fs.StringVarP(&o.Output, "output", "o", "", l.T("flag.output"))
	return cmd
}

func runRules(cmd *cobra.Command, io *IOStreams, o *rulesOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if o.Unmapped && o.Source == "" {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.unmapped_source"))}
	}
	if o.Kind != "" && !slices.Contains(census.RuleKinds(), o.Kind) {
		return badValue(l, "--kind", o.Kind, strings.Join(census.RuleKinds(), ", "))
	}
	switch o.Format {
	case "text", "json", "csv":
	default:
		return badValue(l, "--format", o.Format, "text, json, csv")
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	var maps []census.Mapping
	title := ""
	if o.Source == "" {
		maps = publish.RuleMappings(r, l)
		title = publish.RulesTitle(r, o.RulesDir, l)
	} else {
		opt := o.openOptions(io)
		opt.Fetch.Progress = nil
		load := epoch.LoadOptions{OpenOptions: opt, Subset: o.Subset, Encoding: o.Encoding, DateFormat: o.DateFormat}
		if maps, err = epoch.ValueMappings(cmd.Context(), o.Source, r, load); err != nil {
			return translate(l, err)
		}
		title = l.T("rules.h.source", o.Source)
	}
	keep := census.FilterMappings(maps, o.Kind, o.Unmapped)
	var buf bytes.Buffer
	publish.WriteMappingsAs(&buf, o.Format, l, title, keep, o.Source != "", o.Unmapped)
	if err := publish.WriteOutput(io.Out, o.Output, buf.Bytes()); err != nil {
		return outputError(l, err)
	}
	return nil
}
