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
