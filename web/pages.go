package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

//go:embed templates/*.tmpl static/*
var files embed.FS

// pages are parsed on first use, not at start: every command of the
// binary would pay for them otherwise.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"flop": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return publish.FormatFLOP(*f)
		},
		"join": func(s []string) string { return strings.Join(s, ", ") },
		// delta shows a change with its sign.
		"delta": func(before, after float64) string {
			switch d := after - before; {
			case d > 0:
				return "+" + publish.FormatCount(d)
			case d < 0:
				return "−" + publish.FormatCount(-d)
			}
			return "0"
		},
		"float": func(i int) float64 { return float64(i) },
		"inc":   func(i int) int { return i + 1 },
		"domainGroups": func(groups []string, lang string) string {
			return domainGroups(groups, i18n.Lang(lang))
		},
		"flop64": publish.FormatFLOP,
		"countryName": func(c census.CountryCount, lang string) string {
			return publish.CountryName(c, i18n.Lang(lang))
		},
		// value shows a diff's old or new value: FLOP as 2.1 × 10²⁵, none as –.
		"value": func(v any) string {
			switch x := v.(type) {
			case nil:
				return "–"
			case float64:
				return publish.FormatFLOP(x)
			case string:
				if x == "" {
					return "–"
				}
				return x
			}
			return fmt.Sprint(v)
		},
		"count": publish.FormatCount,
		// display names a file or folder without the server's folders.
		"display":   publish.DisplayName,
		"subsetsOf": census.Subsets,

		"list": func(s ...string) []string { return s },
		// modelURL links a model's page, keeping the snapshot, subset and
		// language of the current view; the name is escaped as one segment.
		"modelURL": func(name string, q url.Values) string {
			v := url.Values{}
			for _, k := range []string{"lang", "snapshot", "as-of", "subset"} {
				if x := q.Get(k); x != "" {
					v.Set(k, x)
				}
			}
			u := "/models/" + url.PathEscape(name)
			if len(v) > 0 {
				u += "?" + v.Encode()
			}
			return u
		},
	}).ParseFS(files, "templates/*.tmpl"))
})

// page is what every template gets.
type page struct {
	Lang    string
	T       func(string, ...any) string
	Title   string
	Nav     string
	Query   url.Values
	LangURL map[string]string // the same view in each language
	Data    any               // chart data, as JSON in the page
	Error   string
	Version string
	Body    any
	// Subsets are those the data holds, for the subset menus.
	Subsets []string
}

func (s *Server) routes() {
	// A page of a snapshot never changes: each is rendered once.
	s.mux.HandleFunc("GET /{$}", s.cachedPage(s.overview))
	s.mux.HandleFunc("GET /explorer", s.cachedPage(s.explorer))
	s.mux.HandleFunc("GET /models/{name}", s.cachedPage(s.modelPage))
	s.mux.HandleFunc("GET /snapshots", s.cachedPage(s.snapshotsPage))
	s.mux.HandleFunc("GET /overlay", s.cachedPage(s.overlayPage))
	s.mux.HandleFunc("GET /history", s.cachedPage(s.historyPage))
	s.mux.HandleFunc("GET /tables", s.cachedPage(s.tablesPage))
	s.mux.HandleFunc("GET /thresholds", s.cachedPage(s.thresholdsPage))
	// The review queue changes with every discover run: never cached.
	s.mux.HandleFunc("GET /candidates", s.candidatesPage)
	s.mux.HandleFunc("GET /static/{file}", s.static)
	s.mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	s.mux.HandleFunc("/", s.noPage)
}

// noPage answers a path that is no page with the dashboard's own 404, in
// the reader's language (?lang=, else Accept-Language, else serve --lang),
// and a page's path asked with another method than GET or HEAD with 405.
func (s *Server) noPage(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	l, err := s.pageLang(r)
	if err != nil {
		l = i18n.EN
	}
	p := s.newPage(r, "")
	p.Lang, p.T = string(l), func(k string, a ...any) string { return l.T(k, a...) }
	p.Title = l.T("page.not_found")
	p.Error = l.T("page.no_route", r.URL.Path)
	s.render(w, r, "error.tmpl", p, http.StatusNotFound)
}

