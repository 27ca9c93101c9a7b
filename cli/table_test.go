package cli

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Bad input gets one clear line and exit 2, in either language.
func TestTableBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--by", "contry"}, `unknown dimension "contry"`},
		{[]string{"--measure", "modles"}, `unknown measure "modles"`},
		{[]string{"--filter", "countryUS"}, `filter "countryUS": want FIELD OP VALUE`},
		{[]string{"--filter", "contry=US"}, `unknown field "contry"`},
		{[]string{"--filter", "compute>=lots"}, `"lots" is not a number`},
		{[]string{"--filter", "country>US"}, `> compares numbers and dates`},
		{[]string{"--multinational", "hq"}, `--multinational`},
		{[]string{"--merge", "Google"}, `--merge "Google"`},
		{[]string{"--format", "pdf"}, `--format`},
	} {
		code, out, errOut := run(t, nil, append([]string{"table", "--source", fixture, "--date", "2025-03-01"}, c.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, errOut, c.want)
		}
	}
	code, _, errOut := run(t, nil, "table", "--source", fixture, "--lang", "ko", "--by", "contry")
	if code != ExitUsage || !strings.Contains(errOut, "알 수 없는 차원") {
		t.Errorf("Korean: exit %d, %q", code, errOut)
	}
}

// The fixture by year: the JSON contract, and CSV, Markdown and text
// in both languages.
func TestTableFormats(t *testing.T) {
	code, out, errOut := run(t, nil, "table", "--source", fixture, "--date", "2025-03-01", "--by", "year", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		By       []string         `json:"by"`
		Rows     []map[string]any `json:"rows"`
		Settings map[string]any   `json:"settings"`
		Source   map[string]any   `json:"source"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Rows) != 5 || doc.Settings["from"] != float64(2020) || doc.Settings["to"] != float64(2024) || doc.Source["location"] == nil {
		t.Errorf("json: %s", out)
	}
	for _, c := range []struct{ format, lang, want string }{
		{"csv", "en", "year,models\n2020,"},
		{"markdown", "en", "| Year | Models |"},
		{"text", "en", "Rules: period 2020–2024"},
		{"text", "ko", "규칙: 기간 2020–2024년"},
		{"markdown", "ko", "| 연도 | 모델 수 |"},
	} {
		code, out, errOut := run(t, nil, "table", "--source", fixture, "--date", "2025-03-01", "--by", "year", "--format", c.format, "--lang", c.lang)
		if code != ExitOK || !strings.Contains(out, c.want) {
			t.Errorf("%s %s: exit %d %s\n%s", c.format, c.lang, code, errOut, out)
		}
	}
}

// A figure of one dimension is drawn as an SVG chart through the format
// registry; two dimensions are refused with exit 2.
func TestTableChart(t *testing.T) {
	code, out, errOut := run(t, nil, "table", "--source", fixture, "--date", "2025-03-01", "--by", "country", "--format", "svg", "--title", "Countries")
	if code != ExitOK || !strings.HasPrefix(strings.TrimSpace(out), "<?xml") && !strings.Contains(out, "<svg") || !strings.Contains(out, "Countries") {
		t.Errorf("svg: exit %d %s\n%.300s", code, errOut, out)
	}
	code, _, errOut = run(t, nil, "table", "--source", fixture, "--by", "country,region", "--format", "svg")
	if code != ExitUsage || !strings.Contains(errOut, "one dimension") {
		t.Errorf("two dimensions: exit %d %s", code, errOut)
	}
}

// A figure written as a workbook: the fixture's hand counts by year
// (testdata/README.md: 2020 1, 2021 0, 2022 1, 2023 1, 2024 4) as numbers,
// with a native chart; a workbook needs -o.
func TestTableWorkbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "t.xlsx")
	if code, _, errOut := run(t, nil, "table", "--source", fixture, "--date", "2025-03-01", "--by", "year", "--format", "xlsx", "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	rows, _ := f.GetRows(sheet)
	want := map[string]string{"2020": "1", "2021": "0", "2022": "1", "2023": "1", "2024": "4"}
	got := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 && want[r[0]] != "" {
			got[r[0]] = r[1]
		}
	}
	for y, n := range want {
		if got[y] != n {
			t.Errorf("workbook %s: %q, want %s (rows %v)", y, got[y], n, rows)
		}
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	charts := 0
	for _, m := range z.File {
		if strings.HasPrefix(m.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("%d native charts, want 1", charts)
	}
	if code, _, errOut := run(t, nil, "table", "--source", fixture, "--by", "year", "--format", "xlsx"); code != ExitUsage || !strings.Contains(errOut, "-o FILE") {
		t.Errorf("xlsx to a terminal: exit %d %q", code, errOut)
	}
}
