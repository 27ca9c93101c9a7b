package publish

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// LawName is a threshold law's name in l.
func LawName(law census.ThresholdLaw, l i18n.Lang) string {
	if l == i18n.KO && law.LawKo != "" {
		return law.LawKo
	}
	return law.Law
}

// LawTriggers is what crossing a threshold triggers, in l.
func LawTriggers(law census.ThresholdLaw, l i18n.Lang) string {
	if l == i18n.KO && law.TriggersKo != "" {
		return law.TriggersKo
	}
	return law.Triggers
}

// SelectionText says which models a thresholds or trend figure counts, in
// l: the selection as census gives it ("domain Language, country KR",
// then the filters as typed), its words "domain" and "country" in l.
func SelectionText(sel string, l i18n.Lang) string {
	if l == i18n.EN || sel == "" {
		return sel
	}
	parts := strings.Split(sel, ", ")
	for i, p := range parts {
		for _, w := range []string{"domain", "country"} {
			if v, ok := strings.CutPrefix(p, w+" "); ok {
				parts[i] = l.T("sel."+w, v)
			}
		}
	}
	return strings.Join(parts, ", ")
}

// LawSource cites where a threshold's law is written, in l (Korean where
// the table gives a Korean citation).
func LawSource(law census.ThresholdLaw, l i18n.Lang) string {
	if l == i18n.KO && law.SourceKo != "" {
		return law.SourceKo
	}
	return law.Source
}

// ThresholdTitle names a threshold line and its laws in l:
// "10²⁵ FLOP: EU AI Act, Art. 51(2)".
func ThresholdTitle(f census.ThresholdFigure, l i18n.Lang) string {
	var laws []string
	for _, law := range f.Laws {
		laws = append(laws, LawName(law, l))
	}
	s := FormatPowerOfTen(f.FLOP) + " FLOP"
	if f.Cumulative {
		s += " " + l.T("th.cumulative_mark")
	}
	if len(laws) > 0 {
		s += ": " + strings.Join(laws, "; ")
	}
	return s
}

// thresholdModelRows are the rows of a list of models at or near a line:
// an estimate's FLOP carries census.EstimateMark, a count only by
// lineage the lineage mark.
func thresholdModelRows(list []census.ThresholdModel, l i18n.Lang) (rows, raw [][]string) {
	for _, m := range list {
		flop := FormatFLOP(m.FLOP)
		if m.Estimated {
			flop += census.EstimateMark
		}
		if m.ByLineage {
			flop += ThresholdLineageMark
		}
		method := EpochMethodName(m.Method, l)
		if m.Estimated && i18n.Has("th.method."+m.Method) {
			method = l.T("th.method." + m.Method)
		}
		rows = append(rows, []string{m.Model, strings.Join(m.Organizations, ", "), m.Date, flop, ConfidenceName(m.Confidence, l), method})
		raw = append(raw, []string{"", "", "", num(m.FLOP), "", ""})
	}
	return rows, raw
}

// ThresholdLineageMark follows a compute that reaches a cumulative line
// only as base plus fine-tune.
const ThresholdLineageMark = "†"