// langOf is the language a page's query names, else en.
func langOf(q url.Values) i18n.Lang {
	if l, err := i18n.Parse(q.Get("lang")); err == nil {
		return l
	}
	return i18n.EN
}

// pageLang is the language of a page: ?lang= (en or ko, with or without a
// region), else the first of them in Accept-Language, else the server's
// (serve --lang). Another ?lang= is a bad parameter.
func (s *Server) pageLang(r *http.Request) (i18n.Lang, error) {
	if v := r.URL.Query().Get("lang"); v != "" {
		l, err := i18n.Parse(v)
		if err != nil {
			return s.lang, bad("lang", "param.lang", v)
		}
		return l, nil
	}
	if l, ok := i18n.FromAcceptLanguage(r.Header.Get("Accept-Language")); ok {
		return l, nil
	}
	return s.lang, nil
}

func (s *Server) newPage(r *http.Request, nav string) *page {
	q := r.URL.Query()
	l := langOf(q)
	p := &page{Lang: string(l), T: func(k string, a ...any) string { return l.T(k, a...) }, Nav: nav, Query: q,
		LangURL: map[string]string{}, Version: s.version, Subsets: s.cat.Subsets()}
	for _, other := range []string{"en", "ko"} {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("lang", other)
		p.LangURL[other] = r.URL.Path + "?" + v.Encode()
	}
	return p
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, p *page, status int) {
	var b bytes.Buffer
	if err := pages().ExecuteTemplate(&b, name, p); err != nil {
		s.logf("render %s: %v", name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if status != http.StatusOK {
		w.WriteHeader(status)
		w.Write(b.Bytes())
		return
	}
	s.send(w, r, b.Bytes(), "")
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, p *page, err error) {
	p.Error = errorText(err, i18n.Lang(p.Lang))
	s.render(w, r, "error.tmpl", p, statusOf(err))
}

// errorText says an error in the page's language.
func errorText(err error, l i18n.Lang) string {
	var pe *ParamError
	var ie *epoch.InputError
	switch {
	case errors.As(err, &pe):
		return pe.In(l)
	case errors.As(err, &ie) && ie.Kind == epoch.InputNoSubset:
		return l.T("page.no_subset", ie.Subset, strings.Join(ie.Available, ", "))
	case errors.Is(err, errNoSnapshots):
		return l.T("page.no_snapshots")
	case errors.Is(err, store.ErrNotFound), errors.Is(err, errModelNotFound):
		return l.T("page.not_found")
	}
	return l.T("page.error_text", err)
}

// overview shows the headline figures and the report's charts.
func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "overview")
	q := r.URL.Query()
	q.Del("lang")
	res, ds, err := s.Census(r.Context(), q)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	l := i18n.Lang(p.Lang)
	doc := publish.NewDocument(res, ds, nil)
	charts := publish.Charts(doc, l)
	prose, _ := publish.HeadlineProse(res, l)
	var tables []publish.Table
	tables = append(tables, publish.Tables(res, l)...)
	p.Title = publish.Headline(res, l)[0]
	p.Data = map[string]any{"lang": p.Lang, "charts": charts, "threshold": census.LargeScaleFLOP, "thresholdLabel": l.T("chart.threshold", publish.FormatFLOP(census.LargeScaleFLOP))}
	p.Body = map[string]any{"Result": res, "Prose": prose, "Charts": charts, "Tables": tables,
		"Headline": publish.Headline(res, l)[1:], "Source": publish.SourceLines(res, l)}
	s.render(w, r, "overview.tmpl", p, http.StatusOK)
}

