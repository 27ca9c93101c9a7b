package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/publish"
)

const thresholdsFixture = "../testdata/thresholds_fixture.csv"

// The JSON of `thresholds` has the shape, and its numbers are the
// hand counts of testdata/README.md.
func TestThresholdsJSON(t *testing.T) {
	code, out, errOut := run(t, nil, "thresholds", "--source", thresholdsFixture, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Thresholds []struct {
			FLOP       float64 `json:"flop"`
			Cumulative bool    `json:"cumulative"`
			Laws       []struct {
				ID, Law string
			} `json:"laws"`
			PerYear []struct {
				Year, Models, Cumulative, Developers int
				DevelopersCumulative                 int `json:"developers_cumulative"`
			} `json:"per_year"`
			First *struct {
				Model string `json:"model"`
			} `json:"first"`
			Models []struct {
				Model     string `json:"model"`
				ByLineage bool   `json:"by_lineage"`
			} `json:"models"`
			Approaching []struct {
				Model string `json:"model"`
			} `json:"approaching"`
		} `json:"thresholds"`
		Lineage []struct {
			Model   string `json:"model"`
			Lineage struct {
				Difference float64 `json:"difference"`
			} `json:"lineage"`
		} `json:"lineage"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Thresholds) != 3 {
		t.Fatalf("%d thresholds, want the table's 3", len(doc.Thresholds))
	}
	large, eu, kr := doc.Thresholds[0], doc.Thresholds[1], doc.Thresholds[2]
	cum := map[int]int{}
	for _, y := range large.PerYear {
		cum[y.Year] = y.Cumulative
	}
	if want := map[int]int{2017: 1, 2020: 2, 2022: 4, 2023: 5, 2024: 7}; cum[2017] != want[2017] || cum[2020] != want[2020] || cum[2022] != want[2022] || cum[2023] != want[2023] || cum[2024] != want[2024] {
		t.Errorf("1e23 cumulative %v, want %v", cum, want)
	}
	if last := large.PerYear[len(large.PerYear)-1]; last.DevelopersCumulative != 5 {
		t.Errorf("developers by 2024: %d, want 5", last.DevelopersCumulative)
	}
	if large.First == nil || large.First.Model != "Alpha" || len(large.Approaching) != 1 || large.Approaching[0].Model != "Beta" {
		t.Errorf("1e23: first %+v, approaching %+v", large.First, large.Approaching)
	}
	if eu.FLOP != 1e25 || len(eu.Models) != 4 || eu.First.Model != "Delta" || len(eu.Laws) != 1 || eu.Laws[0].ID != "eu-ai-act-51" {
		t.Errorf("1e25: %+v", eu)
	}
	if !kr.Cumulative || len(kr.Models) != 1 || kr.Models[0].Model != "Theta" || !kr.Models[0].ByLineage {
		t.Errorf("1e26 cumulative: %+v", kr.Models)
	}
	if len(doc.Lineage) != 2 || doc.Lineage[1].Model != "Iota" || math.Abs(doc.Lineage[1].Lineage.Difference-4.1e25) > 1e15 {
		t.Errorf("lineage: %+v", doc.Lineage)
	}
}

// --estimate-missing counts Kappa's 1.2e25 at the EU line, marked, with
// its inputs; and --threshold replaces the table.
func TestThresholdsEstimatedAndOwnLine(t *testing.T) {
	code, out, errOut := run(t, nil, "thresholds", "--source", thresholdsFixture, "--estimate-missing")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// 6 × 1e11 × 2e13, marked, and its inputs, as the text prints FLOP.
	mark, inputs := publish.FormatFLOP(1.2e25)+"*", "parameters "+publish.FormatFLOP(1e11)+", tokens "+publish.FormatFLOP(2e13)
	if !strings.Contains(out, "Kappa") || !strings.Contains(out, mark) || !strings.Contains(out, inputs) {
		t.Errorf("the estimated crossing is not shown with its inputs:\n%s", out)
	}
	code, out, errOut = run(t, nil, "thresholds", "--source", thresholdsFixture, "--threshold", "3e23", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Thresholds []struct {
			FLOP   float64                  `json:"flop"`
			Models []struct{ Model string } `json:"models"`
		} `json:"thresholds"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// Gamma (3e23, a tie), Delta, Epsilon, Zeta, Eta, Iota.
	if len(doc.Thresholds) != 1 || doc.Thresholds[0].FLOP != 3e23 || len(doc.Thresholds[0].Models) != 6 {
		t.Errorf("--threshold 3e23: %+v", doc.Thresholds)
	}
}

func TestThresholdsKoreanAndCountry(t *testing.T) {
	code, out, errOut := run(t, nil, "thresholds", "--source", thresholdsFixture, "--lang", "ko", "--country", "KR")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"학습 연산량 기준", "인공지능기본법", "EU 인공지능법", "대상 모델: 국가 KR", "Iota"} {
		if !strings.Contains(out, want) {
			t.Errorf("Korean output lacks %q", want)
		}
	}
	if strings.Contains(out, "Alpha") {
		t.Error("--country KR keeps a US model")
	}
}

