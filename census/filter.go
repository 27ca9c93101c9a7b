package census

import (
	"fmt"
	"math"
	"strings"
)

// Filter operators.
const (
	OpEq = "="
	OpNe = "!="
	OpGe = ">="
	OpLe = "<="
	OpGt = ">"
	OpLt = "<"
)

// filterOps are the operators, longest first so that ">=" is not read as
// ">" followed by "=...".
var filterOps = []string{OpGe, OpLe, OpNe, "==", OpEq, OpGt, OpLt}

// Fields a filter takes beside the dimensions: training compute (FLOP),
// parameters, and the publication date (YYYY, YYYY-MM or YYYY-MM-DD).
const (
	FilterCompute = "compute"
	FilterParams  = "params"
	FilterDate    = "date"
)

// Filter is one condition FIELD OP VALUE on a model; ParseFilter makes
// one. FIELD is a dimension
// (country, region, year, ...) or compute, params or date. For a field
// with several values (a model's countries, organizations, domains) "="
// holds when any value is VALUE and "!=" when none is; the order
// operators hold on numbers (year, compute, params) and dates only. A
// model without training compute (or parameters) fails every compute (or
// params) filter.
type Filter struct {
	Field string
	Op    string
	Value string

	num  float64 // the value of a numeric field
	date Date    // the value of a date filter
	prec int     // parts of date given: 1 (year), 2 (month) or 3 (day)
	dim  *Dimension
}

// String is the filter as written: region=EU, compute>=1e25.
func (f Filter) String() string { return f.Field + f.Op + f.Value }

// Filters are conditions that all must hold (AND).
type Filters []Filter

// Strings returns the filters as written.
func (fs Filters) Strings() []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}

// FilterError is a filter that cannot be read. Code names the problem
// (FilterSyntax, FilterField, FilterNumber, FilterDateValue, FilterOp)
// and Args its values, for translations; Error is English.
type FilterError struct {
	Filter string
	Code   string
	Args   []any
	msg    string
}

// Error quotes the filter and says what is wrong with it.
func (e *FilterError) Error() string { return fmt.Sprintf("filter %q: %s", e.Filter, e.msg) }

// Codes of FilterError.
const (
	FilterSyntax    = "syntax"     // no operator, or no field or value
	FilterField     = "field"      // args: field, the fields known
	FilterNumber    = "number"     // args: value
	FilterDateValue = "date_value" // args: value
	FilterOp        = "op"         // args: operator, field
)

// FilterFields lists the fields a filter takes: every dimension, then
// compute, params and date.
func FilterFields() []string {
	out := DimensionIDs()
	return append(out, FilterCompute, FilterParams, FilterDate)
}

// ParseFilter reads one filter, FIELD OP VALUE, with OP one of = != >= <=
// > < ("==" is read as "="); spaces around the parts are ignored.
func ParseFilter(s string) (Filter, error) {
	text := strings.TrimSpace(s)
	at, op := -1, ""
	for i := 0; i < len(text) && at < 0; i++ {
		for _, o := range filterOps {
			if strings.HasPrefix(text[i:], o) {
				at, op = i, o
				break
			}
		}
	}
	if at <= 0 {
		return Filter{}, &FilterError{Filter: s, Code: FilterSyntax,
			msg: "want FIELD OP VALUE, with OP one of = != >= <= > < (region=EU, compute>=1e25)"}
	}
	f := Filter{Field: strings.ToLower(strings.TrimSpace(text[:at])), Op: op,
		Value: strings.TrimSpace(text[at+len(op):])}
	if f.Op == "==" {
		f.Op = OpEq
	}
	if f.Field == "" || f.Value == "" {
		return Filter{}, &FilterError{Filter: s, Code: FilterSyntax,
			msg: "want FIELD OP VALUE, with OP one of = != >= <= > < (region=EU, compute>=1e25)"}
	}
	if f.Field == "parameters" {
		f.Field = FilterParams
	}
	ordered := f.Op != OpEq && f.Op != OpNe
	switch f.Field {
	case FilterCompute, FilterParams, DimYear:
		v, ok := ParseNumber(f.Value)
		if !ok || math.IsInf(v, 0) {
			return Filter{}, &FilterError{Filter: s, Code: FilterNumber, Args: []any{f.Value},
				msg: fmt.Sprintf("%q is not a number", f.Value)}
		}
		f.num = v
	case FilterDate:
		d, ok := ParseDate(f.Value)
		if !ok {
			return Filter{}, &FilterError{Filter: s, Code: FilterDateValue, Args: []any{f.Value},
				msg: fmt.Sprintf("%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", f.Value)}
		}
		f.date = d
		if d.Day > 0 {
			f.prec = 3
		} else if d.Month > 0 {
			f.prec = 2
		} else {
			f.prec = 1
		}
	default:
		dim, ok := LookupDimension(f.Field)
		if !ok {
			return Filter{}, &FilterError{Filter: s, Code: FilterField, Args: []any{f.Field, strings.Join(FilterFields(), ", ")},
				msg: fmt.Sprintf("unknown field %q; fields: %s", f.Field, strings.Join(FilterFields(), ", "))}
		}
		if ordered {
			return Filter{}, &FilterError{Filter: s, Code: FilterOp, Args: []any{f.Op, f.Field},
				msg: fmt.Sprintf("%s compares numbers and dates (year, compute, params, date), not %s", f.Op, f.Field)}
		}
		f.dim = dim
	}
	return f, nil
}

