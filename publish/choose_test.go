package publish_test

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// chartRegistry holds two chart formats (svg, and png that needs a file)
// and one that draws none (json).
func chartRegistry() *publish.Registry {
	draw := func(io.Writer, publish.Chart, i18n.Lang) error { return nil }
	var r publish.Registry
	r.Register(publish.Format{Name: "json", Ext: "json"})
	r.Register(publish.Format{Name: "svg", Ext: "svg", Chart: draw})
	r.Register(publish.Format{Name: "png", Ext: "png", Binary: true, Chart: draw})
	return &r
}

func TestChartFormat(t *testing.T) {
	r := chartRegistry()
	for _, c := range []struct{ format, output, want, flag string }{
		{"", "", "svg", ""},
		{"", "-", "svg", ""},
		{"", "c.png", "png", ""},
		{"png", "c.png", "png", ""},
		{"svg", "c.png", "", "--format"},
		{"", "c.json", "", "-o"},
		{"json", "", "", "--format"},
	} {
		f, err := r.ChartFormat(c.format, c.output)
		var ce *publish.ChoiceError
		switch {
		case c.flag != "" && (!errors.As(err, &ce) || ce.Flag != c.flag):
			t.Errorf("%q %q: %v; want a choice error of %s", c.format, c.output, err, c.flag)
		case c.flag == "" && (err != nil || f.Name != c.want):
			t.Errorf("%q %q: %v %v; want %s", c.format, c.output, f, err, c.want)
		}
	}
	if _, err := r.ChartFormat("png", ""); !errors.As(err, new(*publish.NeedsOutputError)) {
		t.Errorf("png to standard output: %v; want NeedsOutputError", err)
	}
}

func TestTrendFormat(t *testing.T) {
	r := chartRegistry()
	for _, c := range []struct{ format, output, want string }{
		{"", "", "text"}, {"JSON", "", "json"}, {"", "t.json", "json"}, {"", "t.png", "png"}, {"", "t.txt", "text"}, {"svg", "", "svg"},
	} {
		name, chart, err := r.TrendFormat(c.format, c.output)
		if err != nil || name != c.want || (chart != nil) != (c.want == "svg" || c.want == "png") {
			t.Errorf("%q %q: %q %v %v; want %s", c.format, c.output, name, chart, err, c.want)
		}
	}
	if _, _, err := r.TrendFormat("pdf", "t.pdf"); !errors.As(err, new(*publish.ChoiceError)) {
		t.Errorf("pdf: %v; want a choice error", err)
	}
	if _, _, err := r.TrendFormat("png", "-"); !errors.As(err, new(*publish.NeedsOutputError)) {
		t.Errorf("png to standard output: %v; want NeedsOutputError", err)
	}
}

// A report, a recipe and a figure each take the formats that write them,
// and a binary one only into a file.
func TestReportRecipeFigureFormat(t *testing.T) {
	draw := func(io.Writer, publish.Chart, i18n.Lang) error { return nil }
	report := func(context.Context, io.Writer, *publish.Document, publish.Options) error { return nil }
	recipe := func(context.Context, io.Writer, *publish.RecipeDocument, publish.Options) error { return nil }
	var r publish.Registry
	r.Register(publish.Format{Name: "text", Ext: "txt", Report: report, Recipe: recipe})
	r.Register(publish.Format{Name: "xlsx", Ext: "xlsx", Binary: true, Report: report})
	r.Register(publish.Format{Name: "svg", Ext: "svg", Chart: draw})
	for _, c := range []struct {
		choose         func(string, string) (*publish.Format, error)
		format, output string
		err            string // "", "choice" or "file"
		choices        string
	}{
		{r.ReportFormat, "text", "", "", ""},
		{r.ReportFormat, "xlsx", "r.xlsx", "", ""},
		{r.ReportFormat, "xlsx", "-", "file", ""},
		{r.ReportFormat, "svg", "", "choice", "text, xlsx"},
		{r.RecipeFormat, "text", "", "", ""},
		{r.RecipeFormat, "xlsx", "r.xlsx", "choice", "text"},
		{r.FigureFormat, "svg", "", "", ""},
		{r.FigureFormat, "nope", "", "choice", "text, svg"},
	} {
		f, err := c.choose(c.format, c.output)
		var ce *publish.ChoiceError
		var ne *publish.NeedsOutputError
		switch c.err {
		case "":
			if err != nil || f.Name != c.format {
				t.Errorf("%q %q: %v %v", c.format, c.output, f, err)
			}
		case "choice":
			if !errors.As(err, &ce) || ce.Flag != "--format" || ce.Value != c.format || ce.Choices != c.choices {
				t.Errorf("%q %q: %v; want a choice of %s", c.format, c.output, err, c.choices)
			}
		case "file":
			if !errors.As(err, &ne) || ne.Format != c.format {
				t.Errorf("%q %q: %v; want it to need a file", c.format, c.output, err)
			}
		}
	}
}
