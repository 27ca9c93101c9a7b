package cli

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// fixtureOverlay writes, for testdata/census_fixture.csv, an entry that
// corrects GPT-X's compute (1.07e24 upstream) and one that adds a Korean
// model of 2024.
func fixtureOverlay(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	common := []string{"--overlay", dir, "--author", "tester", "--reason", "a test", "--retrieved", "2026-11-20"}
	for _, args := range [][]string{
		{"curate", "correct", "--model", "GPT-X", "--field", "compute", "--value", "2e24", "--source", "../testdata/census_fixture.csv",
			"--source-url", "https://example.org/gpt-x"},
		{"curate", "add", "--name", "Local Model", "--organization", "Kakao", "--country", "Korea (Republic of)", "--date", "2024-07-01",
			"--compute", "4e24", "--source-url", "https://example.org/local"},
	} {
		if exit, _, errOut := run(t, nil, append(args, common...)...); exit != 0 {
			t.Fatalf("%v: exit %d: %s", args, exit, errOut)
		}
	}
	return dir
}

// A report with an overlay says so in every output: the overlay block and
// the curated marks in JSON, the † mark, its footnote and the overlay's
// lines in text and HTML, a Curated column in the workbook's models sheet.
func TestReportMarksCurated(t *testing.T) {
	dir := fixtureOverlay(t)
	b, err := os.ReadFile(filepath.Join(dir, "correct-gpt-x-compute.toml"))
	if err != nil || !strings.Contains(string(b), `upstream = '1.07e+24'`) {
		t.Fatalf("the correction does not record the upstream value: %s (%v)", b, err)
	}
	base := []string{"report", "--source", "../testdata/census_fixture.csv", "--date", "2025-03-01", "--overlay", dir}
	exit, out, errOut := run(t, nil, append(base, "--format", "json")...)
	if exit != 0 {
		t.Fatalf("exit %d: %s", exit, errOut)
	}
	var res census.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	// By hand (testdata/README.md): 2024's top compute was Gemini Z 5e25,
	// Multi Lab 3e24, GPT-X 1.07e24, Qwen Q; now Local Model 4e24 comes
	// second and GPT-X has 2e24. The census gains one model, in KR.
	var got []string
	for _, m := range res.TopComputeLatest {
		s := m.Model
		if m.Curated != nil {
			s += "†" + m.Curated.Entries[0].ID
		}
		got = append(got, s)
	}
	if want := "Gemini Z Local Model†add-local-model Multi Lab GPT-X†correct-gpt-x-compute Qwen Q"; strings.Join(got, " ") != want {
		t.Errorf("top compute %q, want %q", strings.Join(got, " "), want)
	}
	if res.Total != 8 || res.Overlay == nil || res.Overlay.Applied[census.EntryAdd] != 1 || res.Overlay.Applied[census.EntryCorrect] != 1 || len(res.Overlay.Hash) != 64 {
		t.Errorf("total %d, overlay %+v", res.Total, res.Overlay)
	}

	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		exit, out, _ = run(t, nil, append(base, "--lang", string(l))...)
		for _, want := range []string{"GPT-X" + census.CuratedMark, publish.CuratedFootnote(l), "https://example.org/local"} {
			if exit != 0 || !strings.Contains(out, want) {
				t.Errorf("%s text lacks %q:\n%s", l, want, out)
			}
		}
		htmlPath := filepath.Join(t.TempDir(), "r.html")
		if exit, _, errOut := run(t, nil, append(base, "--lang", string(l), "--format", "html", "-o", htmlPath)...); exit != 0 {
			t.Fatalf("html: %s", errOut)
		}
		page, _ := os.ReadFile(htmlPath)
		doc := html.UnescapeString(string(page))
		method := doc[strings.Index(doc, `<section id="method">`):]
		method = method[:strings.Index(method, "</section>")]
		for _, want := range []string{"correct-gpt-x-compute", "https://example.org/gpt-x", "add-local-model"} {
			if !strings.Contains(method, want) {
				t.Errorf("%s HTML method section lacks %q", l, want)
			}
		}
		if !strings.Contains(doc, "GPT-X"+census.CuratedMark) || !strings.Contains(doc, publish.CuratedFootnote(l)) {
			t.Errorf("%s HTML lacks the mark or its footnote", l)
		}
	}

	xl := filepath.Join(t.TempDir(), "r.xlsx")
	if exit, _, errOut := run(t, nil, append(base, "--format", "xlsx", "-o", xl)...); exit != 0 {
		t.Fatalf("xlsx: %s", errOut)
	}
	f, err := excelize.OpenFile(xl)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("models")
	if err != nil {
		t.Fatal(err)
	}
	col := len(rows[0]) - 1
	if rows[0][col] != "Curated" {
		t.Fatalf("models sheet headers end in %q", rows[0][col])
	}
	marks := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) > col {
			marks[r[0]] = r[col]
		}
	}
	if !strings.HasPrefix(marks["GPT-X"], "correct-gpt-x-compute (correct: compute → 2e24): https://example.org/gpt-x") || !strings.HasPrefix(marks["Local Model"], "add-local-model") || marks["Qwen Q"] != "" {
		t.Errorf("models sheet marks %v", marks)
	}

	// --overlay none: the upstream census.
	exit, out, _ = run(t, nil, "report", "--source", "../testdata/census_fixture.csv", "--date", "2025-03-01", "--overlay", "none", "--format", "json")
	if exit != 0 || strings.Contains(out, `"overlay"`) || strings.Contains(out, "Local Model") {
		t.Errorf("--overlay none still applies it (exit %d)", exit)
	}
}

