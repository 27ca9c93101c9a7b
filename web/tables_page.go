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

// Recipes are the recipes the Tables page shows whole (?recipe=NAME):
// their names, and how one is read (rules.LoadRecipe, which main wires).
type Recipes struct {
	Names []string
	Load  func(name string) (*census.Recipe, error)
}

// UseRecipes makes the Tables page offer r's recipes. It returns s.
func (s *Server) UseRecipes(r Recipes) *Server {
	s.recipes = r
	return s
}

// recipeFigure is one figure of a recipe as the page shows it.
type recipeFigure struct {
	ID, Title, Note, Rules string
	Table                  publish.Table
	Chart                  *publish.Chart
}

// recipeView renders every figure of a recipe over the page's snapshot.
func (s *Server) recipeView(r *http.Request, name string, l i18n.Lang) (map[string]any, []publish.Chart, error) {
	if s.recipes.Load == nil {
		return nil, nil, bad("recipe", "param.choice", "", name)
	}
	rc, err := s.recipes.Load(name)
	if err != nil {
		return nil, nil, &ParamError{Param: "recipe", Message: err.Error()}
	}
	q := r.URL.Query()
	id, err := s.snapshotParam(r.Context(), q)
	if err != nil {
		return nil, nil, err
	}
	subset, err := subsetParam(q)
	if err != nil {
		return nil, nil, err
	}
	if subset == "" {
		subset = rc.Rules.Subset
	}
	ds, _, err := s.cat.Dataset(r.Context(), id, subset)
	if err != nil {
		return nil, nil, err
	}
	tables, err := census.MakeRecipe(ds, rc, census.TableSpec{})
	if err != nil {
		return nil, nil, &ParamError{Param: "recipe", Message: err.Error()}
	}
	var figs []recipeFigure
	var charts []publish.Chart
	for _, t := range tables {
		f := recipeFigure{ID: t.Figure.ID, Title: t.Figure.Title.In(string(l)), Note: t.Figure.Note.In(string(l)),
			Rules: publish.TableRulesLine(t.Table, l), Table: publish.DataTable(t.Table, "", l)}
		f.Table.ID = "recipe-" + t.Figure.ID
		if t.Figure.Chart != census.ChartNone {
			if c, ok := publish.TableChart(t.Table, "", l); ok {
				c.ID = "recipe-" + t.Figure.ID
				f.Chart = &c
				charts = append(charts, c)
			}
		}
		figs = append(figs, f)
	}
	out := map[string]any{"Title": rc.Title.In(string(l)), "Description": rc.Description.In(string(l)), "Figures": figs}
	if len(tables) > 0 {
		out["Source"] = publish.TableSourceLine(tables[0].Table, l)
	}
	return out, charts, nil
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
	body["Recipes"] = s.recipes.Names
	if name := q.Get("recipe"); name != "" {
		view, charts, err := s.recipeView(r, name, l)
		if err != nil {
			s.pageError(w, r, p, err)
			return
		}
		body["Recipe"] = view
		p.Data = map[string]any{"lang": p.Lang, "charts": charts}
		p.Body = body
		s.render(w, r, "tables.tmpl", p, http.StatusOK)
		return
	}
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
		for _, f := range []string{"csv", "json", "markdown", "xlsx", "html"} {
			if _, err := s.tableFormat(f); err != nil {
				continue // a registry without the workbook
			}
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