// explorer shows the compute scatter and the table of the selected models.
func (s *Server) explorer(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "explorer")
	q := r.URL.Query()
	color, err := choice(q, "color", "country", "group", "domain", "estimate")
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	if color == "" {
		color = "country"
	}
	q.Del("lang")
	q.Del("color")
	mq := url.Values{}
	for k, v := range q {
		mq[k] = v
	}
	if err := checkParams(mq, "models"); err != nil {
		s.pageError(w, r, p, err)
		return
	}
	page, res, err := s.Models(r.Context(), mq)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	// The scatter shows every selected model with compute, not one page.
	all := url.Values{}
	for k, v := range mq {
		all[k] = v
	}
	all.Set("page", "1")
	all.Set("page-size", strconv.Itoa(MaxPageSize))
	var points []ModelJSON
	for n := 1; ; n++ {
		all.Set("page", strconv.Itoa(n))
		pg, _, err := s.Models(r.Context(), all)
		if err != nil || len(pg.Models) == 0 {
			break
		}
		points = append(points, pg.Models...)
		if len(points) >= pg.Total || n >= 40 {
			break
		}
	}
	l := i18n.Lang(p.Lang)
	var series []publish.ScatterSeries
	missing := -1
	if color == "estimate" {
		series, missing, err = s.scatterByEstimate(r.Context(), mq, points, l)
		if err != nil {
			s.pageError(w, r, p, err)
			return
		}
	} else {
		series = scatterBy(points, color, res, l)
	}
	chart := publish.Chart{ID: "explorer", Title: l.T("chart.compute"), Kind: "scatter", Scatter: series}
	p.Title = l.T("page.explorer")
	p.Data = map[string]any{"lang": p.Lang, "charts": []publish.Chart{chart}, "threshold": census.LargeScaleFLOP, "thresholdLabel": l.T("chart.threshold", publish.FormatFLOP(census.LargeScaleFLOP))}
	pages := (page.Total + page.PageSize - 1) / page.PageSize
	link := func(key, value string) string {
		v := url.Values{}
		for k, vs := range r.URL.Query() {
			v[k] = vs
		}
		if value == "" {
			v.Del(key)
		} else {
			v.Set(key, value)
		}
		if key != "page" {
			v.Del("page")
		}
		return "/explorer?" + v.Encode()
	}
	dl := func(format string) string {
		v := url.Values{}
		for k, vs := range mq {
			v[k] = vs
		}
		v.Del("page")
		v.Del("page-size")
		v.Set("format", format)
		v.Set("lang", p.Lang) // the workbook's headers in the page's language
		return "/api/v1/models?" + v.Encode()
	}
	sortLink := func(col string) string {
		// The first click sorts a column ascending, the next descending.
		order := "asc"
		if q.Get("sort") == col && q.Get("order") != "desc" {
			order = "desc"
		}
		v := url.Values{}
		for k, vs := range r.URL.Query() {
			v[k] = vs
		}
		v.Set("sort", col)
		v.Set("order", order)
		v.Del("page")
		return "/explorer?" + v.Encode()
	}
	var prev, next string
	if page.Page > 1 {
		prev = link("page", strconv.Itoa(page.Page-1))
	}
	if page.Page < pages {
		next = link("page", strconv.Itoa(page.Page+1))
	}
	var snaps []SnapshotJSON
	if s.cat.Store != nil {
		if list, err := s.cat.Snapshots(r.Context()); err == nil {
			for _, sn := range list {
				snaps = append(snaps, SnapshotJSON{ID: sn.ID, Date: sn.DateString()})
			}
		}
	}
	p.Body = map[string]any{"Page": page, "Pages": pages, "Prev": prev, "Next": next, "Color": color, "Missing": missing, "Result": res, "Snapshots": snaps,
		"Download":  map[string]string{"csv": dl("csv"), "xlsx": dl("xlsx"), "json": dl("json")},
		"Sort":      map[string]string{"name": sortLink("name"), "date": sortLink("date"), "compute": sortLink("compute")},
		"Countries": res.Countries, "DomainOptions": domainOptions(res, l), "Q": q}
	s.render(w, r, "explorer.tmpl", p, http.StatusOK)
}

