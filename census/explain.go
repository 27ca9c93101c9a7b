package census

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Causes of a change of a census figure between two datasets (Explain).
const (
	CauseAdded        = "added"                // the model is new in the second dataset
	CauseRemoved      = "removed"              // the model is gone from the second dataset
	CauseRenamed      = "renamed"              // the model changed name; it counts as one model
	CauseRedated      = "redated"              // its publication date moved it into or out of a year
	CauseCountry      = "country_changed"      // its countries changed
	CauseOrganization = "organization_changed" // its organizations changed
	CauseDomain       = "domain_changed"       // its domains changed
	CauseSubset       = "subset_changed"       // it entered or left the census's subset (e.g. compute crossing --min-compute)
	CauseCompute      = "compute_revised"      // its training compute was revised (the ranking)
	CauseDisplaced    = "displaced"            // it left or entered the ranking because others moved
)

// FigureTotal is the key-less figure of the period's model count, as
// Explain names it.
const FigureTotal = "total"

// Cause is one model's part in the change of one figure's key.
// Contribution is in the figure's unit (models, or FLOP for the ranking);
// the contributions of a key's causes add up to its delta.
type Cause struct {
	Cause        string  `json:"cause"`
	Model        string  `json:"model"`
	Detail       string  `json:"detail"`
	Contribution float64 `json:"contribution"`
	// Args are the detail's values, for translations.
	Args []any `json:"-"`
}

