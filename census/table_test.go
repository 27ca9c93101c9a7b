package census

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// figureTestRules are testRules with what the figure engine adds: France and
// Germany, three regions, a head office and Epoch's sectors.
func figureTestRules(t *testing.T) *Rules {
	t.Helper()
	r := testRules(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.AddCountry(Country{"FR", "France", "프랑스"}))
	must(r.AddCountry(Country{"DE", "Germany", "독일"}))
	must(r.AddOrganization(Organization{"Mistral AI", "Mistral AI", "FR", "industry"}))
	must(r.AddAccess("Open weights (unrestricted)", AccessOpenWeights))
	must(r.AddRegion(Region{ID: "EU", Name: "European Union", NameKo: "유럽연합", Members: []string{"FR", "DE"}, Source: "test"}))
	must(r.AddRegion(Region{ID: "Europe", Name: "Europe", NameKo: "유럽", Members: []string{"FR", "DE", "GB"}, Source: "test"}))
	must(r.AddRegion(Region{ID: "North America", Name: "North America", NameKo: "북미", Members: []string{"US"}, Source: "test"}))
	must(r.AddHeadOffice(HeadOffice{Organization: "Google DeepMind", Country: "GB", City: "London", Source: "test"}))
	for v, s := range map[string]string{"Industry": SectorIndustry, "Academia": SectorAcademia, "Research collective": SectorCollective} {
		must(r.AddSector(v, s))
	}
	for _, g := range []DomainGroup{{"Vision", "비전"}, {"Speech & audio", "음성·오디오"}, {"Biology", "생물학"}} {
		r.AddDomainGroup(g)
	}
	if p := r.Check(); len(p) > 0 {
		t.Fatal(p)
	}
	return r
}

// figureFixture is ten rows, nine names, hand-counted in the tests below.
// Over 2020–2023 (A8 is of 2019) eight models count; the second A7
// repeats a name.
func figureFixture(t *testing.T) *Dataset {
	t.Helper()
	ds := NewDataset(figureTestRules(t))
	ds.Snapshot = Snapshot{Subset: "file", Date: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)}
	rows := [][]string{
		// name, date, organization, country, domain, compute, access, params, categorization
		{"A1", "2022-03", "OpenAI", "United States of America", "Language", "2e24", "API access", "1.75e11", "Industry"},
		{"A2", "2023-05-01", "Google DeepMind", "Multinational", "Language,Multimodal", "5e25", "Unreleased", "", "Industry"},
		{"A3", "2023", "Alibaba,Tsinghua University", "China", "Vision", "3e23", "Open weights (unrestricted)", "7e9", "Industry,Academia"},
		{"A4", "2023-11", "NAVER", "Korea (Republic of)", "Language", "", "API access", "", ""},
		{"A5", "2021-06", "Meta AI", "", "Image generation", "1e22", "Open weights (unrestricted)", "6.5e10", "Industry"},
		{"A6", "2022-07", "Mistral AI,Google DeepMind", "France,United Kingdom of Great Britain and Northern Ireland", "Language", "2e25", "Open weights (unrestricted)", "", "Industry,Industry"},
		{"A7", "2023-02", "Google,Meta AI", "United States of America", "Speech", "1e26", "Unreleased", "", "Industry"},
		{"A7", "2023-03-01", "Google", "United States of America", "Speech", "1e26", "Unreleased", "", "Industry"},
		{"A8", "2019-12", "Tsinghua University", "China", "Biology", "4e23", "", "", "Academia"},
		{"A9", "2023-09", "DeepMind,Google DeepMind", "Multinational,United Kingdom", "Vision", "1.5e24", "API access", "", "Research collective"},
	}
	fields := []Field{FieldName, FieldDate, FieldOrganization, FieldCountry, FieldDomain, FieldCompute, FieldAccessibility, FieldParameters, FieldOrganizationCategorization}
	for i, cells := range rows {
		raw := &Raw{File: "figures.csv", Line: i + 2}
		for j, f := range fields {
			raw.Set(f, cells[j])
		}
		ds.Add(raw)
	}
	ds.Finish()
	return ds
}

// period is the fixture's period.
var period = Options{From: 2020, To: 2023}

// table makes a figure and returns its rows as key → value (keys joined
// by "|"), with undefined values as NaN.
func table(t *testing.T, ds *Dataset, s TableSpec) map[string]float64 {
	t.Helper()
	if s.Options.From == 0 {
		s.Options.From, s.Options.To = period.From, period.To
	}
	tb, err := MakeTable(ds, s)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, r := range tb.Rows {
		v := r.Value
		if r.Missing {
			v = math.NaN()
		}
		out[strings.Join(r.Keys, "|")] = v
	}
	return out
}

