package publish_test

import (
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// The rules' heading names their version and their origin: the embedded
// tables, in the reader's language, or the folder given.
func TestRulesTitle(t *testing.T) {
	r := &census.Rules{Version: "abc123"}
	for _, c := range []struct {
		dir  string
		l    i18n.Lang
		want string
	}{
		{"", i18n.EN, "Rules version abc123 (embedded)"},
		{"", i18n.KO, "규칙 버전 abc123 (내장)"},
		{"my-rules", i18n.KO, "규칙 버전 abc123 (my-rules)"},
	} {
		if got := publish.RulesTitle(r, c.dir, c.l); got != c.want {
			t.Errorf("RulesTitle(%q, %s) = %q, want %q", c.dir, c.l, got, c.want)
		}
	}
}
