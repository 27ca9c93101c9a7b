package publish_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

// powerOfTen is an independent spelling of a FLOP figure as the documents
// print it, from fmt's own rounding to three significant digits: 5.00e+26
// becomes 5 × 10²⁶, 1.00e+23 becomes 10²³.
func powerOfTen(v float64) string {
	if v < 1e6 {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	mant, exp, _ := strings.Cut(fmt.Sprintf("%.2e", v), "e")
	mant = strings.TrimSuffix(strings.TrimRight(mant, "0"), ".")
	n, _ := strconv.Atoi(exp)
	sup := ""
	for _, d := range strconv.Itoa(n) {
		sup += string([]rune("⁰¹²³⁴⁵⁶⁷⁸⁹")[d-'0'])
	}
	if mant == "1" {
		return "10" + sup
	}
	return mant + " × 10" + sup
}

// flopValues are figures of every shape: exact powers, a mantissa that
// rounds up to the next power, two and three digits, a peak FLOP/s.
var flopValues = []float64{5e26, 1e23, 1.07e24, 5.18e25, 9.999e24, 9.8e10, 2.1e25, 3.15e23, 1.25e14, 6e21, 2.832e25, 1e6, 999999}

func TestFormatFLOPOneWay(t *testing.T) {
	for _, v := range flopValues {
		if got, want := publish.FormatFLOP(v), powerOfTen(v); got != want {
			t.Errorf("FormatFLOP(%g) = %q, want %q", v, got, want)
		}
	}
	// By hand, the brief's example.
	if got := publish.FormatFLOP(5e26); got != "5 × 10²⁶" {
		t.Errorf("FormatFLOP(5e26) = %q", got)
	}
}

// scientific is a FLOP figure in computer notation (5e+26, 1.07E+24).
// scientific finds a number in e-notation (5e+26, 1.2E25), not hex such as
// a rules version (a1e597d02bae), whose digits follow a letter.
var scientific = regexp.MustCompile(`(?:^|[^0-9A-Za-z.])[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]`)

// visibleText is the text of an HTML page a reader sees: no scripts (the
// charts' data keeps numbers as numbers), no tags or attributes (a cell's
// data-value keeps full precision).
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<script.*?</script>`).ReplaceAllString(page, "")
	page = regexp.MustCompile(`(?s)<style.*?</style>`).ReplaceAllString(page, "")
	return regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(page, "\n")
}

// The brief (HTML, and the PDF printed from it), the Markdown and the
// terminal text print compute one way. The fixture's 2024 models, by
// hand: Gemini Z 5e25, GPT-X 1.07e+24, Qwen Q 98000000000.0.
func TestDocumentsPrintFLOPOneWay(t *testing.T) {
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{From: 2020, To: 2024})
	want := []string{"5 × 10²⁵", "1.07 × 10²⁴", "9.8 × 10¹⁰"}
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		var html, md, text bytes.Buffer
		if err := publish.WriteHTML(&html, d, l, "test"); err != nil {
			t.Fatal(err)
		}
		if err := publish.WriteMarkdown(&md, d.Result, l); err != nil {
			t.Fatal(err)
		}
		if err := publish.WriteText(&text, d.Result, l); err != nil {
			t.Fatal(err)
		}
		for name, doc := range map[string]string{"HTML": visibleText(html.String()), "Markdown": md.String(), "text": text.String()} {
			for _, w := range want {
				if !strings.Contains(doc, w) {
					t.Errorf("%s %s lacks %q", l, name, w)
				}
			}
			if m := scientific.FindString(doc); m != "" {
				i := strings.Index(doc, m)
				t.Errorf("%s %s prints %q: …%s…", l, name, m, doc[max(0, i-60):min(len(doc), i+20)])
			}
		}
	}
}
