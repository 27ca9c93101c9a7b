package publish

import (
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// ModelRecord is one model as the report's documents list it: normalized
// values, with the raw cells they came from.
type ModelRecord struct {
	Name          string
	Date          census.Date
	Organizations []string
	Groups        []string
	Countries     []string
	Domains       []string
	DomainGroups  []string
	Multimodal    bool
	FLOP          float64
	HasFLOP       bool
	// Estimated marks a FLOP that modelcensus estimated, by Method
	// (census.Model.Estimated).
	Estimated bool
	Method    string
	// Curated names the overlay entries that added or corrected the model.
	Curated    *census.Curated
	Confidence string
	Access     string
	File       string
	Line       int
	// Raw holds the export's cells by field, as read.
	Raw map[census.Field]string
	// Excluded, for a model an overlay's exclude entry left out of the
	// census, is that entry's reason; the model is listed, not counted.
	Excluded string
}

// Document is a census with the models behind it, for the documents that
// show more than the tables: the report's compute chart, the workbook's
// models sheet.
type Document struct {
	Result *census.Result
	Models []ModelRecord
	// Thresholds and Trend, when set (report --thresholds), add a
	// Thresholds section to the brief and sheets to the workbook: the
	// lines of the laws and the growth of training compute.
	Thresholds *census.ThresholdsResult
	Trend      *census.Trend
	// trendImage is Trend's chart as an image URL, for the brief
	// (withTrendImage).
	trendImage template.URL
}

// RawFields are the raw cells kept beside each model.
var RawFields = []census.Field{
	census.FieldName, census.FieldDate, census.FieldOrganization, census.FieldCountry,
	census.FieldDomain, census.FieldCompute, census.FieldConfidence, census.FieldAccessibility,
}

// EstimateFields are the cells a training-compute estimate is made from,
// kept beside each model where not blank (census.EstimateRow).
var EstimateFields = []census.Field{
	census.FieldParameters, census.FieldParametersNotes, census.FieldDatasetSize, census.FieldEpochs,
	census.FieldTrainingHours, census.FieldHardware, census.FieldHardwareQuantity, census.FieldUtilization,
	census.FieldChipHours, census.FieldBaseModel, census.FieldFinetuneCompute, census.FieldPossiblyLarge,
	census.FieldEstimationMethod,
}

// TraceFields are the cells that follow a model across snapshots under
// another name (its link and reference), kept beside each model where not
// blank.
var TraceFields = []census.Field{census.FieldLink, census.FieldReference}

// optionalFields are the cells RawCollector keeps where not blank.
var optionalFields = append(slices.Clone(EstimateFields), TraceFields...)

// RawCollector keeps the first row of each model name, for
// NewDocument; pass its Add as epoch.LoadOptions.OnRow.
type RawCollector struct {
	rows map[string]map[census.Field]string
}

// Add records a row's raw cells, the first time its name is seen.
func (c *RawCollector) Add(r *census.Raw) {
	if c.rows == nil {
		c.rows = map[string]map[census.Field]string{}
	}
	name := census.Clean(r.Get(census.FieldName))
	if name == "" || c.rows[name] != nil {
		return
	}
	m := make(map[census.Field]string, len(RawFields)+len(EstimateFields))
	for _, f := range RawFields {
		m[f] = strings.Clone(r.Get(f))
	}
	for _, f := range optionalFields {
		if v := r.Get(f); v != "" {
			m[f] = strings.Clone(v)
		}
	}
	// Cloned: a cell shares its record's bytes, which it would keep.
	c.rows[strings.Clone(name)] = m
}

// Row returns the raw cells of the first row named name, or nil.
func (c *RawCollector) Row(name string) map[census.Field]string {
	if c == nil {
		return nil
	}
	return c.rows[name]
}

// NewDocument gathers the models of ds for the documents, in reading order.
// raw may be nil; with a nil ds the document holds the census alone (for
// the formats that show only the figures).
func NewDocument(r *census.Result, ds *census.Dataset, raw *RawCollector) *Document {
	d := &Document{Result: r}
	if ds == nil {
		return d
	}
	for i := 0; i < ds.Len(); i++ {
		m := ds.Model(i)
		rec := ModelRecord{
			Name: m.Name, Date: m.Date, Organizations: m.Organizations(), Groups: m.Groups(),
			Countries: m.Countries, Domains: m.Domains(), DomainGroups: m.DomainGroups(), Multimodal: m.Multimodal(),
			FLOP: m.Compute, HasFLOP: m.HasCompute, Estimated: m.Estimated, Method: m.Method, Curated: m.Curated, Confidence: m.Confidence, Access: m.Access, File: m.File, Line: m.Line,
		}
		if raw != nil {
			rec.Raw = raw.rows[rec.Name]
		}
		d.Models = append(d.Models, rec)
	}
	// The models an overlay excluded are listed too, marked as not
	// counted, with the entry and its reason.
	entries := map[string]census.Entry{}
	if ov := ds.Overlay(); ov != nil {
		for _, e := range ov.Entries {
			entries[e.ID] = e
		}
	}
	for _, x := range ds.Excluded {
		e, ok := entries[x.Value]
		if x.Reason != census.ReasonCurated || !ok {
			continue
		}
		rec := ModelRecord{Name: x.Name, File: x.File, Line: x.Line, Excluded: e.Reason,
			Curated: &census.Curated{Entries: []census.CuratedEntry{{ID: e.ID, Kind: e.Kind}}}}
		for _, s := range e.Sources {
			rec.Curated.Entries[0].Sources = append(rec.Curated.Entries[0].Sources, s.URL)
		}
		if raw != nil {
			rec.Raw = raw.rows[rec.Name]
			if dt, ok := census.ParseDate(rec.Raw[census.FieldDate]); ok {
				rec.Date = dt
			}
		}
		d.Models = append(d.Models, rec)
	}
	return d
}

// CuratedText is a model's curation mark as one cell: each entry's id,
// kind and change, and its sources; "" for none.
func CuratedText(c *census.Curated, l i18n.Lang) string {
	if c == nil {
		return ""
	}
	var parts []string
	for _, e := range c.Entries {
		s := e.ID + " (" + l.T("entry."+string(e.Kind))
		if e.Field != "" {
			s += ": " + FieldName(string(e.Field), l) + " → " + e.Value
		}
		parts = append(parts, s+"): "+strings.Join(e.Sources, " "))
	}
	return strings.Join(parts, "; ")
}

// InPeriod reports whether a model counts in the census: in the period and,
// under --min-compute, with enough compute.
func (d *Document) InPeriod(m *ModelRecord) bool {
	r := d.Result
	if m.Excluded != "" {
		return false
	}
	if m.Date.Year < r.Period.From || m.Date.Year > r.Period.To {
		return false
	}
	if min := r.Settings.MinCompute; min > 0 && (!m.HasFLOP || m.FLOP < min) {
		return false
	}
	return true
}

// Point is one model on the compute chart.
type Point struct {
	Date    string  `json:"date"`
	FLOP    float64 `json:"flop"`
	Model   string  `json:"model"`
	Org     string  `json:"org"`
	Country string  `json:"country"`
	// Estimated marks modelcensus's estimate (--estimate-missing).
	Estimated bool `json:"estimated,omitempty"`
}

// ScatterSeries are the compute chart's points, one series per country
// (the countries with most models, the rest under "Other").
type ScatterSeries struct {
	Name   string  `json:"name"`
	Points []Point `json:"points"`
}

// maxScatterSeries is how many countries get a colour of their own.
const maxScatterSeries = 8

// Scatter returns the compute chart's series: every model of the period
// with known compute, coloured by its first country.
func (d *Document) Scatter(l i18n.Lang) []ScatterSeries {
	names := map[string]string{}
	for _, c := range d.Result.Countries {
		names[c.Code] = CountryName(c, l)
		if c.Code == "" {
			names[c.Name] = CountryName(c, l)
		}
	}
	byCountry := map[string][]Point{}
	count := map[string]int{}
	for i := range d.Models {
		m := &d.Models[i]
		if !m.HasFLOP || !d.InPeriod(m) {
			continue
		}
		key := ""
		if len(m.Countries) > 0 {
			key = m.Countries[0]
		}
		p := Point{Date: dateForChart(m.Date), FLOP: m.FLOP, Model: m.Name, Org: strings.Join(m.Organizations, ", "), Country: names[key], Estimated: m.Estimated}
		byCountry[key] = append(byCountry[key], p)
		count[key]++
	}
	keys := make([]string, 0, len(byCountry))
	for k := range byCountry {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var out []ScatterSeries
	var other []Point
	for i, k := range keys {
		if i < maxScatterSeries-1 && k != "" {
			name := names[k]
			if name == "" {
				name = k
			}
			out = append(out, ScatterSeries{Name: name, Points: byCountry[k]})
			continue
		}
		other = append(other, byCountry[k]...)
	}
	if len(other) > 0 {
		out = append(out, ScatterSeries{Name: l.T("chart.other"), Points: other})
	}
	return out
}

// dateForChart places a date on a time axis: an unknown month or day is
// the middle of the year or month.
func dateForChart(d census.Date) string {
	m, day := d.Month, d.Day
	if m == 0 {
		m, day = 7, 1
	}
	if day == 0 {
		day = 15
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, m, day)
}

// Chart image formats, for publish/plot.
const (
	ImageSVG = "svg"
	ImagePNG = "png"
)
