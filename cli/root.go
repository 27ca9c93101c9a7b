package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/i18n"
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
		return &Error{Code: ExitUsage, Msg: l.T("err.flag", flagMessage(l, err.Error())), Err: err}
	})
	root.AddCommand(newReportCmd(io, l), newTableCmd(io, l), newRecipesCmd(io, l), newCurateCmd(io, l), newDiscoverCmd(io, l), newRulesCmd(io, l), newPullCmd(io, l), newSnapshotsCmd(io, l),
		newDiffCmd(io, l), newHistoryCmd(io, l), newChartCmd(io, l),
		newServeCmd(io, l), newEstimateCmd(io, l))
	root.AddCommand(newThresholdsCmd(io, l), newTrendCmd(io, l))
	root.CompletionOptions.DisableDefaultCmd = true
	root.InitDefaultHelpCmd()
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("help").Usage = l.T("flag.help")
	// --lang here only chooses the language of this help (langOf reads it
	// before the command tree is built).
	root.Flags().String("lang", "", l.T("flag.lang"))
	root.Flags().Lookup("version").Usage = l.T("flag.version")
	root.Long = i18n.PickParagraphs(root.Long, l)
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Short = l.T("cmd.help.short")
			c.Run = func(c *cobra.Command, args []string) {
				cmd, _, err := c.Root().Find(args)
				if cmd == nil || err != nil {
					c.Println(l.T("err.help_topic", strings.Join(args, " ")))
					_ = c.Root().Usage()
					return
				}
				cmd.InitDefaultHelpFlag()
				_ = cmd.Help()
			}
		}
	}
	// Every command's help flag, at every depth (curate add, …), in l.
	var localize func(c *cobra.Command)
	localize = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Name() == "help" {
				continue
			}
			sub.Long = i18n.PickParagraphs(sub.Long, l)
			sub.InitDefaultHelpFlag()
			sub.Flags().Lookup("help").Usage = l.T("flag.help")
			localize(sub)
		}
	}
	localize(root)
	if l == i18n.KO {
		root.SetUsageTemplate(i18n.KoreanUsage)
	}
	return root
}

func init() { cobra.AddTemplateFuncs(i18n.UsageFuncs()) }

// langOf picks the help language: a --lang on the command line, else the
// locale.
func langOf(args []string, getenv func(string) string) i18n.Lang {
	for i, a := range args {
		v := ""
		switch {
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
		}
		if l, err := i18n.Parse(v); err == nil {
			return l
		}
	}
	return i18n.FromEnv(getenv)
}

// Run executes the command line args and returns the process exit code,
// having printed any error as one line on ErrOut.
func Run(ctx context.Context, io *IOStreams, args []string) int {
	l := langOf(args, io.Getenv)
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
			ce = &Error{Code: ExitUsage, Msg: l.T("err.flag", flagMessage(l, msg)), Err: err}
		} else {
			ce = translate(l, err).(*Error)
		}
	}
	fmt.Fprintln(io.ErrOut, "modelcensus: "+ce.Msg)
	return ce.Code
}
