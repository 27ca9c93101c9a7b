package cli

import (
	"bytes"

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
	var raws []census.Raw
	est := census.NewRowEstimator(r)
	var onRow func(*census.Raw)
	var done func()
	if o.LargeScale {
		onRow = func(raw *census.Raw) { raws = append(raws, *raw) }
	} else {
		onRow, done = est.Pipeline()
	}
	_, err := o.loadWith(cmd.Context(), io, l, r, epoch.LoadOptions{OnRow: onRow, RowsOnly: true})
	if done != nil {
		done()
	}
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if o.LargeScale {
		publish.WriteLargeScale(&b, census.LargeScaleMembers(raws), o.Format, l)
		_, err := io.Out.Write(b.Bytes())
		return err
	}
	res := est.Finish()
	for i := range res.Rows {
		res.Rows[i].File = publish.DisplayName(res.Rows[i].File)
	}
	var warn bytes.Buffer
	publish.WriteRowWarnings(&warn, res, l)
	if _, err := io.ErrOut.Write(warn.Bytes()); err != nil {
		return err
	}
	if o.Format == "json" {
		publish.WriteRowEstimatesJSON(&b, res)
	} else {
		publish.WriteRowEstimates(&b, res, l)
	}
	_, err = io.Out.Write(b.Bytes())
	return err
}