type option struct{ Value, Label string }

func domainOptions(res *census.Result, l i18n.Lang) []option {
	var out []option
	for _, d := range res.Domains {
		out = append(out, option{d.Name, publish.DomainGroupName(d.Name, l)})
	}
	return out
}

// scatterByEstimate splits the models into those with Epoch's figure and
// those without one that modelcensus can estimate from their own cells
// (census.EstimateRow), plotted at the estimate; it counts the rest, which
// have neither.
func (s *Server) scatterByEstimate(ctx context.Context, q url.Values, models []ModelJSON, l i18n.Lang) ([]publish.ScatterSeries, int, error) {
	ds, raw, err := s.datasetParam(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	base := computeByName(ds)
	var reported, estimated []publish.Point
	missing := 0
	for _, m := range models {
		pt := publish.Point{Date: scatterDate(m.Date), Model: m.Name, Org: strings.Join(m.Organizations, ", "), Country: strings.Join(m.Countries, ", ")}
		if m.FLOP != nil {
			pt.FLOP = *m.FLOP
			reported = append(reported, pt)
			continue
		}
		if cells := raw.Row(m.Name); cells != nil {
			if e := s.estimateModel(cells, m.File, m.Line, base); e.Estimate != nil && e.Estimate.FLOP > 0 {
				pt.FLOP = e.Estimate.FLOP
				estimated = append(estimated, pt)
				continue
			}
		}
		missing++
	}
	out := []publish.ScatterSeries{{Name: l.T("page.status_reported"), Points: reported}}
	if len(estimated) > 0 {
		out = append(out, publish.ScatterSeries{Name: l.T("page.status_estimated"), Points: estimated})
	}
	return out, missing, nil
}

// scatterDate places a date with an unknown day or month mid-period.
func scatterDate(date string) string {
	switch len(date) {
	case 4:
		return date + "-07-01"
	case 7:
		return date + "-15"
	}
	return date
}

// scatterBy groups models with compute into series by country, group or
// domain group, the largest series first.
func scatterBy(models []ModelJSON, by string, res *census.Result, l i18n.Lang) []publish.ScatterSeries {
	names := map[string]string{}
	for _, c := range res.Countries {
		names[c.Code] = publish.CountryName(c, l)
	}
	groups := map[string][]publish.Point{}
	for _, m := range models {
		if m.FLOP == nil {
			continue
		}
		key := ""
		switch by {
		case "group":
			if len(m.Groups) > 0 {
				key = m.Groups[0]
			}
		case "domain":
			if len(m.DomainGroups) > 0 {
				key = publish.DomainGroupName(m.DomainGroups[0], l)
			}
		default:
			if len(m.Countries) > 0 {
				key = m.Countries[0]
				if n := names[key]; n != "" {
					key = n
				}
			}
		}
		groups[key] = append(groups[key], publish.Point{Date: scatterDate(m.Date), FLOP: *m.FLOP, Model: m.Name, Org: strings.Join(m.Organizations, ", "), Country: strings.Join(m.Countries, ", ")})
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(groups[keys[i]]) != len(groups[keys[j]]) {
			return len(groups[keys[i]]) > len(groups[keys[j]])
		}
		return keys[i] < keys[j]
	})
	var out []publish.ScatterSeries
	var other []publish.Point
	for i, k := range keys {
		if i < 8 && k != "" {
			out = append(out, publish.ScatterSeries{Name: k, Points: groups[k]})
		} else {
			other = append(other, groups[k]...)
		}
	}
	if len(other) > 0 {
		out = append(out, publish.ScatterSeries{Name: l.T("chart.other"), Points: other})
	}
	return out
}

