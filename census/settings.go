package census

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// OptionValues are a census's counting options as text, as a command's
// flags or a query's parameters give them; "" leaves an option at its
// default. ParseOptions checks them: it is the one parser of the counting
// options that the commands and the dashboard share.
type OptionValues struct {
	From, To    string // years, 1900-2200
	Attribution string // full, fractional, first
	CountryBy   string // organization, group
	OrgLevel    string // group, organization
	MinCompute  string // FLOP, >= 0
	Top         string // how many models the ranking lists, >= 1
	// MaxTop caps Top; 0 leaves it uncapped.
	MaxTop int
}

// ParseOrgLevel reads an organization level (group, organization); any
// other is an *OptionError of code OptionChoice naming org-level.
func ParseOrgLevel(s string) (OrgLevel, error) {
	if l := OrgLevel(s); l == OrgLevelGroup || l == OrgLevelOrganization {
		return l, nil
	}
	return "", &OptionError{Option: "org-level", Value: s, Code: OptionChoice, Choices: OrgLevelChoices}
}

// WithNumbers is v with a command line's numbers as ParseOptions reads
// them: from and to, years where 0 means none, and top.
func (v OptionValues) WithNumbers(from, to, top int) OptionValues {
	v.Top = strconv.Itoa(top)
	if from != 0 {
		v.From = strconv.Itoa(from)
	}
	if to != 0 {
		v.To = strconv.Itoa(to)
	}
	return v
}

// The years a census may count: a period's from and to, a figure's year,
// lie between them.
const (
	YearMin = 1900
	YearMax = 2200
)

// Option error codes (OptionError.Code).
const (
	OptionChoice = "choice" // not one of Choices
	OptionYear   = "year"   // not a year in 1900-2200
	OptionPeriod = "period" // from after to; Args are from and to
	OptionFLOP   = "flop"   // not a number of FLOP >= 0
	OptionCount  = "count"  // not a whole number in Args[0]..Args[1] (0: no cap)
)

// OptionError is a counting option that cannot be used: Option names it
// as report's flag does, without the dashes (from, attribution,
// min-compute…), Value is what was given. The edges translate it once:
// the commands into their flag messages, the API into its parameter
// messages.
type OptionError struct {
	Option, Value, Code string
	Choices             []string
	Args                []any
}

// Error says what is wrong, in English.
func (e *OptionError) Error() string {
	switch e.Code {
	case OptionChoice:
		return e.Option + " " + strconv.Quote(e.Value) + ": want " + strings.Join(e.Choices, ", ")
	case OptionPeriod:
		return "period: from is after to (" + e.Value + ")"
	case OptionFLOP:
		return e.Option + " " + strconv.Quote(e.Value) + ": want a number of FLOP >= 0"
	case OptionSnapshotID:
		return e.Option + " " + strconv.Quote(e.Value) + ": want a snapshot's number"
	case OptionExclusive:
		return "use --snapshot or --as-of, not both; and not with --source"
	}
	return e.Option + " " + strconv.Quote(e.Value) + ": out of range"
}

// The choices of the counting options, in the order messages list them.
var (
	AttributionChoices = []string{string(AttributionFull), string(AttributionFractional), string(AttributionFirst)}
	CountryByChoices   = []string{string(CountryByOrganization), string(CountryByGroup)}
	OrgLevelChoices    = []string{string(OrgLevelGroup), string(OrgLevelOrganization)}
)

// ParseOptions checks v and returns the census options it states, with
// the defaults filled in (Options.Validate). Every error is an
// *OptionError.
func ParseOptions(v OptionValues) (Options, error) {
	var o Options
	for _, c := range []struct {
		name, value string
		choices     []string
	}{{"attribution", v.Attribution, AttributionChoices}, {"country-by", v.CountryBy, CountryByChoices}, {"org-level", v.OrgLevel, OrgLevelChoices}} {
		if c.value != "" && !slices.Contains(c.choices, c.value) {
			return o, &OptionError{Option: c.name, Value: c.value, Code: OptionChoice, Choices: c.choices}
		}
	}
	o.Attribution, o.CountryBy, o.OrgLevel = Attribution(v.Attribution), CountryBy(v.CountryBy), OrgLevel(v.OrgLevel)
	if v.MinCompute != "" {
		f, err := strconv.ParseFloat(v.MinCompute, 64)
		if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
			return o, &OptionError{Option: "min-compute", Value: v.MinCompute, Code: OptionFLOP}
		}
		o.MinCompute = f
	}
	if v.Top != "" {
		n, err := strconv.Atoi(v.Top)
		if err != nil || n < 1 || v.MaxTop > 0 && n > v.MaxTop {
			return o, &OptionError{Option: "top", Value: v.Top, Code: OptionCount, Args: []any{1, v.MaxTop}}
		}
		o.Top = n
	}
	for _, y := range []struct {
		name, value string
		dst         *int
	}{{"from", v.From, &o.From}, {"to", v.To, &o.To}} {
		if y.value == "" {
			continue
		}
		n, err := strconv.Atoi(y.value)
		if err != nil || n < YearMin || n > YearMax {
			return o, &OptionError{Option: y.name, Value: y.value, Code: OptionYear}
		}
		*y.dst = n
	}
	if o.From != 0 && o.To != 0 && o.From > o.To {
		return o, &OptionError{Option: "from", Value: v.From + "-" + v.To, Code: OptionPeriod, Args: []any{o.From, o.To}}
	}
	return o, o.Validate()
}

