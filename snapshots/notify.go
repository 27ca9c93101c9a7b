package snapshots

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/notify"
)

// CheckNotify checks, before anything is pulled, how a pull's change is
// told and looked for: webhook ("" for none) must be an http or https URL
// with a host, and the period's years from and to (0: the census's own)
// must not be negative or from after to. Its error is a
// *census.OptionError (OptionChoice) naming the flag (on-change-webhook,
// from) and, as its one choice, the values wanted.
func CheckNotify(webhook string, from, to int) error {
	if u, err := url.Parse(webhook); webhook != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		return &census.OptionError{Option: "on-change-webhook", Value: webhook, Code: census.OptionChoice, Choices: []string{"http://… or https://…"}}
	}
	if from < 0 || to < 0 || from > 0 && to > 0 && from > to {
		return &census.OptionError{Option: "from", Value: fmt.Sprintf("%d–%d", from, to), Code: census.OptionChoice, Choices: []string{"FROM ≤ TO, years"}}
	}
	return nil
}

// Notify tells c of d, a new snapshot's diff whose figures moved: its
// ChangeEvent as JSON, from d.A to d.B with d.Explain's count
// (notify.Change.Notify). A failure, even to encode the event, is a
// warning on c.Log: the snapshot is stored either way.
func Notify(ctx context.Context, c *notify.Change, d *Diff) {
	body, err := json.Marshal(NewChangeEvent(d))
	if err != nil {
		fmt.Fprintln(c.Log, c.Lang.T("warn.notify_failed", err))
		return
	}
	c.Notify(ctx, body, d.A.ID, d.B.ID, len(d.Explain))
}