func want(t *testing.T, name string, got, want map[string]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %v, want %v", name, got, want)
		return
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok || (math.IsNaN(w) != math.IsNaN(g)) || (!math.IsNaN(w) && math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w))) {
			t.Errorf("%s: got %v, want %v", name, got, want)
			return
		}
	}
}

func by(dims ...string) TableSpec { return TableSpec{By: dims} }

// Every dimension, hand-counted on the fixture under today's rules.
func TestTableDimensions(t *testing.T) {
	ds := figureFixture(t)
	for _, c := range []struct {
		dim  string
		want map[string]float64
	}{
		{DimYear, map[string]float64{"2020": 0, "2021": 1, "2022": 2, "2023": 5}},
		// A5's blank country is filled from Meta AI: US.
		{DimCountry, map[string]float64{"US": 3, "XM": 2, "GB": 2, "CN": 1, "KR": 1, "FR": 1}},
		// A6 (FR, GB) is in the EU once and in Europe once; A9 (XM, GB) in
		// Europe; A2 (XM), A3 (CN) and A4 (KR) are in no region.
		{DimRegion, map[string]float64{"North America": 3, "Europe": 2, "EU": 1, "unknown": 3}},
		{DimOrganization, map[string]float64{"Google DeepMind": 3, "Meta AI": 2, "OpenAI": 1, "Alibaba": 1,
			"Tsinghua University": 1, "NAVER": 1, "Mistral AI": 1, "Google": 1, "DeepMind": 1}},
		{DimGroup, map[string]float64{"Google": 4, "Meta": 2, "OpenAI": 1, "Alibaba": 1, "Tsinghua University": 1, "NAVER": 1, "Mistral AI": 1}},
		// At the group level: Google and Meta are US, so A2, A6 and A9 are.
		{DimOrgCountry, map[string]float64{"US": 6, "CN": 1, "KR": 1, "FR": 1}},
		// A3 is Industry and Academia; A4's blank cell takes NAVER's sector.
		{DimSector, map[string]float64{"industry": 6, "collaboration": 1, "research collective": 1}},
		{DimAccessibility, map[string]float64{"api": 3, "open-weights": 3, "unreleased": 2}},
		{DimDomain, map[string]float64{"Language": 4, "Vision": 2, "Multimodal": 1, "Image generation": 1, "Speech": 1}},
		{DimDomainGroup, map[string]float64{"Language": 4, "Vision": 3, "Speech & audio": 1}},
		{DimComputeBand, map[string]float64{"<1e23": 1, "1e23-1e24": 1, "1e24-1e25": 2, "1e25-1e26": 2, ">=1e26": 1, "unknown": 1}},
		{DimComputeStatus, map[string]float64{"reported": 7, "unknown": 1}},
		// A9's DeepMind and Google DeepMind are one group: sole.
		{DimDevelopment, map[string]float64{"sole": 5, "joint": 3}},
	} {
		want(t, c.dim, table(t, ds, by(c.dim)), c.want)
	}
	want(t, "no dimension", table(t, ds, by()), map[string]float64{"": 8})
	want(t, "year,accessibility", table(t, ds, by(DimYear, DimAccessibility)),
		map[string]float64{"2021|open-weights": 1, "2022|api": 1, "2022|open-weights": 1, "2023|unreleased": 2, "2023|api": 2, "2023|open-weights": 1})
	// Organization-level dimensions pair up within each organization.
	want(t, "group,org_country", table(t, ds, by(DimGroup, DimOrgCountry)),
		map[string]float64{"Google|US": 4, "Meta|US": 2, "OpenAI|US": 1, "Alibaba|CN": 1, "Tsinghua University|CN": 1, "NAVER|KR": 1, "Mistral AI|FR": 1})
}

