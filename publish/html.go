package publish

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// ECharts is the vendored ECharts library (publish/assets, from npm; see
// scripts/vendor-echarts.sh), inlined into every report so that it needs no
// network.
//
//go:embed assets/echarts.min.js
var ECharts string

// EChartsKO is ECharts' Korean locale (month and tool names), from the
// same package; it runs after ECharts.
//
//go:embed assets/echarts-langKO.js
var EChartsKO string

//go:embed report.html.tmpl
var reportTemplate string

// ReportJS draws the charts of the report and of the dashboard.
//
//go:embed report.js
var ReportJS string

// Chart is one chart of the report: its data, for ECharts in the page and
// for the SVG and workbook charts.
type Chart struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Kind is "bar" (vertical, years), "hbar" (horizontal, names),
	// "scatter" (the compute chart) or "line" (a figure over snapshots).
	Kind       string          `json:"kind"`
	Categories []string        `json:"categories,omitempty"`
	Series     []ChartSeries   `json:"series,omitempty"`
	Scatter    []ScatterSeries `json:"scatter,omitempty"`
	// Trend, for a "trend" chart, is the fitted trend to draw (TrendChart).
	Trend *TrendChartData `json:"trend,omitempty"`
	// Table is the id of the table behind the chart.
	Table string `json:"table"`
	// Links, for a "line" chart, are where a click on each point leads;
	// Breaks are the categories where the series breaks (another dataset),
	// and BreakLabel says so.
	Links      []string `json:"links,omitempty"`
	Breaks     []string `json:"breaks,omitempty"`
	BreakLabel string   `json:"break_label,omitempty"`
	// AloneTitle, where set, is the title of the chart drawn alone, with
	// no table beside it to send the reader to (Alone).
	AloneTitle string `json:"-"`
}

// Alone returns the chart as it is drawn on its own (modelcensus chart):
// its title says how many of the list it shows, not that a table lists
// them all.
func (c Chart) Alone() Chart {
	if c.AloneTitle != "" {
		c.Title = c.AloneTitle
	}
	return c
}

// ChartSeries is one series of a bar chart.
type ChartSeries struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

// MaxBars caps the bars of a name chart; the table lists them all.
const MaxBars = 15

// Charts returns the report's charts in l: one for every figure of the
// census that is drawn (census.Figures), in report order. A bar chart
// takes its categories and values from the figure's Label and Value
// columns, leaves out the total row and shows the first MaxBars of a
// list. The compute chart needs the models; with a document without
// models it is left out.
func Charts(d *Document, l i18n.Lang) []Chart {
	r := d.Result
	var out []Chart
	for _, f := range r.Figures() {
		title := f.Text(f.Title, string(l), r, cagrText(r, l))
		if f.ChartTitle.EN != "" {
			title = f.Text(f.ChartTitle, string(l), r, cagrText(r, l))
		}
		c := Chart{ID: f.Name(), Title: title, Kind: f.Chart, Table: f.ID}
		switch f.Chart {
		case census.ChartNone:
			continue
		case census.ChartScatter:
			if len(d.Models) == 0 {
				continue
			}
			c.Scatter = d.Scatter(l)
		default:
			label, value := -1, -1
			for i, col := range f.Columns {
				if col.ID == f.Label && label < 0 {
					label = i
				}
				if col.ID == f.Value && value < 0 {
					value = i
				}
			}
			var rows []census.Row
			for _, row := range f.Rows(r) {
				if !row.Total {
					rows = append(rows, row)
				}
			}
			if f.Chart == census.ChartHBar && len(rows) > MaxBars {
				// A chart shows the first MaxBars of a list, and says so;
				// the table lists them all.
				c.AloneTitle = c.Title + " " + l.T("chart.top_n_alone", MaxBars, len(rows))
				c.Title += " " + l.T("chart.top_n", MaxBars, len(rows))
				rows = rows[:MaxBars]
			}
			s := ChartSeries{Name: f.Text(f.Columns[value].Title, string(l), r, ""), Values: []float64{}}
			c.Categories = []string{} // an empty list draws an empty chart, not an error
			for _, row := range rows {
				c.Categories = append(c.Categories, ValueText(f.Columns[label].Kind, row.Cells[label], l))
				s.Values = append(s.Values, row.Cells[value].Num)
			}
			c.Series = []ChartSeries{s}
		}
		out = append(out, c)
	}
	return out
}

// htmlTable is a table as the template shows it.
type htmlTable struct {
	Table
	Cells [][]htmlCell
}

type htmlCell struct {
	Text, Value string
	Right       bool
}

// WriteHTML writes the report as one self-contained HTML file: styles,
// ECharts and data inlined, no request to any network.
func WriteHTML(w io.Writer, d *Document, l i18n.Lang, version string) error {
	return writeHTML(w, d, l, version, false)
}

// writeHTML is WriteHTML; forPDF lays the page out for A4 from the start
// (its charts are drawn at print size when the page loads, since a
// headless browser prints without drawing them again).
func writeHTML(w io.Writer, d *Document, l i18n.Lang, version string, forPDF bool) error {
	r := d.Result
	tmpl, err := template.New("report").Funcs(template.FuncMap{
		"T": func(key string, args ...any) string { return l.T(key, args...) },
	}).Parse(reportTemplate)
	if err != nil {
		return err
	}
	prose, _ := HeadlineProse(r, l)
	charts := Charts(d, l)
	chartOf := map[string]Chart{}
	for _, c := range charts {
		chartOf[c.Table] = c
	}
	type figure struct {
		ID    string
		Chart *Chart
		Table htmlTable
	}
	// Every figure but the notes, which have a section of their own.
	var figures []figure
	for _, t := range Tables(r, l) {
		if t.ID == census.FigureNotes {
			continue
		}
		ht := htmlTableOf(t)
		fig := figure{ID: t.ID, Table: ht}
		if c, ok := chartOf[t.ID]; ok {
			fig.Chart = &c
		}
		figures = append(figures, fig)
	}
	title := Headline(r, l)[0]
	data := map[string]any{"lang": string(l), "charts": charts, "threshold": census.LargeScaleFLOP, "thresholdLabel": l.T("chart.threshold", FormatFLOP(census.LargeScaleFLOP)), "estimatedLabel": l.T("chart.estimated"), "countLabel": l.T("col.count")}
	var buf bytes.Buffer
	err = tmpl.Execute(&buf, map[string]any{
		"Lang": string(l), "PDF": forPDF, "Title": title, "Headline": Headline(r, l)[1:], "Prose": prose,
		"Figures": figures, "Source": SourceLines(r, l), "Notes": r.Notes,
		"NoteText": func(n census.Note) string { return NoteText(n, l) },
		"More": func(n census.Note) string {
			if extra := n.Count - len(n.Items); extra > 0 {
				return l.T("note.more", extra)
			}
			return ""
		},
		"Result": r, "Version": version,
		"Thresholds": thresholdSection(d, l, d.trendImage),
		"Method": []string{
			l.T("method.snapshot", r.Source.SnapshotDate, BasisText(r.Source.DateBasis, r.Source.DatePath, l)),
			l.T("method.names", r.Settings.RulesVersion),
		},
		"ECharts": template.JS(ECharts), "EChartsKO": template.JS(EChartsKO), "Data": data, "Script": template.JS(ReportJS),
	})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
