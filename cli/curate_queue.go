package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/store"
)

// queueOptions are the flags of curate accept and reject.
type queueOptions struct {
	dbOptions
	Author, Reason string
}

// newCurateQueueCmds are curate accept and curate reject: a candidate of
// the discovery queue becomes an overlay add entry, or is kept from coming
// back.
func newCurateQueueCmds(io *IOStreams, l i18n.Lang, o *curateOptions) []*cobra.Command {
	q := &queueOptions{}
	var cmds []*cobra.Command
	for _, status := range []string{discover.StatusAccepted, discover.StatusRejected, discover.StatusSnoozed} {
		verb := map[string]string{discover.StatusAccepted: "accept", discover.StatusRejected: "reject", discover.StatusSnoozed: "snooze"}[status]
		c := &cobra.Command{
			Use:   verb + " ID",
			Short: l.T("cmd.curate." + verb),
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return runCurateQueue(cmd, io, o, q, args[0], status)
			},
		}
		q.dbOptions.addFlags(c.Flags(), l)
		c.Flags().StringVar(&q.Reason, "reason", "", l.T("flag.queue.reason"))
		if status == discover.StatusAccepted {
			c.Flags().StringVar(&q.Author, "author", "", l.T("flag.cur.author"))
		}
		cmds = append(cmds, c)
	}
	return cmds
}

func runCurateQueue(cmd *cobra.Command, io *IOStreams, o *curateOptions, q *queueOptions, id, status string) error {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return err
	}
	if status == discover.StatusRejected && q.Reason == "" {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.reject_reason"))}
	}
	st, err := q.openExisting(cmd.Context(), io, l)
	if err != nil {
		return err
	}
	defer st.Close()
	qc, err := st.Candidate(cmd.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.no_candidate", id)), Err: err}
	} else if err != nil {
		return storeError(l, err)
	}
	if status == discover.StatusAccepted {
		e, err := discover.AcceptedEntry(qc, q.Author, q.Reason, io.Now().UTC().Format("2006-01-02"))
		if err != nil {
			return storeError(l, err)
		}
		dir := overlay.WriteDir(o.Overlay, io.Getenv)
		if dir == "" {
			return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.no_overlay"))}
		}
		if err := writeEntry(io, l, dir, e); err != nil {
			return err
		}
	}
	reason := q.Reason
	if err := st.SetCandidateStatus(cmd.Context(), id, status, reason); err != nil {
		return storeError(l, err)
	}
	fmt.Fprintln(io.Out, l.T("cand.set", id, l.T("cand."+status)))
	return nil
}
