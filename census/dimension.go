package census

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Dimension ids: what a figure can be broken down by (TableSpec.By) and
// filtered on (Filter).
const (
	DimYear          = "year"
	DimCountry       = "country"
	DimRegion        = "region"
	DimOrganization  = "organization"
	DimGroup         = "group"
	DimOrgCountry    = "org_country"
	DimSector        = "sector"
	DimAccessibility = "accessibility"
	DimDomain        = "domain"
	DimDomainGroup   = "domain_group"
	DimComputeBand   = "compute_band"
	DimComputeStatus = "compute_status"
	DimDevelopment   = "development"
)

// ValueUnknown is the value of a dimension a model has nothing for: no
// country, no organization, no compute band.
const ValueUnknown = "unknown"

// Values of compute_status.
const (
	// StatusReported: Epoch's figure (reported by the developer, or
	// estimated by Epoch).
	StatusReported = "reported"
	// StatusEstimated: estimated by modelcensus (--estimate-missing).
	StatusEstimated = "estimated"
)

// Values of development: one developer or several, counted at
// --org-level (group by default).
const (
	DevelopmentSole  = "sole"
	DevelopmentJoint = "joint"
)

// ComputeBands are the values of compute_band, in order, with the lower
// bound of each in FLOP (the last band, unknown, has none).
var ComputeBands = []struct {
	Code string
	From float64
}{{"<1e23", 0}, {"1e23-1e24", 1e23}, {"1e24-1e25", 1e24}, {"1e25-1e26", 1e25}, {">=1e26", 1e26}, {ValueUnknown, -1}}

// weighted is one value of a dimension for a model, with the part of the
// model it counts for (1, or a fraction under fractional attribution).
type weighted struct {
	code string
	w    float64
}

// Dimension is one way a figure breaks the models down. Each is
// registered once in dimensions; the table command, the recipes, the
// filters and the API all take it from there.
type Dimension struct {
	ID    string
	Title Text
	// PerOrganization marks a dimension whose value belongs to each of a
	// model's organizations (organization, group, org_country): in a
	// figure with such a dimension, or counting organizations, each
	// organization of a model is taken with its own value.
	PerOrganization bool
	// Ordered dimensions list their rows in value order (years, bands),
	// the others largest first.
	Ordered bool
	// values appends the model's values; org >= 0 names one organization
	// (an index in Model.Organizations) for a PerOrganization dimension.
	values func(v *view, m *Model, org int, out []weighted) []weighted
	// normalize turns a filter's value into the dimension's code (a
	// country's name into its ISO code).
	normalize func(r *Rules, value string) string
	// order ranks a value of an Ordered dimension.
	order func(code string) float64
	// label names a value in a language; nil shows the code.
	label func(r *Rules, code, lang string) string
}

// fixedLabels are the names of the values of the fixed vocabularies.
var fixedLabels = map[string]Text{
	ValueUnknown:        {"Unknown", "알 수 없음"},
	AccessOpenWeights:   {"Open weights", "가중치 공개"},
	AccessAPI:           {"API", "API"},
	AccessHosted:        {"Hosted access", "호스팅 접근"},
	AccessUnreleased:    {"Unreleased", "미공개"},
	SectorIndustry:      {"Industry", "산업계"},
	SectorAcademia:      {"Academia", "학계"},
	SectorGovernment:    {"Government", "정부"},
	SectorCollective:    {"Research collective", "연구 공동체"},
	SectorNonprofit:     {"Nonprofit", "비영리"},
	SectorCollaboration: {"Collaboration", "공동 연구(산학 등)"},
	StatusReported:      {"Reported or estimated by Epoch", "Epoch 수치(보고·추정)"},
	StatusEstimated:     {"Estimated by modelcensus", "modelcensus 추정"},
	DevelopmentSole:     {"One developer", "단독 개발"},
	DevelopmentJoint:    {"Joint development", "공동 개발"},
	"<1e23":             {"Below 1e23 FLOP", "1e23 FLOP 미만"},
	"1e23-1e24":         {"1e23–1e24 FLOP", "1e23–1e24 FLOP"},
	"1e24-1e25":         {"1e24–1e25 FLOP", "1e24–1e25 FLOP"},
	"1e25-1e26":         {"1e25–1e26 FLOP", "1e25–1e26 FLOP"},
	">=1e26":            {"1e26 FLOP or more", "1e26 FLOP 이상"},
}

