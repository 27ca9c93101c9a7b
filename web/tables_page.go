package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// tablesQuery is a Tables page's query as /api/v1/table takes it: the
// form's two dimension menus joined into one by, and empty fields left
// out.
func tablesQuery(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		if k == "lang" {
			continue
		}
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				out.Add(k, v)
			}
		}
	}
	if by := out["by"]; len(by) > 1 {
		out.Set("by", strings.Join(by, ","))
	}
	return out
}

// tablesPage is the dashboard's Tables page: choose the dimensions, the
// measure, filters and rules (the state is the URL's query, the same
// parameters as /api/v1/table); the table, a chart and the downloads
// follow.
func (s *Server) tablesPage(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "tables")
	l := i18n.Lang(p.Lang)
	p.Title = l.T("page.tables")
	q := tablesQuery(r.URL.Query())
	by := strings.Split(q.Get("by"), ",")
	body := map[string]any{"Dimensions": census.DimensionIDs(), "Measures": census.MeasureIDs(),
		"By1": by[0], "By2": "", "Filters": append(r.URL.Query()["filter"], "", "")[:max(2, len(r.URL.Query()["filter"])+1)]}
	if len(by) > 1 {
		body["By2"] = by[1]
	}
	dims := map[string]string{}
	for _, d := range census.Dimensions() {
		dims[d.ID] = d.Title.In(string(l))
	}
	measures := map[string]string{}
	for _, m := range census.Measures() {
		measures[m.ID] = m.Title.In(string(l))
	}
	body["DimTitles"], body["MeasureTitles"] = dims, measures
	if len(q) > 0 {
		t, err := s.Table(r.Context(), q)
		if err != nil {
			s.pageError(w, r, p, err)
			return
		}
		table := publish.DataTable(t, "", l)
		body["Table"], body["Rules"], body["Selected"] = table, publish.TableRulesLine(t, l), l.T("table.selected", t.Total)
		body["Source"] = publish.TableSourceLine(t, l)
		downloads := map[string]string{}
		for _, f := range []string{"csv", "json", "markdown"} {
			dq := url.Values{}
			for k, v := range q {
				dq[k] = v
			}
			dq.Set("format", f)
			dq.Set("lang", p.Lang)
			downloads[f] = "/api/v1/table?" + dq.Encode()
		}
		body["Downloads"] = downloads
		if c, ok := publish.TableChart(t, "", l); ok {
			body["Chart"] = c
			p.Data = map[string]any{"lang": p.Lang, "charts": []publish.Chart{c}}
		}
	}
	p.Body = body
	s.render(w, r, "tables.tmpl", p, http.StatusOK)
}