// The trend's JSON has the shape. The eight models with Epoch's
// figures are fitted; the slope is checked against a plain loop.
func TestTrendJSON(t *testing.T) {
	code, out, errOut := run(t, nil, "trend", "--source", thresholdsFixture, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"n", "growth_per_year", "ci90", "doubling_months", "since", "until", "method"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("trend JSON lacks %q", k)
		}
	}
	if doc["n"] != 8.0 || doc["since"] != "2017-06-01" || doc["until"] != "2024-07-01" {
		t.Errorf("n %v since %v until %v", doc["n"], doc["since"], doc["until"])
	}
	// The points: (decimal year, log10 FLOP), worked by hand.
	xs := []float64{2017 + 151.0/365, 2017 + 243.0/365, 2020 + 121.0/366, 2022 + 59.0/365, 2022 + 90.0/365, 2023, 2024 + 31.0/366, 2024 + 182.0/366}
	ys := []float64{math.Log10(2e23), math.Log10(5e22), math.Log10(3e23), 25, 25, math.Log10(9.99e24), math.Log10(9e25), math.Log10(5e25)}
	var mx, my, sxy, sxx float64
	for i := range xs {
		mx += xs[i] / 8
		my += ys[i] / 8
	}
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if g := doc["growth_per_year"].(float64); math.Abs(g-math.Pow(10, sxy/sxx)) > 1e-9 {
		t.Errorf("growth %v, want %v", g, math.Pow(10, sxy/sxx))
	}
	ci := doc["ci90"].([]any)
	if len(ci) != 2 || !(ci[0].(float64) <= doc["growth_per_year"].(float64)) || !(ci[1].(float64) >= doc["growth_per_year"].(float64)) {
		t.Errorf("interval %v", ci)
	}
}

func TestTrendChartFiles(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "trend.svg")
	code, _, errOut := run(t, nil, "trend", "--source", thresholdsFixture, "-o", svg)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(svg)
	if err != nil || !strings.Contains(string(data), "<svg") {
		t.Fatalf("no SVG written: %v", err)
	}
	// The threshold lines are labelled.
	for _, want := range []string{"EU AI Act", "Korea"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
}

// Bad input: one clear line and exit 2.
func TestThresholdsTrendBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"thresholds", "--source", thresholdsFixture, "--threshold", "ten"}, `--threshold "ten"`},
		{[]string{"thresholds", "--source", thresholdsFixture, "--threshold", "-1e25"}, "--threshold"},
		{[]string{"trend", "--source", thresholdsFixture, "--since", "2024-01-01", "--until", "2020-01-01"}, "--since 2024-01-01 is after --until 2020-01-01"},
		{[]string{"trend", "--source", thresholdsFixture, "--since", "2024-02-01"}, "2 model(s)"}, // Eta and Iota
		{[]string{"trend", "--source", thresholdsFixture, "--since", "yesterday"}, "--since"},
		{[]string{"trend", "--source", thresholdsFixture, "--country", "Atlantis"}, "Atlantis"},
	} {
		code, _, errOut := run(t, nil, c.args...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, %q; want exit 2 and one line with %q", c.args, code, errOut, c.want)
		}
	}
	code, _, errOut := run(t, nil, "trend", "--source", thresholdsFixture, "--since", "2024-03-01", "--lang", "ko")
	if code != ExitUsage || !strings.Contains(errOut, "최소 3개") {
		t.Errorf("Korean: exit %d %q", code, errOut)
	}
}