// The counting options and rules, each against today's default.
func TestTableCountingRules(t *testing.T) {
	ds := figureFixture(t)
	spec := func(c Counting, o Options) TableSpec {
		o.From, o.To = period.From, period.To
		return TableSpec{By: []string{DimCountry}, Counting: c, Options: o}
	}
	// Google DeepMind's head office is London: A2 and A9 are GB.
	want(t, "head-office", table(t, ds, spec(Counting{Multinational: MultinationalHeadOffice}, Options{})),
		map[string]float64{"US": 3, "GB": 3, "CN": 1, "KR": 1, "FR": 1})
	// Its group, Google, is US: A2 is US, A9 US and GB.
	want(t, "group", table(t, ds, spec(Counting{Multinational: MultinationalGroup}, Options{})),
		map[string]float64{"US": 5, "GB": 2, "CN": 1, "KR": 1, "FR": 1})
	want(t, "leave", table(t, ds, spec(Counting{BlankCountry: BlankCountryLeave}, Options{})),
		map[string]float64{"US": 2, "XM": 2, "GB": 2, "CN": 1, "KR": 1, "FR": 1, "unknown": 1})
	// The second A7 counts as a row of its own.
	want(t, "rows", table(t, ds, spec(Counting{Duplicates: DuplicatesRows}, Options{})),
		map[string]float64{"US": 4, "XM": 2, "GB": 2, "CN": 1, "KR": 1, "FR": 1})
	want(t, "fractional", table(t, ds, spec(Counting{}, Options{Attribution: AttributionFractional})),
		map[string]float64{"US": 3, "XM": 1.5, "GB": 1, "CN": 1, "KR": 1, "FR": 0.5})
	want(t, "first", table(t, ds, spec(Counting{}, Options{Attribution: AttributionFirst})),
		map[string]float64{"US": 3, "XM": 2, "CN": 1, "KR": 1, "FR": 1})
	want(t, "region fractional", table(t, ds, TableSpec{By: []string{DimRegion}, Options: Options{From: 2020, To: 2023, Attribution: AttributionFractional}}),
		map[string]float64{"North America": 3, "Europe": 1.5, "EU": 0.5, "unknown": 3})
	want(t, "min-compute", table(t, ds, TableSpec{By: []string{DimYear}, Options: Options{From: 2020, To: 2023, MinCompute: 1e24}}),
		map[string]float64{"2020": 0, "2021": 0, "2022": 2, "2023": 3})
	// At the organization level a head office gives org_country, and
	// DeepMind and Google DeepMind are two developers.
	org := Options{From: 2020, To: 2023, OrgLevel: OrgLevelOrganization}
	want(t, "org_country by organization", table(t, ds, TableSpec{By: []string{DimOrgCountry}, Options: org}),
		map[string]float64{"US": 3, "GB": 3, "CN": 1, "KR": 1, "FR": 1})
	want(t, "development by organization", table(t, ds, TableSpec{By: []string{DimDevelopment}, Options: org}),
		map[string]float64{"sole": 4, "joint": 4})
	want(t, "development merged", table(t, ds, TableSpec{By: []string{DimDevelopment}, Options: org,
		Counting: Counting{Merge: map[string]string{"DeepMind": "Google DeepMind"}}}),
		map[string]float64{"sole": 5, "joint": 3})
	want(t, "rows by year", table(t, ds, TableSpec{By: []string{DimYear}, Counting: Counting{Duplicates: DuplicatesRows}}),
		map[string]float64{"2020": 0, "2021": 1, "2022": 2, "2023": 6})
}

// Every measure, hand-counted.
func TestTableMeasures(t *testing.T) {
	ds := figureFixture(t)
	nan := math.NaN()
	m := func(measure string, dims ...string) TableSpec { return TableSpec{By: dims, Measure: measure} }
	want(t, "share", table(t, ds, m(MeasureShare, DimAccessibility)), map[string]float64{"api": 3.0 / 8, "open-weights": 3.0 / 8, "unreleased": 2.0 / 8})
	want(t, "cumulative", table(t, ds, m(MeasureCumulative, DimYear)), map[string]float64{"2020": 0, "2021": 1, "2022": 3, "2023": 8})
	// Year is added to a running total that lacks it.
	want(t, "cumulative by access", table(t, ds, m(MeasureCumulative, DimAccessibility)), map[string]float64{
		"api|2020": 0, "api|2021": 0, "api|2022": 1, "api|2023": 3,
		"open-weights|2020": 0, "open-weights|2021": 1, "open-weights|2022": 2, "open-weights|2023": 3,
		"unreleased|2020": 0, "unreleased|2021": 0, "unreleased|2022": 0, "unreleased|2023": 2})
	// No model in 2020: undefined; from 2021, (5/1)^(1/2) - 1.
	want(t, "cagr 2020", table(t, ds, m(MeasureCAGR)), map[string]float64{"": nan})
	s := m(MeasureCAGR)
	s.Options = Options{From: 2021, To: 2023}
	want(t, "cagr 2021", table(t, ds, s), map[string]float64{"": math.Sqrt(5) - 1})
	// Open weights: 2021 1 (A5), 2023 1 (A3): 0 growth; api has none in 2021.
	s.By = []string{DimAccessibility}
	want(t, "cagr by access", table(t, ds, s), map[string]float64{"open-weights": 0, "api": nan, "unreleased": nan})
	want(t, "organizations", table(t, ds, m(MeasureOrganizations)), map[string]float64{"": 7})
	s = m(MeasureOrganizations, DimOrgCountry)
	s.MinModels = 2
	// Cells with no developer of two models are left out.
	want(t, "organizations min 2", table(t, ds, s), map[string]float64{"US": 2})
	s = m(MeasureOrganizations, DimYear)
	want(t, "organizations by year", table(t, ds, s), map[string]float64{"2020": 0, "2021": 1, "2022": 3, "2023": 5})
	want(t, "max_compute", table(t, ds, m(MeasureMaxCompute, DimYear)), map[string]float64{"2020": nan, "2021": 1e22, "2022": 2e25, "2023": 1e26})
	want(t, "median_compute", table(t, ds, m(MeasureMedianCompute)), map[string]float64{"": 2e24})
	want(t, "median_compute 2023", table(t, ds, m(MeasureMedianCompute, DimYear)),
		map[string]float64{"2020": nan, "2021": 1e22, "2022": (2e24 + 2e25) / 2, "2023": (1.5e24 + 5e25) / 2})
}

