package publish

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"
	"strconv"

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
	// Kind is "bar" (vertical, years), "hbar" (horizontal, names) or
	// "scatter" (the compute chart).
	Kind       string          `json:"kind"`
	Categories []string        `json:"categories,omitempty"`
	Series     []ChartSeries   `json:"series,omitempty"`
	Scatter    []ScatterSeries `json:"scatter,omitempty"`
	// Table is the id of the table behind the chart.
	Table string `json:"table"`
}

// ChartSeries is one series of a bar chart.
type ChartSeries struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

// MaxBars caps the bars of a name chart; the table lists them all.
const MaxBars = 15

// Charts returns the report's charts in l. The compute chart needs the
// models; with a nil document's models it is left out.
func Charts(d *Document, l i18n.Lang) []Chart {
	r := d.Result
	cagr := l.T("report.cagr.undef")
	if r.CAGR != nil {
		cagr = FormatPercent(*r.CAGR)
	}
	var years []string
	var counts, multi []float64
	for i, y := range r.PerYear {
		years = append(years, strconv.Itoa(y.Year))
		counts = append(counts, float64(y.Count))
		multi = append(multi, float64(r.MultimodalPerYear[i].Count))
	}
	out := []Chart{{ID: "per_year", Title: l.T("chart.per_year", cagr), Kind: "bar", Categories: years,
		Series: []ChartSeries{{Name: l.T("col.count"), Values: counts}}, Table: "per_year"}}
	// A chart shows the first MaxBars of a list, and says so; the table
	// lists them all.
	topOf := func(title string, n int) string {
		if n > MaxBars {
			return title + " " + l.T("chart.top_n", MaxBars, n)
		}
		return title
	}
	countries := func(id, title string, list []census.CountryCount) Chart {
		c := Chart{ID: id, Title: topOf(title, len(list)), Kind: "hbar", Table: id}
		s := ChartSeries{Name: l.T("col.count")}
		for i, x := range list {
			if i == MaxBars {
				break
			}
			c.Categories = append(c.Categories, CountryName(x, l))
			s.Values = append(s.Values, x.Count)
		}
		c.Series = []ChartSeries{s}
		return c
	}
	names := func(id, title string, list []census.NameCount, label func(string) string) Chart {
		c := Chart{ID: id, Title: topOf(title, len(list)), Kind: "hbar", Table: id}
		s := ChartSeries{Name: l.T("col.count")}
		for i, x := range list {
			if i == MaxBars {
				break
			}
			c.Categories = append(c.Categories, label(x.Name))
			s.Values = append(s.Values, x.Count)
		}
		c.Series = []ChartSeries{s}
		return c
	}
	same := func(s string) string { return s }
	dg := func(s string) string { return DomainGroupName(s, l) }
	out = append(out,
		countries("countries", l.T("h.countries", r.Period.From, r.Period.To), r.Countries),
		countries("countries_latest", l.T("h.countries_latest", r.Period.To), r.CountriesLatest),
		names("organizations_latest", l.T("h.orgs_latest", r.Period.To), r.OrganizationsLatest, same),
		names("domains", l.T("h.domains", r.Period.From, r.Period.To), r.Domains, dg),
		Chart{ID: "multimodal", Title: l.T("h.multimodal"), Kind: "bar", Categories: years,
			Series: []ChartSeries{{Name: l.T("col.multimodal"), Values: multi}}, Table: "per_year"},
	)
	if len(d.Models) > 0 {
		out = append(out, Chart{ID: "compute", Title: l.T("chart.compute"), Kind: "scatter", Scatter: d.Scatter(l), Table: "top_compute_latest"})
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
	r := d.Result
	tmpl, err := template.New("report").Funcs(template.FuncMap{
		"T": func(key string, args ...any) string { return l.T(key, args...) },
	}).Parse(reportTemplate)
	if err != nil {
		return err
	}
	prose, _ := HeadlineProse(r, l)
	var tables []htmlTable
	for _, t := range append(Tables(r, l), multimodalTable(r, l)) {
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
		tables = append(tables, ht)
	}
	charts := Charts(d, l)
	byTable := map[string]htmlTable{}
	for _, t := range tables {
		byTable[t.ID] = t
	}
	type figure struct {
		Chart Chart
		Table htmlTable
	}
	var figures []figure
	shown := map[string]bool{}
	for _, c := range charts {
		id := c.Table
		if c.ID == "multimodal" {
			id = "multimodal"
		}
		figures = append(figures, figure{Chart: c, Table: byTable[id]})
		shown[id] = true
	}
	var rest []htmlTable
	for _, t := range tables {
		if !shown[t.ID] {
			rest = append(rest, t)
		}
	}
	title := Headline(r, l)[0]
	data := map[string]any{"lang": string(l), "charts": charts, "threshold": 1e23, "thresholdLabel": l.T("chart.threshold"), "countLabel": l.T("col.count")}
	var buf bytes.Buffer
	err = tmpl.Execute(&buf, map[string]any{
		"Lang": string(l), "Title": title, "Headline": Headline(r, l)[1:], "Prose": prose,
		"Figures": figures, "Tables": rest, "Source": SourceLines(r, l), "Notes": r.Notes,
		"NoteText": func(n census.Note) string { return NoteText(n, l) },
		"More": func(n census.Note) string {
			if extra := n.Count - len(n.Items); extra > 0 {
				return l.T("note.more", extra)
			}
			return ""
		},
		"Result": r, "Version": version,
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

func multimodalTable(r *census.Result, l i18n.Lang) Table {
	t := Table{ID: "multimodal", Title: l.T("h.multimodal"), Headers: []string{l.T("col.year"), l.T("col.multimodal"), l.T("col.count")},
		Right: []bool{false, true, true}}
	for i, y := range r.MultimodalPerYear {
		all := r.PerYear[i].Count
		t.Rows = append(t.Rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Count), strconv.Itoa(all)})
		t.Raw = append(t.Raw, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Count), strconv.Itoa(all)})
	}
	return t
}
