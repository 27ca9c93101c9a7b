package publish

import (
	"errors"
	"testing"

	"github.com/modelcensus/modelcensus/rules"
)

// TestRecipeList keeps each recipe's fields and says only a broken
// recipe's problem.
func TestRecipeList(t *testing.T) {
	infos := []rules.RecipeInfo{
		{Name: "census", Bundled: true, Figures: 12},
		{Name: "mine", File: "/home/x/mine.toml", Err: errors.New("line 3: bad key")},
	}
	list := RecipeList(infos, func(err error) string { return "problem: " + err.Error() })
	if len(list) != 2 || list[0].Name != "census" || !list[0].Bundled || list[0].Figures != 12 || list[0].Problem != "" {
		t.Errorf("first entry %+v", list)
	}
	if len(list) == 2 && (list[1].File != "/home/x/mine.toml" || list[1].Problem != "problem: line 3: bad key") {
		t.Errorf("second entry %+v", list[1])
	}
}
