package census_test

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

func trendDataset(t *testing.T, rows []census.Raw) *census.Dataset {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ds := census.NewDataset(r)
	for _, row := range rows {
		ds.Add(&row)
	}
	return ds
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// Points on a line of slope 0.5 (log10 FLOP a year), each on 1 January so
// that its decimal year is whole: growth 10^0.5 ≈ 3.162× a year, doubling
// in 12·log10(2)/0.5 ≈ 7.22 months, and every resample fits the same line.
func TestTrendKnownSlope(t *testing.T) {
	var rows []census.Raw
	for y := 2010; y <= 2019; y++ {
		flop := math.Pow(10, 20+0.5*float64(y-2010))
		rows = append(rows, raw(y, "name", "M"+strconv.Itoa(y), "date", strconv.Itoa(y)+"-01-01", "compute", strconv.FormatFloat(flop, 'g', -1, 64)))
	}
	// A model without compute is not fitted.
	rows = append(rows, raw(99, "name", "none", "date", "2015-01-01"))
	tr, err := census.FitTrend(trendDataset(t, rows), census.TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.N != 10 || !near(tr.Slope, 0.5, 1e-9) || !near(tr.GrowthPerYear, math.Sqrt(10), 1e-9) {
		t.Errorf("n %d slope %v growth %v; want 10, 0.5, %v", tr.N, tr.Slope, tr.GrowthPerYear, math.Sqrt(10))
	}
	if tr.DoublingMonths == nil || !near(*tr.DoublingMonths, 12*math.Log10(2)/0.5, 1e-9) {
		t.Errorf("doubling %v, want %v", tr.DoublingMonths, 12*math.Log10(2)/0.5)
	}
	if !near(tr.CI90[0], math.Sqrt(10), 1e-9) || !near(tr.CI90[1], math.Sqrt(10), 1e-9) {
		t.Errorf("interval %v: points on a line resample to the line", tr.CI90)
	}
	// 10^(20 + 0.5 (x - 2010)) at x = 2010: the intercept is 20 - 0.5·2010.
	if !near(tr.Line(2010), 20, 1e-9) {
		t.Errorf("line at 2010: %v, want 20", tr.Line(2010))
	}
	if tr.Since != "2010-01-01" || tr.Until != "2019-01-01" || tr.Resamples != census.TrendResamples || tr.Seed != census.TrendSeed {
		t.Errorf("since %s until %s resamples %d seed %d", tr.Since, tr.Until, tr.Resamples, tr.Seed)
	}
}

// Scattered points: the slope is the plain least-squares formula, worked
// here with a loop; the bootstrap is the same for the same seed and holds
// the slope.
func TestTrendScatter(t *testing.T) {
	ys := []float64{21.0, 21.9, 21.7, 23.1, 22.8, 24.2, 24.0, 25.3}
	var rows []census.Raw
	var xs []float64
	for i, y := range ys {
		year := 2015 + i
		xs = append(xs, float64(year))
		rows = append(rows, raw(i+2, "name", "S"+strconv.Itoa(i), "date", strconv.Itoa(year)+"-01-01", "compute", strconv.FormatFloat(math.Pow(10, y), 'g', -1, 64)))
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i] / float64(len(xs))
		my += ys[i] / float64(len(ys))
	}
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	want := sxy / sxx
	a, err := census.FitTrend(trendDataset(t, rows), census.TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !near(a.Slope, want, 1e-9) {
		t.Errorf("slope %v, want %v", a.Slope, want)
	}
	if !(a.CI90[0] < a.GrowthPerYear && a.GrowthPerYear < a.CI90[1]) {
		t.Errorf("interval %v does not hold the growth %v", a.CI90, a.GrowthPerYear)
	}
	b, _ := census.FitTrend(trendDataset(t, rows), census.TrendOptions{})
	if a.CI90 != b.CI90 {
		t.Errorf("same seed, intervals %v and %v", a.CI90, b.CI90)
	}
	c, _ := census.FitTrend(trendDataset(t, rows), census.TrendOptions{Seed: 7, Resamples: 500})
	if c.Seed != 7 || c.Resamples != 500 || c.Slope != a.Slope {
		t.Errorf("seed 7: %+v", c)
	}
	// Since and until keep 2017-01-01 to 2020-01-01: four points.
	d, err := census.FitTrend(trendDataset(t, rows), census.TrendOptions{Since: census.Date{Year: 2017, Month: 1, Day: 1}, Until: census.Date{Year: 2020, Month: 1, Day: 1}})
	if err != nil || d.N != 4 || d.Since != "2017-01-01" || d.Until != "2020-01-01" {
		t.Errorf("since/until: %+v %v", d, err)
	}
}

func TestTrendTooFew(t *testing.T) {
	two := []census.Raw{
		raw(2, "name", "a", "date", "2020-01-01", "compute", "1e20"),
		raw(3, "name", "b", "date", "2021-01-01", "compute", "1e21"),
	}
	_, err := census.FitTrend(trendDataset(t, two), census.TrendOptions{})
	var tf *census.TooFewModelsError
	if !errors.As(err, &tf) || tf.N != 2 || tf.OneDate {
		t.Errorf("two models: %v", err)
	}
	same := []census.Raw{
		raw(2, "name", "a", "date", "2020-01-01", "compute", "1e20"),
		raw(3, "name", "b", "date", "2020-01-01", "compute", "1e21"),
		raw(4, "name", "c", "date", "2020-01-01", "compute", "1e22"),
	}
	if _, err := census.FitTrend(trendDataset(t, same), census.TrendOptions{}); !errors.As(err, &tf) || !tf.OneDate {
		t.Errorf("one date: %v", err)
	}
	if _, err := census.FitTrend(trendDataset(t, same), census.TrendOptions{Since: census.Date{Year: 2021}, Until: census.Date{Year: 2020}}); err == nil {
		t.Error("since after until must be an error")
	}
}

func TestDecimalYear(t *testing.T) {
	for _, c := range []struct {
		d    census.Date
		want float64
	}{
		{census.Date{Year: 2024, Month: 1, Day: 1}, 2024},
		{census.Date{Year: 2024, Month: 7, Day: 2}, 2024 + 183.0/366},
		{census.Date{Year: 2023, Month: 7, Day: 2}, 2023 + 182.0/365},
		{census.Date{Year: 2023}, 2023.5},
		{census.Date{Year: 2023, Month: 2}, 2023 + (31+14.0)/365},
	} {
		if got := census.DecimalYear(c.d); !near(got, c.want, 1e-12) {
			t.Errorf("DecimalYear(%v) = %v, want %v", c.d, got, c.want)
		}
	}
}
