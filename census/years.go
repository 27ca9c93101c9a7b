package census

import "sort"

// YearFigures are the figures of one publication year alone: what Compute
// gives with the period set to that year.
type YearFigures struct {
	// Total is the year's count of models (Result.Total).
	Total int `json:"total"`
	// Countries are the year's counts by country (Result.CountriesLatest),
	// by ISO code.
	Countries map[string]float64 `json:"countries,omitempty"`
	// Top is the year's model with the largest training compute
	// (Result.TopComputeLatest's first), nil when none has compute.
	Top *TopModel `json:"top,omitempty"`
}

// ByYear computes, for every publication year in which ds has a model
// counted under opt, that year's figures, by Compute with opt's period set
// to the year (opt.From and opt.To are ignored): one definition of each
// figure. A per-year series over any period is then each year's Total,
// equal to Compute's PerYear over that period. Years with nothing counted
// are absent. Its errors are Compute's (options that do not validate).
func ByYear(ds *Dataset, opt Options) (map[int]YearFigures, error) {
	ds.Finish()
	seen := map[int]bool{}
	for i := range ds.rows {
		if y := int(ds.rows[i].year); y != 0 {
			seen[y] = true
		}
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	sort.Ints(years)
	out := make(map[int]YearFigures, len(years))
	for _, y := range years {
		o := opt
		o.From, o.To, o.Top, o.yearFigures = y, y, 1, true
		r, err := Compute(ds, o)
		if err != nil {
			return nil, err
		}
		if r.Total == 0 {
			continue
		}
		f := YearFigures{Total: r.Total}
		if len(r.CountriesLatest) > 0 {
			f.Countries = make(map[string]float64, len(r.CountriesLatest))
			for _, c := range r.CountriesLatest {
				f.Countries[c.Code] = c.Count
			}
		}
		if len(r.TopComputeLatest) > 0 {
			t := r.TopComputeLatest[0]
			f.Top = &t
		}
		out[y] = f
	}
	return out, nil
}
