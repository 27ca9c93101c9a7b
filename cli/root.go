package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

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
	root.Long = longIn(root.Long, l)
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
			sub.Long = longIn(sub.Long, l)
			sub.InitDefaultHelpFlag()
			sub.Flags().Lookup("help").Usage = l.T("flag.help")
			localize(sub)
		}
	}
	localize(root)
	if l == i18n.KO {
		root.SetUsageTemplate(koreanUsage)
	}
	return root
}

// longIn keeps the paragraphs of a command's bilingual description that
// are in l: those written in Hangul for Korean, the others for English.
func longIn(long string, l i18n.Lang) string {
	var en, ko []string
	for _, p := range strings.Split(long, "\n\n") {
		if hangul(p) {
			ko = append(ko, p)
		} else {
			en = append(en, p)
		}
	}
	if l == i18n.KO && len(ko) > 0 {
		return strings.Join(ko, "\n\n")
	}
	if len(en) > 0 {
		return strings.Join(en, "\n\n")
	}
	return long
}

// hangul reports whether a paragraph is written in Korean: it holds
// Hangul (the English paragraphs hold none).
func hangul(p string) bool {
	return strings.ContainsFunc(p, func(r rune) bool { return unicode.Is(unicode.Hangul, r) })
}

func init() {
	// pflag writes each flag's default as (default "x"); the Korean help
	// says 기본값.
	cobra.AddTemplateFunc("koreanDefaults", func(s string) string {
		return strings.ReplaceAll(s, "(default ", "(기본값 ")
	})
	cobra.AddTemplateFunc("koreanFlags", func(s string) string {
		return strings.ReplaceAll(s, "[flags]", "[플래그]")
	})
}

// koreanUsage is cobra's usage template with Korean headings.
const koreanUsage = `사용법:{{if .Runnable}}
  {{.UseLine | koreanFlags}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [명령]{{end}}{{if gt (len .Aliases) 0}}

별칭:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

예시:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

명령:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

플래그:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | koreanDefaults}}{{end}}{{if .HasAvailableInheritedFlags}}

공통 플래그:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | koreanDefaults}}{{end}}{{if .HasAvailableSubCommands}}

명령별 도움말은 "{{.CommandPath}} [명령] --help"를 쓰세요.{{end}}
`

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
