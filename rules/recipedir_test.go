package rules

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestRecipeDir(t *testing.T) {
	if got := RecipeDir(filepath.Join("data", "modelcensus", "overlay")); got != filepath.Join("data", "modelcensus", "recipes") {
		t.Errorf("RecipeDir: %q", got)
	}
	if got := RecipeDir(""); got != "" {
		t.Errorf("RecipeDir of none: %q", got)
	}
}

// A user's recipe that cannot be read is not offered; the bundled ones
// are.
func TestUsableRecipes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("this is = = not toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := UsableRecipes(dir)
	if !slices.Equal(got, BundledRecipes()) || len(got) == 0 {
		t.Errorf("usable %v, want the bundled %v", got, BundledRecipes())
	}
}
