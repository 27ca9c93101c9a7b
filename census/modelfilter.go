package census

import (
	"slices"
	"strings"
)

// ModelSort is the order FindModels lists models in.
type ModelSort string

// The orders of FindModels.
const (
	// SortDate orders by publication date, then by name (the default).
	SortDate ModelSort = "date"
	// SortName orders by name, without regard to case.
	SortName ModelSort = "name"
	// SortCompute orders by training compute; a model of unknown compute
	// comes last in either direction.
	SortCompute ModelSort = "compute"
)

// ModelFilter is a query over a dataset's models, as the API's model list
// and the dashboard's explorer ask it: each field is optional, its zero
// value selecting every model (as the DialFilter of Ben Johnson's wtf).
// Text comparisons ignore case. FindModels applies it.
type ModelFilter struct {
	// Text keeps the models whose name, or one of whose organizations,
	// contains it (leading and trailing spaces ignored).
	Text string
	// Country keeps the models attributed to the country of this ISO
	// 3166 alpha-2 code (Model.Countries).
	Country string
	// Org keeps the models of this group or organization, as normalized
	// (Model.Groups, Model.Organizations).
	Org string
	// Domain keeps the models of this domain group or domain
	// (Model.DomainGroups, Model.Domains).
	Domain string
	// Access keeps the models of this access category (AccessOpenWeights,
	// AccessAPI, …).
	Access string
	// Multimodal, when not nil, keeps the multimodal models (true) or the
	// others (false).
	Multimodal *bool
	// YearFrom and YearTo keep the models published in those years or
	// between them (0: unbounded).
	YearFrom, YearTo int
	// MinCompute and MaxCompute keep the models of known training compute
	// at least, or at most, this many FLOP (0: unbounded).
	MinCompute, MaxCompute float64
	// InCensus, when not nil, keeps the models whose publication year is
	// (true) or is not (false) within Period: the census's period.
	InCensus *bool
	Period   Period

	// Sort is the order (SortDate when empty); Descending reverses it.
	// DefaultDescending gives the usual direction of each order.
	Sort       ModelSort
	Descending bool

	// Offset skips that many of the models selected, in order; Limit,
	// when above zero, returns at most that many.
	Offset, Limit int
}

// DefaultDescending is the direction an order takes when the query names
// none: the newest and the largest first, names from A.
func DefaultDescending(s ModelSort) bool { return s != SortName }

// FindModels returns the models of ds that f selects, in f's order (models
// that compare equal keep the dataset's order), from f.Offset and at most
// f.Limit of them, and how many f selects in all.
func FindModels(ds *Dataset, f ModelFilter) (models []Model, total int) {
	text := strings.ToLower(strings.TrimSpace(f.Text))
	var out []Model
	for i := 0; i < ds.Len(); i++ {
		m := ds.Model(i)
		if f.match(&m, text) {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, f.compare)
	total = len(out)
	start := min(max(f.Offset, 0), total)
	end := total
	if f.Limit > 0 {
		end = min(start+f.Limit, total)
	}
	return out[start:end], total
}

// match reports whether f selects m; text is f.Text trimmed and in lower
// case.
func (f *ModelFilter) match(m *Model, text string) bool {
	year := m.Date.Year
	switch {
	case f.YearFrom != 0 && year < f.YearFrom, f.YearTo != 0 && year > f.YearTo:
		return false
	case f.MinCompute > 0 && (!m.HasCompute || m.Compute < f.MinCompute),
		f.MaxCompute > 0 && (!m.HasCompute || m.Compute > f.MaxCompute):
		return false
	case f.Country != "" && !hasFold(m.Countries, f.Country),
		f.Org != "" && !hasFold(m.Groups(), f.Org) && !hasFold(m.Organizations(), f.Org),
		f.Domain != "" && !hasFold(m.DomainGroups(), f.Domain) && !hasFold(m.Domains(), f.Domain),
		f.Access != "" && m.Access != f.Access,
		f.Multimodal != nil && m.Multimodal() != *f.Multimodal:
		return false
	case f.InCensus != nil && (year >= f.Period.From && year <= f.Period.To) != *f.InCensus:
		return false
	}
	return text == "" || strings.Contains(strings.ToLower(m.Name), text) ||
		strings.Contains(strings.ToLower(strings.Join(m.Organizations(), " ")), text)
}

// compare orders two models as f asks.
func (f *ModelFilter) compare(a, b Model) int {
	if f.Sort == SortCompute && a.HasCompute != b.HasCompute {
		if a.HasCompute {
			return -1 // unknown compute last, either way
		}
		return 1
	}
	var c int
	switch f.Sort {
	case SortName:
		c = strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	case SortCompute:
		switch {
		case !a.HasCompute: // neither has
		case a.Compute < b.Compute:
			c = -1
		case a.Compute > b.Compute:
			c = 1
		}
	default:
		switch {
		case a.Date.Before(b.Date):
			c = -1
		case b.Date.Before(a.Date):
			c = 1
		default:
			c = strings.Compare(a.Name, b.Name)
		}
	}
	if f.Descending {
		return -c
	}
	return c
}

// hasFold reports whether list holds v, without regard to case.
func hasFold(list []string, v string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, v) })
}
