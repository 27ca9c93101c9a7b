package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// tableParams are the query parameters of /api/v1/table, named as the
// flags of `modelcensus table`; filter and merge may be repeated.
var tableParams = []string{"snapshot", "as-of", "subset", "from", "to", "attribution", "country-by", "org-level", "min-compute",
	"by", "measure", "filter", "min-models", "multinational", "blank-country", "duplicates", "merge", "lang", "format"}

// tableSpec reads a figure from the query, as `modelcensus table` reads
// its flags.
func tableSpec(q url.Values) (census.TableSpec, error) {
	var s census.TableSpec
	for k, v := range q {
		if !slices.Contains(tableParams, k) {
			return s, bad(k, "param.unknown", strings.Join(tableParams, ", "))
		}
		if len(v) > 1 && k != "filter" && k != "merge" {
			return s, bad(k, "param.twice", len(v))
		}
	}
	opt, err := censusOptions(url.Values{"from": q["from"], "to": q["to"], "attribution": q["attribution"],
		"country-by": q["country-by"], "org-level": q["org-level"], "min-compute": q["min-compute"]})
	if err != nil {
		return s, err
	}
	minModels, err := intParam(q, "min-models", 1, 1000000)
	if err != nil {
		return s, err
	}
	s, err = census.ParseFigure(census.FigureValues{By: q.Get("by"), Measure: q.Get("measure"), Filters: q["filter"], MinModels: minModels,
		Multinational: q.Get("multinational"), BlankCountry: q.Get("blank-country"), Duplicates: q.Get("duplicates"), Merge: q["merge"]}, opt)
	return s, specParamError(err)
}

// specParamError names the parameter of a figure that cannot be made.
func specParamError(err error) error {
	if err == nil {
		return nil
	}
	if param, key, args, ok := publish.FigureErrorKey(err); ok {
		return &ParamError{Param: param, Message: i18n.EN.T(key, args...), key: key, args: args}
	}
	var ce *census.CountingError
	if errors.As(err, &ce) {
		return bad(strings.ReplaceAll(ce.Rule, "_", "-"), "param.choice", ce.Choices, ce.Value)
	}
	return &ParamError{Param: "from", Message: err.Error()}
}

// Table makes the figure that /api/v1/table returns.
func (s *Server) Table(ctx context.Context, q url.Values) (*census.Table, error) {
	spec, err := tableSpec(q)
	if err != nil {
		return nil, err
	}
	ds, _, err := s.datasetParam(ctx, q)
	if err != nil {
		return nil, err
	}
	return census.MakeTable(ds, spec)
}

// tableFormat finds the format of /api/v1/table: the table formats, and
// the formats of the server's registry that write a recipe (a workbook,
// the HTML brief), which write the figure as `modelcensus table` does.
func (s *Server) tableFormat(name string) (*publish.Format, error) {
	reg := s.formats
	if reg == nil {
		reg = publish.Builtin()
	}
	if f, ok := reg.Lookup(name); ok && f.Recipe != nil && f.Name != publish.FormatPDF {
		return f, nil
	}
	var choices []string
	for _, n := range reg.Recipes() {
		if n != publish.FormatPDF {
			choices = append(choices, n)
		}
	}
	return nil, bad("format", "param.format", name, strings.Join(choices, ", "))
}

// apiTable is /api/v1/table: one figure, in the JSON of `modelcensus
// table --format json` (format=csv, markdown, text, html or xlsx for the
// others).
func (s *Server) apiTable(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if _, err := tableSpec(q); err != nil {
		s.fail(w, r, err)
		return
	}
	name := q.Get("format")
	if name == "" {
		name = publish.FormatJSON
	}
	format, err := s.tableFormat(name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang, err := choice(q, "lang", "en", "ko")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l := i18n.EN
	if lang == "ko" {
		l = i18n.KO
	}
	mime := map[string]string{"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8",
		"markdown": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8"}[format.Name]
	if mime == "" {
		mime = format.MIME
	}
	if format.Binary {
		w.Header().Set("Content-Disposition", `attachment; filename="table.`+format.Ext+`"`)
	}
	s.cachedBytes(w, r, "table", mime, func(q url.Values) ([]byte, error) {
		t, err := s.Table(r.Context(), q)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		err = publish.WriteFigure(r.Context(), &b, t, format, "", publish.Options{Lang: l, Version: s.version, Formats: s.formats})
		return b.Bytes(), err
	})
}
