package cli

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/every"
	"github.com/modelcensus/modelcensus/notify"
	"github.com/modelcensus/modelcensus/publish/drift"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// pullOptions are the flags of `modelcensus pull`.
type pullOptions struct {
	sourceOptions
	dbOptions
	Every time.Duration
	// OnChangeWebhook and OnChangeExec are told when a new snapshot moves
	// a census figure.
	OnChangeWebhook string
	OnChangeExec    string
	// From and To are the period the change is looked for in (default: the
	// census's, which ends with the last full year).
	From, To int
}

func newPullCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &pullOptions{}
	cmd := &cobra.Command{
		Use:   "pull",
		Short: l.T("cmd.pull.short"),
		Long:  l.T("long.pull"),
		Example: `  modelcensus pull
  modelcensus pull --source ai_models.zip --date 2026-05-01
  modelcensus pull --source ../shared/epoch-snapshots
  modelcensus pull --every 24h
  modelcensus pull --db postgres://user@localhost/modelcensus`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runPull(cmd.Context(), io, o) },
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	// pull keeps every file of a download; it chooses no subset.
	_ = fs.MarkHidden("subset")
	o.dbOptions.addFlags(fs, l)
	// The overlay history and serve apply: the figures kept for history
	// are counted with it too.
	o.addOverlayFlag(fs, l)
	fs.DurationVar(&o.Every, "every", 0, l.T("flag.every"))
	fs.StringVar(&o.OnChangeWebhook, "on-change-webhook", "", l.T("flag.on-change-webhook"))
	fs.StringVar(&o.OnChangeExec, "on-change-exec", "", l.T("flag.on-change-exec"))
	fs.IntVar(&o.From, "from", 0, l.T("flag.pull.from"))
	fs.IntVar(&o.To, "to", 0, l.T("flag.pull.to"))
	return cmd
}

func runPull(ctx context.Context, io *IOStreams, o *pullOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if !every.Valid(o.Every) {
		return &Error{Code: ExitUsage, Msg: l.T("err.bad_every", o.Every)}
	}
	if err := snapshots.CheckNotify(o.OnChangeWebhook, o.From, o.To); err != nil {
		return optionError(l, err)
	}
	if o.Date != "" && snapshots.IsArchive(o.Source) {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.archive_date"))}
	}
	r, st, err := rulesAndStore(ctx, io, l, &o.sourceOptions, &o.dbOptions)
	if err != nil {
		return err
	}
	defer st.Close()
	ov, _, err := o.loadOverlay(io, l)
	if err != nil {
		return err
	}
	opt := snapshots.PullOptions{OpenOptions: o.openOptions(io), Now: io.Now, ToolVersion: Version, Overlay: ov}
	if o.Date != "" {
		opt.Date, _ = time.Parse("2006-01-02", o.Date)
	}
	if snapshots.IsArchive(o.Source) {
		return pullArchive(ctx, io, l, st, r, o.Source, opt)
	}
	log := &drift.PullLog{Out: io.Out, Err: io.ErrOut, Lang: l, Now: io.Now,
		PullError:  func(err error) string { return storeOrInput(l, err).Error() },
		StoreError: func(err error) string { return storeError(l, err).Error() }}
	if o.OnChangeWebhook != "" || o.OnChangeExec != "" {
		c := &notify.Change{URL: o.OnChangeWebhook, Command: o.OnChangeExec, Log: io.ErrOut, Lang: l}
		if o.OnChangeWebhook != "" {
			c.Webhook = io.Deps.webhook(o.OnChangeWebhook)
		}
		log.Notify = func(d *snapshots.Diff) { snapshots.Notify(ctx, c, d) }
	}
	err = snapshots.PullEvery(ctx, st, r, o.Source, opt, snapshots.EveryOptions{
		Every: o.Every, Explain: log.Notify != nil, Census: census.Options{From: o.From, To: o.To},
		Pulled: log.Pulled, Changed: log.Changed, Kept: log.Kept, Next: log.Next})
	if err != nil {
		return storeOrInput(l, err)
	}
	return nil
}

func pullArchive(ctx context.Context, io *IOStreams, l i18n.Lang, st *store.Store, r *census.Rules, dir string, opt snapshots.PullOptions) error {
	log := &drift.ArchiveLog{Out: io.Out, Err: io.ErrOut, Lang: l, Translate: func(err error) error { return storeOrInput(l, err) }}
	err := snapshots.ImportArchive(ctx, st, r, dir, opt, log.Pulled)
	log.Done(st.Location)
	if first := log.First(); first != nil {
		return first
	}
	if err != nil {
		return storeOrInput(l, err)
	}
	return nil
}
