package census

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Trend defaults: the bootstrap's resample count and seed, and the level
// of its interval. Fixed, so that the same input gives the same interval.
const (
	TrendResamples = 1000
	TrendSeed      = 1
	TrendLevel     = 0.90
	// TrendMinModels is the fewest models a trend is fitted on.
	TrendMinModels = 3
)

// TrendMethod says, in English, how a trend is computed.
const TrendMethod = "ordinary least squares of log10(training compute, FLOP) on publication date in decimal years; growth per year = 10^slope; doubling time = 12·log10(2)/slope months; interval: percentile bootstrap over the models"

// TrendOptions choose the models of a trend and its bootstrap.
type TrendOptions struct {
	// Select keeps the models it returns true for; nil keeps all.
	Select func(*Model) bool
	// Since and Until bound the publication dates, both included; a zero
	// Date leaves that end open. A bound known only to the month or the
	// year takes in the whole month or year. A model's date known only to
	// the month or the year counts at the middle of that span (see
	// DecimalYear).
	Since, Until Date
	// Resamples and Seed drive the bootstrap (0: TrendResamples and
	// TrendSeed).
	Resamples int
	Seed      uint64
	// Selection describes Select in English, for the output.
	Selection string
}

// TrendPoint is one model of a trend.
type TrendPoint struct {
	Model     string  `json:"model"`
	Date      string  `json:"date"`
	Year      float64 `json:"year"` // decimal year
	FLOP      float64 `json:"flop"`
	Estimated bool    `json:"estimated,omitempty"`
}

// Trend is a fit of log10(training compute) on publication date. Its JSON
// form is the documented contract of `modelcensus trend` and
// /api/v1/trend.
type Trend struct {
	N             int     `json:"n"`
	GrowthPerYear float64 `json:"growth_per_year"`
	// CI90 is the 90% bootstrap interval of GrowthPerYear.
	CI90 [2]float64 `json:"ci90"`
	// DoublingMonths is nil when compute does not grow (slope <= 0).
	DoublingMonths *float64 `json:"doubling_months"`
	// DoublingCI90 is the interval of DoublingMonths, from CI90, or nil
	// when the interval's lower growth is not above 1.
	DoublingCI90 *[2]float64 `json:"doubling_months_ci90"`
	// Since and Until are the bounds asked for, or the dates of the
	// earliest and latest model when none was.
	Since  string `json:"since"`
	Until  string `json:"until"`
	Method string `json:"method"`
	// Slope is in log10 FLOP per year; Intercept is log10 FLOP at year 0.
	Slope     float64 `json:"slope"`
	Intercept float64 `json:"intercept"`
	// SlopeCI90 is the interval of Slope.
	SlopeCI90 [2]float64 `json:"slope_ci90"`
	Resamples int        `json:"resamples"`
	Seed      uint64     `json:"seed"`
	Level     float64    `json:"level"`
	// Estimated counts the models whose compute modelcensus estimated.
	Estimated int `json:"estimated"`
	// Selection describes the models kept, or "" for all with compute.
	Selection    string `json:"selection,omitempty"`
	Subset       string `json:"subset"`
	RulesVersion string `json:"rules_version"`
	Source       Source `json:"source"`
	// Points are the models fitted, by date; left out of the JSON.
	Points []TrendPoint `json:"-"`
}

// TooFewModelsError is FitTrend's error for a set too small to fit: fewer
// than TrendMinModels models with compute, or all on one date.
type TooFewModelsError struct {
	N        int
	OneDate  bool
	Required int
}

// Error says how many models the fit had and how many it needs.
func (e *TooFewModelsError) Error() string {
	if e.OneDate {
		return fmt.Sprintf("the %d models with training compute in the set all have one publication date: no trend can be fitted", e.N)
	}
	return fmt.Sprintf("%d model(s) with training compute in the set: a trend needs at least %d", e.N, e.Required)
}

// DecimalYear is a date as a year with a fraction: 2024-07-02 is
// 2024 + 183/366. A date known only to the month is taken at the middle of
// the month, one known only to the year at the middle of the year.
func DecimalYear(d Date) float64 {
	days := 365.0
	if DaysIn(d.Year, 2) == 29 {
		days = 366
	}
	if d.Month == 0 {
		return float64(d.Year) + 0.5
	}
	doy := 0.0
	for m := 1; m < d.Month; m++ {
		doy += float64(DaysIn(d.Year, m))
	}
	if d.Day == 0 {
		doy += float64(DaysIn(d.Year, d.Month)) / 2
	} else {
		doy += float64(d.Day - 1)
	}
	return float64(d.Year) + doy/days
}

