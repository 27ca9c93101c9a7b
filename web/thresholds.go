package web

import (
	"context"
	"errors"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/publish"
)

func init() {
	allowed["thresholds"] = []string{"snapshot", "as-of", "subset", "org-level", "threshold", "domain", "country", "filter", "lang"}
	allowed["trend"] = []string{"snapshot", "as-of", "subset", "since", "until", "domain", "country", "filter", "resamples", "seed", "lang"}
}

// maxResamples caps the API's bootstrap: a request cannot ask for a
// minute of work.
const maxResamples = 10000

// computeDetails rebuilds, from the raw cells the catalog keeps beside a
// dataset, what a thresholds evaluation needs of each model's row: its
// estimation method, base models and fine-tune compute, and the inputs
// of an estimate.
func computeDetails(ds *census.Dataset, raw *publish.RawCollector) *census.ComputeDetails {
	det := census.NewComputeDetails(ds.EstimateMissing)
	for i := 0; i < ds.Len(); i++ {
		m := ds.Model(i)
		cells := raw.Row(m.Name)
		if cells == nil {
			continue
		}
		r := census.Raw{File: m.File, Line: m.Line}
		for f, v := range cells {
			r.Set(f, v)
		}
		det.Add(&r)
	}
	return det
}

// selectionParam reads domain=, country= and filter= (repeated: ANDed),
// as the commands' --domain, --country and --filter (census.Selection).
func (s *Server) selectionParam(q url.Values) (func(*census.Model) bool, string, error) {
	sel, desc, err := census.Selection(s.cat.Rules, q.Get("domain"), q.Get("country"), q["filter"])
	var uc *census.UnknownCountryError
	if errors.As(err, &uc) {
		return nil, "", bad("country", "param.th_country", uc.Value)
	}
	if err != nil {
		return nil, "", specParamError(err)
	}
	return sel, desc, nil
}

// Thresholds evaluates the thresholds that /api/v1/thresholds returns:
// the rules' table, or threshold= (FLOP values separated by commas).
func (s *Server) Thresholds(ctx context.Context, q url.Values) (*census.ThresholdsResult, error) {
	var ths []census.Threshold
	if v := q.Get("threshold"); v != "" {
		var err error
		if ths, err = census.ParseThresholds(strings.Split(v, ","), "threshold="); err != nil {
			return nil, bad("threshold", "param.flop", err.(*census.OptionError).Value)
		}
	}
	ol, err := choice(q, "org-level", "group", "organization")
	if err != nil {
		return nil, err
	}
	sel, desc, err := s.selectionParam(q)
	if err != nil {
		return nil, err
	}
	ds, raw, err := s.datasetParam(ctx, q)
	if err != nil {
		return nil, err
	}
	res, err := census.EvaluateThresholds(ds, census.ThresholdOptions{Thresholds: ths, Select: sel,
		OrgLevel: census.OrgLevel(ol), Details: computeDetails(ds, raw)})
	if err != nil {
		return nil, err
	}
	res.Settings.Selection = desc
	return res, nil
}

