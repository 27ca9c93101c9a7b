package publish

import "github.com/modelcensus/modelcensus/census"

// Gathering collects, while a report's source is read, what its document
// needs beyond the census: each model's raw cells when the format lists
// the models (Format.Models), and the rows' compute details when the
// report has a Thresholds section. Pass OnRow to the reading
// (epoch.LoadOptions.OnRow), then make the document.
type Gathering struct {
	raw               *RawCollector
	det               *census.ComputeDetails
	thresholds, trend bool
}

// Gather is the gathering of a report in format f, nil for one without
// the models (a recipe of tables), with the Thresholds section and the
// trend when asked (--thresholds or the recipe's keys; see
// census.ReportSections). estimates is --estimate-missing: the details
// then keep the inputs of each estimate.
func Gather(f *Format, thresholds, trend, estimates bool) *Gathering {
	g := &Gathering{thresholds: thresholds, trend: trend}
	if f != nil && f.Models {
		g.raw = &RawCollector{}
	}
	if thresholds {
		g.det = census.NewComputeDetails(estimates)
	}
	return g
}

// OnRow is the row hook that gathers; nil when there is nothing to
// gather.
func (g *Gathering) OnRow() func(*census.Raw) {
	var onRow func(*census.Raw)
	if g.raw != nil {
		onRow = g.raw.Add
	}
	if g.det != nil {
		onRow = g.det.Then(onRow)
	}
	return onRow
}

// Document is the census report of res over ds: its models when the
// format lists them (the figures alone otherwise), with the sections
// asked for.
func (g *Gathering) Document(res *census.Result, ds *census.Dataset) *Document {
	models := ds
	if g.raw == nil {
		models = nil // the figures alone: no list of models to gather
	}
	d := NewDocument(res, models, g.raw)
	d.Thresholds, d.Trend = census.ReportSections(ds, g.det, g.thresholds, g.trend)
	return d
}

// Recipe is the document of a recipe of tables over ds, with the
// sections asked for.
func (g *Gathering) Recipe(rc *census.Recipe, tables []census.RecipeTable, ds *census.Dataset) *RecipeDocument {
	d := &RecipeDocument{Recipe: rc, Tables: tables}
	d.Thresholds, d.Trend = census.ReportSections(ds, g.det, g.thresholds, g.trend)
	return d
}
