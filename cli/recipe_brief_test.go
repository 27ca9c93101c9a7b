package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// briefRecipe is a recipe of one figure: the models at or above 1e25 FLOP
// by country. In the fixture one model is there, Gemini Z (5e25), of the
// United Kingdom and the United States: GB 1, US 1.
const briefRecipe = `title = { en = "Frontier", ko = "최전선" }
%s
[[figure]]
id = "big"
title = { en = "Models at or above 1e25 FLOP", ko = "1e25 FLOP 이상 모델" }
by = ["country"]
filters = ["compute>=1e25"]
chart = "hbar"
`

func writeRecipe(t *testing.T, keys string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "frontier.toml")
	if err := os.WriteFile(p, []byte(strings.Replace(briefRecipe, "%s", keys, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A recipe of tables writes the HTML brief: each figure's table and
// chart; the Thresholds section and the trend only as the recipe asks
// (thresholds, trend) or with --thresholds.
func TestRecipeBrief(t *testing.T) {
	plain, asks := writeRecipe(t, ""), writeRecipe(t, "thresholds = true\ntrend = true\n")
	code, out, errOut := run(t, nil, "report", "--recipe", plain, "--source", fixture, "--format", "html")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"<h1>Frontier</h1>", `<figure id="figure-big">`, `data-chart="big"`,
		`<td>GB</td><td>United Kingdom</td><td class="num" data-value="1">1</td>`, `<td>US</td>`} {
		if !strings.Contains(out, want) {
			t.Errorf("brief: no %q", want)
		}
	}
	if strings.Contains(out, `id="thresholds"`) {
		t.Error("a recipe that does not ask has a Thresholds section")
	}
	for _, args := range [][]string{{"--recipe", asks}, {"--recipe", plain, "--thresholds"}} {
		_, out, errOut = run(t, nil, append([]string{"report", "--source", fixture, "--format", "html"}, args...)...)
		if !strings.Contains(out, `<section id="thresholds">`) || !strings.Contains(out, "Gemini Z") {
			t.Errorf("%v: no Thresholds section naming Gemini Z (%s)", args, errOut)
		}
	}
	// The workbook gets the thresholds sheet as the recipe asks.
	book := filepath.Join(t.TempDir(), "f.xlsx")
	if code, _, errOut := run(t, nil, "report", "--recipe", asks, "--source", fixture, "--format", "xlsx", "-o", book); code != ExitOK {
		t.Fatalf("xlsx: exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); !strings.HasPrefix(got, "big,thresholds") {
		t.Errorf("sheets %s, want big, thresholds…", got)
	}
	// Korean reads the figure's Korean title.
	_, out, _ = run(t, nil, "report", "--recipe", plain, "--source", fixture, "--format", "html", "--lang", "ko")
	if !strings.Contains(out, "<h3>1e25 FLOP 이상 모델</h3>") || !strings.Contains(out, "<h1>최전선</h1>") {
		t.Errorf("Korean brief: %.400s", out)
	}
}

// A recipe's keys are checked: thresholds and trend are booleans; an
// unknown key still gets one line naming the file, line and key.
func TestRecipeBriefKeys(t *testing.T) {
	bad := writeRecipe(t, "threshold = true\n")
	code, out, errOut := run(t, nil, "report", "--recipe", bad, "--source", fixture, "--format", "html")
	if code != ExitUsage || out != "" || !strings.Contains(errOut, bad+":2: threshold: unknown key") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// table --format html: the figure as a brief of one figure.
func TestTableHTML(t *testing.T) {
	code, out, errOut := run(t, nil, "table", "--source", fixture, "--by", "country", "--filter", "compute>=1e25", "--format", "html")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"<h1>Models — Country</h1>", `<td>GB</td><td>United Kingdom</td><td class="num" data-value="1">1</td>`,
		`<td>US</td><td>United States</td><td class="num" data-value="1">1</td>`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%.2000s", want, out)
		}
	}
	if strings.Count(out, "<tr><td>") != 2 {
		t.Errorf("want 2 rows (GB, US)")
	}
}