// modelPage shows every field of one model, raw beside normalized.
func (s *Server) modelPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "explorer")
	q := r.URL.Query()
	q.Del("lang")
	m, err := s.Model(r.Context(), r.PathValue("name"), q)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	l := i18n.Lang(p.Lang)
	type row struct{ Field, Raw, Normalized, Rule string }
	raw := func(f census.Field) string { return m.Raw[string(f)] }
	var rules []string
	for i, o := range m.Organizations {
		if i < len(m.Groups) {
			rules = append(rules, o+" → "+m.Groups[i])
		}
	}
	countryRule := ""
	if m.CountryFilled {
		countryRule = l.T("page.country_filled")
	}
	flop := "–"
	if m.FLOP != nil {
		flop = publish.FormatFLOP(*m.FLOP)
		if m.Estimated {
			flop += census.EstimateMark + " (" + publish.MethodName(m.Method, l) + ")"
		}
	}
	rows := []row{
		{l.T("col.model"), raw(census.FieldName), m.Name, ""},
		{l.T("col.date"), raw(census.FieldDate), m.Date, ""},
		{l.T("col.organization"), raw(census.FieldOrganization), strings.Join(m.Organizations, ", "), strings.Join(rules, "; ")},
		{l.T("col.country"), raw(census.FieldCountry), strings.Join(m.Countries, ", "), countryRule},
		{l.T("col.domain"), raw(census.FieldDomain), domainGroups(m.DomainGroups, l), strings.Join(m.Domains, ", ")},
		{l.T("col.flop"), raw(census.FieldCompute), flop, ""},
		{l.T("col.confidence"), raw(census.FieldConfidence), publish.ConfidenceName(m.Confidence, l), ""},
		{l.T("col.category"), raw(census.FieldAccessibility), l.T("access." + m.Access), ""},
	}
	p.Title = m.Name
	p.Body = map[string]any{"Model": m, "Rows": rows, "Estimate": estimateView(m.Estimate, l), "Curated": curatedView(m.Curated, l)}
	s.render(w, r, "model.tmpl", p, http.StatusOK)
}

// curatedRow is an overlay entry as a model page shows it.
type curatedRow struct {
	ID, Kind, Change string
	Sources          []string
}

// curatedView is a model's curation mark for its page, or nil.
func curatedView(c *census.Curated, l i18n.Lang) []curatedRow {
	if c == nil {
		return nil
	}
	var out []curatedRow
	for _, e := range c.Entries {
		r := curatedRow{ID: e.ID, Kind: l.T("entry." + string(e.Kind)), Sources: e.Sources}
		if e.Field != "" {
			r.Change = publish.FieldName(string(e.Field), l) + " → " + e.Value
		}
		out = append(out, r)
	}
	return out
}

// historyStep is one step of the history page: a point and, for every
// point but the first, the link to its explanation.
type historyStep struct {
	Index          int
	Date, Value    string
	Break          string
	Explain        bool
	Selected       bool
	Files          string
	FromDate       string
	Explanations   []census.Explanation
	ExplainedLines []historyLine
}

// historyLine is one line of a step's explanation.
type historyLine struct {
	Text  string
	Cause bool
}

