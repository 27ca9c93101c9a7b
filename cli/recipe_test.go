package cli

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/internal/shared"
)

type recipeDoc struct {
	Recipe  string `json:"recipe"`
	Figures []struct {
		ID    string `json:"id"`
		Table struct {
			By      []string         `json:"by"`
			Measure string           `json:"measure"`
			Rows    []map[string]any `json:"rows"`
		} `json:"table"`
	} `json:"figures"`
}

// figure returns a figure's rows as key → value.
func (d recipeDoc) figure(id string) map[string]float64 {
	out := map[string]float64{}
	for _, f := range d.Figures {
		if f.ID != id {
			continue
		}
		for _, r := range f.Table.Rows {
			var keys []string
			for _, b := range f.Table.By {
				keys = append(keys, fmt.Sprint(r[b]))
			}
			v, _ := r[f.Table.Measure].(float64)
			out[strings.Join(keys, "|")] = v
		}
	}
	return out
}

// report --recipe spri-2024 prints A1–A9 as SPRI printed them (A7 as the
// file gives it; see docs/figures.md).
func TestRecipeSPRI2024(t *testing.T) {
	src := filepath.Join(shared.Snapshots(t), spri2024)
	code, out, errOut := run(t, nil, "report", "--recipe", "spri-2024", "--source", src, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d recipeDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		fig  string
		want map[string]float64
	}{
		{"A1", map[string]float64{"": 144}},
		{"A2", map[string]float64{"2020": 3, "2021": 9, "2022": 28, "2023": 104}},
		{"A3-A5", map[string]float64{"US": 64, "CN": 42, "KR": 11, "FR": 6, "GB": 5}},
		{"A6", map[string]float64{"US": 41, "CN": 37, "KR": 8}},
		{"A7", map[string]float64{"Language": 126, "Vision": 15, "Image generation": 12, "Video": 6}},
		{"A8", map[string]float64{"": 16}},
		{"A9", map[string]float64{"sole": 130, "joint": 14}},
	} {
		got := d.figure(c.fig)
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%s %s: %v, want %v", c.fig, k, got[k], v)
			}
		}
	}
	// Korean text reads the same figures.
	code, out, _ = run(t, nil, "report", "--recipe", "spri-2024", "--source", src, "--lang", "ko")
	if code != ExitOK || !strings.Contains(out, "국가별 모델 수(2020–2023년)") || !strings.Contains(out, "미국") {
		t.Errorf("Korean: exit %d\n%s", code, out)
	}
}

