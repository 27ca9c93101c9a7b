package cli

import (
	"bytes"
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish/drift"
	"github.com/modelcensus/modelcensus/snapshots"
)

// snapshotsOptions are the flags of `modelcensus snapshots`.
type snapshotsOptions struct {
	dbOptions
	Lang   string
	Format string
}

func newSnapshotsCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &snapshotsOptions{}
	cmd := &cobra.Command{
		Use:     "snapshots",
		Short:   l.T("cmd.snapshots.short"),
		Example: "  modelcensus snapshots\n  modelcensus snapshots --format json",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runSnapshots(cmd.Context(), io, o) },
	}
	fs := cmd.Flags()
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.rules"))
	return cmd
}

// langFlag is the language a --lang value names, else the locale's. A
// value that names neither language is a usage error said in the
// locale's language.
func langFlag(io *IOStreams, v string) (i18n.Lang, error) {
	env := i18n.FromEnv(io.Getenv)
	if v == "" {
		return env, nil
	}
	l, err := i18n.Parse(v)
	if err != nil {
		return env, &Error{Code: ExitUsage, Msg: env.T("err.usage", env.T("err.lang", v)), Err: err}
	}
	return l, nil
}

func runSnapshots(ctx context.Context, io *IOStreams, o *snapshotsOptions) error {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return err
	}
	if o.Format != "text" && o.Format != "json" && o.Format != "csv" {
		return badValue(l, "--format", o.Format, "text, json, csv")
	}
	var snaps []*census.Snapshot
	location := o.dsn(io)
	st, err := o.openExisting(ctx, io, l)
	switch {
	case errors.As(err, new(*snapshots.NoStoreError)):
		// Nothing pulled yet: an empty list, as for an empty store.
	case err != nil:
		return err
	default:
		defer st.Close()
		location = st.Location
		if snaps, err = st.Snapshots(ctx); err != nil {
			return storeError(l, err)
		}
	}
	var b bytes.Buffer
	drift.WriteSnapshots(&b, snaps, location, o.Format, l)
	_, err = io.Out.Write(b.Bytes())
	return err
}
