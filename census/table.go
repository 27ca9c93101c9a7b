package census

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Measure ids: what a figure counts in each of its cells.
const (
	MeasureModels        = "models"
	MeasureShare         = "share"
	MeasureCumulative    = "cumulative"
	MeasureCAGR          = "cagr"
	MeasureOrganizations = "organizations"
	MeasureMaxCompute    = "max_compute"
	MeasureMedianCompute = "median_compute"
)

// Measure is what a figure counts in each cell. Each is registered once in
// measures.
type Measure struct {
	ID    string
	Title Text
	// Kind is how renderers format its values.
	Kind ValueKind
	// Along, for a measure taken along the years (cumulative, cagr), says
	// how: "running" keeps year as a dimension and sums along it; "growth"
	// takes the years away and gives one growth rate per row.
	Along string
	// value gives the measure of one cell, ok false when it is undefined.
	value func(c *cell, t *tableBuild) (float64, bool)
}

// cell is what a figure gathers for one combination of values.
type cell struct {
	keys     []string
	count    float64        // models, weighted by attribution
	computes []float64      // the training compute of its models that have one
	devs     map[string]int // models per developer (organizations)
	devLast  map[string]int // the last model counted for each developer
	last     int            // the last model counted, for counting each once
}

var measures = []*Measure{
	{ID: MeasureModels, Title: Text{"Models", "모델 수"}, Kind: ValueCount,
		value: func(c *cell, _ *tableBuild) (float64, bool) { return c.count, true }},
	{ID: MeasureShare, Title: Text{"Share", "비중"}, Kind: ValueShare,
		value: func(c *cell, t *tableBuild) (float64, bool) {
			if t.total == 0 {
				return 0, false
			}
			return c.count / float64(t.total), true
		}},
	{ID: MeasureCumulative, Title: Text{"Cumulative models", "누적 모델 수"}, Kind: ValueCount, Along: "running",
		value: func(c *cell, _ *tableBuild) (float64, bool) { return c.count, true }},
	{ID: MeasureCAGR, Title: Text{"Compound annual growth", "연평균 증가율"}, Kind: ValueShare, Along: "growth",
		value: func(c *cell, _ *tableBuild) (float64, bool) { return c.count, true }},
	{ID: MeasureOrganizations, Title: Text{"Organizations", "기관 수"}, Kind: ValueCount,
		value: func(c *cell, t *tableBuild) (float64, bool) {
			n := 0
			for _, k := range c.devs {
				if k >= t.minModels {
					n++
				}
			}
			return float64(n), true
		}},
	{ID: MeasureMaxCompute, Title: Text{"Largest training compute (FLOP)", "최대 학습 연산량(FLOP)"}, Kind: ValueFLOP,
		value: func(c *cell, _ *tableBuild) (float64, bool) {
			if len(c.computes) == 0 {
				return 0, false
			}
			return slices.Max(c.computes), true
		}},
	{ID: MeasureMedianCompute, Title: Text{"Median training compute (FLOP)", "학습 연산량 중앙값(FLOP)"}, Kind: ValueFLOP,
		value: func(c *cell, _ *tableBuild) (float64, bool) {
			n := len(c.computes)
			if n == 0 {
				return 0, false
			}
			s := slices.Clone(c.computes)
			slices.Sort(s)
			if n%2 == 1 {
				return s[n/2], true
			}
			return (s[n/2-1] + s[n/2]) / 2, true
		}},
}

// Measures returns the registered measures, in listing order.
func Measures() []*Measure { return slices.Clone(measures) }

// MeasureIDs lists the ids of the measures.
func MeasureIDs() []string {
	out := make([]string, len(measures))
	for i, m := range measures {
		out[i] = m.ID
	}
	return out
}

// LookupMeasure finds a measure by id (case ignored).
func LookupMeasure(id string) (*Measure, bool) {
	id = strings.ToLower(strings.TrimSpace(id))
	for _, m := range measures {
		if m.ID == id {
			return m, true
		}
	}
	return nil, false
}

