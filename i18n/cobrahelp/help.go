package cobrahelp

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/i18n"
)

func init() { cobra.AddTemplateFuncs(i18n.UsageFuncs()) }

// Localize says the help of root and of every command under it in l:
// root's and each command's Long in l's paragraphs (i18n.PickParagraphs),
// the help command's short help and its answer to an unknown topic
// (err.help_topic, then root's usage), every --help flag's usage
// (flag.help, root's included) and, in Korean, the usage template i18n.KoreanUsage. Call
// it once the commands are added, after root's help and version flags
// are initialised.
func Localize(root *cobra.Command, l i18n.Lang) {
	root.Flags().Lookup("help").Usage = l.T("flag.help")
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
	localize(root, l)
	if l == i18n.KO {
		root.SetUsageTemplate(i18n.KoreanUsage)
	}
}

// localize says the long help and the help flag of every command under c
// (curate add, …), at every depth, in l.
func localize(c *cobra.Command, l i18n.Lang) {
	for _, sub := range c.Commands() {
		if sub.Name() == "help" {
			continue
		}
		sub.Long = i18n.PickParagraphs(sub.Long, l)
		sub.InitDefaultHelpFlag()
		sub.Flags().Lookup("help").Usage = l.T("flag.help")
		localize(sub, l)
	}
}
