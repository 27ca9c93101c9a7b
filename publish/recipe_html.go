package publish

import (
	"bytes"
	"context"
	_ "embed"
	"html/template"
	"io"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

//go:embed recipe.html.tmpl
var recipeTemplate string

// RecipeDocument is a recipe's figures made over a source
// (census.MakeRecipe), with the sections the recipe asks for: the
// Thresholds section and the trend of training compute (recipe keys
// thresholds and trend, or report --thresholds).
type RecipeDocument struct {
	Recipe     *census.Recipe
	Tables     []census.RecipeTable
	Thresholds *census.ThresholdsResult
	Trend      *census.Trend
}

// reportStyle is the report's style sheet, which the recipe's brief
// shares.
func reportStyle() string {
	_, s, _ := strings.Cut(reportTemplate, "<style>")
	s, _, _ = strings.Cut(s, "</style>")
	return s
}

// htmlTableOf is t as the template shows it.
func htmlTableOf(t Table) htmlTable {
	ht := htmlTable{Table: t}
	for i, row := range t.Rows {
		cells := make([]htmlCell, len(row))
		for j, c := range row {
			cells[j] = htmlCell{Text: c, Right: j < len(t.Right) && t.Right[j]}
			if i < len(t.Raw) && j < len(t.Raw[i]) {
				cells[j].Value = t.Raw[i][j]
			}
		}
		ht.Cells = append(ht.Cells, cells)
	}
	return ht
}

// WriteRecipeHTML writes a recipe's brief as one self-contained HTML
// file, as the census's brief is written: each figure's title, its chart
// (where the recipe gives it one), its table, its note and its rules;
// then the Thresholds section when d has one, and the source.
func WriteRecipeHTML(w io.Writer, d *RecipeDocument, l i18n.Lang, version string) error {
	return writeRecipeHTML(w, d, l, version, false, "")
}

func writeRecipeHTML(w io.Writer, d *RecipeDocument, l i18n.Lang, version string, forPDF bool, trendImg template.URL) error {
	tmpl, err := template.New("recipe").Funcs(template.FuncMap{
		"T": func(key string, args ...any) string { return l.T(key, args...) },
	}).Parse(recipeTemplate)
	if err == nil {
		// The report's template gives the "table" block.
		_, err = tmpl.New("report").Parse(reportTemplate)
	}
	if err != nil {
		return err
	}
	lang := string(l)
	type figure struct {
		ID, Title, Note, Rules string
		Chart                  *Chart
		Table                  htmlTable
	}
	var figs []figure
	// Room for every chart: the figures point into it.
	charts := make([]Chart, 0, len(d.Tables))
	for _, rt := range d.Tables {
		t := DataTable(rt.Table, rt.Figure.Title.In(lang), l)
		t.ID = rt.Figure.ID
		f := figure{ID: rt.Figure.ID, Title: rt.Figure.Title.In(lang), Note: rt.Figure.Note.In(lang),
			Rules: TableRulesLine(rt.Table, l), Table: htmlTableOf(t)}
		if rt.Figure.Chart != census.ChartNone {
			if c, ok := TableChart(rt.Table, rt.Figure.Title.In(lang), l); ok {
				c.ID, c.Table = rt.Figure.ID, rt.Figure.ID
				if len(rt.Table.By) == 1 {
					c.Kind = rt.Figure.Chart
				}
				charts = append(charts, c)
				f.Chart = &charts[len(charts)-1]
			}
		}
		figs = append(figs, f)
	}
	var source []string
	if len(d.Tables) > 0 {
		source = append(source, TableSourceLine(d.Tables[0].Table, l))
	}
	data := map[string]any{"lang": lang, "charts": charts, "threshold": 1e23, "thresholdLabel": l.T("chart.threshold", FormatFLOP(1e23)),
		"estimatedLabel": l.T("chart.estimated"), "countLabel": l.T("col.count")}
	var buf bytes.Buffer
	err = tmpl.ExecuteTemplate(&buf, "recipe", map[string]any{
		"Lang": lang, "PDF": forPDF, "Title": d.Recipe.Title.In(lang), "Description": d.Recipe.Description.In(lang),
		"Style": template.CSS(reportStyle()), "Figures": figs, "Source": source, "Version": version,
		"Thresholds": thresholdSection(&Document{Thresholds: d.Thresholds, Trend: d.Trend}, l, trendImg),
		"ECharts":    template.JS(ECharts), "EChartsKO": template.JS(EChartsKO), "Data": data, "Script": template.JS(ReportJS),
	})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// recipeTrendImage is d's trend chart as a data URL for the brief, or "".
func recipeTrendImage(d *RecipeDocument, o Options) template.URL {
	if d.Trend == nil {
		return ""
	}
	return withTrendImage(&Document{Thresholds: d.Thresholds, Trend: d.Trend}, o).trendImage
}

// writeRecipeHTMLFormat is the html format's recipe writer.
func writeRecipeHTMLFormat(_ context.Context, w io.Writer, d *RecipeDocument, o Options) error {
	if o.Lang == i18n.KO {
		if _, ok := CJKFont(); !ok {
			return NoCJKFontError{}
		}
	}
	return writeRecipeHTML(w, d, o.Lang, o.Version, false, recipeTrendImage(d, o))
}

// writeRecipePDF is the pdf format's recipe writer: the brief printed by
// a headless Chromium, as the census's.
func writeRecipePDF(ctx context.Context, w io.Writer, d *RecipeDocument, o Options) error {
	return printPDF(ctx, w, func(b *bytes.Buffer) error {
		return writeRecipeHTML(b, d, o.Lang, o.Version, true, recipeTrendImage(d, o))
	})
}

// recipeTextWriter is the recipe writer of a format that WriteRecipe
// writes (text, json, csv, markdown).
func recipeTextWriter(format string) func(context.Context, io.Writer, *RecipeDocument, Options) error {
	return func(_ context.Context, w io.Writer, d *RecipeDocument, o Options) error {
		return WriteRecipe(w, d.Recipe, d.Tables, format, o.Lang)
	}
}
