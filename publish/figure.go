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