// FitTrend fits log10(training compute) on publication date (DecimalYear)
// by ordinary least squares over the models of ds that have compute (an
// estimate, where ds estimated missing compute) and that opt keeps, and
// bootstraps a 90% interval: opt.Resamples resamples of the models with
// replacement, drawn from a PCG generator seeded with opt.Seed, the
// interval being the 5th and 95th percentiles of the refitted slopes
// (resamples whose dates are all one are skipped). Fewer than three
// models, or all on one date, is a *TooFewModelsError. It finishes ds.
func FitTrend(ds *Dataset, opt TrendOptions) (*Trend, error) {
	ds.Finish()
	if opt.Resamples <= 0 {
		opt.Resamples = TrendResamples
	}
	if opt.Seed == 0 {
		opt.Seed = TrendSeed
	}
	if opt.Since != (Date{}) && opt.Until != (Date{}) && SpanEnd(opt.Until).Before(SpanStart(opt.Since)) {
		return nil, fmt.Errorf("since %s is after until %s", opt.Since, opt.Until)
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	if opt.Since != (Date{}) {
		lo = DecimalYear(SpanStart(opt.Since))
	}
	if opt.Until != (Date{}) {
		hi = DecimalYear(SpanEnd(opt.Until))
	}
	t := &Trend{Method: TrendMethod, Resamples: opt.Resamples, Seed: opt.Seed, Level: TrendLevel,
		Selection: opt.Selection, Subset: ds.Snapshot.Subset, RulesVersion: ds.rules.Version, Source: ds.source()}
	var first, last Date
	for i := 0; i < ds.Len(); i++ {
		r := &ds.rows[i]
		if r.flags&flagHasCompute == 0 || !(r.compute > 0) {
			continue
		}
		d := Date{Year: int(r.year), Month: int(r.month), Day: int(r.day)}
		x := DecimalYear(d)
		if x < lo || x > hi {
			continue
		}
		m := ds.Model(i)
		if opt.Select != nil && !opt.Select(&m) {
			continue
		}
		if len(t.Points) == 0 || d.Before(first) {
			first = d
		}
		if len(t.Points) == 0 || last.Before(d) {
			last = d
		}
		if m.Estimated {
			t.Estimated++
		}
		t.Points = append(t.Points, TrendPoint{Model: m.Name, Date: d.String(), Year: x, FLOP: m.Compute, Estimated: m.Estimated})
	}
	slices.SortStableFunc(t.Points, func(a, b TrendPoint) int {
		switch {
		case a.Year < b.Year:
			return -1
		case a.Year > b.Year:
			return 1
		}
		return 0
	})
	t.N = len(t.Points)
	t.Since, t.Until = first.String(), last.String()
	if opt.Since != (Date{}) {
		t.Since = opt.Since.String()
	}
	if opt.Until != (Date{}) {
		t.Until = opt.Until.String()
	}
	if t.N < TrendMinModels {
		return nil, &TooFewModelsError{N: t.N, Required: TrendMinModels}
	}
	xs := make([]float64, t.N)
	ys := make([]float64, t.N)
	for i, p := range t.Points {
		xs[i], ys[i] = p.Year, math.Log10(p.FLOP)
	}
	if xs[0] == xs[t.N-1] {
		return nil, &TooFewModelsError{N: t.N, OneDate: true, Required: TrendMinModels}
	}
	t.Intercept, t.Slope = stat.LinearRegression(xs, ys, nil, false)

	// The bootstrap: resample the models with replacement and refit. The
	// refit is the least-squares slope from one pass of sums over the
	// draws, on dates and logs centred on the whole set's means so that the
	// sums do not cancel: about half the time of calling gonum's
	// LinearRegression on each resample (which passes over its data
	// several times), the same slope to rounding (see the tests).
	mx, my := stat.Mean(xs, nil), stat.Mean(ys, nil)
	cx := make([]float64, t.N)
	cy := make([]float64, t.N)
	for i := range xs {
		cx[i], cy[i] = xs[i]-mx, ys[i]-my
	}
	rng := rand.NewPCG(opt.Seed, 0)
	n := float64(t.N)
	slopes := make([]float64, 0, opt.Resamples)
	for range opt.Resamples {
		var sx, sy, sxx, sxy float64
		for range t.N {
			k, _ := bits.Mul64(rng.Uint64(), uint64(t.N)) // uniform in [0, N)
			x, y := cx[k], cy[k]
			sx += x
			sy += y
			sxx += x * x
			sxy += x * y
		}
		den := sxx - sx*sx/n
		if !(den > 1e-12*sxx) {
			continue // every draw on one date: no slope
		}
		slopes = append(slopes, (sxy-sx*sy/n)/den)
	}
	if len(slopes) == 0 {
		return nil, &TooFewModelsError{N: t.N, OneDate: true, Required: TrendMinModels}
	}
	slices.Sort(slopes)
	tail := (1 - TrendLevel) / 2
	t.SlopeCI90 = [2]float64{stat.Quantile(tail, stat.Empirical, slopes, nil), stat.Quantile(1-tail, stat.Empirical, slopes, nil)}
	t.GrowthPerYear = math.Pow(10, t.Slope)
	t.CI90 = [2]float64{math.Pow(10, t.SlopeCI90[0]), math.Pow(10, t.SlopeCI90[1])}
	if t.Slope > 0 {
		d := DoublingMonths(t.Slope)
		t.DoublingMonths = &d
		if t.SlopeCI90[0] > 0 {
			t.DoublingCI90 = &[2]float64{DoublingMonths(t.SlopeCI90[1]), DoublingMonths(t.SlopeCI90[0])}
		}
	}
	return t, nil
}

// DoublingMonths is the doubling time, in months, of a quantity whose
// log10 grows by slope a year: 12·log10(2)/slope.
func DoublingMonths(slope float64) float64 { return 12 * math.Log10(2) / slope }

// Line returns the fitted log10 FLOP at decimal year x.
func (t *Trend) Line(x float64) float64 { return t.Intercept + t.Slope*x }

// SpanStart is the first day of the span a date names: 2010 is
// 2010-01-01, 2010-05 is 2010-05-01.
func SpanStart(d Date) Date {
	if d.Month == 0 {
		return Date{Year: d.Year, Month: 1, Day: 1}
	}
	if d.Day == 0 {
		d.Day = 1
	}
	return d
}

// SpanEnd is the last day of the span a date names: 2010 is 2010-12-31.
func SpanEnd(d Date) Date {
	if d.Month == 0 {
		return Date{Year: d.Year, Month: 12, Day: 31}
	}
	if d.Day == 0 {
		d.Day = DaysIn(d.Year, d.Month)
	}
	return d
}