// TableSpec is one figure as data: the dimensions it is broken down by,
// its measure, the period and counting options, its filters and its
// counting rules.
type TableSpec struct {
	By      []string
	Measure string // MeasureModels when empty
	// MinModels, for the organizations measure, counts only developers
	// with at least this many models in the cell (0 and 1: all).
	MinModels int
	Filters   Filters
	Options   Options
	Counting  Counting
	// AllYears counts every year of the data, from its earliest
	// publication year to the snapshot's year (or the newest model's, if
	// later), in place of Options' period.
	AllYears bool
	// LatestOnly counts the period's last year alone (a figure of the
	// latest year).
	LatestOnly bool
}

// SpecError is a figure that cannot be made: an unknown dimension or
// measure, a dimension twice. Code (SpecDimension, SpecMeasure,
// SpecRepeated, SpecMinModels) and Args are for translations.
type SpecError struct {
	Code string
	Args []any
	msg  string
}

// Error says what is wrong with the figure's specification.
func (e *SpecError) Error() string { return e.msg }

// Codes of SpecError.
const (
	SpecDimension = "dimension"  // args: the name, the dimensions known
	SpecMeasure   = "measure"    // args: the name, the measures known
	SpecRepeated  = "repeated"   // args: the dimension
	SpecMinModels = "min_models" // args: the value
	SpecMerge     = "merge"      // args: the merge given, not FROM=TO
)

// Table is a figure evaluated over a dataset. Its JSON form is a contract:
// {"by": [...], "measure": "models", "rows": [{"country": "US", "models":
// 64}, ...], "settings": {...}, "source": {...}}, one object per row with
// a field per dimension holding the value's code and one named as the
// measure (null where it is undefined).
type Table struct {
	By       []string
	Measure  string
	Rows     []TableRow
	Settings TableSettings
	Source   Source
	// Total is the number of models selected (after the period and
	// filters), each once.
	Total int

	rules *Rules
}

// TableRow is one row: the code of each dimension's value, in By's order,
// and the measure. Missing marks an undefined measure (a growth rate
// from zero models, the median compute of models with none).
type TableRow struct {
	Keys    []string
	Value   float64
	Missing bool
}

// TableSettings are the rules a table was made under, named in every
// output.
type TableSettings struct {
	Subset      string      `json:"subset"`
	From        int         `json:"from"`
	To          int         `json:"to"`
	Attribution Attribution `json:"attribution"`
	CountryBy   CountryBy   `json:"country_by"`
	OrgLevel    OrgLevel    `json:"org_level"`
	MinCompute  float64     `json:"min_compute"`
	MinModels   int         `json:"min_models,omitempty"`
	Filters     []string    `json:"filters"`
	Counting
	RulesVersion    string `json:"rules_version"`
	EstimateMissing bool   `json:"estimate_missing,omitempty"`
}

// Label names row i's value of dimension j in lang.
func (t *Table) Label(j int, code, lang string) string {
	d, ok := LookupDimension(t.By[j])
	if !ok {
		return code
	}
	return d.Label(t.rules, code, lang)
}