// Trend fits the trend that /api/v1/trend returns.
func (s *Server) Trend(ctx context.Context, q url.Values) (*census.Trend, error) {
	since, until, err := census.ParseSpan(q.Get("since"), q.Get("until"))
	var oe *census.OptionError
	if errors.As(err, &oe) && oe.Code == census.OptionDate {
		return nil, bad(oe.Option, "param.date", oe.Value)
	} else if err != nil {
		return nil, bad("since", "param.since_after_until", oe.Args...)
	}
	resamples, err := intParam(q, "resamples", 1, maxResamples)
	if err != nil {
		return nil, err
	}
	seed, err := intParam(q, "seed", 1, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	sel, desc, err := s.selectionParam(q)
	if err != nil {
		return nil, err
	}
	ds, _, err := s.datasetParam(ctx, q)
	if err != nil {
		return nil, err
	}
	t, err := census.FitTrend(ds, census.TrendOptions{Select: sel, Selection: desc, Since: since, Until: until,
		Resamples: resamples, Seed: uint64(seed)})
	var tf *census.TooFewModelsError
	if errors.As(err, &tf) {
		if tf.OneDate {
			return nil, bad("since", "param.trend_one_date", tf.N)
		}
		return nil, bad("since", "param.trend_too_few", tf.N, tf.Required)
	}
	return t, err
}

func (s *Server) apiThresholds(w http.ResponseWriter, r *http.Request) {
	if err := checkParams(r.URL.Query(), "thresholds"); err != nil {
		s.fail(w, r, err)
		return
	}
	s.cachedJSON(w, r, "thresholds", func(q url.Values) (any, error) { return s.Thresholds(r.Context(), q) })
}

func (s *Server) apiTrend(w http.ResponseWriter, r *http.Request) {
	if err := checkParams(r.URL.Query(), "trend"); err != nil {
		s.fail(w, r, err)
		return
	}
	s.cachedJSON(w, r, "trend", func(q url.Values) (any, error) { return s.Trend(r.Context(), q) })
}

// thresholdLine is one line of the dashboard's Thresholds page, as of the
// year chosen.
type thresholdLine struct {
	FLOP               float64
	Title              string
	Laws, Triggers     []string
	InYear, Cumulative int
	Developers         int
	First, FirstDate   string
	Models             []map[string]string
	Approaching        []string
}

// thresholdsPage shows the laws' lines side by side as of a year chosen
// with a slider (?year=, the newest by default): how many models each
// line had caught that year and by then, from how many developers, the
// first to cross, the models, and those approaching; then the trend
// since 2010 of the same set.
func (s *Server) thresholdsPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "thresholds")
	q := r.URL.Query()
	l := langOf(q)
	q.Del("lang")
	year, err := intParam(q, "year", 1900, 2200)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	q.Del("year")
	for k := range q {
		if k != "snapshot" && k != "as-of" && k != "subset" && k != "domain" && k != "country" && k != "org-level" && k != "filter" {
			s.pageError(w, r, p, bad(k, "param.unknown", "snapshot, as-of, subset, domain, country, filter, org-level, year, lang"))
			return
		}
	}
	for _, k := range []string{"domain", "country"} {
		if q.Get(k) == "" {
			q.Del(k)
		}
	}
	if fs := slices.DeleteFunc(q["filter"], func(f string) bool { return strings.TrimSpace(f) == "" }); len(fs) > 0 {
		q["filter"] = fs
	} else {
		q.Del("filter")
	}
	res, err := s.Thresholds(r.Context(), q)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	first, last := 0, 0
	for _, f := range res.Thresholds {
		for _, y := range f.PerYear {
			if first == 0 || y.Year < first {
				first = y.Year
			}
			last = max(last, y.Year)
		}
	}
	if year == 0 || year > last {
		year = last
	}
	if year < first {
		year = first
	}
	var lines []thresholdLine
	var footnotes []string
	var estimated, lineage bool
	for _, f := range res.Thresholds {
		tl := thresholdLine{FLOP: f.FLOP, Title: publish.ThresholdTitle(f, l)}
		for _, law := range f.Laws {
			tl.Laws = append(tl.Laws, publish.LawName(law, l))
			tl.Triggers = append(tl.Triggers, publish.LawTriggers(law, l))
		}
		for _, y := range f.PerYear {
			if y.Year == year {
				tl.InYear = y.Models
			}
			if y.Year <= year {
				tl.Cumulative, tl.Developers = y.Cumulative, y.DevelopersCumulative
			}
		}
		if f.First != nil && f.First.Year <= year {
			tl.First, tl.FirstDate = f.First.Model, f.First.Date
		}
		for _, m := range f.Models {
			if m.Year > year {
				continue
			}
			flop := publish.FormatFLOP(m.FLOP)
			if m.Estimated {
				flop += census.EstimateMark
				estimated = true
			}
			if m.ByLineage {
				flop += publish.ThresholdLineageMark
				lineage = true
			}
			tl.Models = append(tl.Models, map[string]string{"Model": m.Model, "Date": m.Date, "FLOP": flop})
		}
		for _, m := range f.Approaching {
			if m.Year <= year {
				tl.Approaching = append(tl.Approaching, m.Model)
			}
		}
		lines = append(lines, tl)
	}
	// Footnotes for the marks shown.
	if estimated {
		footnotes = append(footnotes, census.EstimateMark+" "+l.T("th.note.estimated"))
	}
	if lineage {
		footnotes = append(footnotes, publish.ThresholdLineageMark+" "+l.T("th.note.lineage"))
	}
	trend := ""
	tq := url.Values{"since": {"2010-01-01"}}
	for _, k := range []string{"snapshot", "as-of", "subset", "domain", "country"} {
		if v := q.Get(k); v != "" {
			tq.Set(k, v)
		}
	}
	tq["filter"] = q["filter"]
	if t, err := s.Trend(r.Context(), tq); err == nil {
		trend = l.T("trend.n", t.N, t.Since, t.Until) + " · " +
			l.T("trend.growth", publish.FormatGrowth(t.GrowthPerYear), publish.FormatCount(t.Level*100), publish.FormatGrowth(t.CI90[0]), publish.FormatGrowth(t.CI90[1]))
		if t.DoublingMonths != nil {
			trend += " · " + l.T("trend.doubling", strconv.FormatFloat(*t.DoublingMonths, 'f', 1, 64))
		}
	}
	p.Title = l.T("page.thresholds")
	p.Body = map[string]any{"Year": year, "First": first, "Last": last, "Years": first > 0 && first < last, "Lines": lines,
		"Footnotes": footnotes, "Trend": trend, "Selection": publish.SelectionText(res.Settings.Selection, l)}
	s.render(w, r, "thresholds.tmpl", p, http.StatusOK)
}
