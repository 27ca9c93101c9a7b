package census

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Threshold is one line of training compute that a law or a publication
// draws (the rules' thresholds.csv): at or above FLOP, something follows.
type Threshold struct {
	// ID names the row ("eu-ai-act-51").
	ID string `json:"id"`
	// FLOP is the line, in floating-point operations.
	FLOP float64 `json:"flop"`
	// Cumulative says that the line counts a model's cumulative training
	// compute, its base model's and its fine-tune's together (Korea's AI
	// Basic Act), rather than the figure of its own run.
	Cumulative bool `json:"cumulative"`
	// Law is the law or publication, and Triggers what crossing the line
	// sets off, in English; LawKo and TriggersKo in Korean.
	Law        string `json:"law"`
	LawKo      string `json:"law_ko"`
	Triggers   string `json:"triggers"`
	TriggersKo string `json:"triggers_ko"`
	// Source is where the line is written down, cited in English; SourceKo
	// in Korean.
	Source   string `json:"source"`
	SourceKo string `json:"source_ko"`
}

// AddThreshold adds a threshold row. Its id must be new and its FLOP a
// positive, finite number.
func (r *Rules) AddThreshold(t Threshold) error {
	if strings.TrimSpace(t.ID) == "" {
		return fmt.Errorf("threshold without an id")
	}
	if !(t.FLOP > 0) || math.IsInf(t.FLOP, 0) {
		return fmt.Errorf("threshold %s: FLOP %v is not a positive number", t.ID, t.FLOP)
	}
	for _, o := range r.Thresholds {
		if o.ID == t.ID {
			return fmt.Errorf("threshold %s is listed twice", t.ID)
		}
	}
	r.Thresholds = append(r.Thresholds, t)
	return nil
}

// LineageTolerance is the share of Epoch's figure by which a model's
// base-plus-fine-tune compute must exceed it to be listed as a difference
// (ThresholdsResult.Lineage): Epoch rounds its figures, and a sum within
// 1% of one is the same figure.
const LineageTolerance = 0.01

// ApproachFactor is how far below a threshold a model is said to approach
// it: within 2×, FLOP/2 <= compute < FLOP.
const ApproachFactor = 2

// ComputeDetails are what a thresholds evaluation needs of the export rows
// beyond the normalized models: Epoch's estimation method, the base models
// and fine-tune compute, and (with estimates) the rows themselves, so that
// an estimated model can show its inputs. Fill it with Add from the
// reader's row hook (epoch.LoadOptions.OnRow); the zero value is not
// usable, call NewComputeDetails.
type ComputeDetails struct {
	rows map[detailKey]*rowDetail
	keep bool
}

type detailKey struct {
	file string
	line int
}

type rowDetail struct {
	method string
	bases  []string
	ft     float64
	hasFT  bool
	raw    *Raw // kept for a row without compute, when estimating
}

// NewComputeDetails returns an empty collection. With estimates set it
// keeps a copy of every row without a training compute figure, to show
// the inputs of its estimate.
func NewComputeDetails(estimates bool) *ComputeDetails {
	return &ComputeDetails{rows: map[detailKey]*rowDetail{}, keep: estimates}
}

// Add records one export row. raw may be reused by the caller afterwards.
func (c *ComputeDetails) Add(raw *Raw) {
	d := rowDetail{method: Clean(raw.Get(FieldEstimationMethod)), bases: SplitList(raw.Get(FieldBaseModel))}
	if v, ok := ParseNumber(raw.Get(FieldFinetuneCompute)); ok && v > 0 {
		d.ft, d.hasFT = v, true
	}
	if _, ok := ParseNumber(raw.Get(FieldCompute)); !ok && c.keep {
		cp := *raw
		d.raw = &cp
	}
	if d.method == "" && len(d.bases) == 0 && !d.hasFT && d.raw == nil {
		return
	}
	c.rows[detailKey{raw.File, raw.Line}] = &d
}

// Then is a row hook (epoch.LoadOptions.OnRow) that adds each row to c
// and then hands it to next, which may be nil.
func (c *ComputeDetails) Then(next func(*Raw)) func(*Raw) {
	return func(raw *Raw) {
		c.Add(raw)
		if next != nil {
			next(raw)
		}
	}
}

func (c *ComputeDetails) of(m *Model) *rowDetail {
	if c == nil {
		return nil
	}
	return c.rows[detailKey{m.File, m.Line}]
}

// ThresholdOptions choose what a thresholds evaluation counts.
type ThresholdOptions struct {
	// Thresholds are the lines; nil means the rules' table.
	Thresholds []Threshold
	// Select keeps the models it returns true for; nil keeps all.
	Select func(*Model) bool
	// OrgLevel counts developers by group (the default) or organization.
	OrgLevel OrgLevel
	// Details are the rows' methods and lineage (NewComputeDetails); nil
	// means no cumulative compute and no estimate inputs.
	Details *ComputeDetails
}