// historyPage follows one figure over the stored snapshots as a line (from
// the figure cache), each step a link to the models behind it, explained
// for the step shown alone (snapshots.ExplainStep). A change of dataset is
// marked as a break.
func (s *Server) historyPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "history")
	l := i18n.Lang(p.Lang)
	p.Title = l.T("page.history")
	if s.cat.Store == nil {
		p.Body = map[string]any{"NoStore": true}
		s.render(w, r, "history.tmpl", p, http.StatusOK)
		return
	}
	q := r.URL.Query()
	figure, err := choice(q, "figure", snapshots.FigureCount, snapshots.FigureCountry)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	if figure == "" {
		figure = snapshots.FigureCount // the page's own link names none
	}
	// A subset is one of the four: any other would be counted, and its
	// figures cached, for nothing.
	subset, err := subsetParam(q)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	year := time.Now().Year() - 1
	if v := q.Get("year"); v != "" {
		if year, err = strconv.Atoi(v); err != nil || year < 1900 || year > 2200 {
			s.pageError(w, r, p, bad("year", "param.whole", 1900, 2200, v))
			return
		}
	}
	// A country is one the rules know: any other would draw zeros.
	country := strings.ToUpper(q.Get("country"))
	if country != "" {
		if _, ok := s.cat.Rules.CountryByCode(country); !ok {
			s.pageError(w, r, p, bad("country", "param.country", q.Get("country")))
			return
		}
	}
	if figure == snapshots.FigureCountry && country == "" {
		country = "KR"
	}
	// The points come from the figure cache; only the step shown is
	// explained, from its two snapshots.
	hopt := snapshots.HistoryOptions{Figure: figure, Year: year, Country: country, Subset: subset,
		Overlay: s.cat.Overlay, ToolVersion: s.version}
	h, err := snapshots.Follow(r.Context(), s.cat.Store, s.cat.Rules, hopt)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	step, _ := strconv.Atoi(q.Get("step"))
	if step > 0 && step < len(h.Points) {
		h.Points[step].Explain, err = snapshots.ExplainStep(r.Context(), s.cat.Store, s.cat.Rules, h.Points[step-1].Snapshot, h.Points[step].Snapshot, hopt)
		if err != nil {
			s.pageError(w, r, p, err)
			return
		}
	}
	chart := publish.Chart{ID: "history", Kind: "line", Title: l.T("history.count", year), Series: []publish.ChartSeries{{Name: l.T("col.count"), Values: []float64{}}}, Categories: []string{}}
	if figure == snapshots.FigureCountry {
		chart.Title = l.T("history.country", country, year)
	}
	var steps []historyStep
	var links []string
	for i, pt := range h.Points {
		v := 0.0
		if pt.Count != nil {
			v = *pt.Count
		}
		st := historyStep{Index: i, Date: pt.Date, Value: publish.FormatCount(v), Explain: i > 0, Selected: i > 0 && i == step,
			Files: strings.Join(pt.Files, ", ")}
		if pt.Break != "" {
			st.Break = l.T("history.break", pt.Break)
			chart.Breaks = append(chart.Breaks, pt.Date)
			chart.BreakLabel = l.T("history.break.short")
		}
		if st.Selected {
			st.FromDate = h.Points[i-1].Date
			for _, e := range pt.Explain {
				st.ExplainedLines = append(st.ExplainedLines, historyLine{Text: fmt.Sprintf("%s → %s (%s)", publish.FormatCount(e.Before), publish.FormatCount(e.After), signedCount(e.Delta))})
				for _, c := range e.Causes {
					t := l.T("cause."+c.Cause) + ": " + c.Model
					if c.Detail != "" {
						t += " (" + c.Detail + ")"
					}
					st.ExplainedLines = append(st.ExplainedLines, historyLine{Text: t + " " + signedCount(c.Contribution), Cause: true})
				}
			}
		}
		steps = append(steps, st)
		chart.Categories = append(chart.Categories, pt.Date)
		chart.Series[0].Values = append(chart.Series[0].Values, v)
		lq := url.Values{"figure": {figure}, "year": {strconv.Itoa(year)}, "lang": {p.Lang}, "step": {strconv.Itoa(i)}}
		if figure == snapshots.FigureCountry {
			lq.Set("country", country)
		}
		if subset != "" {
			lq.Set("subset", subset)
		}
		links = append(links, "/history?"+lq.Encode()+"#step")
	}
	chart.Links = links
	p.Data = map[string]any{"lang": p.Lang, "charts": []publish.Chart{chart}}
	p.Body = map[string]any{"Steps": steps, "Chart": chart, "Figure": figure, "Year": year, "Country": country, "Subset": subset, "Skipped": len(h.Skipped)}
	s.render(w, r, "history.tmpl", p, http.StatusOK)
}

