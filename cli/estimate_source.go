package cli

import (
	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// runEstimateSource estimates every row of a source from its own columns,
// or, with --large-scale, lists the rows that are large-scale by Epoch's
// rule. Row warnings go to ErrOut, one line each; no row stops the others.
func runEstimateSource(cmd *cobra.Command, io *IOStreams, o *estimateOptions, l i18n.Lang, r *census.Rules) error {
	if err := o.validate(l); err != nil {
		return err
	}
	s := census.NewSourceEstimator(r, o.LargeScale)
	_, err := o.loadWith(cmd.Context(), io, l, r, epoch.LoadOptions{OnRow: s.OnRow, RowsOnly: true})
	s.Stop()
	if err != nil {
		return err
	}
	return publish.WriteSourceEstimates(io.Out, io.ErrOut, s, o.Format, l)
}