// Every filter field and operator, hand-counted.
func TestTableFilters(t *testing.T) {
	ds := figureFixture(t)
	for _, c := range []struct {
		filters []string
		want    float64
	}{
		{[]string{"region=EU"}, 1},
		{[]string{"region = europe"}, 2},
		{[]string{"compute>=1e25"}, 3},
		{[]string{"compute>2e25"}, 2},
		{[]string{"compute<1e23"}, 1}, // A4 has no compute: it fails
		{[]string{"compute<=3e23"}, 2},
		{[]string{"compute!=1e26"}, 6},
		{[]string{"params>=1e10"}, 2},
		{[]string{"parameters<1e10"}, 1},
		{[]string{"date>=2023-05"}, 3}, // A3, "2023", is before May
		{[]string{"date=2022"}, 2},
		{[]string{"date<2022-03-15"}, 2},
		{[]string{"year>=2022"}, 7},
		{[]string{"year==2021"}, 1},
		{[]string{"country!=US"}, 5},
		{[]string{"country=Korea (Republic of)"}, 1},
		{[]string{"organization=Google DeepMind"}, 3},
		{[]string{"group=Google", "country=GB"}, 2},
		{[]string{"org_country=FR"}, 1},
		{[]string{"sector=collaboration"}, 1},
		{[]string{"accessibility=open-weights"}, 3},
		{[]string{"domain=Multimodal"}, 1},
		{[]string{"domain_group=Vision"}, 3},
		{[]string{"compute_band=unknown"}, 1},
		{[]string{"compute_status=reported"}, 7},
		{[]string{"development=joint"}, 3},
	} {
		f, err := ParseFilters(c.filters)
		if err != nil {
			t.Fatalf("%v: %v", c.filters, err)
		}
		want(t, strings.Join(c.filters, " "), table(t, ds, TableSpec{Filters: f}), map[string]float64{"": c.want})
		// The exported matcher agrees.
		n := 0
		match := f.NewMatcher(ds.Rules(), period, Counting{})
		for _, m := range ds.Models() {
			if m.Date.Year >= 2020 && m.Date.Year <= 2023 && match.Match(&m) {
				n++
			}
		}
		if float64(n) != c.want {
			t.Errorf("%v: Matcher gives %d, want %v", c.filters, n, c.want)
		}
	}
	// Per organization: only the groups at home in the US.
	f, _ := ParseFilters([]string{"org_country=US"})
	want(t, "group where org_country=US", table(t, ds, TableSpec{By: []string{DimGroup}, Filters: f}),
		map[string]float64{"Google": 4, "Meta": 2, "OpenAI": 1})
}

func TestFilterErrors(t *testing.T) {
	for _, c := range []struct{ filter, code string }{
		{"countryUS", FilterSyntax},
		{"=US", FilterSyntax},
		{"country=", FilterSyntax},
		{"contry=US", FilterField},
		{"compute>=1e2x", FilterNumber},
		{"date>=2023-13", FilterDateValue},
		{"country>US", FilterOp},
	} {
		_, err := ParseFilters([]string{c.filter})
		var fe *FilterError
		if !errors.As(err, &fe) || fe.Code != c.code {
			t.Errorf("%q: error %v, want code %s", c.filter, err, c.code)
		}
		if !IsSpecError(err) {
			t.Errorf("%q: not a spec error", c.filter)
		}
	}
	ds := figureFixture(t)
	for _, s := range []TableSpec{
		{By: []string{"contry"}}, {Measure: "modles"}, {By: []string{"year", "year"}},
		{Counting: Counting{Multinational: "hq"}}, {Measure: MeasureOrganizations, MinModels: -1},
	} {
		if _, err := MakeTable(ds, s); !IsSpecError(err) {
			t.Errorf("%+v: error %v, want a spec error", s, err)
		}
	}
}

