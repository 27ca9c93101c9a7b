package census

import (
	"reflect"
	"testing"
)

// Counted by hand from the fixture (testdata/README.md): eight models, in
// 2019, 2020, 2022, 2023 and four in 2024 (the 2021 GPT-X is a repeat).
func TestByYear(t *testing.T) {
	ds := fixture(t)
	by, err := ByYear(ds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	totals := map[int]int{}
	for y, f := range by {
		totals[y] = f.Total
	}
	if want := map[int]int{2019: 1, 2020: 1, 2022: 1, 2023: 1, 2024: 4}; !reflect.DeepEqual(totals, want) {
		t.Errorf("totals = %v, want %v", totals, want)
	}
	if got, want := by[2024].Countries, map[string]float64{"US": 3, "GB": 2, "CN": 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("2024 countries = %v, want %v", got, want)
	}
	if got, want := by[2023].Countries, map[string]float64{"KR": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("2023 countries = %v, want %v", got, want)
	}
	if got := by[2022]; !reflect.DeepEqual(got.Countries, map[string]float64{"US": 1}) || got.Top != nil {
		t.Errorf("2022 (Blank Country: filled from Meta AI's home, no compute) = %+v, want US 1 and no top", got)
	}
	if top := by[2024].Top; top == nil || top.Model != "Gemini Z" || top.FLOP != 5e25 {
		t.Errorf("2024 top = %+v, want Gemini Z at 5e25", top)
	}
	if top := by[2019].Top; top == nil || top.Model != "Old Model" || top.FLOP != 1e23 {
		t.Errorf("2019 top = %+v, want Old Model at 1e23", top)
	}

	// The series of any period is the years' totals: Compute's per-year.
	r := compute(t, ds, Options{From: 2018, To: 2024})
	for _, yc := range r.PerYear {
		if yc.Count != by[yc.Year].Total {
			t.Errorf("%d: per-year %d, by year %d", yc.Year, yc.Count, by[yc.Year].Total)
		}
	}

	// Each year's figures are Compute's for that year alone, whole.
	for y, f := range by {
		r := compute(t, ds, Options{From: y, To: y})
		if r.Total != f.Total || !reflect.DeepEqual(countries(r.CountriesLatest), f.Countries) && len(r.CountriesLatest)+len(f.Countries) > 0 {
			t.Errorf("%d: by year %+v, Compute total %d, countries %v", y, f, r.Total, countries(r.CountriesLatest))
		}
		if (f.Top == nil) != (len(r.TopComputeLatest) == 0) || f.Top != nil && !reflect.DeepEqual(*f.Top, r.TopComputeLatest[0]) {
			t.Errorf("%d: top %+v, Compute's %+v", y, f.Top, r.TopComputeLatest)
		}
	}

	// A minimum compute leaves 2024's three models of 1e24 FLOP or more.
	by, err = ByYear(ds, Options{MinCompute: 1e24})
	if err != nil {
		t.Fatal(err)
	}
	if len(by) != 1 || by[2024].Total != 3 {
		t.Errorf("with 1e24 FLOP at least: %+v, want 2024 alone with 3", by)
	}
	if _, err := ByYear(ds, Options{Attribution: "half"}); err == nil {
		t.Error("a bad attribution gave no error")
	}
}
