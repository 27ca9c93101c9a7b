package publish_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// tableValues returns the data-value cells of a table, row by row.
func tableValues(root *html.Node, id string) [][]string {
	tables := findAll(root, func(n *html.Node) bool {
		v, ok := attr(n, "data-table")
		return n.Type == html.ElementNode && n.Data == "table" && ok && v == id
	})
	if len(tables) == 0 {
		return nil
	}
	var out [][]string
	for _, tr := range findAll(tables[0], func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "tr" }) {
		var row []string
		for _, td := range findAll(tr, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "td" }) {
			v, _ := attr(td, "data-value")
			row = append(row, v)
		}
		if row != nil {
			out = append(out, row)
		}
	}
	return out
}

func parse(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1
	}
	return v
}

// Every figure of the HTML report equals the JSON census: the headline's
// numbers and every counted cell of every table.
func TestHTMLFiguresEqualJSON(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		for _, opt := range []census.Options{{}, {Attribution: census.AttributionFractional}} {
			d := publishtest.Document(t, "../testdata/census_fixture.csv", opt)
			var b bytes.Buffer
			if err := publish.WriteHTML(&b, d, l, "test"); err != nil {
				t.Fatal(err)
			}
			root, err := html.Parse(&b)
			if err != nil {
				t.Fatal(err)
			}
			j := publishtest.ViaJSON(t, d.Result)
			want := publish.ExpectedFigures(j, l)
			spans := findAll(root, func(n *html.Node) bool { _, ok := attr(n, "data-figure"); return ok })
			if len(spans) < 10 {
				t.Fatalf("%s: only %d figures in the prose", l, len(spans))
			}
			for _, s := range spans {
				key, _ := attr(s, "data-figure")
				if w, ok := want[key]; !ok || text(s) != w {
					t.Errorf("%s: prose figure %s = %q, JSON says %q", l, key, text(s), w)
				}
			}
			check := func(id string, col int, wantVals []float64) {
				rows := tableValues(root, id)
				for i, w := range wantVals {
					if i >= len(rows) || parse(rows[i][col]) != w {
						got := ""
						if i < len(rows) {
							got = rows[i][col]
						}
						t.Errorf("%s table %s row %d = %q, JSON %v", l, id, i, got, w)
					}
				}
				if len(rows) < len(wantVals) {
					t.Errorf("%s table %s has %d rows, want %d", l, id, len(rows), len(wantVals))
				}
			}
			var py, countries, countriesLatest, orgs, domains, flop []float64
			for _, y := range j.PerYear {
				py = append(py, float64(y.Count))
			}
			for _, c := range j.Countries {
				countries = append(countries, c.Count)
			}
			for _, c := range j.CountriesLatest {
				countriesLatest = append(countriesLatest, c.Count)
			}
			for _, o := range j.OrganizationsLatest {
				orgs = append(orgs, o.Count)
			}
			for _, o := range j.Domains {
				domains = append(domains, o.Count)
			}
			for _, m := range j.TopComputeLatest {
				flop = append(flop, m.FLOP)
			}
			check("per_year", 1, append(py, float64(j.Total)))
			check("countries", 2, countries)
			check("countries_latest", 2, countriesLatest)
			check("organizations_latest", 1, orgs)
			check("domains", 1, domains)
			check("top_compute_latest", 4, flop)
			var mm []float64
			for _, y := range j.MultimodalPerYear {
				mm = append(mm, float64(y.Count))
			}
			check("multimodal_per_year", 1, mm)
		}
	}
}

// The report needs no network: no external script, style, image or font.
func TestHTMLSelfContained(t *testing.T) {
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{})
	var b bytes.Buffer
	if err := publish.WriteHTML(&b, d, i18n.EN, "test"); err != nil {
		t.Fatal(err)
	}
	root, _ := html.Parse(bytes.NewReader(b.Bytes()))
	for _, n := range findAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, k := range []string{"src", "href", "srcset", "poster", "data"} {
			if v, ok := attr(n, k); ok && !strings.HasPrefix(v, "#") {
				t.Errorf("<%s %s=%q> loads from outside the file", n.Data, k, v)
			}
		}
		if n.Data == "link" {
			t.Errorf("a <link> element loads from outside the file")
		}
	}
	if !strings.Contains(b.String(), "echarts") || bytes.Contains(b.Bytes(), []byte("@import")) {
		t.Errorf("ECharts must be inlined and no stylesheet imported")
	}
}

// Names and other text from the data are escaped everywhere: a source
// whose names hold HTML and script shows them as text.
func TestHTMLEscapesData(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "evil.csv")
	payloads := []string{`<script>alert("x")</script>`, `<img src=x onerror=alert(1)>`, `"><svg onload=alert(2)>`, `</script><b>bold</b>`}
	csvText := "Model,Publication date,Organization,Country (of organization),Training compute (FLOP),Domain\n"
	for i, p := range payloads {
		q := strings.ReplaceAll(p, `"`, `""`)
		csvText += `"` + q + `",2024-0` + string(rune('1'+i)) + `-01,"` + q + ` Labs",United States of America,` + []string{"1e25", "2e25", "3e25", "4e25"}[i] + `,"` + q + `"` + "\n"
	}
	os.WriteFile(p, []byte(csvText), 0o644)
	d := publishtest.Document(t, p, census.Options{})
	var b bytes.Buffer
	if err := publish.WriteHTML(&b, d, i18n.EN, "test"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, p := range payloads {
		if strings.Contains(out, p) {
			t.Errorf("payload %q appears unescaped", p)
		}
	}
	root, _ := html.Parse(strings.NewReader(out))
	scripts := findAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "script" })
	if len(scripts) != 2 {
		t.Errorf("%d <script> elements, want the 2 of the report", len(scripts))
	}
	for _, n := range findAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("<%s> has an event attribute %s=%q", n.Data, a.Key, a.Val)
			}
		}
		if n.Data == "img" || n.Data == "svg" || n.Data == "b" {
			t.Errorf("a <%s> element came from the data", n.Data)
		}
	}
	// The names show as text in the top-compute table.
	cells := findAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "td" })
	found := 0
	for _, c := range cells {
		for _, p := range payloads {
			if text(c) == p {
				found++
			}
		}
	}
	if found < len(payloads) {
		t.Errorf("only %d of %d payload names show as text", found, len(payloads))
	}
}

// The print styles keep tables readable on paper: a short table whole, a
// long one with its header repeated and never its header, first or last
// rows alone; a chart with the start of its table; dates and confidence
// of the top-compute table on one line.
func TestPrintStyles(t *testing.T) {
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{})
	var b bytes.Buffer
	if err := publish.WriteHTML(&b, d, i18n.EN, "test"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, rule := range []string{
		"table.short { break-inside: avoid;",
		"thead { display: table-header-group; break-after: avoid; }",
		"tbody tr:nth-child(-n+3), tbody tr:nth-last-child(-n+3) { break-before: avoid;",
		".chart { break-after: avoid;",
		"table[data-table=top_compute_latest] td:nth-child(4), table[data-table=top_compute_latest] td:nth-child(6) { white-space: nowrap; }",
	} {
		if !strings.Contains(page, rule) {
			t.Errorf("print styles lack %q", rule)
		}
	}
	if !strings.Contains(page, `<table data-table="per_year" class="short">`) {
		t.Error("a short table is not marked short")
	}
	// The page a PDF is printed from is laid out for A4 from the start.
	if strings.Contains(page, `<html lang="en" class="pdf">`) || !strings.Contains(page, ".pdf .chart { height:") {
		t.Error("the HTML brief is marked as a PDF's page, or the PDF's chart sizes are missing")
	}
}
