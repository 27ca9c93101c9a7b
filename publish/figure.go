package publish

import (
	"context"
	"errors"
	"io"

	"github.com/modelcensus/modelcensus/census"
)

// ErrTableChart is WriteFigure's error for a chart of a figure that an
// image cannot draw: an image draws one dimension.
var ErrTableChart = errors.New("a chart draws a figure of one dimension")

// FigureFormats lists the formats one figure is written in (`modelcensus
// table`): every format of r that writes a recipe (text, json, csv,
// markdown, html, pdf, xlsx), then its chart formats (svg, png).
func (r *Registry) FigureFormats() []string {
	return append(r.Recipes(), r.Charts()...)
}

// WriteFigure writes one figure t, titled title, in format f of the
// registry: the table formats (text, json, csv, markdown) as the table
// contract says (WriteDataTable); a chart format as the figure's chart
// (ErrTableChart when it has not one dimension); another recipe format
// (html, pdf, xlsx) as a recipe of that one figure, with a native chart
// where it has one dimension.
func WriteFigure(ctx context.Context, w io.Writer, t *census.Table, f *Format, title string, o Options) error {
	if name, ok := LookupTableFormat(f.Name); ok {
		return WriteDataTable(w, t, name, title, o.Lang)
	}
	if f.Chart != nil {
		c, ok := TableChart(t, title, o.Lang)
		if !ok || len(t.By) != 1 {
			return ErrTableChart
		}
		return f.Chart(w, c, o.Lang)
	}
	text := census.Text{EN: title, KO: title}
	if title == "" {
		text = figureTitle(t)
	}
	fig := census.RecipeFigure{ID: "table", By: t.By, Measure: t.Measure, Title: text}
	if len(t.By) == 1 {
		fig.Chart = census.ChartHBar
		if t.By[0] == census.DimYear {
			fig.Chart = census.ChartBar
		}
	}
	rec := &census.Recipe{ID: "table", Title: fig.Title, Figures: []census.RecipeFigure{fig}}
	return f.Recipe(ctx, w, &RecipeDocument{Recipe: rec, Tables: []census.RecipeTable{{Figure: fig, Table: t}}}, o)
}

// figureTitle names a figure without a title by its measure and its
// dimensions: "Models — Country × Year".
func figureTitle(t *census.Table) census.Text {
	m, _ := census.LookupMeasure(t.Measure)
	out := m.Title
	for i, id := range t.By {
		d, _ := census.LookupDimension(id)
		sep := " × "
		if i == 0 {
			sep = " — "
		}
		out.EN += sep + d.Title.EN
		out.KO += sep + d.Title.KO
	}
	return out
}

// FigureErrorKey translates a figure that cannot be made (census's
// *SpecError or *FilterError) once for every edge: the parameter or flag
// it concerns (by, measure, min-models, merge, filter), and the message's
// key in package i18n and its arguments. ok is false for other errors.
func FigureErrorKey(err error) (param, key string, args []any, ok bool) {
	var se *census.SpecError
	var fe *census.FilterError
	switch {
	case errors.As(err, &se):
		param = map[string]string{census.SpecDimension: "by", census.SpecRepeated: "by", census.SpecMeasure: "measure",
			census.SpecMinModels: "min-models", census.SpecMerge: "merge"}[se.Code]
		key = map[string]string{census.SpecDimension: "err.unknown_dim", census.SpecMeasure: "err.unknown_measure",
			census.SpecRepeated: "err.repeated_dim", census.SpecMinModels: "err.min_models", census.SpecMerge: "err.bad_merge"}[se.Code]
		return param, key, se.Args, true
	case errors.As(err, &fe):
		key = map[string]string{census.FilterSyntax: "err.filter_syntax", census.FilterField: "err.filter_field",
			census.FilterNumber: "err.filter_number", census.FilterDateValue: "err.filter_date", census.FilterOp: "err.filter_op"}[fe.Code]
		return "filter", key, append([]any{fe.Filter}, fe.Args...), true
	}
	return "", "", nil, false
}
