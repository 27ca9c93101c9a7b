package snapshots

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// Fields compared by Diff.
const (
	FieldCompute      = "training_compute"
	FieldDate         = "publication_date"
	FieldCountry      = "country"
	FieldOrganization = "organization"
	FieldDomain       = "domain"
)

// ModelRef is a model as it stands in one snapshot.
type ModelRef struct {
	Model        string   `json:"model"`
	Date         string   `json:"date"`
	Organization string   `json:"organization"`
	Country      string   `json:"country"`
	FLOP         *float64 `json:"flop"`
	Link         string   `json:"link,omitempty"`
}

// Rename is a model whose name changed between snapshots, recognized by
// the same link or reference.
type Rename struct {
	From string `json:"from"`
	To   string `json:"to"`
	By   string `json:"by"` // "link", "reference" or "name" (the same but for case, spaces and punctuation)
}

// Change is one field of one model that changed. Old and New are numbers
// for training compute (null when unknown) and text otherwise.
type Change struct {
	Model string `json:"model"`
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
	// Spelling is true when only the spelling changed: the rules map the
	// old and the new value to the same organizations, countries or
	// domains, so no count moves.
	Spelling bool `json:"spelling,omitempty"`
	// Added and Removed are, for a list (countries, organizations,
	// domains), what joined the set and what left it.
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// SnapshotRef names a snapshot in a diff: a stored one by its id, a
// source read directly by its location (id 0).
type SnapshotRef struct {
	ID     int64  `json:"id"`
	Date   string `json:"date"`
	Source string `json:"source,omitempty"`
}

// YearDelta is a per-year count before and after.
type YearDelta struct {
	Year   int `json:"year"`
	Before int `json:"before"`
	After  int `json:"after"`
}

// CountryDelta is a country's count before and after.
type CountryDelta struct {
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	NameKo string  `json:"name_ko"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

// Country is the delta's country, for naming it in a language.
func (c CountryDelta) Country() census.CountryCount {
	return census.CountryCount{Code: c.Code, Name: c.Name, NameKo: c.NameKo}
}

// CensusDiff is the effect of the changes on the census, under the same
// period and rules for both snapshots.
type CensusDiff struct {
	Period          census.Period     `json:"period"`
	PerYear         []YearDelta       `json:"per_year"`
	Countries       []CountryDelta    `json:"countries"`
	CountriesLatest []CountryDelta    `json:"countries_latest"`
	TopBefore       []census.TopModel `json:"top_compute_latest_before"`
	TopAfter        []census.TopModel `json:"top_compute_latest_after"`
}

// Diff is what changed from snapshot A to snapshot B.
type Diff struct {
	A       SnapshotRef `json:"a"`
	B       SnapshotRef `json:"b"`
	Subset  string      `json:"subset"`
	Added   []ModelRef  `json:"added"`
	Removed []ModelRef  `json:"removed"`
	Renamed []Rename    `json:"renamed"`
	Changed []Change    `json:"changed"`
	Census  CensusDiff  `json:"census"`
	// Explain, with CompareOptions.Explain, is every change of every
	// census figure with the models behind it (census.Explain).
	Explain []census.Explanation `json:"explain,omitempty"`
}

// CompareOptions are how CompareRefs compares: the census's counting
// rules, an overlay applied to both sides (nil for none), and whether to
// explain each change of a figure.
type CompareOptions struct {
	Census  census.Options
	Overlay *census.Overlay
	Explain bool
	// Memo, when set, keeps what is read of a stored snapshot for the next
	// comparison: it returns the value kept under key, or the one build
	// makes (a server passes its bounded cache of parsed snapshots). The
	// rules and overlay must be the same for every call with one Memo.
	Memo Memo
	// Models, when set, keeps the model-level changes (added, removed,
	// renamed, changed) of two stored snapshots, which do not depend on the
	// census options, for the next comparison of the same two; the slices
	// of the Diffs it serves are shared and must not be changed. Same
	// rules and overlay as Memo.
	Models Memo
}

// rawModel is what a diff compares of one model: the cells as read.
type rawModel struct {
	name, date, org, country, domain, link, reference string
	flop                                              *float64
}

// collect reads a snapshot's subset, keeping the first row of each name.
func collect(ctx context.Context, ref *Ref, rules *census.Rules, subset string, ov *census.Overlay) (*census.Dataset, map[string]*rawModel, error) {
	raws := map[string]*rawModel{}
	opt := epoch.LoadOptions{Subset: subset, Overlay: ov, OnRow: func(r *census.Raw) {
		name := census.Clean(r.Get(census.FieldName))
		if name == "" || raws[name] != nil {
			return
		}
		if _, ok := census.ParseDate(r.Get(census.FieldDate)); !ok {
			return
		}
		// Cloned: a cell shares its record's bytes, which a kept
		// (memoized) rawModel would otherwise keep whole.
		name = strings.Clone(name)
		m := &rawModel{
			name: name, date: strings.Clone(census.Clean(r.Get(census.FieldDate))),
			org: strings.Clone(census.Clean(r.Get(census.FieldOrganization))), country: strings.Clone(census.Clean(r.Get(census.FieldCountry))),
			domain: strings.Clone(census.Clean(r.Get(census.FieldDomain))), link: strings.Clone(strings.TrimSpace(r.Get(census.FieldLink))),
			reference: strings.Clone(census.Clean(r.Get(census.FieldReference))),
		}
		if v, ok := census.ParseNumber(r.Get(census.FieldCompute)); ok {
			m.flop = &v
		}
		raws[name] = m
	}}
	ds, err := ref.Load(ctx, rules, opt)
	if err != nil {
		return nil, nil, err
	}
	return ds, raws, nil
}

// collected is what collect reads of a snapshot.
type collected struct {
	ds   *census.Dataset
	raws map[string]*rawModel
}

// collectMemo is collect, through memo for a stored snapshot.
func collectMemo(ctx context.Context, ref *Ref, rules *census.Rules, subset string, ov *census.Overlay,
	memo Memo) (*census.Dataset, map[string]*rawModel, error) {
	if memo == nil || ref.stored == nil {
		return collect(ctx, ref, rules, subset, ov)
	}
	key := subset
	if key == "" && ref.Has(epoch.SubsetLargeScale) {
		key = epoch.SubsetLargeScale // what "" selects then (epoch.Source.Select): one value, not two
	}
	v, err := memo(ctx, fmt.Sprintf("diff/%d/%s", ref.stored.ID, key), func(ctx context.Context) (any, error) {
		ds, raws, err := collect(ctx, ref, rules, subset, ov)
		if err != nil {
			return nil, err
		}
		return &collected{ds: ds, raws: raws}, nil
	})
	if err != nil {
		return nil, nil, err
	}
	c := v.(*collected)
	return c.ds, c.raws, nil
}

func (m *rawModel) ref() ModelRef {
	return ModelRef{Model: m.name, Date: m.date, Organization: m.org, Country: m.country, FLOP: m.flop, Link: m.link}
}

// normalized returns a splitter that gives each value's canonical key by
// the rules (a value no rule maps is kept as it is).
func normalized[T any](split func(string) []string, lookup func(string) (T, bool), key func(T) string) func(string) []string {
	return func(cell string) []string {
		vals := split(cell)
		for i, v := range vals {
			if t, ok := lookup(v); ok {
				vals[i] = key(t)
			}
		}
		return vals
	}
}

// sameSet reports whether two comma lists hold the same values, in any
// order and with repeats ignored.
func sameSet(a, b string, split func(string) []string) bool {
	x, y := split(a), split(b)
	sort.Strings(x)
	sort.Strings(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// Compare computes the diff from stored snapshot a to stored snapshot b:
// CompareRefs of their refs.
func Compare(ctx context.Context, st *store.Store, rules *census.Rules, a, b *census.Snapshot, subset string, opt census.Options) (*Diff, error) {
	return CompareRefs(ctx, rules, Stored(st, a), Stored(st, b), subset, CompareOptions{Census: opt})
}

// CompareRefs computes the diff from snapshot a to snapshot b, stored or
// read from sources, for a subset ("" is the default: large-scale from an
// export of several files). The census effect uses opt; a period left at
// zero is b's default period. An overlay ov (nil for none) is applied to
// both censuses; the model-level changes are the upstream's. Its errors are
// *SubsetMismatch when the two default subsets differ, and those of
// reading either snapshot.
func CompareRefs(ctx context.Context, rules *census.Rules, a, b *Ref, subset string, co CompareOptions) (*Diff, error) {
	opt, ov := co.Census, co.Overlay
	if subset == "" && a.Has(epoch.SubsetLargeScale) && b.Has(epoch.SubsetLargeScale) {
		subset = epoch.SubsetLargeScale // compare like with like, even a lone file
	}
	dsA, rawA, err := collectMemo(ctx, a, rules, subset, ov, co.Memo)
	if err != nil {
		return nil, err
	}
	dsB, rawB, err := collectMemo(ctx, b, rules, subset, ov, co.Memo)
	if err != nil {
		return nil, err
	}
	if dsA.Snapshot.Subset != dsB.Snapshot.Subset {
		return nil, &SubsetMismatch{A: a.Label(), B: b.Label(), SubsetA: dsA.Snapshot.Subset, SubsetB: dsB.Snapshot.Subset}
	}
	d := &Diff{A: a.ref(dsA), B: b.ref(dsB), Subset: dsB.Snapshot.Subset}
	mc := func(context.Context) (any, error) { return compareModels(rules, rawA, rawB), nil }
	var v any
	if co.Models != nil && a.stored != nil && b.stored != nil {
		v, err = co.Models(ctx, fmt.Sprintf("diffmodels/%d/%d/%s", a.stored.ID, b.stored.ID, d.Subset), mc)
	} else {
		v, err = mc(ctx)
	}
	if err != nil {
		return nil, err
	}
	m := v.(*Diff)
	d.Added, d.Removed, d.Renamed, d.Changed = m.Added, m.Removed, m.Renamed, m.Changed
	if opt.From == 0 || opt.To == 0 {
		f, t := census.DefaultPeriod(dsB.Snapshot.Date)
		if opt.From == 0 {
			opt.From = f
		}
		if opt.To == 0 {
			opt.To = t
		}
	}
	ra, err := census.Compute(dsA, opt)
	if err != nil {
		return nil, err
	}
	rb, err := census.Compute(dsB, opt)
	if err != nil {
		return nil, err
	}
	d.Census = censusDiff(ra, rb)
	if co.Explain {
		renames := map[string]string{}
		for _, r := range d.Renamed {
			renames[r.From] = r.To
		}
		if d.Explain, err = census.Explain(dsA, dsB, opt, renames); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// compareModels is the model-level part of a diff (Added, Removed, Renamed
// and Changed set, the rest zero): what was read of each model of a and b.
func compareModels(rules *census.Rules, rawA, rawB map[string]*rawModel) *Diff {
	d := &Diff{
		Added: []ModelRef{}, Removed: []ModelRef{}, Renamed: []Rename{}, Changed: []Change{},
	}
	renamed := matchRenames(rawA, rawB)
	d.Renamed = append(d.Renamed, renamed...)
	gone := map[string]bool{}
	for _, rn := range renamed {
		gone[rn.From], gone[rn.To] = true, true
	}
	for _, m := range sortedModels(rawA, rawB) {
		if !gone[m.name] {
			d.Removed = append(d.Removed, m.ref())
		}
	}
	for _, m := range sortedModels(rawB, rawA) {
		if !gone[m.name] {
			d.Added = append(d.Added, m.ref())
		}
	}
	// The models in both: same name, or renamed (their values are compared
	// too, under the new name).
	type pair struct{ name, old string }
	var pairs []pair
	for name := range rawA {
		if rawB[name] != nil {
			pairs = append(pairs, pair{name, name})
		}
	}
	for _, rn := range renamed {
		pairs = append(pairs, pair{rn.To, rn.From})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].name < pairs[j].name })
	for _, pr := range pairs {
		name := pr.name
		o, n := rawA[pr.old], rawB[name]
		if !sameFLOP(o.flop, n.flop) {
			d.Changed = append(d.Changed, Change{Model: name, Field: FieldCompute, Old: flopValue(o.flop), New: flopValue(n.flop)})
		}
		if !census.SameValue(census.FieldDate, o.date, n.date) {
			d.Changed = append(d.Changed, Change{Model: name, Field: FieldDate, Old: o.date, New: n.date})
		}
		if !sameSet(o.country, n.country, census.SplitList) {
			d.Changed = append(d.Changed, listChange(name, FieldCountry, o.country, n.country, census.SplitList,
				sameSet(o.country, n.country, normalized(census.SplitList, rules.Country, func(c census.Country) string { return c.Code }))))
		}
		if !sameSet(o.org, n.org, census.SplitOrganizations) {
			d.Changed = append(d.Changed, listChange(name, FieldOrganization, o.org, n.org, census.SplitOrganizations,
				sameSet(o.org, n.org, normalized(census.SplitOrganizations, rules.Organization, func(o census.Organization) string { return o.Name }))))
		}
		if !sameSet(o.domain, n.domain, census.SplitList) {
			d.Changed = append(d.Changed, listChange(name, FieldDomain, o.domain, n.domain, census.SplitList,
				sameSet(o.domain, n.domain, normalized(census.SplitList, rules.Domain, func(d census.Domain) string { return d.Name }))))
		}
	}
	return d
}

// listChange is the change of a list cell: old and new as read, and what
// joined and left the set of its items.
func listChange(model, field, old, new string, split func(string) []string, spelling bool) Change {
	c := Change{Model: model, Field: field, Old: old, New: new, Spelling: spelling}
	a, b := split(old), split(new)
	for _, x := range b {
		if !slices.Contains(a, x) && !slices.Contains(c.Added, x) {
			c.Added = append(c.Added, x)
		}
	}
	for _, x := range a {
		if !slices.Contains(b, x) && !slices.Contains(c.Removed, x) {
			c.Removed = append(c.Removed, x)
		}
	}
	return c
}

// sortedModels are the models of x that y lacks, by name.
func sortedModels(x, y map[string]*rawModel) []*rawModel {
	var out []*rawModel
	for name, m := range x {
		if y[name] == nil {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// matchRenames pairs the models that a lacks in b with those b lacks in a:
// a removed and an added model with the same link (or, failing that, the
// same reference, or else the same name but for case, spaces and
// punctuation) are one model renamed. A key that two added models share
// matches neither. A shared link or reference is not enough on its own
// (corroborated): the names, the organizations or the dates must agree,
// and where the link or reference is cited by other models too (a paper
// that describes several), the names must.
func matchRenames(a, b map[string]*rawModel) []Rename {
	removed, added := sortedModels(a, b), sortedModels(b, a)
	out := []Rename{}
	matched := map[*rawModel]bool{}
	for _, by := range []string{"link", "reference", "name"} {
		key := func(m *rawModel) string {
			switch by {
			case "link":
				return m.link
			case "reference":
				return m.reference
			}
			// The name without case, spaces or punctuation: Qwen1.5 72B
			// is Qwen1.5-72B.
			return census.MatchKey(m.name)
		}
		index := map[string]*rawModel{}
		for _, m := range added {
			if k := key(m); k != "" && !matched[m] {
				if _, dup := index[k]; dup {
					index[k] = nil // ambiguous: two added models share it
					continue
				}
				index[k] = m
			}
		}
		var cited map[string]int // how many models of a or b cite a key
		if by != "name" {
			cited = map[string]int{}
			for _, side := range []map[string]*rawModel{a, b} {
				perSide := map[string]int{}
				for _, m := range side {
					if k := key(m); k != "" {
						perSide[k]++
					}
				}
				for k, n := range perSide {
					cited[k] = max(cited[k], n)
				}
			}
		}
		for _, m := range removed {
			if matched[m] || key(m) == "" {
				continue
			}
			to := index[key(m)]
			if to == nil || matched[to] {
				continue
			}
			if by != "name" && !corroborated(m, to, cited[key(m)] > 1) {
				continue
			}
			matched[m], matched[to] = true, true
			out = append(out, Rename{From: m.name, To: to.name, By: by})
		}
	}
	return out
}

// corroborated reports whether a removed and an added model that cite the
// same link or reference are one model: their names agree; or, when no
// other model cites it (shared is false), their organizations or their
// publication dates agree. Chameleon-7B and "FragLlama: Next-fragment
// prediction for molecular design" cite one paper (as Chameleon-34B does)
// but share no word of their names: a removal and an addition.
func corroborated(from, to *rawModel, shared bool) bool {
	if namesAgree(from.name, to.name) {
		return true
	}
	if shared {
		return false
	}
	if from.date != "" && census.SameValue(census.FieldDate, from.date, to.date) {
		return true
	}
	orgs := map[string]bool{}
	for _, o := range census.SplitOrganizations(from.org) {
		if k := census.MatchKey(o); k != "" {
			orgs[k] = true
		}
	}
	for _, o := range census.SplitOrganizations(to.org) {
		if orgs[census.MatchKey(o)] {
			return true
		}
	}
	return false
}

// nameStopWords are words too common in model names and paper titles to
// tie two names together.
var nameStopWords = map[string]bool{"a": true, "an": true, "and": true, "the": true, "of": true, "for": true,
	"in": true, "on": true, "to": true, "with": true, "by": true, "via": true, "model": true, "models": true}

// namesAgree reports whether two model names share a word (letters and
// digits, two or more, no stop word, case ignored: "Llama 4 Behemoth" and
// "Llama 4 Behemoth (preview)", "Player of Games" and "Student of Games")
// or one's MatchKey holds the other's ("DeepSeek-Coder-V2-236B" and
// "DeepSeek-Coder-V2 236B").
func namesAgree(x, y string) bool {
	kx, ky := census.MatchKey(x), census.MatchKey(y)
	if kx != "" && ky != "" && (strings.Contains(kx, ky) || strings.Contains(ky, kx)) {
		return true
	}
	words := map[string]bool{}
	for _, w := range nameWords(x) {
		words[w] = true
	}
	for _, w := range nameWords(y) {
		if words[w] {
			return true
		}
	}
	return false
}

// nameWords splits a name into its lower-case words of letters and digits,
// leaving out single characters and nameStopWords.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 2 && !nameStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// SubsetMismatch is a diff of two snapshots whose default subsets differ:
// the caller must choose one that both hold.
type SubsetMismatch struct {
	A, B             string // the snapshots' labels (Ref.Label)
	SubsetA, SubsetB string
}

// Error says which subset each snapshot holds.
func (e *SubsetMismatch) Error() string {
	return fmt.Sprintf("%s holds %s and %s holds %s: choose a subset both hold", e.A, e.SubsetA, e.B, e.SubsetB)
}

func sameFLOP(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return census.SameNumber(*a, *b) // 4.7999999999999996e+24 is 4.8e+24
}

func flopValue(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func censusDiff(a, b *census.Result) CensusDiff {
	cd := CensusDiff{Period: b.Period, TopBefore: a.TopComputeLatest, TopAfter: b.TopComputeLatest}
	for i, y := range b.PerYear {
		cd.PerYear = append(cd.PerYear, YearDelta{Year: y.Year, Before: a.PerYear[i].Count, After: y.Count})
	}
	cd.Countries = countryDeltas(a.Countries, b.Countries)
	cd.CountriesLatest = countryDeltas(a.CountriesLatest, b.CountriesLatest)
	return cd
}

func countryDeltas(a, b []census.CountryCount) []CountryDelta {
	m := map[string]*CountryDelta{}
	var order []string
	get := func(c census.CountryCount) *CountryDelta {
		k := c.Code + "\x00" + c.Name
		if m[k] == nil {
			m[k] = &CountryDelta{Code: c.Code, Name: c.Name, NameKo: c.NameKo}
			order = append(order, k)
		}
		return m[k]
	}
	for _, c := range b {
		get(c).After = c.Count
	}
	for _, c := range a {
		get(c).Before = c.Count
	}
	out := make([]CountryDelta, 0, len(order))
	for _, k := range order {
		out = append(out, *m[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].After != out[j].After {
			return out[i].After > out[j].After
		}
		return out[i].Before > out[j].Before
	})
	return out
}