// MarshalJSON writes the table in its contract form.
func (t *Table) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	put := func(v any) error {
		data, err := json.Marshal(v)
		b.Write(data)
		return err
	}
	b.WriteString(`{"by":`)
	by := t.By
	if by == nil {
		by = []string{}
	}
	if err := put(by); err != nil {
		return nil, err
	}
	b.WriteString(`,"measure":`)
	_ = put(t.Measure)
	b.WriteString(`,"rows":[`)
	for i, r := range t.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for j, k := range r.Keys {
			_ = put(t.By[j])
			b.WriteByte(':')
			if t.By[j] == DimYear {
				if y, err := strconv.Atoi(k); err == nil {
					b.WriteString(strconv.Itoa(y))
					b.WriteByte(',')
					continue
				}
			}
			_ = put(k)
			b.WriteByte(',')
		}
		_ = put(t.Measure)
		b.WriteByte(':')
		if r.Missing {
			b.WriteString("null")
		} else {
			b.WriteString(strconv.FormatFloat(r.Value, 'g', -1, 64))
		}
		b.WriteByte('}')
	}
	b.WriteString(`],"settings":`)
	if err := put(t.Settings); err != nil {
		return nil, err
	}
	b.WriteString(`,"source":`)
	if err := put(t.Source); err != nil {
		return nil, err
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// tableBuild is a table being made.
type tableBuild struct {
	dims      []*Dimension
	measure   *Measure
	total     int
	minModels int
	cells     map[string]*cell
	order     []string // cell keys in the order first seen
	keys      []string // a buffer for add
}

// Check reports what makes the figure impossible to make: an unknown
// dimension or measure, a dimension twice, a counting rule outside its
// choices, bad options. It needs no data.
func (s TableSpec) Check() error {
	opt, c := s.Options, s.Counting
	if err := opt.Validate(); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	_, _, _, err := s.resolve()
	return err
}

// resolve finds the figure's measure and dimensions.
func (s TableSpec) resolve() (*Measure, []*Dimension, []string, error) {
	mid := s.Measure
	if mid == "" {
		mid = MeasureModels
	}
	measure, ok := LookupMeasure(mid)
	if !ok {
		return nil, nil, nil, &SpecError{Code: SpecMeasure, Args: []any{mid, strings.Join(MeasureIDs(), ", ")},
			msg: fmt.Sprintf("unknown measure %q; measures: %s", mid, strings.Join(MeasureIDs(), ", "))}
	}
	if s.MinModels < 0 {
		return nil, nil, nil, &SpecError{Code: SpecMinModels, Args: []any{s.MinModels},
			msg: fmt.Sprintf("min-models %d: want a count of 1 or more", s.MinModels)}
	}
	var dims []*Dimension
	by := []string{}
	for _, id := range s.By {
		d, ok := LookupDimension(id)
		if !ok {
			return nil, nil, nil, &SpecError{Code: SpecDimension, Args: []any{id, strings.Join(DimensionIDs(), ", ")},
				msg: fmt.Sprintf("unknown dimension %q; dimensions: %s", id, strings.Join(DimensionIDs(), ", "))}
		}
		if slices.Contains(dims, d) {
			return nil, nil, nil, &SpecError{Code: SpecRepeated, Args: []any{d.ID}, msg: fmt.Sprintf("dimension %s is given twice", d.ID)}
		}
		dims = append(dims, d)
		by = append(by, d.ID)
	}
	return measure, dims, by, nil
}

// MakeTable evaluates a figure over ds: every model of the period that
// passes the filters (and --min-compute) counts once in each cell its
// values fall in. ds is finished (Dataset.Finish) first.
func MakeTable(ds *Dataset, spec TableSpec) (*Table, error) {
	return makeTable(ds, spec, &evalCache{})
}

// evalCache holds what the figures of one dataset share: its models, and
// the organizations of each organization cell under each organization
// level and merge.
type evalCache struct {
	models, dups []Model
	units        map[string]map[*Affiliation]*orgUnits
	sectors      map[string]map[*Affiliation]string
	places       map[string][2]string
}

// unitsFor is the cache of organization units under opt and c.
func (e *evalCache) unitsFor(opt Options, c Counting) map[*Affiliation]*orgUnits {
	key := string(opt.OrgLevel)
	if len(c.Merge) > 0 {
		ks := make([]string, 0, len(c.Merge))
		for k, v := range c.Merge {
			ks = append(ks, k+"\x00"+v)
		}
		slices.Sort(ks)
		key += "\x01" + strings.Join(ks, "\x01")
	}
	if e.units == nil {
		e.units = map[string]map[*Affiliation]*orgUnits{}
	}
	m := e.units[key]
	if m == nil {
		m = map[*Affiliation]*orgUnits{}
		e.units[key] = m
	}
	return m
}

func makeTable(ds *Dataset, spec TableSpec, cache *evalCache) (*Table, error) {
	opt := spec.Options
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	c := spec.Counting
	if err := c.Validate(); err != nil {
		return nil, err
	}
	measure, dims, by, err := spec.resolve()
	if err != nil {
		return nil, err
	}
	year, _ := LookupDimension(DimYear)
	work := dims
	if measure.Along != "" && !slices.Contains(dims, year) {
		// A running total or a growth rate is taken along the years.
		work = append(slices.Clone(dims), year)
		if measure.Along == "running" {
			dims, by = work, append(by, DimYear)
		}
	}
	ds.Finish()
	from, to := ds.period(opt)
	if spec.AllYears {
		from, to = ds.allYears()
	}
	if spec.LatestOnly {
		from = to
	}
	rules := ds.rules
	v := newView(rules, opt, c)
	v.orgs = cache.unitsFor(v.opt, v.c)
	if cache.sectors == nil {
		cache.sectors = map[string]map[*Affiliation]string{}
	}
	v.sectors = cache.sectors
	if cache.places == nil {
		cache.places = map[string][2]string{}
	}
	v.places = cache.places
	filters := spec.Filters.bind(rules)
	perOrg := measure.ID == MeasureOrganizations
	for _, d := range work {
		perOrg = perOrg || d.PerOrganization
	}
	t := &tableBuild{dims: work, measure: measure, minModels: max(spec.MinModels, 1), cells: map[string]*cell{}}

	if cache.models == nil || len(cache.models) != ds.Len() {
		cache.models = ds.Models()
		cache.dups = ds.DuplicateModels()
	}
	models := cache.models
	if c.Duplicates == DuplicatesRows {
		models = append(slices.Clip(models), cache.dups...)
	}
	vals := make([][]weighted, len(work))
	var units []int
	for i := range models {
		m := &models[i]
		if y := m.Date.Year; y < from || y > to {
			continue
		}
		if opt.MinCompute > 0 && (!m.HasCompute || m.Compute < opt.MinCompute) {
			continue
		}
		units = append(units[:0], -1)
		if perOrg {
			if n := len(m.Organizations()); n > 0 {
				units = units[:0]
				for j := range n {
					units = append(units, j)
				}
			}
		}
		selected := false
		for _, org := range units {
			if !v.match(filters, m, org) {
				continue
			}
			selected = true
			for j, d := range work {
				vals[j] = v.dimValues(d, m, org, vals[j][:0])
			}
			dev := ""
			if org >= 0 {
				dev = v.units(m).dev[org]
			}
			t.add(i, vals, m, dev, perOrg)
		}
		if selected {
			t.total++
		}
	}
	out := &Table{By: by, Measure: measure.ID, Total: t.total, rules: rules,
		Settings: TableSettings{Subset: ds.Snapshot.Subset, From: from, To: to, Attribution: opt.Attribution,
			CountryBy: opt.CountryBy, OrgLevel: opt.OrgLevel, MinCompute: opt.MinCompute, Filters: filters.Strings(),
			Counting: c, RulesVersion: rules.Version, EstimateMissing: ds.EstimateMissing},
		Source: Source{Snapshot: ds.Snapshot, Models: ds.Len()},
	}
	if measure.ID == MeasureOrganizations {
		out.Settings.MinModels = t.minModels
	}
	if !ds.Snapshot.Date.IsZero() {
		out.Source.SnapshotDate = ds.Snapshot.Date.Format("2006-01-02")
	}
	for _, f := range ds.Snapshot.Files {
		out.Source.Rows += f.Rows
	}
	out.Rows = t.rows(from, to)
	return out, nil
}

// period is the span of years a census or a table counts: opt's, with
// the five latest complete years before the snapshot by default.
func (d *Dataset) period(opt Options) (from, to int) {
	from, to = opt.From, opt.To
	if from == 0 || to == 0 {
		snap := d.Snapshot.Date
		if snap.IsZero() {
			snap = time.Now()
		}
		df, dt := DefaultPeriod(snap)
		if to == 0 {
			to = dt
			if from != 0 && from > to {
				to = from
			}
		}
		if from == 0 {
			from = to - (dt - df)
		}
	}
	return from, to
}

// allYears is the span from the earliest publication year to the
// snapshot's year, or the newest model's when that is later.
func (d *Dataset) allYears() (from, to int) {
	for i := range d.rows {
		y := int(d.rows[i].year)
		if from == 0 || y < from {
			from = y
		}
		to = max(to, y)
	}
	if sd := d.Snapshot.Date; !sd.IsZero() {
		to = max(to, sd.Year())
	}
	if from == 0 {
		from, to = d.period(Options{})
	}
	return from, to
}

// dimValues are a model's values of d, "unknown" where it has none.
func (v *view) dimValues(d *Dimension, m *Model, org int, out []weighted) []weighted {
	n := len(out)
	out = d.values(v, m, org, out)
	if len(out) == n {
		out = one(out, ValueUnknown)
	}
	return out
}

// add counts model i in every combination of its values, once each.
func (t *tableBuild) add(i int, vals [][]weighted, m *Model, dev string, perOrg bool) {
	var walk func(d int, keys []string, w float64)
	walk = func(d int, keys []string, w float64) {
		if d == len(vals) {
			var k string
			switch len(keys) {
			case 0:
			case 1:
				k = keys[0]
			default:
				k = strings.Join(keys, "\x1f")
			}
			c := t.cells[k]
			if c == nil {
				c = &cell{keys: slices.Clone(keys), last: -1}
				t.cells[k] = c
				t.order = append(t.order, k)
			}
			if c.last != i {
				c.last = i
				c.count += w
				if m.HasCompute {
					c.computes = append(c.computes, m.Compute)
				}
			}
			if perOrg && dev != "" && t.measure.ID == MeasureOrganizations {
				if c.devs == nil {
					c.devs, c.devLast = map[string]int{}, map[string]int{}
				}
				// A developer counts a model once however many of its
				// units share the cell.
				if last, seen := c.devLast[dev]; !seen || last != i {
					c.devLast[dev] = i
					c.devs[dev]++
				}
			}
			return
		}
		for _, x := range vals[d] {
			walk(d+1, append(keys, x.code), w*x.w)
		}
	}
	if cap(t.keys) < len(vals) {
		t.keys = make([]string, 0, len(vals))
	}
	walk(0, t.keys[:0], 1)
}

// rows gives the table's rows, sorted: ordered dimensions in value order,
// the others largest first (by models), then by code.
func (t *tableBuild) rows(from, to int) []TableRow {
	yi := slices.IndexFunc(t.dims, func(d *Dimension) bool { return d.ID == DimYear })
	// Along the years: every year of the period, for every combination of
	// the other dimensions.
	if t.measure.Along != "" || (len(t.dims) == 1 && yi == 0) {
		others := map[string][]string{}
		var keys []string
		for _, k := range t.order {
			c := t.cells[k]
			ok := otherKey(c.keys, yi)
			if _, seen := others[ok]; !seen {
				others[ok] = c.keys
				keys = append(keys, ok)
			}
		}
		if len(keys) == 0 && len(t.dims) == 1 {
			keys, others[""] = []string{""}, []string{""}
		}
		for _, ok := range keys {
			for y := from; y <= to; y++ {
				ks := slices.Clone(others[ok])
				ks[yi] = strconv.Itoa(y)
				k := strings.Join(ks, "\x1f")
				if t.cells[k] == nil {
					t.cells[k] = &cell{keys: ks, last: -1}
					t.order = append(t.order, k)
				}
			}
		}
	}
	rank := t.ranks()
	// Each cell's sort keys, once: the rank of each value, then its name
	// folded to lower case.
	type sorted struct {
		c     *cell
		rank  []float64
		lower []string
	}
	items := make([]sorted, 0, len(t.order))
	for _, k := range t.order {
		c := t.cells[k]
		it := sorted{c: c, rank: make([]float64, len(c.keys)), lower: make([]string, len(c.keys))}
		for j, key := range c.keys {
			it.rank[j], it.lower[j] = rank[j](key), strings.ToLower(key)
		}
		items = append(items, it)
	}
	sort.SliceStable(items, func(a, b int) bool {
		x, y := &items[a], &items[b]
		for j := range x.rank {
			if x.c.keys[j] == y.c.keys[j] {
				continue
			}
			if x.rank[j] != y.rank[j] {
				return x.rank[j] < y.rank[j]
			}
			if x.lower[j] != y.lower[j] {
				return x.lower[j] < y.lower[j]
			}
			return x.c.keys[j] < y.c.keys[j]
		}
		return false
	})
	cells := make([]*cell, len(items))
	for i := range items {
		cells[i] = items[i].c
	}
	var out []TableRow
	switch t.measure.Along {
	case "running":
		sums := map[string]float64{}
		for _, c := range cells {
			ok := otherKey(c.keys, yi)
			sums[ok] += c.count
			out = append(out, TableRow{Keys: c.keys, Value: round9(sums[ok])})
		}
	case "growth":
		type series struct {
			keys        []string
			first, last float64
		}
		var order []string
		by := map[string]*series{}
		for _, c := range cells {
			ok := otherKey(c.keys, yi)
			s := by[ok]
			if s == nil {
				keys := slices.Delete(slices.Clone(c.keys), yi, yi+1)
				s = &series{keys: keys}
				by[ok] = s
				order = append(order, ok)
			}
			switch y, _ := strconv.Atoi(c.keys[yi]); y {
			case from:
				s.first = c.count
			case to:
				s.last = c.count
			}
		}
		years := to - from + 1
		for _, ok := range order {
			s := by[ok]
			r := TableRow{Keys: s.keys}
			if years < 2 || s.first <= 0 {
				r.Missing = true
			} else {
				r.Value = math.Pow(s.last/s.first, 1/float64(years-1)) - 1
			}
			out = append(out, r)
		}
	default:
		for _, c := range cells {
			val, ok := t.measure.value(c, t)
			if t.measure.ID == MeasureOrganizations && t.minModels > 1 && val == 0 && len(t.dims) > 0 {
				continue // no developer with enough models: no row
			}
			out = append(out, TableRow{Keys: c.keys, Value: round9(val), Missing: !ok})
		}
	}
	if len(out) == 0 && len(t.dims) == 0 {
		val, ok := t.measure.value(&cell{}, t)
		out = append(out, TableRow{Keys: []string{}, Value: val, Missing: !ok})
	}
	for i := range out {
		if out[i].Keys == nil {
			out[i].Keys = []string{}
		}
	}
	return out
}

// otherKey is a cell's key without its year.
func otherKey(keys []string, yi int) string {
	if yi < 0 {
		return strings.Join(keys, "\x1f")
	}
	return strings.Join(slices.Delete(slices.Clone(keys), yi, yi+1), "\x1f")
}

// ranks returns, for each dimension, how its values sort: an ordered
// dimension by value, the others by their models, most first.
func (t *tableBuild) ranks() []func(string) float64 {
	out := make([]func(string) float64, len(t.dims))
	for j, d := range t.dims {
		if d.Ordered {
			order := d.order
			out[j] = func(s string) float64 {
				if s == ValueUnknown {
					return math.Inf(1)
				}
				return order(s)
			}
			continue
		}
		size := map[string]float64{}
		for _, c := range t.cells {
			size[c.keys[j]] += c.count
		}
		out[j] = func(s string) float64 {
			if s == ValueUnknown {
				return math.Inf(1)
			}
			return -size[s]
		}
	}
	return out
}

// round9 rounds fractional counts so that thirds add up to whole models.
func round9(v float64) float64 { return math.Round(v*1e9) / 1e9 }

// IsSpecError reports whether err is a figure that cannot be made as
// asked: an unknown dimension or measure, a malformed filter, a counting
// rule outside its choices.
func IsSpecError(err error) bool {
	var se *SpecError
	var fe *FilterError
	var ce *CountingError
	return errors.As(err, &se) || errors.As(err, &fe) || errors.As(err, &ce)
}
