package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/notify"
	"github.com/modelcensus/modelcensus/snapshots"
)

// notify tells the webhook and the command of a diff whose figures moved.
// A failure is a warning: the snapshot is stored either way.
func (o *pullOptions) notify(ctx context.Context, io *IOStreams, l i18n.Lang, d *snapshots.Diff) {
	body, err := json.Marshal(snapshots.NewChangeEvent(d))
	if err != nil {
		fmt.Fprintln(io.ErrOut, l.T("warn.notify_failed", err))
		return
	}
	if o.OnChangeWebhook != "" {
		if err := io.Deps.webhook(o.OnChangeWebhook).Send(ctx, body); err != nil {
			fmt.Fprintln(io.ErrOut, l.T("warn.notify_failed", err))
		} else {
			fmt.Fprintln(io.ErrOut, l.T("pull.notified", o.OnChangeWebhook, len(d.Explain)))
		}
	}
	if o.OnChangeExec != "" {
		x := &notify.Exec{Command: o.OnChangeExec, Stdout: io.ErrOut, Stderr: io.ErrOut,
			Env: []string{"MODELCENSUS_FROM=" + strconv.FormatInt(d.A.ID, 10), "MODELCENSUS_TO=" + strconv.FormatInt(d.B.ID, 10)}}
		if err := x.Run(ctx, body); err != nil {
			fmt.Fprintln(io.ErrOut, l.T("warn.notify_failed", err))
		} else {
			fmt.Fprintln(io.ErrOut, l.T("pull.notified", o.OnChangeExec, len(d.Explain)))
		}
	}
}