// ThresholdLaw is one row of the table behind a threshold.
type ThresholdLaw struct {
	ID         string `json:"id"`
	Law        string `json:"law"`
	LawKo      string `json:"law_ko"`
	Triggers   string `json:"triggers"`
	TriggersKo string `json:"triggers_ko"`
	Source     string `json:"source"`
	SourceKo   string `json:"source_ko"`
}

// ThresholdYear is one year of a threshold's series: the models at or
// above it published that year and up to its end, and their distinct
// developers.
type ThresholdYear struct {
	Year                 int `json:"year"`
	Models               int `json:"models"`
	Cumulative           int `json:"cumulative"`
	Developers           int `json:"developers"`
	DevelopersCumulative int `json:"developers_cumulative"`
}

// Lineage is a model's cumulative training compute as Korea's AI Basic
// Act counts it: its base models' compute (Epoch's figures) plus its own
// fine-tune compute.
type Lineage struct {
	BaseModels []string `json:"base_models"`
	BaseFLOP   float64  `json:"base_flop"`
	// FinetuneFLOP is Epoch's "Finetune compute" of the model.
	FinetuneFLOP float64 `json:"finetune_flop"`
	// Total is BaseFLOP + FinetuneFLOP.
	Total float64 `json:"total"`
	// Difference is the compute counted less Epoch's own figure (all of
	// it when Epoch gives none): what counting cumulatively adds.
	Difference float64 `json:"difference"`
}

// ThresholdModel is one model at or near a threshold.
type ThresholdModel struct {
	Model         string   `json:"model"`
	Organizations []string `json:"organizations"`
	Developers    []string `json:"developers"`
	Countries     []string `json:"countries"`
	Date          string   `json:"date"`
	Year          int      `json:"year"`
	// FLOP is the compute counted against the threshold; EpochFLOP is
	// Epoch's own figure, nil when the export gives none.
	FLOP       float64  `json:"flop"`
	EpochFLOP  *float64 `json:"epoch_flop"`
	Confidence string   `json:"confidence"`
	// Method is Epoch's estimation method cell ("Operation counting",
	// "Hardware", ...), or modelcensus's method for an estimate.
	Method string `json:"method"`
	// Estimated marks compute that modelcensus estimated by Epoch's
	// method (--estimate-missing); Estimate holds its inputs.
	Estimated bool      `json:"estimated"`
	Estimate  *Estimate `json:"estimate,omitempty"`
	// Lineage, under a cumulative threshold, is the base-plus-fine-tune
	// compute where Epoch gives both.
	Lineage *Lineage `json:"lineage,omitempty"`
	// ByLineage marks a model that reaches the threshold only when its
	// compute is counted cumulatively.
	ByLineage bool `json:"by_lineage,omitempty"`
}

// ThresholdFigure is the evaluation of one threshold.
type ThresholdFigure struct {
	FLOP       float64          `json:"flop"`
	Cumulative bool             `json:"cumulative"`
	Laws       []ThresholdLaw   `json:"laws"`
	Total      int              `json:"total"`
	Developers int              `json:"developers"`
	Estimated  int              `json:"estimated"`
	ByLineage  int              `json:"by_lineage"`
	PerYear    []ThresholdYear  `json:"per_year"`
	First      *ThresholdModel  `json:"first"`
	Models     []ThresholdModel `json:"models"`
	// Approaching are the models within ApproachFactor below the line.
	Approaching []ThresholdModel `json:"approaching"`
}

// ThresholdSettings are the rules in force, as reported with the
// evaluation.
type ThresholdSettings struct {
	Subset          string   `json:"subset"`
	OrgLevel        OrgLevel `json:"org_level"`
	RulesVersion    string   `json:"rules_version"`
	EstimateMissing bool     `json:"estimate_missing"`
	ApproachFactor  float64  `json:"approach_factor"`
	// Selection describes the models kept, in English, or "" for all.
	Selection string `json:"selection,omitempty"`
}

// ThresholdsResult is the evaluation of every threshold over one dataset.
// Its JSON form is the documented contract of `modelcensus thresholds`
// and /api/v1/thresholds.
type ThresholdsResult struct {
	Thresholds []ThresholdFigure `json:"thresholds"`
	// Lineage lists the models whose cumulative compute exceeds Epoch's
	// figure by more than LineageTolerance (or that have no figure), with
	// the difference, once for the whole result.
	Lineage  []ThresholdModel  `json:"lineage"`
	Settings ThresholdSettings `json:"settings"`
	Source   Source            `json:"source"`
}