// FigureValues state a figure as a command's flags or a query's
// parameters give it: By is a list of dimensions separated by commas,
// Merge a list of FROM=TO, Filters a list of FIELD OP VALUE.
type FigureValues struct {
	By, Measure                             string
	Filters                                 []string
	MinModels                               int
	Multinational, BlankCountry, Duplicates string
	Merge                                   []string
}

// ParseFigure states the figure of v over the census options opt and
// checks it (TableSpec.Check): the one parser of a figure that `table`
// and /api/v1/table share. Errors are *SpecError (SpecMerge for a merge
// that is not FROM=TO), *FilterError, *CountingError or an option's.
func ParseFigure(v FigureValues, opt Options) (TableSpec, error) {
	s := TableSpec{Measure: v.Measure, MinModels: v.MinModels, Options: opt,
		Counting: Counting{Multinational: v.Multinational, BlankCountry: v.BlankCountry, Duplicates: v.Duplicates}}
	for _, b := range strings.Split(v.By, ",") {
		if b = strings.TrimSpace(b); b != "" {
			s.By = append(s.By, b)
		}
	}
	for _, m := range v.Merge {
		from, to, ok := strings.Cut(m, "=")
		if from, to = strings.TrimSpace(from), strings.TrimSpace(to); !ok || from == "" || to == "" {
			return s, &SpecError{Code: SpecMerge, Args: []any{m}, msg: "merge " + strconv.Quote(m) + ": want FROM=TO"}
		}
		if s.Counting.Merge == nil {
			s.Counting.Merge = map[string]string{}
		}
		s.Counting.Merge[from] = to
	}
	f, err := ParseFilters(v.Filters)
	if err != nil {
		return s, err
	}
	s.Filters = f
	return s, s.Check()
}

// Codes of OptionError for a trend's span.
const (
	OptionDate = "date" // not YYYY-MM-DD, YYYY-MM or YYYY
	OptionSpan = "span" // since after until; Args are both dates
)

// Codes of OptionError for the choice of a stored snapshot
// (snapshots.Choice).
const (
	OptionSnapshotID = "snapshot_id" // --snapshot is not a snapshot's number
	OptionExclusive  = "exclusive"   // --snapshot, --as-of and --source together
)

// ParseSpan reads the span of a trend, since and until (YYYY-MM-DD,
// YYYY-MM or YYYY; "" for none): errors are *OptionError naming since or
// until.
func ParseSpan(since, until string) (Date, Date, error) {
	var d [2]Date
	for i, v := range []string{since, until} {
		if v == "" {
			continue
		}
		var ok bool
		if d[i], ok = ParseDate(v); !ok {
			return d[0], d[1], &OptionError{Option: []string{"since", "until"}[i], Value: v, Code: OptionDate}
		}
	}
	if d[0] != (Date{}) && d[1] != (Date{}) && SpanEnd(d[1]).Before(SpanStart(d[0])) {
		return d[0], d[1], &OptionError{Option: "since", Value: since + ".." + until, Code: OptionSpan, Args: []any{d[0].String(), d[1].String()}}
	}
	return d[0], d[1], nil
}

// ParseThresholds reads thresholds given by hand (FLOP > 0 each), named
// as given after label (the flag or parameter: "--threshold ",
// "threshold="): errors are *OptionError{Option: "threshold", Code:
// OptionFLOP}.
func ParseThresholds(values []string, label string) ([]Threshold, error) {
	var out []Threshold
	for _, v := range values {
		t := strings.TrimSpace(v)
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || !(f > 0) || math.IsInf(f, 0) {
			return nil, &OptionError{Option: "threshold", Value: v, Code: OptionFLOP}
		}
		law := strings.TrimSpace(label)
		out = append(out, Threshold{ID: label + t, FLOP: f, Law: law, LawKo: law})
	}
	return out, nil
}