// countryCode is a country as the rules spell it (a name, an alias or a
// code) turned into its ISO code; a country no rule knows stays as written.
func countryCode(r *Rules, s string) string {
	if c, ok := r.Country(s); ok {
		return c.Code
	}
	return s
}

// countryLabel names an ISO country code in lang, from the countries table.
func countryLabel(r *Rules, code, lang string) string {
	if c, ok := r.CountryByCode(code); ok {
		return Text{c.Name, c.NameKo}.In(lang)
	}
	return fixedLabel(r, code, lang)
}

func fixedLabel(_ *Rules, code, lang string) string {
	if t, ok := fixedLabels[code]; ok {
		return t.In(lang)
	}
	return code
}

func one(out []weighted, code string) []weighted { return append(out, weighted{code, 1}) }

// dimensions is the registry, in the order listings show it.
var dimensions = []*Dimension{
	{ID: DimYear, Title: Text{"Year", "연도"}, Ordered: true,
		values: func(_ *view, m *Model, _ int, out []weighted) []weighted {
			return one(out, yearString(m.Date.Year))
		},
		order: func(c string) float64 { y, _ := strconv.Atoi(c); return float64(y) }},
	{ID: DimCountry, Title: Text{"Country", "국가"},
		values: func(v *view, m *Model, _ int, out []weighted) []weighted {
			return v.attribute(v.countries(m), out)
		},
		normalize: countryCode,
		label:     countryLabel},
	{ID: DimRegion, Title: Text{"Region", "지역"},
		values: func(v *view, m *Model, _ int, out []weighted) []weighted {
			start := len(out)
			v.tmp = v.attribute(v.countries(m), v.tmp[:0])
			for _, c := range v.tmp {
				for _, g := range v.r.RegionsOf(c.code) {
					found := false
					for i := start; i < len(out); i++ {
						if out[i].code == g {
							out[i].w += c.w
							found = true
						}
					}
					if !found {
						out = append(out, weighted{g, c.w})
					}
				}
			}
			// Under full attribution a model counts once in a region,
			// however many of its countries lie there.
			if v.opt.Attribution != AttributionFractional {
				for i := start; i < len(out); i++ {
					out[i].w = 1
				}
			}
			return out
		},
		normalize: func(r *Rules, s string) string {
			if g, ok := r.Region(s); ok {
				return g.ID
			}
			return s
		},
		label: func(r *Rules, code, lang string) string {
			if g, ok := r.Region(code); ok {
				return Text{g.Name, g.NameKo}.In(lang)
			}
			return fixedLabel(r, code, lang)
		}},
	{ID: DimOrganization, Title: Text{"Organization", "기관"}, PerOrganization: true,
		values: func(v *view, m *Model, org int, out []weighted) []weighted {
			return v.orgValues(m, org, out, func(u *orgUnits, i int) string { return u.names[i] })
		},
		normalize: func(r *Rules, s string) string {
			if o, ok := r.Organization(s); ok {
				return o.Name
			}
			return s
		}},
	{ID: DimGroup, Title: Text{"Group", "그룹"}, PerOrganization: true,
		values: func(v *view, m *Model, org int, out []weighted) []weighted {
			return v.orgValues(m, org, out, func(u *orgUnits, i int) string { return u.groups[i] })
		},
		normalize: func(r *Rules, s string) string {
			if g, ok := r.Group(s); ok {
				return g.Name
			}
			if o, ok := r.Organization(s); ok {
				return o.Group
			}
			return s
		}},
	{ID: DimOrgCountry, Title: Text{"Country of the organization", "기관 소재국"}, PerOrganization: true,
		values: func(v *view, m *Model, org int, out []weighted) []weighted {
			return v.orgValues(m, org, out, func(u *orgUnits, i int) string { return u.country[i] })
		},
		normalize: countryCode,
		label:     countryLabel},
	{ID: DimSector, Title: Text{"Sector", "부문"},
		values: func(v *view, m *Model, _ int, out []weighted) []weighted { return one(out, v.sector(m)) },
		label:  fixedLabel},
	{ID: DimAccessibility, Title: Text{"Accessibility", "접근성"},
		values: func(_ *view, m *Model, _ int, out []weighted) []weighted {
			if m.Access == "" {
				return one(out, ValueUnknown)
			}
			return one(out, m.Access)
		},
		label: fixedLabel},
	{ID: DimDomain, Title: Text{"Domain", "분야(세부)"},
		values: func(_ *view, m *Model, _ int, out []weighted) []weighted {
			for _, d := range m.Domains() {
				out = one(out, d)
			}
			return out
		},
		normalize: func(r *Rules, s string) string {
			if d, ok := r.Domain(s); ok {
				return d.Name
			}
			return s
		},
		label: func(r *Rules, code, lang string) string {
			if d, ok := r.Domain(code); ok && lang == "ko" && d.NameKo != "" {
				return d.NameKo
			}
			return code
		}},
	{ID: DimDomainGroup, Title: Text{"Domain group", "분야"},
		values: func(_ *view, m *Model, _ int, out []weighted) []weighted {
			for _, g := range m.DomainGroups() {
				out = one(out, g)
			}
			return out
		},
		label: func(r *Rules, code, lang string) string {
			for _, g := range r.DomainGroups {
				if g.Name == code && lang == "ko" && g.NameKo != "" {
					return g.NameKo
				}
			}
			if code == DomainGroupUnknown && lang == "ko" {
				return fixedLabels[ValueUnknown].KO
			}
			return code
		}},
	{ID: DimComputeBand, Title: Text{"Training compute band", "학습 연산량 구간"}, Ordered: true,
		values: func(_ *view, m *Model, _ int, out []weighted) []weighted { return one(out, ComputeBand(m)) },
		order: func(c string) float64 {
			for i, b := range ComputeBands {
				if b.Code == c {
					return float64(i)
				}
			}
			return float64(len(ComputeBands))
		},
		label: fixedLabel},
	{ID: DimComputeStatus, Title: Text{"Training compute", "학습 연산량 수치"}, Ordered: true,
		values: func(_ *view, m *Model, _ int, out []weighted) []weighted {
			switch {
			case !m.HasCompute:
				return one(out, ValueUnknown)
			case m.Estimated:
				return one(out, StatusEstimated)
			}
			return one(out, StatusReported)
		},
		order: func(c string) float64 {
			return float64(slices.Index([]string{StatusReported, StatusEstimated, ValueUnknown}, c))
		},
		label: fixedLabel},
	{ID: DimDevelopment, Title: Text{"Development", "개발 형태"}, Ordered: true,
		values: func(v *view, m *Model, _ int, out []weighted) []weighted {
			switch n := v.units(m).distinct; {
			case n == 0:
				return one(out, ValueUnknown)
			case n == 1:
				return one(out, DevelopmentSole)
			}
			return one(out, DevelopmentJoint)
		},
		order: func(c string) float64 {
			return float64(slices.Index([]string{DevelopmentSole, DevelopmentJoint, ValueUnknown}, c))
		},
		label: fixedLabel},
}