// EvaluateThresholds counts, for each threshold, the models at or above
// it: per publication year and cumulatively, their distinct developers,
// the first to cross, the models and those approaching it (within 2×
// below). A model's compute is Epoch's figure, or modelcensus's estimate
// where ds estimated missing compute (marked estimated, with the inputs
// when Details kept the rows). Under a cumulative threshold it is the
// larger of that and its base models' compute plus its fine-tune compute,
// where Epoch gives both (ThresholdModel.Lineage). Equality counts: a
// model of exactly 1e25 FLOP is at the 1e25 line. It finishes ds.
func EvaluateThresholds(ds *Dataset, opt ThresholdOptions) (*ThresholdsResult, error) {
	ds.Finish()
	if opt.OrgLevel == "" {
		opt.OrgLevel = OrgLevelGroup
	}
	if opt.OrgLevel != OrgLevelGroup && opt.OrgLevel != OrgLevelOrganization {
		return nil, fmt.Errorf("org-level %q: want group or organization", opt.OrgLevel)
	}
	ths := opt.Thresholds
	if ths == nil {
		ths = ds.rules.Thresholds
	}
	for _, t := range ths {
		if !(t.FLOP > 0) || math.IsInf(t.FLOP, 0) {
			return nil, fmt.Errorf("threshold %v: want a positive number of FLOP", t.FLOP)
		}
	}
	res := &ThresholdsResult{Thresholds: []ThresholdFigure{}, Lineage: []ThresholdModel{},
		Settings: ThresholdSettings{Subset: ds.Snapshot.Subset, OrgLevel: opt.OrgLevel, RulesVersion: ds.rules.Version,
			EstimateMissing: ds.EstimateMissing, ApproachFactor: ApproachFactor},
		Source: ds.source(),
	}

	// Epoch's figures by name, for base models.
	byName := make(map[string]float64, ds.Len())
	models := make([]Model, 0, ds.Len())
	for i := 0; i < ds.Len(); i++ {
		m := ds.Model(i)
		if m.HasCompute && !m.Estimated && m.Compute > 0 {
			byName[strings.ToLower(m.Name)] = m.Compute
		}
		if opt.Select == nil || opt.Select(&m) {
			models = append(models, m)
		}
	}
	lookup := func(name string) float64 { return byName[strings.ToLower(Clean(name))] }

	type entry struct {
		base ThresholdModel // without lineage
		own  float64        // compute without lineage, 0 when none
		cum  float64        // cumulative compute, 0 when none
	}
	entries := make([]entry, 0, len(models))
	newest := 0
	for i := range models {
		m := &models[i]
		newest = max(newest, m.Date.Year)
		d := opt.Details.of(m)
		e := entry{base: ThresholdModel{Model: m.Name, Organizations: nonNil(m.Organizations()),
			Developers: nonNil(m.countedOrganizations(opt.OrgLevel)), Countries: nonNil(m.Countries),
			Date: m.Date.String(), Year: m.Date.Year, Confidence: m.Confidence}}
		if m.HasCompute {
			e.own = m.Compute
			e.base.FLOP = m.Compute
			if m.Estimated {
				e.base.Estimated, e.base.Method = true, m.Method
				if d != nil && d.raw != nil {
					re := EstimateRow(d.raw, ds.rules, lookup)
					if re.Estimate != nil {
						e.base.Estimate = re.Estimate
					}
				}
			} else {
				v := m.Compute
				e.base.EpochFLOP = &v
			}
		}
		if d != nil {
			if !m.Estimated {
				e.base.Method = d.method
			}
			if len(d.bases) > 0 && d.hasFT {
				var base float64
				all := true
				for _, b := range d.bases {
					v := lookup(b)
					all = all && v > 0
					base += v
				}
				if all {
					e.cum = base + d.ft
					l := &Lineage{BaseModels: d.bases, BaseFLOP: base, FinetuneFLOP: d.ft, Total: e.cum}
					epochFig := 0.0
					if e.base.EpochFLOP != nil {
						epochFig = *e.base.EpochFLOP
					}
					l.Difference = max(e.cum, epochFig) - epochFig
					e.base.Lineage = l
					if l.Difference > LineageTolerance*epochFig {
						lm := e.base
						lm.FLOP = max(e.cum, e.own)
						res.Lineage = append(res.Lineage, lm)
					}
				}
			}
		}
		if e.own == 0 && e.cum == 0 {
			continue
		}
		entries = append(entries, e)
	}
	sortThresholdModels(res.Lineage)

	// One figure per line and way of counting; the table's rows that draw
	// the same line are its laws.
	type key struct {
		flop float64
		cum  bool
	}
	var keys []key
	laws := map[key][]ThresholdLaw{}
	for _, t := range ths {
		k := key{t.FLOP, t.Cumulative}
		if _, ok := laws[k]; !ok {
			keys = append(keys, k)
		}
		laws[k] = append(laws[k], ThresholdLaw{ID: t.ID, Law: t.Law, LawKo: t.LawKo, Triggers: t.Triggers, TriggersKo: t.TriggersKo, Source: t.Source, SourceKo: t.SourceKo})
	}
	slices.SortStableFunc(keys, func(a, b key) int { return cmp.Compare(a.flop, b.flop) })

	for _, k := range keys {
		f := ThresholdFigure{FLOP: k.flop, Cumulative: k.cum, Laws: laws[k], Models: []ThresholdModel{}, Approaching: []ThresholdModel{}, PerYear: []ThresholdYear{}}
		for _, e := range entries {
			m := e.base
			flop := e.own
			if !k.cum {
				m.Lineage = nil
			} else if e.cum > flop {
				flop = e.cum
			}
			if flop == 0 {
				continue
			}
			m.FLOP = flop
			switch {
			case flop >= k.flop:
				m.ByLineage = e.own < k.flop
				f.Models = append(f.Models, m)
			case flop*ApproachFactor >= k.flop:
				f.Approaching = append(f.Approaching, m)
			}
		}
		sortThresholdModels(f.Models)
		sortThresholdModels(f.Approaching)
		f.Total = len(f.Models)
		if len(f.Models) > 0 {
			first := f.Models[0]
			f.First = &first
		}
		devs := map[string]bool{}
		yearDevs := map[int]map[string]bool{}
		perYear := map[int]int{}
		for _, m := range f.Models {
			if m.Estimated {
				f.Estimated++
			}
			if m.ByLineage {
				f.ByLineage++
			}
			perYear[m.Year]++
			if yearDevs[m.Year] == nil {
				yearDevs[m.Year] = map[string]bool{}
			}
			for _, d := range m.Developers {
				yearDevs[m.Year][d] = true
			}
		}
		if len(f.Models) > 0 {
			cum := 0
			for y := f.Models[0].Year; y <= newest; y++ {
				cum += perYear[y]
				for d := range yearDevs[y] {
					devs[d] = true
				}
				f.PerYear = append(f.PerYear, ThresholdYear{Year: y, Models: perYear[y], Cumulative: cum,
					Developers: len(yearDevs[y]), DevelopersCumulative: len(devs)})
			}
		}
		f.Developers = len(devs)
		res.Thresholds = append(res.Thresholds, f)
	}
	return res, nil
}

