package census

import (
	"fmt"
	"strconv"
)

// Recipe is a report as data: a title in both languages, default rules,
// and a list of figures. Package rules reads recipes from TOML files (the
// bundled ones and a user's own); docs/figures.md gives the format.
type Recipe struct {
	// ID is the recipe's name (census, spri-2024) or its file's path.
	ID          string
	Title       Text
	Description Text
	// Rules are the recipe's defaults: what a figure does not set itself.
	Rules RecipeRules
	// Figures are the figures, in report order.
	Figures []RecipeFigure
	// File is where the recipe was read from (rules/recipes/census.toml
	// for a bundled one).
	File string
	// Thresholds and Trend ask for a Thresholds section (every line of the
	// rules' threshold table) and the trend of training compute in the
	// brief and the workbook (recipe keys thresholds and trend).
	Thresholds, Trend bool
}

// CensusFigures returns the census's own figures that the recipe lists,
// in its order, and true when every figure of the recipe is one (keyed
// census = true): then the report is the census document (census.Compute
// and the report's formats), as `modelcensus report` prints it.
func (r *Recipe) CensusFigures() ([]Figure, bool) {
	out := make([]Figure, 0, len(r.Figures))
	for _, f := range r.Figures {
		if !f.Census {
			return nil, false
		}
		fig, ok := FigureByName(f.ID)
		if !ok || fig.ID != f.ID {
			return nil, false
		}
		out = append(out, fig)
	}
	return out, len(out) > 0
}

// RecipeRules are the rules a recipe or one of its figures sets; a zero
// field sets nothing.
type RecipeRules struct {
	Subset        string
	From, To      int
	AllYears      bool
	Attribution   string
	CountryBy     string
	OrgLevel      string
	MinCompute    float64
	Multinational string
	BlankCountry  string
	Duplicates    string
	Merge         map[string]string
}

// Apply lays the rules set in r over a figure's spec.
func (r RecipeRules) Apply(s *TableSpec) {
	o, c := &s.Options, &s.Counting
	if r.From != 0 {
		o.From = r.From
	}
	if r.To != 0 {
		o.To = r.To
	}
	if r.AllYears {
		s.AllYears = true
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	if r.Attribution != "" {
		o.Attribution = Attribution(r.Attribution)
	}
	if r.CountryBy != "" {
		o.CountryBy = CountryBy(r.CountryBy)
	}
	if r.OrgLevel != "" {
		o.OrgLevel = OrgLevel(r.OrgLevel)
	}
	if r.MinCompute > 0 {
		o.MinCompute = r.MinCompute
	}
	set(&c.Multinational, r.Multinational)
	set(&c.BlankCountry, r.BlankCountry)
	set(&c.Duplicates, r.Duplicates)
	if len(r.Merge) > 0 {
		c.Merge = r.Merge
	}
}

// RecipeFigure is one figure of a recipe.
type RecipeFigure struct {
	ID        string
	Title     Text
	By        []string
	Measure   string
	Filters   []string
	MinModels int
	// Latest counts the period's last year alone.
	Latest bool
	// Chart is how documents draw it: ChartBar, ChartHBar or ChartNone.
	Chart string
	// Note explains the figure in both languages (what a publisher
	// printed, and why a figure differs).
	Note Text
	// Rules are the figure's own rules, over the recipe's.
	Rules RecipeRules
	// Census marks the census's own figure of the same ID (Figures), laid
	// out as report lays it out; its By and Measure, when set, state the
	// same count for the figure engine (the dashboard's recipe view).
	Census bool
}

// HasTable reports whether the figure engine can make the figure: every
// figure but a census figure with neither By nor Measure (the ranking of
// the largest training runs, the notes).
func (f RecipeFigure) HasTable() bool {
	return !f.Census || len(f.By) > 0 || f.Measure != ""
}

// Spec states figure i of the recipe: base (the command line's options
// and rules), then the recipe's rules, then the figure's own. Filters
// are parsed here.
func (r *Recipe) Spec(i int, base TableSpec) (TableSpec, error) {
	f := r.Figures[i]
	s := base
	r.Rules.Apply(&s)
	f.Rules.Apply(&s)
	s.By, s.Measure, s.MinModels = f.By, f.Measure, f.MinModels
	fs, err := ParseFilters(f.Filters)
	if err != nil {
		return s, err
	}
	s.Filters = append(append(Filters(nil), base.Filters...), fs...)
	if f.Latest {
		s.LatestOnly = true
	}
	return s, s.Check()
}

// RecipeTable is one figure of a recipe evaluated.
type RecipeTable struct {
	Figure RecipeFigure
	Table  *Table
}

// MakeRecipe evaluates every figure of r over ds, with base as the
// command line's options and rules.
func MakeRecipe(ds *Dataset, r *Recipe, base TableSpec) ([]RecipeTable, error) {
	out := make([]RecipeTable, 0, len(r.Figures))
	cache := &evalCache{}
	for i, f := range r.Figures {
		if !f.HasTable() {
			continue
		}
		s, err := r.Spec(i, base)
		if err != nil {
			return nil, fmt.Errorf("figure %s: %w", f.ID, err)
		}
		t, err := makeTable(ds, s, cache)
		if err != nil {
			return nil, fmt.Errorf("figure %s: %w", f.ID, err)
		}
		out = append(out, RecipeTable{Figure: f, Table: t})
	}
	return out, nil
}

// Defaults fills the counting options of v that the command line did not
// give (given reports whether it gave one, by its flag's name: from,
// attribution, country-by…) from r: a recipe's settings under the
// command line, for a recipe of the census's own figures.
func (r RecipeRules) Defaults(v OptionValues, given func(option string) bool) OptionValues {
	set := func(option string, dst *string, val string) {
		if val != "" && !given(option) {
			*dst = val
		}
	}
	if r.From != 0 {
		set("from", &v.From, strconv.Itoa(r.From))
	}
	if r.To != 0 {
		set("to", &v.To, strconv.Itoa(r.To))
	}
	set("attribution", &v.Attribution, r.Attribution)
	set("country-by", &v.CountryBy, r.CountryBy)
	set("org-level", &v.OrgLevel, r.OrgLevel)
	if r.MinCompute > 0 {
		set("min-compute", &v.MinCompute, strconv.FormatFloat(r.MinCompute, 'g', -1, 64))
	}
	return v
}

// Override sets in r the counting options that the command line gave
// (given, as for Defaults): for a recipe of tables, the command line
// replaces the recipe's settings, and a figure's own keys stay.
func (r *RecipeRules) Override(v OptionValues, given func(option string) bool) {
	if given("from") {
		r.From, r.AllYears = atoi(v.From), false
	}
	if given("to") {
		r.To, r.AllYears = atoi(v.To), false
	}
	for _, s := range []struct {
		option string
		dst    *string
		val    string
	}{{"attribution", &r.Attribution, v.Attribution}, {"country-by", &r.CountryBy, v.CountryBy}, {"org-level", &r.OrgLevel, v.OrgLevel}} {
		if given(s.option) {
			*s.dst = s.val
		}
	}
}

// atoi is a checked year's number, 0 for "".
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// SubsetOr is the subset to read: r's when it names one and the command
// line gave none (given, as for Defaults), else subset, the command
// line's.
func (r RecipeRules) SubsetOr(subset string, given func(option string) bool) string {
	if r.Subset != "" && !given("subset") {
		return r.Subset
	}
	return subset
}
