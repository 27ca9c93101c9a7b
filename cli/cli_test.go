package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// run runs modelcensus in-process, wired as main wires it, and returns
// its exit code, stdout and stderr. The locale is English unless env says
// otherwise.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	io := &IOStreams{
		In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) },
		Deps:   testDeps(),
	}
	code := Run(context.Background(), io, args)
	return code, stdout.String(), stderr.String()
}

const fixture = "../testdata/census_fixture.csv"

func TestReportJSONContract(t *testing.T) {
	code, out, errOut := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"period", "total", "per_year", "cagr", "countries", "countries_latest",
		"organizations_latest", "domains", "domains_latest", "multimodal_per_year", "top_compute_latest", "source", "notes"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("JSON lacks key %q", k)
		}
	}
	var r struct {
		Period  struct{ From, To int }
		Total   int
		PerYear []struct {
			Year, Count int
		} `json:"per_year"`
		CAGR      *float64 `json:"cagr"`
		Countries []struct {
			Code, Name string
			Count      float64
		}
		Orgs []struct {
			Name  string
			Count float64
		} `json:"organizations_latest"`
		Top []struct {
			Model, Organization, Date, Confidence string
			FLOP                                  float64 `json:"flop"`
		} `json:"top_compute_latest"`
		Source struct {
			Files []struct{ Name, HeaderVersion string } `json:"files"`
			Rows  int
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	// Hand counts of testdata/census_fixture.csv (see testdata/README.md).
	if r.Period.From != 2020 || r.Period.To != 2024 || r.Total != 7 || len(r.PerYear) != 5 || r.PerYear[4].Count != 4 {
		t.Errorf("period %+v total %d per year %+v", r.Period, r.Total, r.PerYear)
	}
	if r.CAGR == nil || *r.CAGR < 0.41421 || *r.CAGR > 0.41422 {
		t.Errorf("cagr = %v, want 0.41421 (4 models over 1, four steps)", r.CAGR)
	}
	got := map[string]float64{}
	for _, c := range r.Countries {
		got[c.Code] = c.Count
	}
	if want := map[string]float64{"US": 4, "GB": 2, "CN": 2, "KR": 1, "XM": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("countries = %v, want %v", got, want)
	}
	if r.Countries[0].Code != "US" || r.Countries[0].Name != "United States" {
		t.Errorf("first country = %+v", r.Countries[0])
	}
	orgs := map[string]float64{}
	for _, o := range r.Orgs {
		orgs[o.Name] = o.Count
	}
	if want := map[string]float64{"Google": 2, "Alibaba": 1, "Meta": 1, "OpenAI": 1, "Tsinghua University": 1}; !reflect.DeepEqual(orgs, want) {
		t.Errorf("organizations = %v, want %v", orgs, want)
	}
	if len(r.Top) != 4 || r.Top[0].Model != "Gemini Z" || r.Top[0].FLOP != 5e25 {
		t.Errorf("top = %+v", r.Top)
	}
	if r.Source.Rows != 12 || len(r.Source.Files) != 1 {
		t.Errorf("source = %+v", r.Source)
	}
	// Lists are sorted by count descending, then by name.
	for i := 1; i < len(r.Countries); i++ {
		a, b := r.Countries[i-1], r.Countries[i]
		if a.Count < b.Count || (a.Count == b.Count && strings.ToLower(a.Name) > strings.ToLower(b.Name)) {
			t.Errorf("countries out of order at %d: %+v, %+v", i, a, b)
		}
	}
}

func TestReportOptionsChangeCounts(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want map[string]float64
	}{
		{[]string{"--attribution", "first"}, map[string]float64{"US": 2, "GB": 2, "CN": 1, "KR": 1, "XM": 1}},
		{[]string{"--country-by", "group"}, map[string]float64{"US": 4, "CN": 2, "KR": 1, "XM": 1}},
		{[]string{"--min-compute", "1e24"}, map[string]float64{"US": 3, "GB": 2, "CN": 1}},
	} {
		args := append([]string{"report", "--source", fixture, "--date", "2025-03-01", "--format", "json"}, tc.args...)
		code, out, errOut := run(t, nil, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", tc.args, code, errOut)
		}
		var r struct {
			Countries []struct {
				Code  string
				Count float64
			}
		}
		json.Unmarshal([]byte(out), &r)
		got := map[string]float64{}
		for _, c := range r.Countries {
			got[c.Code] = c.Count
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: countries = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestReportTextLanguages(t *testing.T) {
	_, en, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01")
	for _, s := range []string{"Models per year", "Compound annual growth 2020–2024: +41.4%", "United States", "Gemini Z", "CC BY 4.0"} {
		if !strings.Contains(en, s) {
			t.Errorf("English report lacks %q", s)
		}
	}
	_, ko, _ := run(t, map[string]string{"LANG": "ko_KR.UTF-8"}, "report", "--source", fixture, "--date", "2025-03-01")
	for _, s := range []string{"연도별 모델 수", "연평균 증가율: +41.4%", "미국", "대한민국", "학습 연산량 상위 모델(2024년)"} {
		if !strings.Contains(ko, s) {
			t.Errorf("Korean report (from the locale) lacks %q", s)
		}
	}
	_, ko2, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--lang", "ko")
	if ko2 != ko {
		t.Errorf("--lang ko differs from the ko locale")
	}
}

func TestReportFormats(t *testing.T) {
	_, csvOut, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "csv")
	// A byte-order mark first, so that spreadsheets read UTF-8.
	if !strings.HasPrefix(csvOut, "\ufefftable,year,code,name,count,") || !strings.Contains(csvOut, "per_year,2024,,,4,") ||
		!strings.Contains(csvOut, "countries,,US,United States,4,") {
		t.Errorf("csv:\n%s", csvOut)
	}
	// --lang ko: names in Korean, codes and ids as they are.
	_, koCSV, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "csv", "--lang", "ko")
	if !strings.Contains(koCSV, "countries,,US,미국,4,") || !strings.Contains(koCSV, "domains,,,언어,4,") || !strings.Contains(koCSV, ",확실") {
		t.Errorf("Korean csv:\n%s", koCSV)
	}
	_, md, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "markdown")
	if !strings.Contains(md, "| 2024 | 4 |\n") || !strings.Contains(md, "| 2024 | 1 | 4 | 25.0% |") || !strings.Contains(md, "## Countries, 2020–2024") {
		t.Errorf("markdown:\n%s", md)
	}
	out := filepath.Join(t.TempDir(), "census.json")
	code, stdout, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "json", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("-o: exit %d, stdout %q", code, stdout)
	}
	if b, err := os.ReadFile(out); err != nil || !json.Valid(b) {
		t.Errorf("-o wrote %d bytes, %v", len(b), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
}

// Bad input gets one line on stderr and a documented exit code.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("large_scale_ai_models.csv")
	fx, _ := os.ReadFile(fixture)
	w.Write(fx)
	zw.Close()
	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"missing file", []string{"report", "--source", filepath.Join(dir, "nope.csv")}, ExitInput, "no such file"},
		{"empty file", []string{"report", "--source", mk("empty.csv", nil)}, ExitInput, "empty"},
		{"not a CSV", []string{"report", "--source", mk("img.csv", []byte("\x89PNG\x00\x00"))}, ExitInput, "not a CSV"},
		{"truncated zip", []string{"report", "--source", mk("ai_models.zip", zb.Bytes()[:zb.Len()/2])}, ExitInput, "zip"},
		{"html page", []string{"report", "--source", mk("page.csv", []byte("<!doctype html><title>Error</title>"))}, ExitInput, "HTML"},
		{"missing column", []string{"report", "--source", mk("cols.csv", []byte("Name,Year\nx,2020\n"))}, ExitInput, `found "Name", "Year"`},
		{"bad flag", []string{"report", "--nope"}, ExitUsage, "unknown flag"},
		{"bad attribution", []string{"report", "--source", fixture, "--attribution", "half"}, ExitUsage, "attribution"},
		{"bad period", []string{"report", "--source", fixture, "--from", "2024", "--to", "2020"}, ExitUsage, "the first year is after the last"},
		{"bad min-compute", []string{"report", "--source", fixture, "--min-compute", "lots"}, ExitUsage, "min-compute"},
		{"bad format", []string{"report", "--source", fixture, "--format", "pdf"}, ExitUsage, "format"},
		{"bad subset", []string{"report", "--source", fixture, "--subset", "tiny"}, ExitUsage, "subset"},
		{"bad date", []string{"report", "--source", fixture, "--date", "yesterday"}, ExitUsage, "date"},
		{"bad lang", []string{"report", "--source", fixture, "--lang", "fr"}, ExitUsage, `--lang "fr": want en or ko`},
		{"unknown command", []string{"frobnicate"}, ExitUsage, `unknown command "frobnicate"`},
		{"unwritable output", []string{"report", "--source", fixture, "-o", filepath.Join(dir, "no", "such", "dir", "x.txt")}, ExitOutput, "cannot write"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, nil, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errOut)
			}
			if tc.code == ExitOK {
				return
			}
			lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "modelcensus: ") || !strings.Contains(lines[0], tc.says) {
				t.Errorf("stderr = %q, want one line saying %q", errOut, tc.says)
			}
		})
	}
}