// years holds the years 1000–2999 as strings, made once: a figure by
// year names every model's year.
var yearStrings = sync.OnceValue(func() []string {
	out := make([]string, 2000)
	for i := range out {
		out[i] = strconv.Itoa(1000 + i)
	}
	return out
})

func yearString(y int) string {
	if y >= 1000 && y < 3000 {
		return yearStrings()[y-1000]
	}
	return strconv.Itoa(y)
}

// ComputeBand is the compute_band of a model: the band of its training
// compute, or unknown.
func ComputeBand(m *Model) string {
	if !m.HasCompute {
		return ValueUnknown
	}
	band := ComputeBands[0].Code
	for _, b := range ComputeBands {
		if b.From >= 0 && m.Compute >= b.From {
			band = b.Code
		}
	}
	return band
}

// Dimensions returns the registered dimensions, in listing order.
func Dimensions() []*Dimension { return slices.Clone(dimensions) }

// DimensionIDs lists the ids of the dimensions.
func DimensionIDs() []string {
	out := make([]string, len(dimensions))
	for i, d := range dimensions {
		out[i] = d.ID
	}
	return out
}

// LookupDimension finds a dimension by id (case ignored).
func LookupDimension(id string) (*Dimension, bool) {
	id = strings.ToLower(strings.TrimSpace(id))
	for _, d := range dimensions {
		if d.ID == id {
			return d, true
		}
	}
	return nil, false
}

// Label names a value of the dimension in lang ("en" or "ko"), with the
// rules' names (a country's, a region's); the code itself where there is
// none.
func (d *Dimension) Label(r *Rules, code, lang string) string {
	if d.label == nil || r == nil {
		return code
	}
	return d.label(r, code, lang)
}