// The JSON shape is the contract: by, measure, rows (a field per
// dimension and one for the measure), settings, source.
func TestTableJSONContract(t *testing.T) {
	ds := figureFixture(t)
	tb, err := MakeTable(ds, TableSpec{By: []string{DimCountry, DimYear}, Options: period, Counting: Counting{Multinational: MultinationalGroup}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(tb)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		By       []string         `json:"by"`
		Measure  string           `json:"measure"`
		Rows     []map[string]any `json:"rows"`
		Settings map[string]any   `json:"settings"`
		Source   map[string]any   `json:"source"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.By, []string{"country", "year"}) || got.Measure != "models" {
		t.Errorf("by %v, measure %q", got.By, got.Measure)
	}
	// US, the largest country (A1, A2 as Google's, A5, A7, A9), comes
	// first, its years in order: A5 of 2021.
	first := map[string]any{"country": "US", "year": float64(2021), "models": float64(1)}
	if !reflect.DeepEqual(got.Rows[0], first) {
		t.Errorf("first row %v, want %v", got.Rows[0], first)
	}
	if got.Settings["multinational"] != "group" || got.Settings["blank_country"] != "fill" || got.Settings["duplicates"] != "merge" {
		t.Errorf("settings %v", got.Settings)
	}
	tb, _ = MakeTable(ds, TableSpec{Options: period})
	data, _ = json.Marshal(tb)
	if !strings.Contains(string(data), `"rows":[{"models":8}]`) {
		t.Errorf("no --by: %s", data)
	}
}

// Labels in both languages.
func TestTableLabels(t *testing.T) {
	r := figureTestRules(t)
	for _, c := range []struct{ dim, code, en, ko string }{
		{DimCountry, "KR", "South Korea", "대한민국"},
		{DimRegion, "EU", "European Union", "유럽연합"},
		{DimAccessibility, "open-weights", "Open weights", "가중치 공개"},
		{DimSector, "collaboration", "Collaboration", "공동 연구(산학 등)"},
		{DimDevelopment, "joint", "Joint development", "공동 개발"},
		{DimComputeBand, ">=1e26", "1e26 FLOP or more", "1e26 FLOP 이상"},
		{DimComputeStatus, "unknown", "Unknown", "알 수 없음"},
		{DimDomainGroup, "Language", "Language", "언어"},
	} {
		d, _ := LookupDimension(c.dim)
		if en, ko := d.Label(r, c.code, "en"), d.Label(r, c.code, "ko"); en != c.en || ko != c.ko {
			t.Errorf("%s %s: %q / %q, want %q / %q", c.dim, c.code, en, ko, c.en, c.ko)
		}
	}
}

// Every registered dimension and measure has titles in both languages,
// makes a table, and is a filter field; the dimension test above counts
// each dimension by hand.
func TestRegistriesCovered(t *testing.T) {
	ds := figureFixture(t)
	counted := []string{DimYear, DimCountry, DimRegion, DimOrganization, DimGroup, DimOrgCountry, DimSector,
		DimAccessibility, DimDomain, DimDomainGroup, DimComputeBand, DimComputeStatus, DimDevelopment}
	if !reflect.DeepEqual(DimensionIDs(), counted) {
		t.Errorf("dimensions %v; the hand counts cover %v", DimensionIDs(), counted)
	}
	for _, d := range Dimensions() {
		if d.Title.EN == "" || d.Title.KO == "" {
			t.Errorf("dimension %s lacks a title", d.ID)
		}
		if _, err := MakeTable(ds, TableSpec{By: []string{d.ID}, Options: period}); err != nil {
			t.Errorf("by %s: %v", d.ID, err)
		}
		if d.ID != DimYear {
			if _, err := ParseFilter(d.ID + "=x"); err != nil {
				t.Errorf("filter on %s: %v", d.ID, err)
			}
		}
	}
	for _, m := range Measures() {
		if m.Title.EN == "" || m.Title.KO == "" {
			t.Errorf("measure %s lacks a title", m.ID)
		}
		if _, err := MakeTable(ds, TableSpec{Measure: m.ID, By: []string{DimCountry}, Options: period}); err != nil {
			t.Errorf("measure %s: %v", m.ID, err)
		}
	}
	for code, label := range fixedLabels {
		if label.EN == "" || label.KO == "" {
			t.Errorf("value %s lacks a label", code)
		}
	}
}