// The default overlay is $XDG_DATA_HOME/modelcensus/overlay when it exists.
func TestDefaultOverlay(t *testing.T) {
	data := t.TempDir()
	dir := filepath.Join(data, "modelcensus", "overlay")
	env := map[string]string{"XDG_DATA_HOME": data}
	exit, out, _ := run(t, env, "report", "--source", "../testdata/census_fixture.csv", "--format", "json")
	if exit != 0 || strings.Contains(out, `"overlay"`) {
		t.Fatalf("an overlay is applied before the folder exists (exit %d)", exit)
	}
	if exit, _, errOut := run(t, env, "curate", "add", "--name", "Local Model", "--date", "2024-07-01", "--country", "Korea (Republic of)",
		"--source-url", "https://example.org/local", "--author", "t", "--reason", "r"); exit != 0 {
		t.Fatalf("curate add: %s", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "add-local-model.toml")); err != nil {
		t.Fatal(err)
	}
	exit, out, _ = run(t, env, "report", "--source", "../testdata/census_fixture.csv", "--format", "json")
	if exit != 0 || !strings.Contains(out, `"overlay"`) || !strings.Contains(out, dir) {
		t.Errorf("the default overlay is not applied (exit %d)", exit)
	}
	if exit, out, _ := run(t, env, "curate", "retire", "add-local-model"); exit != 0 || !strings.Contains(out, "retired") {
		t.Errorf("retire: exit %d: %s", exit, out)
	}
}

