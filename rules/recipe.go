package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/modelcensus/modelcensus/census"
)

// Recipes are TOML files: the bundled ones are embedded from recipes/; a
// user's own are read from a folder (see LoadRecipe). docs/figures.md
// gives the format.

//go:embed recipes/*.toml
var embeddedRecipes embed.FS

// DefaultRecipe is the bundled recipe of today's census.
const DefaultRecipe = "census"

// RecipeError is a recipe that cannot be used: File and Line say where,
// Key names the key (figure[2].by), Msg what is wrong.
type RecipeError struct {
	File string
	Line int
	Key  string
	Msg  string
	// NotFound marks a recipe name that is neither bundled nor a file.
	NotFound bool
}

// Error is "FILE[:LINE]: [KEY: ]MESSAGE".
func (e *RecipeError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
	}
	if e.Key != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Key, e.Msg)
	}
	return loc + ": " + e.Msg
}

// text is a label in both languages.
type text struct {
	EN string `toml:"en"`
	KO string `toml:"ko"`
}

func (t text) census() census.Text { return census.Text{EN: t.EN, KO: t.KO} }

// rulesFile are the keys of [settings] and of a figure that set rules.
type rulesFile struct {
	Subset        string            `toml:"subset"`
	From          int               `toml:"from"`
	To            int               `toml:"to"`
	AllYears      bool              `toml:"all_years"`
	Attribution   string            `toml:"attribution"`
	CountryBy     string            `toml:"country_by"`
	OrgLevel      string            `toml:"org_level"`
	MinCompute    float64           `toml:"min_compute"`
	Multinational string            `toml:"multinational"`
	BlankCountry  string            `toml:"blank_country"`
	Duplicates    string            `toml:"duplicates"`
	Merge         map[string]string `toml:"merge"`
}

func (r rulesFile) census() census.RecipeRules {
	return census.RecipeRules{Subset: r.Subset, From: r.From, To: r.To, AllYears: r.AllYears, Attribution: r.Attribution,
		CountryBy: r.CountryBy, OrgLevel: r.OrgLevel, MinCompute: r.MinCompute, Multinational: r.Multinational,
		BlankCountry: r.BlankCountry, Duplicates: r.Duplicates, Merge: r.Merge}
}

type figureFile struct {
	ID        string   `toml:"id"`
	Title     text     `toml:"title"`
	By        []string `toml:"by"`
	Measure   string   `toml:"measure"`
	Filters   []string `toml:"filters"`
	MinModels int      `toml:"min_models"`
	Latest    bool     `toml:"latest"`
	Chart     string   `toml:"chart"`
	Note      text     `toml:"note"`
	Census    bool     `toml:"census"`
	rulesFile
}

type recipeFile struct {
	Title       text         `toml:"title"`
	Description text         `toml:"description"`
	Settings    rulesFile    `toml:"settings"`
	Figures     []figureFile `toml:"figure"`
	Thresholds  bool         `toml:"thresholds"`
	Trend       bool         `toml:"trend"`
}