// The census recipe is the report: report --recipe census writes what
// report writes; and its figures, stated for the figure engine (without
// census = true), count what report counts.
func TestRecipeCensusIsTheReport(t *testing.T) {
	_, out, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "json")
	for _, f := range []string{"json", "text", "csv", "markdown"} {
		_, a, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", f)
		_, b, _ := run(t, nil, "report", "--recipe", "census", "--source", fixture, "--date", "2025-03-01", "--format", f)
		if a != b || a == "" {
			t.Errorf("%s: report --recipe census differs from report", f)
		}
	}
	data, err := os.ReadFile("../rules/recipes/census.toml")
	if err != nil {
		t.Fatal(err)
	}
	// The engine's recipe: no census key, and the two lists (no by) left out.
	engine, _, _ := strings.Cut(strings.ReplaceAll(string(data), "census = true\n", ""), "[[figure]]\nid = \"top_compute_latest\"")
	recipeFile := filepath.Join(t.TempDir(), "engine.toml")
	if err := os.WriteFile(recipeFile, []byte(engine), 0o644); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		PerYear []struct {
			Year  int     `json:"year"`
			Count float64 `json:"count"`
		} `json:"per_year"`
		Countries []struct {
			Code  string  `json:"code"`
			Name  string  `json:"name"`
			Count float64 `json:"count"`
		} `json:"countries"`
		Domains []struct {
			Name  string
			Count float64
		} `json:"domains"`
		DomainsLatest []struct {
			Name  string
			Count float64
		} `json:"domains_latest"`
		OrganizationsLatest []struct {
			Name  string
			Count float64
		} `json:"organizations_latest"`
		Multimodal []struct {
			Year  int     `json:"year"`
			Count float64 `json:"count"`
		} `json:"multimodal_per_year"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, nil, "report", "--recipe", recipeFile, "--source", fixture, "--date", "2025-03-01", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d recipeDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	years, countries := map[string]float64{}, map[string]float64{}
	for _, y := range rep.PerYear {
		years[fmt.Sprint(y.Year)] = y.Count
	}
	for _, c := range rep.Countries {
		k := c.Code
		if k == "" {
			k = c.Name
		}
		countries[k] = c.Count
	}
	if got := d.figure("per_year"); !reflect.DeepEqual(got, years) {
		t.Errorf("per year: recipe %v, report %v", got, years)
	}
	got := d.figure("countries")
	delete(got, "unknown") // report leaves models without a country out of the list
	if !reflect.DeepEqual(got, countries) {
		t.Errorf("countries: recipe %v, report %v", got, countries)
	}
	names := func(list []struct {
		Name  string
		Count float64
	}) map[string]float64 {
		m := map[string]float64{}
		for _, x := range list {
			m[x.Name] = x.Count
		}
		return m
	}
	for fig, want := range map[string]map[string]float64{"domains": names(rep.Domains), "domains_latest": names(rep.DomainsLatest),
		"organizations_latest": names(rep.OrganizationsLatest)} {
		if got := d.figure(fig); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: recipe %v, report %v", fig, got, want)
		}
	}
	multi := map[string]float64{}
	for _, y := range rep.Multimodal {
		multi[fmt.Sprint(y.Year)] = y.Count
	}
	if got := d.figure("multimodal_per_year"); !reflect.DeepEqual(got, multi) {
		t.Errorf("multimodal: recipe %v, report %v", got, multi)
	}
}

// A recipe with a typo: one line naming the file, line and key, exit 2.
func TestRecipeErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "typo.toml")
	body := "title = { en = \"T\", ko = \"제목\" }\n\n[[figure]]\nid = \"a\"\ntitle = { en = \"A\", ko = \"가\" }\nby = [\"contry\"]\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ recipe, want string }{
		{p, p + ":6: figure[1].by: unknown dimension \"contry\""},
		{"spri-2042", "spri-2042: no such recipe"},
	} {
		code, out, errOut := run(t, nil, "report", "--recipe", c.recipe, "--source", fixture)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%s: exit %d, %q; want exit 2 and %q", c.recipe, code, errOut, c.want)
		}
	}
}

// recipes lists the bundled recipes and the user's own beside the
// overlay folder.
func TestRecipesCommand(t *testing.T) {
	data := t.TempDir()
	dir := filepath.Join(data, "modelcensus", "recipes")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mine := "title = { en = \"Mine\", ko = \"내 레시피\" }\n[[figure]]\nid = \"x\"\ntitle = { en = \"X\", ko = \"엑스\" }\nby = [\"region\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, map[string]string{"XDG_DATA_HOME": data}, "recipes", "--lang", "ko")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{"census", "spri-2024", "spri-2025", "epoch-large-scale", "내장", "mine", "내 레시피"} {
		if !strings.Contains(out, w) {
			t.Errorf("recipes: no %q in\n%s", w, out)
		}
	}
	code, out, _ = run(t, map[string]string{"XDG_DATA_HOME": data}, "report", "--recipe", "mine", "--source", fixture, "--format", "csv")
	if code != ExitOK || !strings.HasPrefix(strings.TrimPrefix(out, "\ufeff"), "figure,by,key,name,measure,value\nx,region,") {
		t.Errorf("mine: exit %d\n%s", code, out)
	}
}

// report --recipe --format xlsx: a sheet per figure, counts as numbers,
// native charts for the figures the recipe draws.
func TestRecipeWorkbook(t *testing.T) {
	src := filepath.Join(shared.Snapshots(t), spri2024)
	out := filepath.Join(t.TempDir(), "spri.xlsx")
	code, _, errOut := run(t, nil, "report", "--recipe", "spri-2024", "--source", src, "--format", "xlsx", "-o", out, "--lang", "ko")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"A1", "A2", "A3-A5", "A6", "A7", "A8", "A9"}) {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows("A3-A5")
	if len(rows) < 3 || rows[2][0] != "US" || rows[2][1] != "미국" || rows[2][2] != "64" {
		t.Errorf("A3-A5: %v", rows[:min(3, len(rows))])
	}
	if typ, _ := f.GetCellType("A3-A5", "C3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("A3-A5 C3 is text, want a number")
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	charts := 0
	for _, z := range zr.File {
		if strings.HasPrefix(z.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 4 { // A2, A3-A5, A6, A7 are drawn
		t.Errorf("%d charts, want 4", charts)
	}
}
