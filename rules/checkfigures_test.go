package rules

import (
	"errors"
	"testing"

	"github.com/modelcensus/modelcensus/census"
)

// CheckFigures passes the bundled recipes and names the figure that
// cannot be made in a recipe built by hand.
func TestCheckFigures(t *testing.T) {
	for _, name := range []string{"census", "spri-2025", "epoch-large-scale"} {
		rc, err := LoadRecipe(name, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckFigures(rc, census.TableSpec{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	rc := &census.Recipe{ID: "mine", File: "mine.toml", Figures: []census.RecipeFigure{
		{ID: "ok", By: []string{"year"}, Measure: census.MeasureModels},
		{ID: "bad", By: []string{"contry"}, Measure: census.MeasureModels},
	}}
	var re *RecipeError
	if err := CheckFigures(rc, census.TableSpec{}); !errors.As(err, &re) || re.File != "mine.toml" || re.Key != "figure bad" {
		t.Errorf("got %v; want a RecipeError of mine.toml naming figure bad", err)
	}
}