// ParseRecipe reads a recipe from data; file names it in errors. Every
// error is a *RecipeError naming the file, line and key: an unknown key,
// a dimension, measure, filter or rule that does not exist.
func ParseRecipe(data []byte, file, id string) (*census.Recipe, error) {
	var rf recipeFile
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rf); err != nil {
		var sm *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &sm) && len(sm.Errors) > 0:
			e := sm.Errors[0]
			line, _ := e.Position()
			return nil, &RecipeError{File: file, Line: line, Key: strings.Join(e.Key(), "."), Msg: "unknown key"}
		case errors.As(err, &de):
			line, _ := de.Position()
			return nil, &RecipeError{File: file, Line: line, Key: strings.Join(de.Key(), "."), Msg: strings.TrimPrefix(de.Error(), "toml: ")}
		}
		return nil, &RecipeError{File: file, Msg: err.Error()}
	}
	r := &census.Recipe{ID: id, File: file, Title: rf.Title.census(), Description: rf.Description.census(), Rules: rf.Settings.census(),
		Thresholds: rf.Thresholds, Trend: rf.Trend}
	if rf.Title.EN == "" || rf.Title.KO == "" {
		return nil, &RecipeError{File: file, Line: keyLine(data, -1, "title"), Key: "title", Msg: "needs en and ko"}
	}
	if len(rf.Figures) == 0 {
		return nil, &RecipeError{File: file, Msg: "has no [[figure]]"}
	}
	if err := checkRules(rf.Settings, census.TableSpec{}); err != nil {
		return nil, &RecipeError{File: file, Line: settingsLine(data, err.key), Key: "settings." + err.key, Msg: err.msg}
	}
	seen := map[string]bool{}
	for i, f := range rf.Figures {
		key := func(k string) string { return fmt.Sprintf("figure[%d].%s", i+1, k) }
		fail := func(k, msg string) error {
			return &RecipeError{File: file, Line: keyLine(data, i, k), Key: key(k), Msg: msg}
		}
		if f.ID == "" {
			return nil, fail("id", "is missing")
		}
		if seen[f.ID] {
			return nil, fail("id", fmt.Sprintf("%q is used twice", f.ID))
		}
		seen[f.ID] = true
		if f.Title.EN == "" || f.Title.KO == "" {
			return nil, fail("title", "needs en and ko")
		}
		if f.Census != rf.Figures[0].Census {
			// The census's figures make the census document; the engine's
			// make a recipe's tables: one recipe is one or the other.
			return nil, fail("census", "census figures and figures of the engine do not mix in one recipe")
		}
		if fig, ok := census.FigureByName(f.ID); f.Census && (!ok || fig.ID != f.ID) {
			return nil, fail("id", fmt.Sprintf("%q is not a figure of the census; census figures: %s", f.ID, strings.Join(censusFigureIDs(), ", ")))
		}
		switch f.Chart {
		case census.ChartNone, census.ChartBar, census.ChartHBar, "none":
		default:
			return nil, fail("chart", fmt.Sprintf("%q: want bar, hbar or none", f.Chart))
		}
		for _, d := range f.By {
			if _, ok := census.LookupDimension(d); !ok {
				return nil, fail("by", fmt.Sprintf("unknown dimension %q; dimensions: %s", d, strings.Join(census.DimensionIDs(), ", ")))
			}
		}
		if f.Measure != "" {
			if _, ok := census.LookupMeasure(f.Measure); !ok {
				return nil, fail("measure", fmt.Sprintf("unknown measure %q; measures: %s", f.Measure, strings.Join(census.MeasureIDs(), ", ")))
			}
		}
		if _, err := census.ParseFilters(f.Filters); err != nil {
			return nil, fail("filters", err.Error())
		}
		spec := census.TableSpec{By: f.By, Measure: f.Measure, MinModels: f.MinModels}
		if err := checkRules(f.rulesFile, spec); err != nil {
			return nil, fail(err.key, err.msg)
		}
		r.Figures = append(r.Figures, census.RecipeFigure{ID: f.ID, Title: f.Title.census(), By: f.By, Measure: f.Measure,
			Filters: f.Filters, MinModels: f.MinModels, Latest: f.Latest, Chart: strings.TrimSuffix(f.Chart, "none"),
			Note: f.Note.census(), Rules: f.rulesFile.census(), Census: f.Census})
	}
	return r, nil
}

// censusFigureIDs lists the ids of the census's own figures.
func censusFigureIDs() []string {
	var out []string
	for _, f := range census.Figures() {
		out = append(out, f.ID)
	}
	return out
}

type ruleErr struct{ key, msg string }

// checkRules checks the rules a recipe or figure sets, naming the key of
// the first that is wrong.
func checkRules(r rulesFile, spec census.TableSpec) *ruleErr {
	switch r.Subset {
	case "", "all", "notable", "large-scale", "frontier":
	default:
		return &ruleErr{"subset", fmt.Sprintf("%q: want all, notable, large-scale or frontier", r.Subset)}
	}
	for _, c := range []struct{ key, v, choices string }{
		{"attribution", r.Attribution, "full, fractional, first"},
		{"country_by", r.CountryBy, "organization, group"},
		{"org_level", r.OrgLevel, "group, organization"},
		{"multinational", r.Multinational, "keep, head-office, group"},
		{"blank_country", r.BlankCountry, "fill, leave"},
		{"duplicates", r.Duplicates, "merge, rows"},
	} {
		if c.v != "" && !slices.Contains(strings.Split(c.choices, ", "), c.v) {
			return &ruleErr{c.key, fmt.Sprintf("%q: want %s", c.v, c.choices)}
		}
	}
	for _, y := range []struct {
		key string
		v   int
	}{{"from", r.From}, {"to", r.To}} {
		if y.v != 0 && (y.v < census.YearMin || y.v > census.YearMax) {
			return &ruleErr{y.key, fmt.Sprintf("%d is out of range (%d-%d)", y.v, census.YearMin, census.YearMax)}
		}
	}
	if r.From != 0 && r.To != 0 && r.From > r.To {
		return &ruleErr{"from", fmt.Sprintf("%d is after to, %d", r.From, r.To)}
	}
	if r.MinCompute < 0 {
		return &ruleErr{"min_compute", "want a number of FLOP >= 0"}
	}
	if spec.MinModels < 0 {
		return &ruleErr{"min_models", "want a count of 1 or more"}
	}
	return nil
}