// sortThresholdModels orders models by publication date, then by the
// most compute, then by name.
func sortThresholdModels(list []ThresholdModel) {
	slices.SortStableFunc(list, func(a, b ThresholdModel) int {
		da, _ := ParseDate(a.Date)
		db, _ := ParseDate(b.Date)
		if da.Before(db) {
			return -1
		}
		if db.Before(da) {
			return 1
		}
		if a.FLOP != b.FLOP {
			return cmp.Compare(b.FLOP, a.FLOP)
		}
		return strings.Compare(a.Model, b.Model)
	})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// source is the provenance of ds, as reported with a result.
func (d *Dataset) source() Source {
	s := Source{Snapshot: d.Snapshot, Models: d.Len()}
	if !d.Snapshot.Date.IsZero() {
		s.SnapshotDate = d.Snapshot.Date.Format("2006-01-02")
	}
	for _, f := range d.Snapshot.Files {
		s.Rows += f.Rows
	}
	return s
}

// TrendSince is the start of the trend that a report's brief shows: 2010,
// as Epoch's published trend of notable models.
var TrendSince = Date{Year: 2010, Month: 1, Day: 1}

// ReportSections evaluates what a report's brief and workbook add when a
// recipe (or report --thresholds) asks: with thresholds, every line of
// the rules' table over the whole of ds (det holds the rows' compute
// details, NewComputeDetails); with trend, the trend of training compute
// since TrendSince. Either is nil when not asked, or when ds has too few
// models for it.
func ReportSections(ds *Dataset, det *ComputeDetails, thresholds, trend bool) (*ThresholdsResult, *Trend) {
	var th *ThresholdsResult
	var tr *Trend
	if thresholds {
		if res, err := EvaluateThresholds(ds, ThresholdOptions{Details: det}); err == nil {
			th = res
		}
	}
	if trend {
		if t, err := FitTrend(ds, TrendOptions{Since: TrendSince}); err == nil {
			tr = t
		}
	}
	return th, tr
}