// Bad entries: each one message naming file and line, exit 8 from check,
// and the good entries still apply in a report.
func TestCurateBadEntries(t *testing.T) {
	dir := fixtureOverlay(t)
	bad := "id = \"broken\"\nkind = \"exclude\"\nmodel = \"Qwen Q\"\nreason = \"r\"\nauthor = \"a\"\ncreated = \"2026-13-01\"\n"
	if err := os.WriteFile(filepath.Join(dir, "broken.toml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	exit, out, errOut := run(t, nil, "curate", "check", "--source", "../testdata/census_fixture.csv", "--overlay", dir)
	if exit != ExitOverlay {
		t.Errorf("check with a bad entry: exit %d, want %d", exit, ExitOverlay)
	}
	for _, want := range []string{"broken.toml:6: created:", "broken.toml: sources:"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "correct-gpt-x-compute") || !strings.Contains(out, "add-local-model") {
		t.Errorf("the good entries are not checked:\n%s", out)
	}
	exit, out, errOut = run(t, nil, "report", "--source", "../testdata/census_fixture.csv", "--overlay", dir, "--format", "json")
	if exit != 0 || !strings.Contains(out, "Local Model") || !strings.Contains(errOut, "broken.toml") {
		t.Errorf("report with a bad entry: exit %d; good entries applied %v; stderr %q", exit, strings.Contains(out, "Local Model"), errOut)
	}
}

// One model, one entry of each kind: an add of a model the overlay already
// adds (under its name or an alias), a second exclusion of a model, a
// second correction of the same field are refused (exit 8) and the first
// entry stays; an entry made from flags names the flag that is wrong.
func TestCurateRefusesDuplicates(t *testing.T) {
	dir := t.TempDir()
	common := []string{"--overlay", dir, "--author", "t", "--reason", "r", "--source-url", "https://example.org"}
	ok := func(args ...string) {
		t.Helper()
		if code, _, errOut := run(t, nil, append(args, common...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	refused := func(want string, args ...string) {
		t.Helper()
		code, _, errOut := run(t, nil, append(args, common...)...)
		if code != ExitOverlay || !strings.Contains(errOut, want) {
			t.Errorf("%v: exit %d, %q; want exit %d naming %q", args, code, errOut, ExitOverlay, want)
		}
	}
	ok("curate", "add", "--name", "Kanana", "--alias", "Kanana Flag 32.5B", "--date", "2025-02-27")
	refused("add-kanana", "curate", "add", "--name", "Kanana Flag 32.5B", "--date", "2025-02-27")
	refused("add-kanana", "curate", "add", "--name", "KANANA", "--date", "2025-02-27", "--id", "other")
	ok("curate", "exclude", "--model", "Qwen Q", "--source", "../testdata/census_fixture.csv")
	refused("exclude-qwen-q", "curate", "exclude", "--model", "Qwen Q", "--source", "../testdata/census_fixture.csv", "--id", "again")
	ok("curate", "correct", "--model", "GPT-X", "--field", "compute", "--value", "2e24", "--source", "../testdata/census_fixture.csv")
	ok("curate", "correct", "--model", "GPT-X", "--field", "date", "--value", "2024-05-02", "--source", "../testdata/census_fixture.csv")
	refused("correct-gpt-x-compute", "curate", "correct", "--model", "GPT-X", "--field", "compute", "--value", "3e24", "--source", "../testdata/census_fixture.csv", "--id", "again")
	code, _, errOut := run(t, nil, "curate", "add", "--name", "Nosource", "--date", "2025-02-27", "--overlay", dir, "--author", "t", "--reason", "r")
	if code != ExitUsage || !strings.Contains(errOut, "--source-url") || strings.Contains(errOut, ".toml") {
		t.Errorf("an add without --source-url: exit %d, %q", code, errOut)
	}
	code, _, errOut = run(t, nil, append([]string{"curate", "correct", "--model", "Qwen Q", "--field", "date", "--value", "2025-02-31", "--source", "../testdata/census_fixture.csv"}, common...)...)
	if code != ExitUsage || !strings.Contains(errOut, "--value") {
		t.Errorf("a bad date value: exit %d, %q", code, errOut)
	}
	code, out, errOut := run(t, nil, "curate", "check", "--source", "../testdata/census_fixture.csv", "--overlay", dir, "--format", "json")
	if code != 0 || strings.Count(out, `"status": "applied"`) != 4 {
		t.Errorf("check: exit %d\n%s%s", code, out, errOut)
	}
}

// An add with no --source is written, and says that it was not checked
// upstream; with --source it says nothing of the kind.
func TestCurateAddUncheckedSaysSo(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		dir := t.TempDir()
		code, _, errOut := run(t, nil, "curate", "add", "--name", "Local Model", "--date", "2024-07-01", "--overlay", dir,
			"--author", "tester", "--reason", "a test", "--source-url", "https://example.org/local", "--lang", lang)
		want := map[string]string{"en": "was not checked against Epoch's data", "ko": "Epoch 데이터와 대조하지 않았습니다"}[lang]
		if code != 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, `"Local Model"`) {
			t.Errorf("%s: exit %d, stderr %q; want the entry written and %q", lang, code, errOut, want)
		}
	}
	dir := t.TempDir()
	code, _, errOut := run(t, nil, "curate", "add", "--name", "Local Model", "--date", "2024-07-01", "--overlay", dir,
		"--author", "tester", "--reason", "a test", "--source-url", "https://example.org/local", "--source", "../testdata/census_fixture.csv")
	if code != 0 || strings.Contains(errOut, "not checked") {
		t.Errorf("with --source: exit %d, stderr %q", code, errOut)
	}
}
