package publish_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

// commonMarkText is what CommonMark renders of an inline text: each
// backslash before ASCII punctuation is dropped (the spec's backslash
// escapes), as are the entities the escaper writes.
func commonMarkText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">").Replace(b.String())
}

// Cells that begin with =, +, -, @, TAB or CR are escaped in Markdown
// tables: no line of a table has a cell that a spreadsheet would read as a
// formula, and each renders as the name does.
func TestMarkdownFormulaCells(t *testing.T) {
	names := []string{`=HYPERLINK("http://x","y")`, "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=2+2", "-1"}
	var csv strings.Builder
	csv.WriteString("Model,Domain,Organization,Publication date,Training compute (FLOP),Country (of organization)\n")
	for i, n := range names {
		csv.WriteString(`"` + strings.ReplaceAll(n, `"`, `""`) + `",Language,` + "Org " + string(rune('A'+i)) + ",2024-0" + string(rune('1'+i)) + "-01,1e24,United States of America\n")
	}
	p := filepath.Join(t.TempDir(), "large_scale_ai_models.csv")
	os.WriteFile(p, []byte(csv.String()), 0o644)
	d := publishtest.Document(t, p, census.Options{})
	var b bytes.Buffer
	if err := publish.WriteMarkdown(&b, d.Result, i18n.EN); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		for _, cell := range strings.Split(strings.Trim(line, "|"), " |") {
			cell = strings.TrimLeft(cell, " ")
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && cell != "-1" && !strings.HasPrefix(cell, "---") {
				t.Errorf("a cell a spreadsheet reads as a formula: %q", cell)
			}
			for _, n := range names {
				// Leading white space is dropped in a table cell; CR is a space.
				want := strings.TrimLeft(strings.ReplaceAll(n, "\r", " "), " \t")
				if commonMarkText(strings.TrimSpace(cell)) == want {
					seen[n] = true
				}
			}
		}
	}
	for _, n := range names {
		if !seen[n] {
			t.Errorf("%q is not in a table as itself", n)
		}
	}
}
