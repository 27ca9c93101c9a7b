package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/web"
)

// serveOptions are the flags of `modelcensus serve`.
type serveOptions struct {
	sourceOptions
	dbOptions
	Addr string
	Poll time.Duration
}

func newServeCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:     "serve",
		Short:   l.T("cmd.serve.short"),
		Long:    l.T("long.serve"),
		Example: "  modelcensus serve\n  modelcensus serve --source ai_models.zip --addr 127.0.0.1:8080",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("source") {
				o.Source = ""
			}
			return runServe(cmd.Context(), io, o)
		},
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	// Without --source, serve serves the store: no download by default.
	src := fs.Lookup("source")
	src.DefValue, src.Usage = "", l.T("flag.source.serve")
	o.sourceOptions.addReadFlags(fs, l)
	o.dbOptions.addFlags(fs, l)
	o.addEstimateFlag(fs, l)
	o.addOverlayFlag(fs, l)
	fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", l.T("flag.addr"))
	fs.DurationVar(&o.Poll, "poll", web.DefaultPoll, l.T("flag.poll"))
	return cmd
}

func runServe(ctx context.Context, io *IOStreams, o *serveOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if err := web.CheckListen(o.Addr, o.Poll); err != nil {
		return optionError(l, err)
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	ov, _, err := o.loadOverlay(io, l)
	if err != nil {
		return err
	}
	web.LimitMemory()
	cfg := web.Config{Overlay: ov, Rules: r, Addr: o.Addr, Version: Version, Log: io.ErrOut, Formats: io.Deps.Formats, Lang: l, EstimateMissing: o.EstimateMissing, Poll: o.Poll,
		Listening: func(addr string) { fmt.Fprintln(io.ErrOut, l.T("serve.listening", addr)) }, Recipes: servedRecipes(io)}
	if o.Source != "" {
		cfg.ServeSource(ctx, o.Source, epoch.LoadOptions{OpenOptions: o.openOptions(io), Subset: o.Subset, Now: io.Now, Encoding: o.Encoding, DateFormat: o.DateFormat}, o.Date)
	} else {
		st, err := o.openExisting(ctx, io, l)
		if err != nil {
			return err
		}
		defer st.Close()
		if err := cfg.ServeStore(ctx, st); err != nil {
			return storeError(l, err)
		}
	}
	if err := io.Deps.Serve(ctx, cfg); err != nil {
		return translate(l, err)
	}
	fmt.Fprintln(io.ErrOut, l.T("serve.stopped"))
	return nil
}
