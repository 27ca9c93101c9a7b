package census

import (
	"errors"
	"testing"
)

// ParseOptions: the values given, the defaults for those not, and one
// typed error naming the option for each bad value.
func TestParseOptions(t *testing.T) {
	o, err := ParseOptions(OptionValues{From: "2020", To: "2023", Attribution: "fractional", MinCompute: "1e24", Top: "5"})
	if err != nil {
		t.Fatal(err)
	}
	want := Options{From: 2020, To: 2023, Attribution: AttributionFractional, CountryBy: CountryByOrganization,
		OrgLevel: OrgLevelGroup, MinCompute: 1e24, Top: 5}
	if o != want {
		t.Errorf("got %+v, want %+v", o, want)
	}
	for _, c := range []struct {
		v            OptionValues
		option, code string
	}{
		{OptionValues{Attribution: "half"}, "attribution", OptionChoice},
		{OptionValues{CountryBy: "head"}, "country-by", OptionChoice},
		{OptionValues{OrgLevel: "lab"}, "org-level", OptionChoice},
		{OptionValues{MinCompute: "-1"}, "min-compute", OptionFLOP},
		{OptionValues{MinCompute: "lots"}, "min-compute", OptionFLOP},
		{OptionValues{Top: "0"}, "top", OptionCount},
		{OptionValues{Top: "101", MaxTop: 100}, "top", OptionCount},
		{OptionValues{From: "1800"}, "from", OptionYear},
		{OptionValues{To: "x"}, "to", OptionYear},
		{OptionValues{From: "2024", To: "2020"}, "from", OptionPeriod},
	} {
		_, err := ParseOptions(c.v)
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Option != c.option || oe.Code != c.code {
			t.Errorf("%+v: %v, want %s %s", c.v, err, c.option, c.code)
		}
	}
	if _, err := ParseOptions(OptionValues{Top: "100", MaxTop: 100}); err != nil {
		t.Errorf("top 100 of 100: %v", err)
	}
}

// ParseFigure: dimensions split and trimmed, merges read as FROM=TO,
// filters parsed; a merge without "=" is a SpecMerge error naming it.
func TestParseFigure(t *testing.T) {
	s, err := ParseFigure(FigureValues{By: "country, year", Filters: []string{"compute>=1e25"}, Merge: []string{"Google = Alphabet"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.By) != 2 || s.By[0] != "country" || s.By[1] != "year" || s.Counting.Merge["Google"] != "Alphabet" || len(s.Filters) != 1 {
		t.Errorf("spec %+v", s)
	}
	var se *SpecError
	if _, err := ParseFigure(FigureValues{Merge: []string{"Google"}}, Options{}); !errors.As(err, &se) || se.Code != SpecMerge || se.Args[0] != "Google" {
		t.Errorf("merge without =: %v", err)
	}
	var fe *FilterError
	if _, err := ParseFigure(FigureValues{Filters: []string{"colour=red"}}, Options{}); !errors.As(err, &fe) {
		t.Errorf("bad filter: %v", err)
	}
}

// ParseSpan and ParseThresholds: the values, and errors naming the option.
func TestParseSpanAndThresholds(t *testing.T) {
	since, until, err := ParseSpan("2010-01-01", "2024")
	if err != nil || since != (Date{2010, 1, 1}) || until != (Date{Year: 2024}) {
		t.Errorf("span %v %v %v", since, until, err)
	}
	var oe *OptionError
	if _, _, err := ParseSpan("2024-01-01", "2020-01-01"); !errors.As(err, &oe) || oe.Code != OptionSpan {
		t.Errorf("since after until: %v", err)
	}
	if _, _, err := ParseSpan("", "soon"); !errors.As(err, &oe) || oe.Code != OptionDate || oe.Option != "until" {
		t.Errorf("bad until: %v", err)
	}
	ths, err := ParseThresholds([]string{"1e25", " 3e23"}, "threshold=")
	if err != nil || len(ths) != 2 || ths[0].FLOP != 1e25 || ths[1].ID != "threshold=3e23" || ths[1].Law != "threshold=" {
		t.Errorf("thresholds %+v %v", ths, err)
	}
	for _, v := range []string{"ten", "0", "-1e25", "Inf"} {
		if _, err := ParseThresholds([]string{v}, "--threshold "); !errors.As(err, &oe) || oe.Value != v {
			t.Errorf("%q: %v", v, err)
		}
	}
}

// A recipe's settings fill what the command line did not give
// (Defaults); the command line replaces a recipe's settings (Override).
func TestRecipeRulesAndFlags(t *testing.T) {
	given := func(names ...string) func(string) bool {
		return func(n string) bool {
			for _, x := range names {
				if x == n {
					return true
				}
			}
			return false
		}
	}
	rr := RecipeRules{From: 2020, To: 2023, Attribution: "fractional", MinCompute: 1e23}
	v := rr.Defaults(OptionValues{From: "2018", Attribution: "full"}, given("from"))
	if v.From != "2018" || v.To != "2023" || v.Attribution != "fractional" || v.MinCompute != "1e+23" {
		t.Errorf("defaults %+v", v)
	}
	rr.AllYears = true
	rr.Override(OptionValues{To: "2025", CountryBy: "group", Attribution: "first"}, given("to", "country-by"))
	if rr.From != 2020 || rr.To != 2025 || rr.AllYears || rr.CountryBy != "group" || rr.Attribution != "fractional" {
		t.Errorf("override %+v", rr)
	}
	rr.Subset = "notable"
	if got := rr.SubsetOr("all", given()); got != "notable" {
		t.Errorf("subset without --subset: %q, want the recipe's", got)
	}
	if got := rr.SubsetOr("all", given("subset")); got != "all" {
		t.Errorf("subset with --subset: %q, want the command line's", got)
	}
	if got := (RecipeRules{}).SubsetOr("frontier", given()); got != "frontier" {
		t.Errorf("subset of a recipe without one: %q", got)
	}
}

func TestParseOrgLevel(t *testing.T) {
	for in, want := range map[string]OrgLevel{"group": OrgLevelGroup, "organization": OrgLevelOrganization} {
		if got, err := ParseOrgLevel(in); got != want || err != nil {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	var oe *OptionError
	if _, err := ParseOrgLevel("company"); !errors.As(err, &oe) || oe.Option != "org-level" || oe.Code != OptionChoice || oe.Value != "company" {
		t.Errorf("company: %v", err)
	}
}