// ThresholdTables are the tables of a thresholds evaluation in l: for each
// line its series by year, its models and those approaching it; then the
// models whose cumulative compute differs from Epoch's figure.
func ThresholdTables(res *census.ThresholdsResult, l i18n.Lang) []Table {
	var out []Table
	modelHeaders := []string{l.T("col.model"), l.T("col.organization"), l.T("col.date"), "FLOP", l.T("col.confidence"), l.T("th.col.method")}
	modelRight := []bool{false, false, false, true, false, false}
	for i, f := range res.Thresholds {
		id := "threshold_" + strconv.Itoa(i+1)
		title := ThresholdTitle(f, l)
		py := Table{ID: id + "_per_year", Title: title + " · " + l.T("th.per_year"),
			Headers: []string{l.T("col.year"), l.T("th.col.models"), l.T("th.col.cumulative"), l.T("th.col.developers"), l.T("th.col.developers_cumulative")},
			Right:   []bool{true, true, true, true, true}}
		for _, y := range f.PerYear {
			py.Rows = append(py.Rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Models), strconv.Itoa(y.Cumulative), strconv.Itoa(y.Developers), strconv.Itoa(y.DevelopersCumulative)})
		}
		py.Raw = py.Rows
		ms := Table{ID: id + "_models", Title: title + " · " + l.T("th.models", len(f.Models)), Headers: modelHeaders, Right: modelRight}
		ms.Rows, ms.Raw = thresholdModelRows(f.Models, l)
		if f.Estimated > 0 {
			ms.Footnotes = append(ms.Footnotes, census.EstimateMark+" "+l.T("th.note.estimated"))
		}
		if f.ByLineage > 0 {
			ms.Footnotes = append(ms.Footnotes, ThresholdLineageMark+" "+l.T("th.note.lineage"))
		}
		ap := Table{ID: id + "_approaching", Title: title + " · " + l.T("th.approaching", FormatCount(res.Settings.ApproachFactor)), Headers: modelHeaders, Right: modelRight}
		ap.Rows, ap.Raw = thresholdModelRows(f.Approaching, l)
		out = append(out, py, ms, ap)
	}
	lin := Table{ID: "threshold_lineage", Title: l.T("th.lineage"),
		Headers: []string{l.T("col.model"), l.T("th.col.base"), l.T("th.col.base_flop"), l.T("th.col.finetune_flop"), l.T("th.col.total"), l.T("th.col.epoch_flop"), l.T("th.col.difference")},
		Right:   []bool{false, false, true, true, true, true, true}}
	for _, m := range res.Lineage {
		epochFig := "–"
		if m.EpochFLOP != nil {
			epochFig = FormatFLOP(*m.EpochFLOP)
		}
		lin.Rows = append(lin.Rows, []string{m.Model, strings.Join(m.Lineage.BaseModels, ", "), FormatFLOP(m.Lineage.BaseFLOP),
			FormatFLOP(m.Lineage.FinetuneFLOP), FormatFLOP(m.Lineage.Total), epochFig, "+" + FormatFLOP(m.Lineage.Difference)})
	}
	out = append(out, lin)
	return out
}

// thresholdSourceLines are the source lines of a thresholds or trend
// output in l.
func thresholdSourceLines(s census.Source, rulesVersion string, l i18n.Lang) []string {
	var out []string
	if s.ID != 0 {
		out = append(out, l.T("src.stored", s.ID, s.SnapshotDate))
	}
	if s.Source != "" {
		out = append(out, l.T("src.location", DisplayName(s.Source), KindText(s.Kind, l)))
	}
	if s.Subset != "" {
		out = append(out, l.T("src.subset", l.T("subset."+s.Subset)))
	}
	if s.SnapshotDate != "" {
		out = append(out, l.T("src.snapshot", s.SnapshotDate+" ("+BasisText(s.DateBasis, s.DatePath, l)+")"))
	}
	out = append(out, l.T("src.models", s.Models), l.T("src.rules", rulesVersion), l.T("src.license"))
	return out
}

