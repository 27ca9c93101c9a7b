package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/discover/arena"
	"github.com/modelcensus/modelcensus/discover/arxiv"
	"github.com/modelcensus/modelcensus/discover/hf"
	"github.com/modelcensus/modelcensus/discover/sources"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/every"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/publish/drift"
)

// discoverOptions are the flags of `modelcensus discover`.
type discoverOptions struct {
	sourceOptions
	dbOptions
	Sources       string
	HFEndpoint    string
	ArenaEndpoint string
	ArxivEndpoint string
	Watchlist     string
	MinCompute    string
	Format        string
	Every         time.Duration
}

func newDiscoverCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &discoverOptions{}
	cmd := &cobra.Command{
		Use:   "discover",
		Short: l.T("cmd.discover.short"),
		Long:  l.T("long.discover"),
		Example: `  modelcensus discover
  modelcensus discover --sources hf --format json
  modelcensus discover --every 24h`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runDiscover(cmd.Context(), io, o) },
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	o.addOverlayFlag(fs, l)
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Sources, "sources", "hf,arena,arxiv", l.T("flag.disc.sources"))
	fs.StringVar(&o.HFEndpoint, "hf-endpoint", hf.DefaultEndpoint, l.T("flag.disc.endpoint", "Hugging Face Hub"))
	fs.StringVar(&o.ArenaEndpoint, "arena-endpoint", arena.DefaultEndpoint, l.T("flag.disc.endpoint", "datasets-server (LMArena)"))
	fs.StringVar(&o.ArxivEndpoint, "arxiv-endpoint", arxiv.DefaultEndpoint, l.T("flag.disc.endpoint", "arXiv API"))
	fs.StringVar(&o.Watchlist, "watchlist", "", l.T("flag.disc.watchlist"))
	fs.StringVar(&o.MinCompute, "min-compute", "1e23", l.T("flag.disc.min-compute"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.estimate"))
	fs.DurationVar(&o.Every, "every", 0, l.T("flag.disc.every"))
	return cmd
}

func runDiscover(ctx context.Context, io *IOStreams, o *discoverOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if o.Format != "text" && o.Format != "json" {
		return badValue(l, "--format", o.Format, "text, json")
	}
	minCompute, err := strconv.ParseFloat(o.MinCompute, 64)
	if err != nil || minCompute < 0 || math.IsInf(minCompute, 0) {
		return &Error{Code: ExitUsage, Msg: l.T("err.bad_number", "--min-compute", o.MinCompute, "1e23")}
	}
	if !every.Valid(o.Every) {
		return &Error{Code: ExitUsage, Msg: l.T("err.bad_every", o.Every)}
	}
	srcs, err := sources.Build(o.Sources, sources.Endpoints{HF: o.HFEndpoint, Arena: o.ArenaEndpoint, Arxiv: o.ArxivEndpoint}, overlay.CacheDir(o.CacheDir, io.Getenv))
	var unknown *sources.UnknownError
	if errors.As(err, &unknown) {
		return badValue(l, "--sources", unknown.Name, sources.Names)
	}
	extra := []string{}
	if o.Watchlist != "" {
		if extra, err = discover.ReadWatchlist(o.Watchlist); err != nil {
			return &Error{Code: ExitInput, Msg: l.T("err.read", o.Watchlist, err), Err: err}
		}
	}
	r, st, err := rulesAndStore(ctx, io, l, &o.sourceOptions, &o.dbOptions)
	if err != nil {
		return err
	}
	defer st.Close()
	round := &discover.Round{Sources: srcs, Extra: extra, MinCompute: minCompute, Now: io.Now,
		Read: func(ctx context.Context, onRow func(*census.Raw)) error {
			_, err := o.loadWith(ctx, io, l, r, epoch.LoadOptions{OnRow: onRow, RowsOnly: true})
			return err
		},
		Overlay: func() (*census.Overlay, error) {
			ov, _, err := o.loadOverlay(io, l)
			return ov, err
		},
		Warn: func(source string, err error) { fmt.Fprintln(io.ErrOut, l.T("warn.source_failed", source, err)) }}
	return every.Loop(ctx, o.Every, io.Now, func(ctx context.Context) error {
		res, err := round.Run(ctx, st)
		var qe *discover.QueueError
		if errors.As(err, &qe) {
			return storeError(l, qe.Err)
		} else if err != nil {
			return err
		}
		var b bytes.Buffer
		drift.WriteCandidates(&b, res.Candidates, res.Added, res.Aside, o.Format, l)
		if _, err := io.Out.Write(b.Bytes()); err != nil {
			return outputError(l, err)
		}
		if res.Failed == len(srcs) {
			return &Error{Code: ExitDownload, Msg: l.T("err.all_sources_failed")}
		}
		return nil
	}, func(err error) { fmt.Fprintln(io.ErrOut, "modelcensus: "+err.Error()) },
		func(at time.Time) { fmt.Fprintln(io.ErrOut, l.T("pull.next", at.Format(time.RFC3339))) })
}