func TestErrorsInKorean(t *testing.T) {
	ko := map[string]string{"LANG": "ko_KR.UTF-8"}
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"report", "--source", "/nonexistent/x.csv"}, ExitInput, "파일이나 폴더가 없습니다"},
		{[]string{"report", "--source", fixture, "--format", "xml"}, ExitUsage, "올바르지 않습니다"},
		{[]string{"report", "--source", fixture, "--attribution", "half"}, ExitUsage, "full, fractional, first 중 하나"},
		{[]string{"report", "--source", fixture, "--from", "2024", "--to", "2020"}, ExitUsage, "시작 연도가 끝 연도보다 늦습니다"},
		{[]string{"report", "--source", fixture, "--top", "0"}, ExitUsage, "1 이상"},
		{[]string{"report", "--nope"}, ExitUsage, "잘못된 명령줄"},
		{[]string{"rules", "--unmapped"}, ExitUsage, "--source를 주세요"},
	} {
		code, _, errOut := run(t, ko, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.says) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want %d saying %q", tc.args, code, errOut, tc.code, tc.says)
		}
	}
}

// Review findings: an HTML page saved as a zip is named as HTML; -o keeps
// files readable and refuses a folder; a missing --rules folder is an error;
// Korean country names map.
func TestInputEdgeCases(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "ai_models.zip")
	os.WriteFile(page, []byte("<!DOCTYPE html><html><body>Too many requests</body></html>"), 0o644)
	if code, _, errOut := run(t, nil, "report", "--source", page); code != ExitInput || !strings.Contains(errOut, "HTML") {
		t.Errorf("HTML as zip: exit %d %q", code, errOut)
	}
	out := filepath.Join(dir, "r.json")
	if code, _, errOut := run(t, nil, "report", "--source", fixture, "--format", "json", "-o", out); code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("-o file mode = %v, want 0644", st.Mode())
	}
	// A device is written to, never replaced (a rename over /dev/null once
	// turned it into a plain file).
	before, _ := os.Stat(os.DevNull)
	if code, _, errOut := run(t, nil, "report", "--source", fixture, "-o", os.DevNull); code != 0 {
		t.Errorf("-o %s: exit %d %q", os.DevNull, code, errOut)
	}
	if after, err := os.Stat(os.DevNull); err != nil || after.Mode() != before.Mode() || after.Mode().IsRegular() {
		t.Fatalf("%s was replaced: mode %v, was %v", os.DevNull, after.Mode(), before.Mode())
	}
	if code, _, errOut := run(t, nil, "report", "--source", fixture, "-o", dir); code != ExitOutput || !strings.Contains(errOut, "is a folder") {
		t.Errorf("-o folder: exit %d %q", code, errOut)
	}
	missing := filepath.Join(dir, "no-such-folder")
	if code, _, errOut := run(t, map[string]string{"LANG": "ko"}, "report", "--source", fixture, "--format", "markdown", "-o", filepath.Join(missing, "r.md")); code != ExitOutput || !strings.Contains(errOut, missing+" 폴더가 없습니다") {
		t.Errorf("-o in a missing folder: exit %d %q", code, errOut)
	}
	if code, _, errOut := run(t, nil, "report", "--source", fixture, "--rules", filepath.Join(dir, "no-such-rules")); code != ExitRules {
		t.Errorf("--rules missing folder: exit %d %q", code, errOut)
	}
	if code, _, errOut := run(t, nil, "report", "--source", fixture, "--rules", dir); code != ExitRules || !strings.Contains(errOut, "none of the tables") {
		t.Errorf("--rules folder without tables: exit %d %q", code, errOut)
	}
	kr := filepath.Join(dir, "kr.csv")
	os.WriteFile(kr, []byte("Model,Publication date,Country (of organization)\nA,2024-01-01,대한민국\nB,2024-02-02,Korea (Republic of)\n"), 0o644)
	code, js, _ := run(t, nil, "report", "--source", kr, "--date", "2025-01-01", "--format", "json")
	if code != 0 || !strings.Contains(js, `"code": "KR",`) || !strings.Contains(js, `"count": 2`) {
		t.Errorf("Korean country names: %s", js)
	}
}

