package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/i18n/cobrahelp"
)

// Version is the modelcensus version, set at build time with
// -ldflags "-X github.com/modelcensus/modelcensus/cli.Version=...".
var Version = "0.1.0-dev"

// NewRoot builds the modelcensus command tree, with help in language l.
func NewRoot(io *IOStreams, l i18n.Lang) *cobra.Command {
	root := &cobra.Command{
		Use:           "modelcensus",
		Short:         l.T("cmd.root.short"),
		Long:          l.T("long.root"),
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetIn(io.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &Error{Code: ExitUsage, Msg: l.T("err.flag", i18n.FlagMessage(l, err.Error())), Err: err}
	})
	root.AddCommand(newReportCmd(io, l), newTableCmd(io, l), newRecipesCmd(io, l), newCurateCmd(io, l), newDiscoverCmd(io, l), newRulesCmd(io, l), newPullCmd(io, l), newSnapshotsCmd(io, l),
		newDiffCmd(io, l), newHistoryCmd(io, l), newChartCmd(io, l),
		newServeCmd(io, l), newEstimateCmd(io, l))
	root.AddCommand(newThresholdsCmd(io, l), newTrendCmd(io, l))
	root.CompletionOptions.DisableDefaultCmd = true
	root.InitDefaultHelpCmd()
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	// --lang here only chooses the language of this help (i18n.FromArgs
	// reads it before the command tree is built).
	root.Flags().String("lang", "", l.T("flag.lang"))
	root.Flags().Lookup("version").Usage = l.T("flag.version")
	cobrahelp.Localize(root, l)
	return root
}

// Run executes the command line args and returns the process exit code,
// having printed any error as one line on ErrOut.
func Run(ctx context.Context, io *IOStreams, args []string) int {
	l := i18n.FromArgs(args, io.Getenv)
	root := NewRoot(io, l)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ce *Error
	if !errors.As(err, &ce) {
		// Cobra's own errors: unknown command, bad arguments.
		msg := err.Error()
		if strings.HasPrefix(msg, "unknown command") || strings.Contains(msg, "arg(s)") || strings.Contains(msg, "flag") {
			ce = &Error{Code: ExitUsage, Msg: l.T("err.flag", i18n.FlagMessage(l, msg)), Err: err}
		} else {
			ce = translate(l, err).(*Error)
		}
	}
	fmt.Fprintln(io.ErrOut, "modelcensus: "+ce.Msg)
	return ce.Code
}