// WriteThresholdsText writes a thresholds evaluation for a terminal in l:
// for each line, its laws and what they trigger, the count and the first
// to cross, the series by year, the models and those approaching; then
// the cumulative compute that differs from Epoch's figures, estimated
// inputs and the source.
func WriteThresholdsText(w io.Writer, res *census.ThresholdsResult, l i18n.Lang) error {
	var b bytes.Buffer
	title := l.T("th.title")
	b.WriteString(title + "\n" + strings.Repeat("=", DisplayWidth(title)) + "\n")
	if res.Settings.Selection != "" {
		b.WriteString(l.T("th.selection", SelectionText(res.Settings.Selection, l)) + "\n")
	}
	tables := ThresholdTables(res, l)
	for i, f := range res.Thresholds {
		b.WriteString("\n" + ThresholdTitle(f, l) + "\n")
		for _, law := range f.Laws {
			b.WriteString("  - " + LawName(law, l) + ": " + LawTriggers(law, l))
			if src := LawSource(law, l); src != "" {
				b.WriteString(" (" + src + ")")
			}
			b.WriteString("\n")
		}
		if f.Cumulative {
			b.WriteString("  " + l.T("th.cumulative_rule") + "\n")
		}
		if f.First != nil {
			b.WriteString("  " + l.T("th.summary", f.Total, f.Developers, f.First.Model, f.First.Date, FormatFLOP(f.First.FLOP)) + "\n")
		} else {
			b.WriteString("  " + l.T("th.summary_none") + "\n")
		}
		for _, t := range tables[3*i : 3*i+3] {
			b.WriteString("\n" + t.Title + "\n")
			writeAligned(&b, t, l)
			for _, fn := range t.Footnotes {
				b.WriteString("  " + fn + "\n")
			}
		}
		var est []string
		for _, m := range f.Models {
			if m.Estimate != nil {
				est = append(est, "  "+m.Model+": "+EstimateInputsText(m.Estimate, l))
			}
		}
		if len(est) > 0 {
			b.WriteString("\n" + l.T("th.estimate_inputs") + "\n" + strings.Join(est, "\n") + "\n")
		}
	}
	lin := tables[len(tables)-1]
	b.WriteString("\n" + lin.Title + "\n")
	writeAligned(&b, lin, l)
	b.WriteString("\n" + l.T("h.source") + "\n")
	for _, s := range thresholdSourceLines(res.Source, res.Settings.RulesVersion, l) {
		b.WriteString("  " + s + "\n")
	}
	b.WriteString("  " + l.T("th.settings", l.T("opt."+string(res.Settings.OrgLevel)), FormatCount(res.Settings.ApproachFactor)) + "\n")
	if res.Settings.EstimateMissing {
		b.WriteString("  " + l.T("th.estimate_missing") + "\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// EstimateInputsText is an estimate's method and inputs on one line in l:
// "operation counting: parameters 1e+11, tokens 2e+13".
func EstimateInputsText(e *census.Estimate, l i18n.Lang) string {
	var parts []string
	for _, in := range e.Inputs {
		s := l.T("input."+in.Name) + " " + FormatFLOP(in.Value)
		if in.Text != "" {
			s += " (" + in.Text + ")"
		}
		parts = append(parts, s)
	}
	m := e.Method
	if i18n.Has("method." + m) {
		m = l.T("method." + m)
	}
	return m + " — " + strings.Join(parts, ", ")
}

// FormatGrowth prints a growth factor: 4.11×.
func FormatGrowth(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + "×" }

// WriteTrendText writes a compute trend for a terminal in l.
func WriteTrendText(w io.Writer, t *census.Trend, l i18n.Lang) error {
	var b bytes.Buffer
	title := l.T("trend.title")
	b.WriteString(title + "\n" + strings.Repeat("=", DisplayWidth(title)) + "\n")
	for _, line := range TrendLines(t, l) {
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + l.T("h.source") + "\n")
	for _, s := range thresholdSourceLines(t.Source, t.RulesVersion, l) {
		b.WriteString("  " + s + "\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// TrendLine is a straight line on a trend chart, from (X0, Y0) to (X1, Y1)
// in decimal years and FLOP.
type TrendLine struct {
	Name   string  `json:"name"`
	X0, Y0 float64 `json:"-"`
	X1, Y1 float64 `json:"-"`
	Dashed bool    `json:"dashed,omitempty"`
}

// TrendChartData is what a trend chart draws: the models, the fitted line,
// the lines of the interval's slopes through the data's centre, and the
// thresholds.
type TrendChartData struct {
	Points     []census.TrendPoint `json:"points"`
	Lines      []TrendLine         `json:"lines"`
	Thresholds []TrendLine         `json:"thresholds"`
	// Legend names the points and the estimated points.
	Points0, Estimated string `json:"-"`
}

// TrendChart is the chart of a trend in l (Kind "trend"): its models on a
// log scale, the fitted line, the interval's slowest and fastest lines
// pivoting on the centre of the data, and a dashed line at each
// threshold within reach of the data.
func TrendChart(t *census.Trend, ths []census.Threshold, l i18n.Lang) Chart {
	c := Chart{ID: "trend", Kind: "trend", Title: l.T("trend.chart_title", FormatGrowth(t.GrowthPerYear), t.Since, t.Until)}
	d := &TrendChartData{Points: t.Points, Points0: l.T("trend.legend.models"), Estimated: l.T("chart.estimated_legend")}
	if len(t.Points) > 0 {
		x0, x1 := t.Points[0].Year, t.Points[len(t.Points)-1].Year
		var mx, my float64
		for _, p := range t.Points {
			mx += p.Year
			my += t.Line(p.Year)
		}
		mx /= float64(len(t.Points))
		my /= float64(len(t.Points))
		pow := func(v float64) float64 { return math.Pow(10, v) }
		d.Lines = append(d.Lines, TrendLine{Name: l.T("trend.legend.fit", FormatGrowth(t.GrowthPerYear)), X0: x0, Y0: pow(t.Line(x0)), X1: x1, Y1: pow(t.Line(x1))})
		for i, s := range t.SlopeCI90 {
			name := ""
			if i == 0 {
				name = l.T("trend.legend.ci", FormatCount(t.Level*100), FormatGrowth(t.CI90[0]), FormatGrowth(t.CI90[1]))
			}
			d.Lines = append(d.Lines, TrendLine{Name: name, Dashed: true,
				X0: x0, Y0: pow(my + s*(x0-mx)), X1: x1, Y1: pow(my + s*(x1-mx))})
		}
		lo, hi := t.Points[0].FLOP, t.Points[0].FLOP
		for _, p := range t.Points {
			lo, hi = min(lo, p.FLOP), max(hi, p.FLOP)
		}
		seen := map[float64]bool{}
		for _, th := range ths {
			if seen[th.FLOP] || th.FLOP < lo/10 || th.FLOP > hi*100 {
				continue
			}
			seen[th.FLOP] = true
			// Plain e-notation: chart fonts lack most superscripts.
			name := strconv.FormatFloat(th.FLOP, 'g', -1, 64) + " FLOP"
			var laws []string
			for _, o := range ths {
				if o.FLOP == th.FLOP {
					laws = append(laws, LawName(census.ThresholdLaw{Law: o.Law, LawKo: o.LawKo}, l))
				}
			}
			name += ": " + strings.Join(laws, "; ")
			d.Thresholds = append(d.Thresholds, TrendLine{Name: name, X0: x0, Y0: th.FLOP, X1: x1, Y1: th.FLOP, Dashed: true})
		}
	}
	c.Trend = d
	return c
}

// TrendLines are a trend's figures as sentences in l: the models, the
// growth with its interval, the doubling time, and the method.
func TrendLines(t *census.Trend, l i18n.Lang) []string {
	var out []string
	if t.Selection != "" {
		out = append(out, l.T("th.selection", SelectionText(t.Selection, l)))
	}
	out = append(out, l.T("trend.n", t.N, t.Since, t.Until))
	if t.Estimated > 0 {
		out = append(out, l.T("trend.estimated", t.Estimated))
	}
	out = append(out, l.T("trend.growth", FormatGrowth(t.GrowthPerYear), FormatCount(t.Level*100), FormatGrowth(t.CI90[0]), FormatGrowth(t.CI90[1])))
	if t.DoublingMonths != nil {
		line := l.T("trend.doubling", strconv.FormatFloat(*t.DoublingMonths, 'f', 1, 64))
		if t.DoublingCI90 != nil {
			line += " " + l.T("trend.doubling_ci", FormatCount(t.Level*100), strconv.FormatFloat(t.DoublingCI90[0], 'f', 1, 64), strconv.FormatFloat(t.DoublingCI90[1], 'f', 1, 64))
		}
		out = append(out, line)
	} else {
		out = append(out, l.T("trend.no_growth"))
	}
	return append(out, l.T("trend.method", t.Resamples, t.Seed))
}

// ThresholdLines are the thresholds of an evaluation as rule rows, for
// drawing them on a trend chart.
func ThresholdLines(res *census.ThresholdsResult) []census.Threshold {
	if res == nil {
		return nil
	}
	var out []census.Threshold
	for _, f := range res.Thresholds {
		for _, law := range f.Laws {
			out = append(out, census.Threshold{ID: law.ID, FLOP: f.FLOP, Cumulative: f.Cumulative, Law: law.Law, LawKo: law.LawKo})
		}
	}
	return out
}

// thresholdView is the brief's Thresholds section.
type thresholdView struct {
	Lines      []string
	Tables     []htmlTable
	TrendLines []string
	TrendImage template.URL
}

// thresholdSection is the brief's Thresholds section of d in l, or nil
// when d has no thresholds.
func thresholdSection(d *Document, l i18n.Lang, trendImg template.URL) *thresholdView {
	if d.Thresholds == nil && d.Trend == nil {
		return nil
	}
	v := &thresholdView{TrendImage: trendImg}
	if res := d.Thresholds; res != nil {
		for _, f := range res.Thresholds {
			line := ThresholdTitle(f, l) + " — "
			if f.First != nil {
				line += l.T("th.summary", f.Total, f.Developers, f.First.Model, f.First.Date, FormatFLOP(f.First.FLOP))
			} else {
				line += l.T("th.summary_none")
			}
			v.Lines = append(v.Lines, line)
		}
		for _, t := range ThresholdTables(res, l) {
			ht := htmlTableOf(t)
			v.Tables = append(v.Tables, ht)
		}
	}
	if d.Trend != nil {
		v.TrendLines = TrendLines(d.Trend, l)
	}
	return v
}

// withTrendImage returns d with its trend chart drawn by the registry's
// SVG format, as a data URL for the brief: a copy, d itself when it has no
// trend or there is no SVG format.
func withTrendImage(d *Document, o Options) *Document {
	if d.Trend == nil || o.Formats == nil {
		return d
	}
	svg, ok := o.Formats.Lookup(ImageSVG)
	if !ok || svg.Chart == nil {
		return d
	}
	var buf bytes.Buffer
	if err := svg.Chart(&buf, TrendChart(d.Trend, ThresholdLines(d.Thresholds), o.Lang), o.Lang); err != nil {
		return d
	}
	c := *d
	c.trendImage = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))
	return &c
}

// WriteThresholds writes a thresholds evaluation in format: "json", else
// text for a terminal (WriteThresholdsText).
func WriteThresholds(w io.Writer, res *census.ThresholdsResult, format string, l i18n.Lang) error {
	if format == "json" {
		return WriteJSONValue(w, res)
	}
	return WriteThresholdsText(w, res, l)
}

// WriteTrend writes a compute trend as format and chart chose it
// (Registry.TrendFormat): a chart with the threshold lines ths when chart
// is set, else "json", else text for a terminal (WriteTrendText).
func WriteTrend(w io.Writer, t *census.Trend, format string, chart *Format, ths []census.Threshold, l i18n.Lang) error {
	switch {
	case chart != nil:
		return chart.Chart(w, TrendChart(t, ths, l), l)
	case format == "json":
		return WriteJSONValue(w, t)
	}
	return WriteTrendText(w, t, l)
}
