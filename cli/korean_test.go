package cli

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
)

// englishProse finds three or more lower-case English words in a row: our
// own sentences, which data (model and organization names, codes, paths)
// does not write.
var englishProse = regexp.MustCompile(`\b[a-z]{2,}(?: [a-z]{2,}){2,}\b`)

// visibleText is a page's text as a reader sees it: no scripts, styles or
// tags.
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>`).ReplaceAllString(page, " ")
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(page, " "))
}

// No English sentence of our own reaches a Korean output: the report in
// every text format, the estimate, thresholds, trend, table, rules and
// recipes commands, all in Korean.
func TestKoreanDocumentsHaveNoEnglishProse(t *testing.T) {
	dir := t.TempDir()
	outputs := map[string]string{}
	for name, args := range map[string][]string{
		"report text":     {"report", "--source", "bundled"},
		"report markdown": {"report", "--source", "bundled", "--format", "markdown", "-o", filepath.Join(dir, "b.md")},
		"report html":     {"report", "--source", "bundled", "--format", "html", "-o", filepath.Join(dir, "b.html")},
		"estimate":        {"estimate", "--params", "175e9", "--tokens", "300e9"},
		"estimate source": {"estimate", "--source", "../testdata/estimate_fixture.csv"},
		"thresholds":      {"thresholds", "--source", "bundled"},
		"trend":           {"trend", "--source", "bundled"},
		"table":           {"table", "--source", "bundled", "--by", "country"},
		"rules":           {"rules", "--kind", "organization"},
		"recipes":         {"recipes"},
		"recipe report":   {"report", "--source", "bundled", "--recipe", "spri-2024"},
	} {
		code, out, errOut := run(t, nil, append(args, "--lang", "ko")...)
		if code != ExitOK {
			t.Errorf("%s: exit %d %s", name, code, errOut)
			continue
		}
		outputs[name] = out + errOut
	}
	for _, f := range []string{"b.md", "b.html"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		outputs[f] = visibleText(string(b))
	}
	// The data's own words are not ours: every model and organization name
	// of the bundled snapshot is taken out before looking.
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	src, err := epoch.OpenBundled()
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	ds, err := src.Load(context.Background(), r, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := 0; i < ds.Len(); i++ {
		m := ds.Model(i)
		names = append(names, m.Name)
		names = append(names, m.Organizations()...)
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) }) // longest first
	for name, out := range outputs {
		for _, n := range names {
			// A long name may be cut in a table: take out the longest
			// start of it that the output holds.
			for rs := []rune(n); len(rs) >= 12; rs = rs[:len(rs)-1] {
				if strings.Contains(out, string(rs)) {
					out = strings.ReplaceAll(out, string(rs), "")
					break
				}
			}
		}
		if hits := englishProse.FindAllString(out, 5); len(hits) > 0 {
			t.Errorf("%s in Korean holds English: %q", name, hits)
		}
		// A figure's rules line names each rule and its value in Korean.
		for _, line := range strings.Split(out, "\n") {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "규칙:"); ok {
				rest, _, _ = strings.Cut(rest, "필터") // filters are expressions, as typed: domain=Multimodal
				if w := regexp.MustCompile(`[a-z]{3,}`).FindString(rest); w != "" {
					t.Errorf("%s: the rules line holds the English word %q: %s", name, w, line)
				}
			}
		}
		if !strings.ContainsFunc(out, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) && !strings.HasPrefix(name, "report m") && !strings.HasPrefix(name, "report h") {
			t.Errorf("%s in Korean has no Korean", name)
		}
	}
}