// keyLine finds the line of key in figure fig's table (fig < 0: before
// the first [[figure]]), or the table's header line, or 0.
func keyLine(data []byte, fig int, key string) int {
	header := regexp.MustCompile(`^\s*\[\[\s*figure\s*\]\]`)
	keyRe := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=`)
	n, start := -1, 0
	for i, line := range strings.Split(string(data), "\n") {
		if header.MatchString(line) {
			n++
			if n == fig {
				start = i + 1
			}
			continue
		}
		if n == fig && keyRe.MatchString(line) {
			return i + 1
		}
	}
	return start
}

// settingsLine finds the line of key in the [settings] table, or 0.
func settingsLine(data []byte, key string) int {
	header := regexp.MustCompile(`^\s*\[`)
	keyRe := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=`)
	in := false
	for i, line := range strings.Split(string(data), "\n") {
		if header.MatchString(line) {
			in = strings.TrimSpace(line) == "[settings]"
			continue
		}
		if in && keyRe.MatchString(line) {
			return i + 1
		}
	}
	return 0
}

// RecipeInfo is one recipe as `modelcensus recipes` lists it.
type RecipeInfo struct {
	Name    string
	Title   census.Text
	File    string
	Bundled bool
	Figures int
	// Err is set for a user's recipe that cannot be read.
	Err error
}

// BundledRecipes lists the names of the bundled recipes, sorted.
func BundledRecipes() []string {
	entries, _ := fs.ReadDir(embeddedRecipes, "recipes")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".toml"))
	}
	sort.Strings(out)
	return out
}

// LoadRecipe reads a recipe: a path to a TOML file, a name of a recipe in
// userDir (NAME.toml), or the name of a bundled one, in that order.
func LoadRecipe(nameOrFile, userDir string) (*census.Recipe, error) {
	if strings.HasSuffix(nameOrFile, ".toml") || strings.ContainsAny(nameOrFile, `/\`) {
		data, err := os.ReadFile(nameOrFile)
		if err != nil {
			return nil, &RecipeError{File: nameOrFile, Msg: err.Error(), NotFound: errors.Is(err, fs.ErrNotExist)}
		}
		return ParseRecipe(data, nameOrFile, nameOrFile)
	}
	if userDir != "" {
		p := filepath.Join(userDir, nameOrFile+".toml")
		if data, err := os.ReadFile(p); err == nil {
			return ParseRecipe(data, p, nameOrFile)
		}
	}
	data, err := embeddedRecipes.ReadFile("recipes/" + nameOrFile + ".toml")
	if err != nil {
		return nil, &RecipeError{File: nameOrFile, NotFound: true,
			Msg: "no such recipe; bundled: " + strings.Join(BundledRecipes(), ", ")}
	}
	return ParseRecipe(data, "rules/recipes/"+nameOrFile+".toml", nameOrFile)
}

// ListRecipes lists the bundled recipes, then the user's own in userDir
// (those that cannot be read with their error).
func ListRecipes(userDir string) []RecipeInfo {
	var out []RecipeInfo
	for _, n := range BundledRecipes() {
		r, err := LoadRecipe(n, "")
		info := RecipeInfo{Name: n, File: "rules/recipes/" + n + ".toml", Bundled: true, Err: err}
		if err == nil {
			info.Title, info.Figures = r.Title, len(r.Figures)
		}
		out = append(out, info)
	}
	if userDir == "" {
		return out
	}
	files, _ := filepath.Glob(filepath.Join(userDir, "*.toml"))
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		name := strings.TrimSuffix(filepath.Base(f), ".toml")
		info := RecipeInfo{Name: name, File: f}
		if err == nil {
			var r *census.Recipe
			if r, err = ParseRecipe(data, f, name); err == nil {
				info.Title, info.Figures = r.Title, len(r.Figures)
			}
		}
		info.Err = err
		out = append(out, info)
	}
	return out
}

// CheckFigures states every figure of recipe over base
// (census.Recipe.Spec), so that a figure that cannot be made is said
// before any source is read: a *RecipeError naming the figure.
func CheckFigures(recipe *census.Recipe, base census.TableSpec) error {
	for i := range recipe.Figures {
		if _, err := recipe.Spec(i, base); err != nil {
			return &RecipeError{File: recipe.File, Key: fmt.Sprintf("figure %s", recipe.Figures[i].ID), Msg: err.Error()}
		}
	}
	return nil
}

// RecipeDir is the folder of a user's own recipes: beside the overlay
// folder overlayDir ($XDG_DATA_HOME/modelcensus/recipes beside
// …/modelcensus/overlay); "" when overlayDir is "".
func RecipeDir(overlayDir string) string {
	if overlayDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(overlayDir), "recipes")
}

// UsableRecipes lists the names of the recipes that can be read, the
// bundled ones and those in userDir (ListRecipes without the ones in
// error): what the dashboard's Tables page offers.
func UsableRecipes(userDir string) []string {
	var names []string
	for _, r := range ListRecipes(userDir) {
		if r.Err == nil {
			names = append(names, r.Name)
		}
	}
	return names
}
