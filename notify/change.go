package notify

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/modelcensus/modelcensus/i18n"
)

// Sender sends a JSON body somewhere (Webhook).
type Sender interface {
	Send(ctx context.Context, body []byte) error
}

// Change is where a pull's change event goes: a webhook (Webhook, named
// URL in the lines written), a command (Command, run by Exec), or both.
type Change struct {
	Webhook Sender
	URL     string
	Command string
	// Log receives, in Lang, one line for each place told or failed, and
	// the command's output.
	Log  io.Writer
	Lang i18n.Lang
}

// Notify sends body, the change event from snapshot from to snapshot to
// with explained figures moved, to the webhook and the command. A failure
// is a warning on Log: the snapshot is stored either way. The command
// reads the event on its standard input, with MODELCENSUS_FROM and
// MODELCENSUS_TO in its environment.
func (c *Change) Notify(ctx context.Context, body []byte, from, to int64, explained int) {
	l := c.Lang
	if c.Webhook != nil {
		if err := c.Webhook.Send(ctx, body); err != nil {
			fmt.Fprintln(c.Log, l.T("warn.notify_failed", err))
		} else {
			fmt.Fprintln(c.Log, l.T("pull.notified", c.URL, explained))
		}
	}
	if c.Command != "" {
		x := &Exec{Command: c.Command, Stdout: c.Log, Stderr: c.Log,
			Env: []string{"MODELCENSUS_FROM=" + strconv.FormatInt(from, 10), "MODELCENSUS_TO=" + strconv.FormatInt(to, 10)}}
		if err := x.Run(ctx, body); err != nil {
			fmt.Fprintln(c.Log, l.T("warn.notify_failed", err))
		} else {
			fmt.Fprintln(c.Log, l.T("pull.notified", c.Command, explained))
		}
	}
}