// ParseFilters reads filters, each FIELD OP VALUE (see ParseFilter); all
// must hold. The first that cannot be read is the error.
func ParseFilters(list []string) (Filters, error) {
	out := make(Filters, 0, len(list))
	for _, s := range list {
		if strings.TrimSpace(s) == "" {
			continue
		}
		f, err := ParseFilter(s)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// Matcher tests models against filters under one set of counting rules:
// a model's countries depend on --country-by, --multinational and
// --blank-country, its organizations on --org-level. It caches what
// models share, so it is not safe for concurrent use: make one per
// goroutine.
type Matcher struct {
	filters Filters
	v       *view
}

// NewMatcher binds filters to the rules and counting options of a
// dataset: a country filter's value may be a code or any spelling the
// country table knows (country=Korea is KR).
func (fs Filters) NewMatcher(r *Rules, opt Options, c Counting) *Matcher {
	return &Matcher{filters: fs.bind(r), v: newView(r, opt, c)}
}

// bind puts dimension values in the form the dimension gives them.
func (fs Filters) bind(r *Rules) Filters {
	out := make(Filters, len(fs))
	for i, f := range fs {
		if f.dim != nil && f.dim.normalize != nil {
			f.Value = f.dim.normalize(r, f.Value)
		}
		out[i] = f
	}
	return out
}

// Match reports whether model m satisfies every filter.
func (m *Matcher) Match(model *Model) bool {
	return m.v.match(m.filters, model, -1)
}

// match tests the filters on m; with org >= 0, a dimension evaluated per
// organization is tested on that organization alone.
func (v *view) match(fs Filters, m *Model, org int) bool {
	for i := range fs {
		if !v.test(&fs[i], m, org) {
			return false
		}
	}
	return true
}

func (v *view) test(f *Filter, m *Model, org int) bool {
	switch f.Field {
	case FilterCompute:
		return m.HasCompute && compareNum(m.Compute, f.Op, f.num)
	case FilterParams:
		return m.HasParams && compareNum(m.Params, f.Op, f.num)
	case FilterDate:
		return compareDate(m.Date, f.date, f.prec, f.Op)
	case DimYear:
		return compareNum(float64(m.Date.Year), f.Op, f.num)
	}
	d := f.dim
	if d == nil { // a Filter built by hand, not by ParseFilter
		var ok bool
		if d, ok = LookupDimension(f.Field); !ok {
			return false
		}
	}
	vals := v.dimValues(d, m, org, v.buf[:0])
	v.buf = vals[:0]
	any := false
	for _, w := range vals {
		if strings.EqualFold(w.code, f.Value) {
			any = true
			break
		}
	}
	if f.Op == OpNe {
		return !any
	}
	return any
}

func compareNum(a float64, op string, b float64) bool {
	switch op {
	case OpEq:
		return a == b
	case OpNe:
		return a != b
	case OpGe:
		return a >= b
	case OpLe:
		return a <= b
	case OpGt:
		return a > b
	case OpLt:
		return a < b
	}
	return false
}

// compareDate compares a publication date with a filter's date at the
// filter's precision: date>=2023 holds for every model of 2023, however
// precisely its date is known. Unknown months and days count as 0.
func compareDate(d, f Date, prec int, op string) bool {
	key := func(x Date) int {
		switch prec {
		case 1:
			return x.Year
		case 2:
			return x.Year*100 + x.Month
		}
		return (x.Year*100+x.Month)*100 + x.Day
	}
	return compareNum(float64(key(d)), op, float64(key(f)))
}