// candidatesPage lists the review queue of candidate models (modelcensus
// discover), newest statuses as the reviewers left them.
func (s *Server) candidatesPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "candidates")
	l := i18n.Lang(p.Lang)
	p.Title = l.T("page.candidates")
	if s.cat.Store == nil {
		p.Body = map[string]any{"NoStore": true}
		s.render(w, r, "candidates.tmpl", p, http.StatusOK)
		return
	}
	status, err := choice(r.URL.Query(), "status", "", "new", "accepted", "rejected", "snoozed")
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	list, err := s.cat.Store.Candidates(r.Context(), status)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	type row struct {
		ID, Name, Organization, Params, Active, Estimate, Status, StatusCode, FirstSeen, Reason string
		Sources                                                                                 []string
	}
	var rows []row
	for _, q := range list {
		var c struct {
			Organization string  `json:"organization"`
			Params       float64 `json:"parameters"`
			Active       float64 `json:"active_parameters"`
			Compute      *struct {
				FLOP float64 `json:"flop"`
			} `json:"compute"`
			Sources []struct {
				URL string `json:"url"`
			} `json:"sources"`
		}
		_ = json.Unmarshal(q.Data, &c)
		rw := row{ID: q.ID, Name: q.Name, Organization: c.Organization, Status: l.T("cand." + q.Status), StatusCode: q.Status,
			FirstSeen: q.FirstSeen.Format("2006-01-02"), Reason: q.Reason}
		if c.Params > 0 {
			rw.Params = strconv.FormatFloat(c.Params, 'g', 3, 64)
		}
		if c.Active > 0 {
			rw.Active = strconv.FormatFloat(c.Active, 'g', 3, 64)
		}
		if c.Compute != nil && c.Compute.FLOP > 0 {
			rw.Estimate = publish.FormatFLOP(c.Compute.FLOP)
		}
		for _, src := range c.Sources {
			rw.Sources = append(rw.Sources, src.URL)
		}
		rows = append(rows, rw)
	}
	p.Body = map[string]any{"Rows": rows, "Status": status}
	s.render(w, r, "candidates.tmpl", p, http.StatusOK)
}

// signedCount prints a count's change with its sign.
func signedCount(v float64) string {
	if v > 0 {
		return "+" + publish.FormatCount(v)
	}
	return publish.FormatCount(v)
}

// overlayPage lists the overlay's entries and their statuses against the
// snapshot shown.
func (s *Server) overlayPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "overlay")
	q := r.URL.Query()
	q.Del("lang")
	res, _, err := s.Census(r.Context(), q)
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	l := i18n.Lang(p.Lang)
	p.Title = l.T("page.overlay")
	type row struct {
		ID, Kind, Model, Status, StatusCode, Detail string
		Sources                                     []string
	}
	var rows []row
	var lines []string
	if o := res.Overlay; o != nil {
		lines = publish.OverlayLines(res, l)[:1]
		for _, st := range o.Statuses {
			rows = append(rows, row{st.ID, l.T("entry." + string(st.Kind)), st.Model, l.T("status." + st.Status), st.Status, publish.StatusDetail(st, l), st.Sources})
		}
	}
	p.Body = map[string]any{"Summary": lines, "Rows": rows}
	s.render(w, r, "overlay.tmpl", p, http.StatusOK)
}

// estimateRow is a line of a model page's estimate table.
type estimateRow struct{ Label, Value string }

