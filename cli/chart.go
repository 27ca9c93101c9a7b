package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

func newChartCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:     "chart NAME [-o FILE.svg|FILE.png]",
		Short:   l.T("cmd.chart.short"),
		Long:    l.T("long.chart", strings.Join(census.ChartNames(), ", ")),
		Example: "  modelcensus chart per_year -o per_year.svg\n  modelcensus chart compute --lang ko -o compute.png\n  modelcensus chart countries > countries.svg",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.chart_name", strings.Join(census.ChartNames(), ", ")))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.checkChoice(cmd, io); err != nil {
				return err
			}
			return runChart(cmd.Context(), io, o, args[0])
		},
	}
	fs := cmd.Flags()
	o.addCountingFlags(fs, l, true, "", "flag.chart_format")
	o.Top = census.DefaultTop
	return cmd
}

func runChart(ctx context.Context, io *IOStreams, o *reportOptions, name string) error {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return err
	}
	if !slices.Contains(census.ChartNames(), name) {
		return badValue(l, "NAME", name, strings.Join(census.ChartNames(), ", "))
	}
	format, err := io.Deps.Formats.ChartFormat(o.Format, o.Output)
	if err != nil {
		return usageOf(l, err)
	}
	if err := o.validate(l); err != nil {
		return err
	}
	copt, err := o.censusOptions(l)
	if err != nil {
		return asUsage(l, err)
	}
	_, ds, err := o.read(ctx, io, l, nil)
	if err != nil {
		return err
	}
	res, err := census.Compute(ds, copt)
	if err != nil {
		return usageError(l, err)
	}
	for _, c := range publish.Charts(publish.NewDocument(res, ds, nil), l) {
		if c.ID != name {
			continue
		}
		return writeWith(io, l, o.Output, func(w *bytes.Buffer, _ publish.Options) error { return format.Chart(w, c.Alone(), l) })
	}
	return nil
}