func TestBadRulesTable(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "organizations.csv"), []byte("organization,group,country,sector,aliases\nX,Y,ZZ,industry,\n"), 0o644)
	code, _, errOut := run(t, nil, "report", "--source", fixture, "--rules", dir)
	if code != ExitRules || !strings.Contains(errOut, "ZZ") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestRulesOverride(t *testing.T) {
	dir := t.TempDir()
	// Foo Labs becomes a Korean organization of group NAVER.
	data, _ := os.ReadFile("../rules/data/organizations.csv")
	data = append(data, []byte("Foo Labs,NAVER,KR,industry,Foo Laboratories\n")...)
	os.WriteFile(filepath.Join(dir, "organizations.csv"), data, 0o644)
	code, out, errOut := run(t, nil, "rules", "--source", fixture, "--rules", dir, "--kind", "organization", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	var maps []census.Mapping
	json.Unmarshal([]byte(out), &maps)
	found := false
	for _, m := range maps {
		if m.Raw == "Foo Labs" {
			found = m.Mapped && m.MapsTo == "Foo Labs" && strings.Contains(m.Detail, "NAVER")
		}
	}
	if !found {
		t.Errorf("Foo Labs should map under the override: %+v", maps)
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := run(t, nil, "rules", "--source", fixture, "--unmapped", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var maps []census.Mapping
	if err := json.Unmarshal([]byte(out), &maps); err != nil {
		t.Fatal(err)
	}
	var raws []string
	for _, m := range maps {
		raws = append(raws, m.Kind+":"+m.Raw)
	}
	sort.Strings(raws)
	if want := []string{"organization:Foo Labs"}; !reflect.DeepEqual(raws, want) {
		t.Errorf("unmapped = %v, want %v", raws, want)
	}
	code, out, _ = run(t, nil, "rules", "--source", fixture, "--kind", "country")
	if code != 0 || !strings.Contains(out, "Korea (Republic of)") || !strings.Contains(out, "KR") {
		t.Errorf("rules --kind country:\n%s", out)
	}
	code, out, _ = run(t, nil, "rules", "--kind", "organization")
	if code != 0 || !strings.Contains(out, "Google DeepMind") || !strings.Contains(out, "Rules version") {
		t.Errorf("rules table:\n%.400s", out)
	}
	code, out, _ = run(t, nil, "rules", "--lang", "ko", "--source", fixture, "--unmapped")
	if code != 0 || !strings.Contains(out, "규칙에 없는 기관 값(1개)") {
		t.Errorf("rules in Korean:\n%s", out)
	}
}

func TestMalformedRowWarning(t *testing.T) {
	p := filepath.Join(t.TempDir(), "m.csv")
	os.WriteFile(p, []byte("Model,Publication date\nA,2023-01-01\nB \"x,2023-01-01\nC,2023-02-02\n"), 0o644)
	code, out, errOut := run(t, nil, "report", "--source", p, "--date", "2024-06-01", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "m.csv:3:") || !strings.Contains(errOut, "warning") {
		t.Errorf("warning should name file and line: %q", errOut)
	}
	if !strings.Contains(out, `"total": 2`) {
		t.Errorf("the other rows still count: %s", out)
	}
}

// The default source is a URL; a loopback server stands in for Epoch.
func TestReportFromURL(t *testing.T) {
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("large_scale_ai_models.csv")
	fx, _ := os.ReadFile(fixture)
	w.Write(fx)
	zw.Close()
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write(zb.Bytes())
	}))
	cache := t.TempDir()
	args := []string{"report", "--source", srv.URL + "/data/ai_models.zip", "--cache-dir", cache, "--format", "json", "--from", "2020", "--to", "2024"}
	code, out, errOut := run(t, nil, args...)
	if code != 0 || !strings.Contains(out, `"total": 7`) || !strings.Contains(out, `"subset": "large-scale"`) {
		t.Fatalf("exit %d %s\n%s", code, errOut, out)
	}
	code, _, errOut = run(t, nil, args...)
	if code != 0 || !strings.Contains(errOut, "cached") || hits != 2 {
		t.Errorf("second run: exit %d, hits %d, stderr %q", code, hits, errOut)
	}
	srv.Close()
	code, out, errOut = run(t, nil, args...)
	if code != 0 || !strings.Contains(errOut, "could not be reached") || !strings.Contains(out, `"total": 7`) {
		t.Errorf("offline with cache: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = run(t, nil, "report", "--source", srv.URL+"/other.zip", "--cache-dir", t.TempDir())
	if code != ExitDownload || !strings.Contains(errOut, "--source FILE") {
		t.Errorf("offline without cache: exit %d, stderr %q", code, errOut)
	}
}

// Korean output has no English left in it: row warnings, ages, the rules'
// details; English output has no Korean names.
func TestKoreanOutputIsKorean(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(p, []byte("Model,Publication date,Training compute (FLOP)\nA,2024-01-01,\"1,2e24\"\nShort,2024\nC,2024-02-01,1e24\n\"B \"\"x\"\" y,2024\n"), 0o644)
	_, _, errOut := run(t, nil, "report", "--source", p, "--lang", "ko-KR")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], ":2: 학습 연산량") || !strings.Contains(lines[1], ":3: 행의 필드가") || !strings.Contains(lines[2], ":5: 5행부터") {
		t.Errorf("Korean warnings, in line order:\n%s", errOut)
	}
	if publish.AgeText(5*time.Second, i18n.KO) != "5초" || publish.AgeText(72*time.Hour, i18n.KO) != "3일" || publish.AgeText(90*time.Minute, i18n.EN) != "2 hours" {
		t.Error("ages are not in the language")
	}
	_, ko, _ := run(t, nil, "rules", "--kind", "organization", "--lang", "ko")
	if strings.Contains(ko, " industry") || !strings.Contains(ko, "기업") {
		t.Error("rules in Korean show English sectors")
	}
	_, en, _ := run(t, nil, "rules", "--kind", "country", "--lang", "en-US")
	if strings.Contains(en, "대한민국") || strings.Contains(en, "미국") {
		t.Error("rules in English show Korean names")
	}
}

// Help says what each flag does on its command, in the help's language.
func TestHelpTexts(t *testing.T) {
	_, ko, _ := run(t, nil, "pull", "--help", "--lang", "ko")
	if strings.Contains(ko, "[flags]") || !strings.Contains(ko, "[플래그]") {
		t.Error("Korean help shows [flags]")
	}
	_, pull, _ := run(t, nil, "pull", "--help")
	if strings.Contains(pull, "--subset") {
		t.Error("pull offers --subset, which it does not use")
	}
	_, serve, _ := run(t, nil, "serve", "--help")
	if strings.Contains(serve, "default \"https://") {
		t.Error("serve's --source shows a download as its default")
	}
	_, diff, _ := run(t, nil, "diff", "--help")
	if !strings.Contains(diff, "both snapshots") {
		t.Error("diff's --subset does not say what it compares")
	}
}
