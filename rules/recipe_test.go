package rules

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/modelcensus/modelcensus/census"
)

func TestBundledRecipes(t *testing.T) {
	want := []string{"census", "epoch-large-scale", "spri-2024", "spri-2025"}
	got := BundledRecipes()
	if len(got) != len(want) {
		t.Fatalf("bundled %v, want %v", got, want)
	}
	for i, n := range want {
		if got[i] != n {
			t.Fatalf("bundled %v, want %v", got, want)
		}
		r, err := LoadRecipe(n, "")
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		for j := range r.Figures {
			if _, err := r.Spec(j, censusSpec()); err != nil {
				t.Errorf("%s figure %s: %v", n, r.Figures[j].ID, err)
			}
		}
	}
	if r, _ := LoadRecipe("spri-2024", ""); len(r.Figures) != 7 || r.Rules.Multinational != "group" || r.Rules.From != 2020 {
		t.Errorf("spri-2024: %+v", r)
	}
}

// A recipe with a typo gets one error naming the file, the line and the
// key.
func TestRecipeErrors(t *testing.T) {
	head := "title = { en = \"T\", ko = \"제목\" }\n\n[[figure]]\nid = \"a\"\ntitle = { en = \"A\", ko = \"가\" }\n"
	for _, c := range []struct {
		body string
		line int
		key  string
	}{
		{head + "mesure = \"models\"\n", 6, "figure.mesure"},
		{head + "by = [\"contry\"]\n", 6, "figure[1].by"},
		{head + "measure = \"modles\"\n", 6, "figure[1].measure"},
		{head + "by = [\"year\"]\nfilters = [\"compute>>1\"]\n", 7, "figure[1].filters"},
		{head + "multinational = \"hq\"\n", 6, "figure[1].multinational"},
		{head + "chart = \"pie\"\n", 6, "figure[1].chart"},
		{head + "\n[settings]\nfrom = 2025\nto = 2020\n", 8, "settings.from"},
		{head + "by = [\"year\"\n", 6, ""},
		{head + "census = true\n", 4, "figure[1].id"},
		{head + "\n[[figure]]\nid = \"notes\"\ncensus = true\ntitle = { en = \"N\", ko = \"참고\" }\n", 9, "figure[2].census"},
		{"thresholds = \"yes\"\n" + head, 1, "thresholds"},
	} {
		_, err := ParseRecipe([]byte(c.body), "my.toml", "my")
		var re *RecipeError
		if !errors.As(err, &re) || re.File != "my.toml" || re.Line != c.line || (c.key != "" && re.Key != c.key) {
			t.Errorf("%q: %v (line %d key %q), want line %d key %q", c.body, err, lineOf(re), keyOf(re), c.line, c.key)
		}
	}
}

// The census recipe is the census's own figures, in report order, and
// asks for no Thresholds section: the default report stays as it was.
func TestCensusRecipe(t *testing.T) {
	r, err := LoadRecipe(DefaultRecipe, "")
	if err != nil {
		t.Fatal(err)
	}
	figs, ok := r.CensusFigures()
	all := census.Figures()
	if !ok || len(figs) != len(all) || r.Thresholds || r.Trend {
		t.Fatalf("census recipe: %d census figures (ok %v), want %d; thresholds %v trend %v", len(figs), ok, len(all), r.Thresholds, r.Trend)
	}
	for i := range all {
		if figs[i].ID != all[i].ID {
			t.Errorf("figure %d: %s, want %s", i, figs[i].ID, all[i].ID)
		}
	}
	if r, _ := ParseRecipe([]byte("thresholds = true\ntrend = true\ntitle = { en = \"T\", ko = \"제목\" }\n[[figure]]\nid = \"a\"\ntitle = { en = \"A\", ko = \"가\" }\n"), "t.toml", "t"); r == nil || !r.Thresholds || !r.Trend {
		t.Errorf("thresholds and trend keys not read: %+v", r)
	}
	if r, _ := LoadRecipe("spri-2024", ""); r.Thresholds || r.Trend {
		t.Error("spri-2024 asks for thresholds")
	}
}

func lineOf(e *RecipeError) int {
	if e == nil {
		return 0
	}
	return e.Line
}

func keyOf(e *RecipeError) string {
	if e == nil {
		return ""
	}
	return e.Key
}

// A user's recipe in the folder is found by name and listed; a bad one is
// listed with its error.
func TestUserRecipes(t *testing.T) {
	dir := t.TempDir()
	ok := "title = { en = \"Mine\", ko = \"내 것\" }\n[[figure]]\nid = \"x\"\ntitle = { en = \"X\", ko = \"엑스\" }\nby = [\"region\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(ok), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.toml"), []byte("title = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadRecipe("mine", dir)
	if err != nil || r.Title.EN != "Mine" || r.Figures[0].By[0] != "region" {
		t.Fatalf("mine: %v %+v", err, r)
	}
	list := ListRecipes(dir)
	if len(list) != 6 || list[4].Name != "bad" || list[4].Err == nil || list[5].Name != "mine" || list[5].Err != nil {
		t.Errorf("list: %+v", list)
	}
	if _, err := LoadRecipe("nonesuch", dir); err == nil {
		t.Error("nonesuch: no error")
	}
}

func censusSpec() census.TableSpec { return census.TableSpec{} }
