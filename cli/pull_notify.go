package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/notify"
	"github.com/modelcensus/modelcensus/snapshots"
)

// notify tells the webhook and the command of a diff whose figures moved
// (notify.Change). A failure is a warning: the snapshot is stored either
// way.
func (o *pullOptions) notify(ctx context.Context, io *IOStreams, l i18n.Lang, d *snapshots.Diff) {
	body, err := json.Marshal(snapshots.NewChangeEvent(d))
	if err != nil {
		fmt.Fprintln(io.ErrOut, l.T("warn.notify_failed", err))
		return
	}
	c := &notify.Change{URL: o.OnChangeWebhook, Command: o.OnChangeExec, Log: io.ErrOut, Lang: l}
	if o.OnChangeWebhook != "" {
		c.Webhook = io.Deps.webhook(o.OnChangeWebhook)
	}
	c.Notify(ctx, body, d.A.ID, d.B.ID, len(d.Explain))
}
