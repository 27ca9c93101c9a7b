package cobrahelp

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/i18n"
)

// TestLocalize checks that a small tree's help is said in Korean at every
// depth: the help flags, the help command, the long help's paragraphs and
// the usage template's headings.
func TestLocalize(t *testing.T) {
	root := &cobra.Command{Use: "prog", Long: "English.\n\n한국어."}
	sub := &cobra.Command{Use: "sub", Run: func(*cobra.Command, []string) {}}
	leaf := &cobra.Command{Use: "leaf", Long: "Leaf.\n\n잎.", Run: func(*cobra.Command, []string) {}}
	sub.AddCommand(leaf)
	root.AddCommand(sub)
	root.InitDefaultHelpCmd()
	root.InitDefaultHelpFlag()
	Localize(root, i18n.KO)
	want := i18n.KO.T("flag.help")
	for _, c := range []*cobra.Command{root, sub, leaf} {
		if got := c.Flags().Lookup("help").Usage; got != want {
			t.Errorf("%s: --help says %q, want %q", c.Name(), got, want)
		}
	}
	if root.Long != "한국어." || leaf.Long != "잎." {
		t.Errorf("long help %q and %q, want the Korean paragraphs alone", root.Long, leaf.Long)
	}
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs([]string{"help", "nosuch"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	topic := i18n.KO.T("err.help_topic", "nosuch")
	if s := out.String(); !strings.HasPrefix(s, topic+"\n") || !strings.Contains(s, "사용법:") {
		t.Errorf("help nosuch printed %q, want %q then the Korean usage", s, topic)
	}
}