// Explanation is the change of one figure's key between two datasets, with
// the model-level causes behind it.
type Explanation struct {
	Figure string  `json:"figure"`
	Key    string  `json:"key"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
	Delta  float64 `json:"delta"`
	Causes []Cause `json:"causes"`
}

// figKey is one key of one figure.
type figKey struct{ fig, key string }

// contribution is a model's part in one figure's key.
type contribution struct {
	k figKey
	v float64
}

// contributions lists what model m adds to each figure's key under opt for
// the period from–to (nil when it is not counted): the census's own
// counting rules, one model at a time.
func contributions(m *Model, opt Options, from, to int) []contribution {
	y := m.Date.Year
	if y < from || y > to {
		return nil
	}
	if opt.MinCompute > 0 && (!m.HasCompute || m.Compute < opt.MinCompute) {
		return nil
	}
	ys := strconv.Itoa(y)
	latest := y == to
	out := []contribution{{figKey{FigureTotal, ""}, 1}, {figKey{FigurePerYear, ys}, 1}}
	if m.Multimodal() {
		out = append(out, contribution{figKey{FigureMultimodalPerYear, ys}, 1})
	}
	cs := m.Countries
	if opt.CountryBy == CountryByGroup {
		cs = m.GroupCountries()
	}
	c := counter{}
	attribute(c, cs, opt.Attribution)
	for k, v := range c {
		out = append(out, contribution{figKey{FigureCountries, k}, v})
		if latest {
			out = append(out, contribution{figKey{FigureCountriesLatest, k}, v})
		}
	}
	if latest {
		for _, n := range m.countedOrganizations(opt.OrgLevel) {
			out = append(out, contribution{figKey{FigureOrganizationsLatest, n}, 1})
		}
	}
	for _, g := range m.DomainGroups() {
		out = append(out, contribution{figKey{FigureDomains, g}, 1})
		if latest {
			out = append(out, contribution{figKey{FigureDomainsLatest, g}, 1})
		}
	}
	return out
}

// Explain explains every change of the census from dataset a to dataset b
// under opt: for each figure and key (each year, country, organization,
// domain group, multimodal year, and the latest year's ranking by
// training compute, keyed by model), the value before and after and the
// models behind the difference, each with its cause and contribution.
// Models are the same model when their names are equal, or when renames
// (old name → new name, as a diff finds them by link or reference) pairs
// them: a renamed model is never an addition plus a removal. The
// contributions of a key's causes add up to its delta. A period left at
// zero in opt is b's default period. Its error is opt's (Options.Validate).
func Explain(a, b *Dataset, opt Options, renames map[string]string) ([]Explanation, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if opt.From == 0 || opt.To == 0 {
		f, t := DefaultPeriod(b.Snapshot.Date)
		if opt.From == 0 {
			opt.From = f
		}
		if opt.To == 0 {
			opt.To = t
		}
	}
	ra, err := Compute(a, opt)
	if err != nil {
		return nil, err
	}
	rb, err := Compute(b, opt)
	if err != nil {
		return nil, err
	}
	from, to := opt.From, opt.To
	ex := map[figKey]*Explanation{}
	get := func(k figKey) *Explanation {
		e := ex[k]
		if e == nil {
			e = &Explanation{Figure: k.fig, Key: k.key, Causes: []Cause{}}
			ex[k] = e
		}
		return e
	}
	for k, v := range figureValues(ra) {
		get(k).Before = v
	}
	for k, v := range figureValues(rb) {
		get(k).After = v
	}

	inB := make(map[string]int, b.Len())
	for j := 0; j < b.Len(); j++ {
		inB[b.name(j)] = j
	}
	matchedB := make([]bool, b.Len())
	partner := make([]int, a.Len())
	newName := map[string]string{} // a's name → b's, for the ranking
	for i := 0; i < a.Len(); i++ {
		name := a.name(i)
		j, ok := inB[name]
		if !ok {
			if to, renamed := renames[name]; renamed {
				j, ok = inB[to]
			}
		}
		partner[i] = -1
		if ok && !matchedB[j] {
			partner[i], matchedB[j] = j, true
			newName[name] = b.name(j)
		}
	}
	for i := 0; i < a.Len(); i++ {
		ma := a.Model(i)
		ca := contributions(&ma, opt, from, to)
		j := partner[i]
		if j < 0 {
			for _, c := range ca {
				e := get(c.k)
				e.Causes = append(e.Causes, Cause{Cause: CauseRemoved, Model: ma.Name, Contribution: -c.v})
			}
			continue
		}
		mb := b.Model(j)
		cb := contributions(&mb, opt, from, to)
		diff := map[figKey]float64{}
		for _, c := range cb {
			diff[c.k] += c.v
		}
		for _, c := range ca {
			diff[c.k] -= c.v
		}
		for k, dv := range diff {
			if math.Abs(dv) < 1e-12 {
				continue
			}
			cause, detail, args := classify(&ma, &mb, k, ca != nil, cb != nil)
			e := get(k)
			e.Causes = append(e.Causes, Cause{Cause: cause, Model: mb.Name, Detail: detail, Args: args, Contribution: dv})
		}
	}
	for j := 0; j < b.Len(); j++ {
		if matchedB[j] {
			continue
		}
		mb := b.Model(j)
		for _, c := range contributions(&mb, opt, from, to) {
			e := get(c.k)
			e.Causes = append(e.Causes, Cause{Cause: CauseAdded, Model: mb.Name, Contribution: c.v})
		}
	}
	explainRanking(ra, rb, a, b, newName, renames, get)

	out := make([]Explanation, 0, len(ex))
	for _, e := range ex {
		e.Delta = e.After - e.Before
		if math.Abs(e.Delta) < 1e-9 && len(e.Causes) == 0 {
			continue
		}
		sort.Slice(e.Causes, func(i, j int) bool {
			ci, cj := e.Causes[i], e.Causes[j]
			if ci.Cause != cj.Cause {
				return ci.Cause < cj.Cause
			}
			return ci.Model < cj.Model
		})
		out = append(out, *e)
	}
	order := map[string]int{FigureTotal: -1}
	for i, f := range figures {
		order[f.ID] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Figure != out[j].Figure {
			return order[out[i].Figure] < order[out[j].Figure]
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

// figureValues are a census's figures by key, as Explain compares them.
func figureValues(r *Result) map[figKey]float64 {
	out := map[figKey]float64{{FigureTotal, ""}: float64(r.Total)}
	for _, y := range r.PerYear {
		out[figKey{FigurePerYear, strconv.Itoa(y.Year)}] = float64(y.Count)
	}
	for _, y := range r.MultimodalPerYear {
		out[figKey{FigureMultimodalPerYear, strconv.Itoa(y.Year)}] = float64(y.Count)
	}
	country := func(fig string, list []CountryCount) {
		for _, c := range list {
			k := c.Code
			if k == "" {
				k = c.Name
			}
			out[figKey{fig, k}] = c.Count
		}
	}
	country(FigureCountries, r.Countries)
	country(FigureCountriesLatest, r.CountriesLatest)
	names := func(fig string, list []NameCount) {
		for _, c := range list {
			out[figKey{fig, c.Name}] = c.Count
		}
	}
	names(FigureOrganizationsLatest, r.OrganizationsLatest)
	names(FigureDomains, r.Domains)
	names(FigureDomainsLatest, r.DomainsLatest)
	for _, m := range r.TopComputeLatest {
		out[figKey{FigureTopComputeLatest, m.Model}] = m.FLOP
	}
	return out
}

// classify names the cause of a matched model's change of one figure's
// key: leaving or entering the census first (by its date, else by the
// subset rule), then a move between years, then the attribute the figure
// counts by.
func classify(a, b *Model, k figKey, countedA, countedB bool) (string, string, []any) {
	da, db := a.Date.String(), b.Date.String()
	if countedA != countedB {
		if a.Date.Year != b.Date.Year {
			return CauseRedated, da + " → " + db, []any{da, db}
		}
		return CauseSubset, fmtCompute(a) + " → " + fmtCompute(b), []any{fmtCompute(a), fmtCompute(b)}
	}
	if a.Date.Year != b.Date.Year {
		return CauseRedated, da + " → " + db, []any{da, db}
	}
	switch k.fig {
	case FigureCountries, FigureCountriesLatest:
		x, y := strings.Join(a.Countries, ", "), strings.Join(b.Countries, ", ")
		if x == y { // by group: the organizations moved the group's country
			x, y = strings.Join(a.Organizations(), ", "), strings.Join(b.Organizations(), ", ")
			return CauseOrganization, x + " → " + y, []any{x, y}
		}
		return CauseCountry, x + " → " + y, []any{x, y}
	case FigureOrganizationsLatest:
		x, y := strings.Join(a.Organizations(), ", "), strings.Join(b.Organizations(), ", ")
		return CauseOrganization, x + " → " + y, []any{x, y}
	}
	x, y := strings.Join(a.Domains(), ", "), strings.Join(b.Domains(), ", ")
	return CauseDomain, x + " → " + y, []any{x, y}
}

// fmtCompute is a model's compute for a detail.
func fmtCompute(m *Model) string {
	if !m.HasCompute {
		return "–"
	}
	return strconv.FormatFloat(m.Compute, 'g', 3, 64)
}

// explainRanking explains the changes of the latest year's ranking by
// training compute, keyed by model (b's name for a renamed one): each
// model in either list is added, removed, redated, revised, renamed or
// displaced by the others.
func explainRanking(ra, rb *Result, a, b *Dataset, newName, renames map[string]string, get func(figKey) *Explanation) {
	before := map[string]float64{}
	for _, m := range ra.TopComputeLatest {
		n := m.Model
		if nn, ok := newName[n]; ok {
			n = nn
		}
		before[n] = m.FLOP
	}
	after := map[string]float64{}
	for _, m := range rb.TopComputeLatest {
		after[m.Model] = m.FLOP
	}
	// The figure values were keyed by each side's own names: move a's to
	// b's names.
	for _, m := range ra.TopComputeLatest {
		if nn, ok := newName[m.Model]; ok && nn != m.Model {
			old := get(figKey{FigureTopComputeLatest, m.Model})
			old.Before = 0
			get(figKey{FigureTopComputeLatest, nn}).Before = m.FLOP
		}
	}
	inA := map[string]int{}
	for i := 0; i < a.Len(); i++ {
		inA[a.name(i)] = i
	}
	inB := map[string]int{}
	for j := 0; j < b.Len(); j++ {
		inB[b.name(j)] = j
	}
	oldName := map[string]string{}
	for o, n := range newName {
		oldName[n] = o
	}
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	for name := range keys {
		x, y := before[name], after[name]
		e := get(figKey{FigureTopComputeLatest, name})
		old := name
		if o, ok := oldName[name]; ok {
			old = o
		}
		i, okA := inA[old]
		j, okB := inB[name]
		var c Cause
		switch {
		case !okA:
			c = Cause{Cause: CauseAdded, Model: name}
		case !okB:
			c = Cause{Cause: CauseRemoved, Model: name}
		default:
			ma, mb := a.Model(i), b.Model(j)
			revised := ma.HasCompute != mb.HasCompute || (ma.HasCompute && !SameNumber(ma.Compute, mb.Compute))
			// A revision explains entering the list only if the figure
			// rose, and leaving it only if it fell; otherwise others moved.
			up := mb.HasCompute && (!ma.HasCompute || mb.Compute > ma.Compute)
			explains := (x == 0 && y > 0 && up) || (x > 0 && y == 0 && !up) || (x > 0 && y > 0)
			switch {
			case ma.Date.Year != mb.Date.Year:
				c = Cause{Cause: CauseRedated, Model: name, Detail: ma.Date.String() + " → " + mb.Date.String(), Args: []any{ma.Date.String(), mb.Date.String()}}
			case revised && explains:
				c = Cause{Cause: CauseCompute, Model: name, Detail: fmtCompute(&ma) + " → " + fmtCompute(&mb), Args: []any{fmtCompute(&ma), fmtCompute(&mb)}}
			case old != name:
				c = Cause{Cause: CauseRenamed, Model: name, Detail: old + " → " + name, Args: []any{old, name}}
			case x == y:
				continue
			default:
				c = Cause{Cause: CauseDisplaced, Model: name}
			}
		}
		c.Contribution = y - x
		if c.Contribution == 0 && c.Cause != CauseRenamed {
			continue
		}
		e.Causes = append(e.Causes, c)
	}
}

// ExplainSum checks an explanation: the contributions of its causes add up
// to its delta (to 1e-9 of a model, or of the FLOP figure). It returns a
// description of the first that does not, or "".
func ExplainSum(list []Explanation) string {
	for _, e := range list {
		s := 0.0
		for _, c := range e.Causes {
			s += c.Contribution
		}
		if tol := 1e-9 * math.Max(1, math.Abs(e.Delta)); math.Abs(s-e.Delta) > tol {
			return fmt.Sprintf("%s %s: causes add up to %g, delta %g", e.Figure, e.Key, s, e.Delta)
		}
	}
	return ""
}