// estimateView is a model page's training-compute section: Epoch's figure
// beside modelcensus's estimate from the row's own cells, with its inputs,
// assumptions and warnings, in l; nil when there is neither.
func estimateView(e *census.RowEstimate, l i18n.Lang) map[string]any {
	if e == nil || (e.Estimate == nil && e.Epoch == 0) {
		return nil
	}
	rows := []estimateRow{}
	epoch := "–"
	if e.Epoch > 0 {
		epoch = publish.FormatFLOP(e.Epoch)
		if e.EpochMethod != "" {
			epoch += " (" + e.EpochMethod + ")"
		}
	}
	rows = append(rows, estimateRow{l.T("page.est.epoch"), epoch})
	var inputs []estimateRow
	var notes []string
	if x := e.Estimate; x != nil {
		rows = append(rows, estimateRow{l.T("page.est.ours"), publish.FormatFLOP(x.FLOP) + " · " + l.T("methodshort."+x.Method)},
			estimateRow{l.T("col.confidence"), publish.ConfidenceName(x.Confidence, l)})
		if e.Epoch > 0 {
			rows = append(rows, estimateRow{l.T("col.ratio"), fmt.Sprintf("%.2f", x.FLOP/e.Epoch)})
		}
		for _, in := range x.Inputs {
			v := publish.FormatFLOP(in.Value) + " " + l.T("unit."+in.Unit)
			if in.Text != "" {
				v += " (" + in.Text + ")"
			}
			inputs = append(inputs, estimateRow{l.T("input." + in.Name), v})
		}
		for _, a := range x.Assumptions {
			notes = append(notes, l.T("assume."+a.Code, a.Args...))
		}
	} else {
		rows = append(rows, estimateRow{l.T("page.est.ours"), l.T("rowwarn.no_method")})
	}
	for _, w := range e.Warnings {
		if w.Code != census.WarnNoMethod {
			notes = append(notes, l.T("rowwarn."+w.Code, w.Args...))
		}
	}
	return map[string]any{"Rows": rows, "Inputs": inputs, "Notes": notes}
}

// snapshotsPage lists the snapshots and shows the diff of two.
func (s *Server) snapshotsPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "snapshots")
	list, err := s.cat.Snapshots(r.Context())
	if err != nil {
		s.pageError(w, r, p, err)
		return
	}
	l := i18n.Lang(p.Lang)
	p.Title = l.T("page.snapshots")
	body := map[string]any{"Snapshots": list}
	q := r.URL.Query()
	if q.Get("a") != "" || q.Get("b") != "" {
		dq := url.Values{"a": q["a"], "b": q["b"], "subset": q["subset"]}
		d, err := s.Diff(r.Context(), dq)
		if err != nil {
			s.pageError(w, r, p, err)
			return
		}
		body["Diff"] = d
	}
	p.Body = body
	s.render(w, r, "snapshots.tmpl", p, http.StatusOK)
}

// static serves the dashboard's own scripts and styles, and ECharts.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var body []byte
	var ctype string
	switch name {
	case "echarts.min.js":
		body, ctype = []byte(publish.ECharts), "text/javascript; charset=utf-8"
	case "echarts-ko.js":
		body, ctype = []byte(publish.EChartsKO), "text/javascript; charset=utf-8"
	case "report.js":
		body, ctype = []byte(publish.ReportJS), "text/javascript; charset=utf-8"
	default:
		b, err := files.ReadFile("static/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		body = b
		switch {
		case strings.HasSuffix(name, ".js"):
			ctype = "text/javascript; charset=utf-8"
		case strings.HasSuffix(name, ".css"):
			ctype = "text/css; charset=utf-8"
		case strings.HasSuffix(name, ".svg"):
			ctype = "image/svg+xml"
		default:
			ctype = "application/octet-stream"
		}
	}
	w.Header().Set("Content-Type", ctype)
	s.send(w, r, body, "public, max-age=3600")
}

// domainGroups names domain groups in l, comma-separated.
func domainGroups(groups []string, l i18n.Lang) string {
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = publish.DomainGroupName(g, l)
	}
	return strings.Join(names, ", ")
}