// The same input gives the same interval; the seed and count are stated.
func TestTrendReproducible(t *testing.T) {
	_, a, _ := run(t, nil, "trend", "--source", thresholdsFixture, "--format", "json")
	_, b, _ := run(t, nil, "trend", "--source", thresholdsFixture, "--format", "json")
	if a != b {
		t.Error("two runs differ")
	}
	_, text, _ := run(t, nil, "trend", "--source", thresholdsFixture)
	if !strings.Contains(text, "1000 resamples, seed 1") {
		t.Errorf("text does not state the bootstrap: %s", text)
	}
	var x struct {
		Seed      int `json:"seed"`
		Resamples int `json:"resamples"`
	}
	_, c, _ := run(t, nil, "trend", "--source", thresholdsFixture, "--format", "json", "--seed", "2", "--resamples", "200")
	if err := json.Unmarshal([]byte(c), &x); err != nil || x.Seed != 2 || x.Resamples != 200 {
		t.Errorf("--seed 2 --resamples 200: %+v %v", x, err)
	}
}

// report --thresholds puts the lines and the trend in the brief and the
// workbook; without it, neither has them.
func TestReportThresholdsSection(t *testing.T) {
	dir := t.TempDir()
	brief := filepath.Join(dir, "brief.html")
	code, _, errOut := run(t, nil, "report", "--source", thresholdsFixture, "--thresholds", "--format", "html", "-o", brief)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	html, _ := os.ReadFile(brief)
	for _, want := range []string{`<section id="thresholds">`, `data-table="threshold_2_models"`, `id="figure-trend"`, "data:image/svg", "Theta", "Korea&#39;s AI Basic Act"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
	// The 1e23 line's series, by year, as the table gives it: 2024's
	// cumulative is 7.
	if !strings.Contains(string(html), "<td class=\"num\" data-value=\"2024\">2024</td><td class=\"num\" data-value=\"2\">2</td><td class=\"num\" data-value=\"7\">7</td>") {
		t.Error("the 1e23 series does not reach 7 by 2024 in the brief")
	}
	code, _, _ = run(t, nil, "report", "--source", thresholdsFixture, "--format", "html", "-o", brief)
	html, _ = os.ReadFile(brief)
	if code != ExitOK || strings.Contains(string(html), `<section id="thresholds">`) {
		t.Error("a brief without --thresholds has the section")
	}
	book := filepath.Join(dir, "brief.xlsx")
	if code, _, errOut := run(t, nil, "report", "--source", thresholdsFixture, "--thresholds", "--format", "xlsx", "-o", book); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n, _ := f.GetCellValue("trend", "B2"); n != "8" {
		t.Errorf("trend sheet: n %q, want 8", n)
	}
	rows, err := f.GetRows("thresholds")
	if err != nil || len(rows) < 10 || !strings.Contains(rows[0][0], "10²³ FLOP") {
		t.Errorf("thresholds sheet: %v %v", err, rows[:min(3, len(rows))])
	}
}

// trend and thresholds take the figure engine's filters: the fixture's
// models with Epoch's figure in the US are Alpha, Gamma, Delta, Zeta and
// Eta (5), of which four are published from 2020 on; a filter that cannot
// be read is a usage error.
func TestTrendAndThresholdsFilters(t *testing.T) {
	for _, c := range []struct {
		filters []string
		n       float64
	}{
		{[]string{"--filter", "country=US"}, 5},
		{[]string{"--filter", "country=US", "--filter", "date>=2020-01-01"}, 4},
	} {
		code, out, errOut := run(t, nil, append([]string{"trend", "--source", thresholdsFixture, "--format", "json"}, c.filters...)...)
		var doc map[string]any
		if code != ExitOK || json.Unmarshal([]byte(out), &doc) != nil || doc["n"] != c.n {
			t.Errorf("%v: exit %d, n %v, want %v: %s", c.filters, code, doc["n"], c.n, errOut)
		}
	}
	code, out, _ := run(t, nil, "thresholds", "--source", thresholdsFixture, "--filter", "country=KR")
	if code != ExitOK || !strings.Contains(out, "Iota") || strings.Contains(out, "Alpha") {
		t.Errorf("thresholds --filter country=KR: exit %d\n%s", code, out)
	}
	for _, cmd := range []string{"trend", "thresholds"} {
		if code, _, errOut := run(t, nil, cmd, "--source", thresholdsFixture, "--filter", "contry=KR"); code != ExitUsage || !strings.Contains(errOut, `unknown field "contry"`) {
			t.Errorf("%s with a misspelt filter: exit %d %q", cmd, code, errOut)
		}
	}
}
