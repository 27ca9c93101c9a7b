package cli

import (
	"bytes"
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish/drift"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// diffOptions are the flags of `modelcensus diff`.
type diffOptions struct {
	reportOptions // its dbOptions is --db
	Limit         int
	Explain       bool
}

func newDiffCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:     "diff A B",
		Short:   l.T("cmd.diff.short"),
		Long:    l.T("long.diff"),
		Example: "  modelcensus diff 12 13\n  modelcensus diff 12 13 --format json\n  modelcensus diff old/ai_models.zip new/ai_models.zip\n  modelcensus diff ../shared/epoch-snapshots/2024-07-06 ../shared/epoch-snapshots/2025-02-01 --explain",
		Args:    cobra.ExactArgs(2),
		RunE:    func(cmd *cobra.Command, args []string) error { return runDiff(cmd.Context(), io, o, args) },
	}
	fs := cmd.Flags()
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset.diff"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
	o.addCensusFlags(fs, l)
	o.addOverlayFlag(fs, l)
	fs.IntVar(&o.Top, "top", census.DefaultTop, l.T("flag.top"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.diff"))
	fs.IntVar(&o.Limit, "limit", 0, l.T("flag.limit"))
	fs.BoolVar(&o.Explain, "explain", false, l.T("flag.explain"))
	return cmd
}

func runDiff(ctx context.Context, io *IOStreams, o *diffOptions, args []string) error {
	l, copt, err := o.startCensus(io)
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
	// Each of A and B is a stored snapshot's id, or a source (a file, a
	// folder, a zip, a URL) read directly; the store is opened only for ids.
	st := snapshots.NewOnDemand(func() (*store.Store, error) { return o.openExisting(ctx, io, l) })
	defer st.Close()
	refs := make([]*snapshots.Ref, 2)
	for i, arg := range args {
		if refs[i], err = snapshots.ArgRef(ctx, arg, st.Open, o.openOptions(io)); err != nil && snapshots.IsStoredID(arg) {
			return storeError(l, err)
		} else if err != nil {
			return translate(l, err)
		}
	}
	a, b := refs[0], refs[1]
	ov, _, err := o.loadOverlay(io, l)
	if err != nil {
		return err
	}
	d, err := snapshots.CompareRefs(ctx, r, a, b, o.Subset, snapshots.CompareOptions{Census: copt, Overlay: ov, Explain: o.Explain})
	if err != nil {
		var sm *snapshots.SubsetMismatch
		var ie *epoch.InputError
		if errors.As(err, &sm) || (errors.As(err, &ie) && ie.Kind == epoch.InputNoSubset) {
			return &Error{Code: ExitUsage, Msg: l.T("err.usage", drift.SubsetAdvice(a, b, l)), Err: err}
		}
		return storeOrInput(l, err)
	}
	var buf bytes.Buffer
	drift.WriteDiffAs(&buf, d, o.Format, l, o.Limit)
	_, err = io.Out.Write(buf.Bytes())
	return err
}
