package census

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// testRules are hand-written rules for the fixture, independent of the
// embedded tables.
func testRules(t testing.TB) *Rules {
	t.Helper()
	r := NewRules()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		c       Country
		aliases []string
	}{
		{Country{"US", "United States", "미국"}, []string{"United States of America"}},
		{Country{"GB", "United Kingdom", "영국"}, []string{"United Kingdom of Great Britain and Northern Ireland"}},
		{Country{"CN", "China", "중국"}, nil},
		{Country{"KR", "South Korea", "대한민국"}, []string{"Korea (Republic of)"}},
		{Country{"XM", "Multinational", "다국적"}, nil},
	} {
		must(r.AddCountry(c.c, c.aliases...))
	}
	for _, g := range []Group{{"Google", "US", "industry"}, {"Meta", "US", "industry"}, {"Alibaba", "CN", "industry"}} {
		must(r.AddGroup(g))
	}
	for _, o := range []Organization{
		{"OpenAI", "OpenAI", "US", "industry"},
		{"Google DeepMind", "Google", "GB", "industry"},
		{"DeepMind", "Google", "GB", "industry"},
		{"Google", "Google", "US", "industry"},
		{"Alibaba", "Alibaba", "CN", "industry"},
		{"NAVER", "NAVER", "KR", "industry"},
		{"Meta AI", "Meta", "US", "industry"},
		{"Tsinghua University", "Tsinghua University", "CN", "academia"},
	} {
		must(r.AddOrganization(o))
	}
	r.AddDomainGroup(DomainGroup{"Language", "언어"})
	for _, d := range []Domain{
		{"Language", "Language", ""}, {"Vision", "Vision", ""}, {"Image generation", "Vision", ""},
		{"Speech", "Speech & audio", ""}, {"Biology", "Biology", ""}, {"Multimodal", "", ""},
	} {
		must(r.AddDomain(d))
	}
	must(r.AddAccess("API access", AccessAPI))
	must(r.AddAccess("Unreleased", AccessUnreleased))
	return r
}

// fixture reads ../testdata/census_fixture.csv into a dataset, mapping the
// header by hand.
func fixture(t testing.TB) *Dataset {
	t.Helper()
	f, err := os.Open("../testdata/census_fixture.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]Field{
		"Model": FieldName, "Domain": FieldDomain, "Organization": FieldOrganization,
		"Publication date": FieldDate, "Training compute (FLOP)": FieldCompute,
		"Confidence": FieldConfidence, "Model accessibility": FieldAccessibility,
		"Country (of organization)": FieldCountry, "Link": FieldLink,
	}
	ds := NewDataset(testRules(t))
	ds.Snapshot.Date = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for i, rec := range recs[1:] {
		raw := Raw{File: "fixture.csv", Line: i + 2}
		for j, h := range recs[0] {
			if f, ok := cols[h]; ok {
				raw.Set(f, rec[j])
			}
		}
		ds.Add(&raw)
	}
	ds.Finish()
	return ds
}

func compute(t *testing.T, ds *Dataset, opt Options) *Result {
	t.Helper()
	r, err := Compute(ds, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func countries(list []CountryCount) map[string]float64 {
	m := map[string]float64{}
	for _, c := range list {
		m[c.Code] = c.Count
	}
	return m
}

func names(list []NameCount) map[string]float64 {
	m := map[string]float64{}
	for _, c := range list {
		m[c.Name] = c.Count
	}
	return m
}

// The expected values below are counted by hand from the fixture, whose
// rows testdata/README.md describes one by one.
func TestComputeDefaults(t *testing.T) {
	ds := fixture(t)
	if got := ds.Len(); got != 8 {
		t.Fatalf("models read = %d, want 8 (12 rows less a repeat, a nameless, a dateless and a bad date)", got)
	}
	r := compute(t, ds, Options{})
	if r.Period != (Period{2020, 2024}) {
		t.Errorf("period = %+v, want 2020-2024 (five complete years before 2025-03-01)", r.Period)
	}
	wantYears := []YearCount{{2020, 1}, {2021, 0}, {2022, 1}, {2023, 1}, {2024, 4}}
	if !reflect.DeepEqual(r.PerYear, wantYears) {
		t.Errorf("per year = %v, want %v", r.PerYear, wantYears)
	}
	if r.Total != 7 {
		t.Errorf("total = %d, want 7", r.Total)
	}
	if r.CAGR == nil || math.Abs(*r.CAGR-(math.Sqrt(2)-1)) > 1e-12 {
		t.Errorf("cagr = %v, want 4^(1/4)-1 = %v", r.CAGR, math.Sqrt(2)-1)
	}
	wantC := map[string]float64{"US": 4, "GB": 2, "CN": 2, "KR": 1, "XM": 1}
	if got := countries(r.Countries); !reflect.DeepEqual(got, wantC) {
		t.Errorf("countries = %v, want %v", got, wantC)
	}
	// Sorted by count, then name: China before United Kingdom.
	order := []string{}
	for _, c := range r.Countries {
		order = append(order, c.Code)
	}
	if want := []string{"US", "CN", "GB", "XM", "KR"}; !reflect.DeepEqual(order, want) {
		t.Errorf("country order = %v, want %v", order, want)
	}
	if got, want := countries(r.CountriesLatest), map[string]float64{"US": 3, "GB": 2, "CN": 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("countries latest = %v, want %v", got, want)
	}
	wantOrgs := map[string]float64{"Google": 2, "Alibaba": 1, "Meta": 1, "OpenAI": 1, "Tsinghua University": 1}
	if got := names(r.OrganizationsLatest); !reflect.DeepEqual(got, wantOrgs) {
		t.Errorf("organizations latest = %v, want %v", got, wantOrgs)
	}
	if got, want := names(r.Domains), map[string]float64{"Language": 4, "Vision": 2, "Biology": 1, "Speech & audio": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("domains = %v, want %v", got, want)
	}
	if got, want := names(r.DomainsLatest), map[string]float64{"Language": 3, "Biology": 1, "Vision": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("domains latest = %v, want %v", got, want)
	}
	if want := []YearCount{{2020, 0}, {2021, 0}, {2022, 0}, {2023, 0}, {2024, 1}}; !reflect.DeepEqual(r.MultimodalPerYear, want) {
		t.Errorf("multimodal = %v, want %v", r.MultimodalPerYear, want)
	}
	var top []string
	for _, m := range r.TopComputeLatest {
		top = append(top, m.Model)
	}
	if want := []string{"Gemini Z", "Multi Lab", "GPT-X", "Qwen Q"}; !reflect.DeepEqual(top, want) {
		t.Errorf("top compute = %v, want %v", top, want)
	}
	if m := r.TopComputeLatest[0]; m.FLOP != 5e25 || m.Organization != "Google DeepMind, Google" || m.Date != "2024-12-06" || m.Confidence != "Likely" {
		t.Errorf("top model = %+v", m)
	}
	notes := map[string]int{}
	for _, n := range r.Notes {
		notes[n.Code] = n.Count
	}
	for code, want := range map[string]int{
		NoteDuplicates: 1, NoteNoName: 1, NoteNoDate: 1, NoteBadDate: 1,
		NoteMissingCompute: 1, NoteCountryFilled: 1, NoteUnmappedPrefix + KindOrganization: 1,
	} {
		if notes[code] != want {
			t.Errorf("note %s count = %d, want %d (notes %v)", code, notes[code], want, notes)
		}
	}
	if _, ok := notes[NoteIncompleteLatest]; ok {
		t.Errorf("2024 was complete on 2025-03-01, but the note says otherwise")
	}
}

func TestAttributionModes(t *testing.T) {
	ds := fixture(t)
	for _, tc := range []struct {
		name string
		opt  Options
		want map[string]float64
	}{
		{"full", Options{Attribution: AttributionFull}, map[string]float64{"US": 4, "GB": 2, "CN": 2, "KR": 1, "XM": 1}},
		// GPT-X US 1; Gemini GB/US 1/2 each; Qwen CN 1; HyperCLOVA KR 1;
		// Blank US 1; Multi Lab GB/US/CN 1/3 each; Unknown XM 1.
		{"fractional", Options{Attribution: AttributionFractional}, map[string]float64{
			"US": 1 + 0.5 + 1 + 1.0/3, "GB": 0.5 + 1.0/3, "CN": 1 + 1.0/3, "KR": 1, "XM": 1}},
		{"first", Options{Attribution: AttributionFirst}, map[string]float64{"US": 2, "GB": 2, "CN": 1, "KR": 1, "XM": 1}},
		// By group: Google DeepMind and DeepMind count for Google's home, the
		// United States; Foo Labs has no group country, so the model keeps
		// its own (Multinational).
		{"group", Options{CountryBy: CountryByGroup}, map[string]float64{"US": 4, "CN": 2, "KR": 1, "XM": 1}},
		{"group-first", Options{CountryBy: CountryByGroup, Attribution: AttributionFirst}, map[string]float64{"US": 4, "CN": 1, "KR": 1, "XM": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := compute(t, ds, tc.opt)
			got := countries(r.Countries)
			if len(got) != len(tc.want) {
				t.Fatalf("countries = %v, want %v", got, tc.want)
			}
			sum := 0.0
			for k, v := range tc.want {
				if math.Abs(got[k]-v) > 1e-6 {
					t.Errorf("%s = %v, want %v", k, got[k], v)
				}
				sum += got[k]
			}
			if (tc.opt.Attribution == AttributionFractional || tc.opt.Attribution == AttributionFirst) && math.Abs(sum-float64(r.Total)) > 1e-6 {
				t.Errorf("shares add up to %v, want the total %d", sum, r.Total)
			}
		})
	}
}

func TestOrgLevelOrganization(t *testing.T) {
	r := compute(t, fixture(t), Options{OrgLevel: OrgLevelOrganization})
	want := map[string]float64{"OpenAI": 1, "Google DeepMind": 1, "Google": 1, "Alibaba": 1, "DeepMind": 1, "Meta AI": 1, "Tsinghua University": 1}
	if got := names(r.OrganizationsLatest); !reflect.DeepEqual(got, want) {
		t.Errorf("organizations = %v, want %v", got, want)
	}
}

func TestMinComputeAndPeriod(t *testing.T) {
	ds := fixture(t)
	// At least 1e24: GPT-X (1.07e24), Gemini Z (5e25), Multi Lab (3e24), all 2024.
	r := compute(t, ds, Options{MinCompute: 1e24})
	if r.Total != 3 || r.PerYear[4].Count != 3 {
		t.Errorf("min-compute 1e24: total %d, 2024 %d; want 3 and 3", r.Total, r.PerYear[4].Count)
	}
	if r.CAGR != nil {
		t.Errorf("no models in 2020, so growth is undefined, got %v", *r.CAGR)
	}
	// An explicit period; 2019 holds Old Model.
	r = compute(t, ds, Options{From: 2019, To: 2019})
	if r.Total != 1 || r.LatestYear != 2019 || r.CAGR != nil {
		t.Errorf("2019 alone: total %d latest %d cagr %v", r.Total, r.LatestYear, r.CAGR)
	}
}

func TestIncompleteLatestYear(t *testing.T) {
	ds := fixture(t)
	r := compute(t, ds, Options{From: 2021, To: 2025})
	found := false
	for _, n := range r.Notes {
		found = found || n.Code == NoteIncompleteLatest
	}
	if !found {
		t.Errorf("2025 was not complete on 2025-03-01: want a note")
	}
}

func TestNotesForOddPeriods(t *testing.T) {
	ds := fixture(t)
	codes := func(r *Result) map[string]bool {
		m := map[string]bool{}
		for _, n := range r.Notes {
			m[n.Code] = true
		}
		return m
	}
	// 2026 is after the snapshot date (2025-03-01): not "incomplete".
	if c := codes(compute(t, ds, Options{From: 2026, To: 2026})); !c[NoteAfterSnapshot] || c[NoteIncompleteLatest] || !c[NoteNoModels] {
		t.Errorf("2026: notes %v", c)
	}
	if c := codes(compute(t, ds, Options{From: 2010, To: 2015})); !c[NoteNoModels] {
		t.Errorf("2010-2015 holds no model: notes %v", c)
	}
	if c := codes(compute(t, ds, Options{})); c[NoteNoModels] || c[NoteAfterSnapshot] {
		t.Errorf("default period: notes %v", c)
	}
}

func TestCAGR(t *testing.T) {
	for _, tc := range []struct {
		first, last, years int
		want               float64
		ok                 bool
	}{
		{1, 4, 5, math.Sqrt(2) - 1, true},
		{10, 10, 3, 0, true},
		{8, 1, 4, 0.5 - 1, true},
		{0, 5, 5, 0, false}, // zero models in the first year: undefined, not Inf
		{5, 0, 2, -1, true},
		{3, 3, 1, 0, false}, // a single year has no growth
		{0, 0, 1, 0, false},
	} {
		g, ok := CAGR(tc.first, tc.last, tc.years)
		if ok != tc.ok || (ok && math.Abs(g-tc.want) > 1e-12) {
			t.Errorf("CAGR(%d,%d,%d) = %v,%v; want %v,%v", tc.first, tc.last, tc.years, g, ok, tc.want, tc.ok)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, o := range []Options{
		{Attribution: "half"}, {CountryBy: "city"}, {OrgLevel: "team"},
		{From: 2024, To: 2020}, {MinCompute: -1}, {From: 1200},
		{MinCompute: math.NaN()}, {MinCompute: math.Inf(1)},
	} {
		if err := o.Validate(); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2024-05-01", Date{2024, 5, 1}, true},
		{"2024-09", Date{2024, 9, 0}, true},
		{"2022", Date{2022, 0, 0}, true},
		{" 2023-01-02 ", Date{2023, 1, 2}, true},
		{"2024-03-07 20:22:50+00:00", Date{2024, 3, 7}, true},
		{"2024/3/7", Date{2024, 3, 7}, true},
		{"03/04/2024", Date{}, false},
		{"2024-13-01", Date{}, false},
		{"2024-00", Date{}, false},
		{"soon", Date{}, false},
		{"", Date{}, false},
		{"-", Date{}, false},
		{"2024-02-30", Date{}, false}, // no such day
		{"2023-02-29", Date{}, false},
		{"2024-02-29", Date{2024, 2, 29}, true}, // a leap year
		{"1900-02-29", Date{}, false},           // not one
		{"2000-02-29", Date{2000, 2, 29}, true}, // one
		{"2024-04-31", Date{}, false},
		{"2024-12-31", Date{2024, 12, 31}, true},
	} {
		got, ok := ParseDate(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("ParseDate(%q) = %v,%v; want %v,%v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	if s := (Date{2024, 9, 0}).String(); s != "2024-09" {
		t.Errorf("String = %q", s)
	}
}

func TestSplitting(t *testing.T) {
	for _, tc := range []struct {
		in   string
		orgs bool
		want []string
	}{
		{"United States of America,United States of America", false, []string{"United States of America"}},
		{" China , United States of America,China", false, []string{"China", "United States of America"}},
		{"", false, nil},
		{",,", false, []string{}},
		{"Beijing Lingxin Intelligent Technology Co., Ltd.,Tsinghua University", true,
			[]string{"Beijing Lingxin Intelligent Technology Co., Ltd.", "Tsinghua University"}},
		{"Qilin Hesheng Network Technology Co.,Ltd. (APUS)", true, []string{"Qilin Hesheng Network Technology Co., Ltd. (APUS)"}},
		{`"NERSC,Lawrence Berkeley National Laboratory"`, true, []string{"NERSC", "Lawrence Berkeley National Laboratory"}},
		{"Indraprastha Institute of Information Technology\nDelhi", true, []string{"Indraprastha Institute of Information Technology Delhi"}},
		{"Alibaba,Alibaba", true, []string{"Alibaba"}},
	} {
		var got []string
		if tc.orgs {
			got = SplitOrganizations(tc.in)
		} else {
			got = SplitList(tc.in)
		}
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("split(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Long cells (here 40 values, each twice) are de-duplicated through a set;
// the result is the same as for short ones.
func TestSplitLongCell(t *testing.T) {
	var parts, want []string
	for i := 0; i < 40; i++ {
		v := string(rune('A'+i%26)) + string(rune('a'+i/26))
		parts = append(parts, v, " "+v+" ")
		want = append(want, v)
	}
	if got := SplitList(strings.Join(parts, ",")); !reflect.DeepEqual(got, want) {
		t.Errorf("SplitList = %q, want %q", got, want)
	}
}

func TestAliasMapping(t *testing.T) {
	r := testRules(t)
	if err := r.AddOrganization(Organization{Name: "Alibaba Cloud", Group: "Alibaba", Country: "CN"}, "Qwen Team", "DAMO  Academy"); err != nil {
		t.Fatal(err)
	}
	for raw, want := range map[string]string{
		"qwen team": "Alibaba Cloud", "DAMO Academy": "Alibaba Cloud", " damo\nacademy ": "Alibaba Cloud",
		`"Alibaba Cloud`: "Alibaba Cloud", "OpenAI": "OpenAI",
	} {
		o, ok := r.Organization(raw)
		if !ok || o.Name != want || (want == "Alibaba Cloud" && o.Group != "Alibaba") {
			t.Errorf("Organization(%q) = %+v,%v; want %s", raw, o, ok, want)
		}
	}
	if c, ok := r.Country("korea (republic of)"); !ok || c.Code != "KR" || c.NameKo != "대한민국" {
		t.Errorf("Korea (Republic of) = %+v", c)
	}
	if c, ok := r.Country("United Kingdom of Great Britain and Northern Ireland"); !ok || c.Code != "GB" {
		t.Errorf("UK = %+v", c)
	}
	if err := r.AddOrganization(Organization{Name: "Other"}, "Qwen Team"); err == nil {
		t.Errorf("an alias listed twice must be an error")
	}
	if err := r.AddOrganization(Organization{Name: "Another"}, "qwen TEAM"); err != nil {
		t.Fatal(err)
	}
	if problems := r.Check(); !strings.Contains(strings.Join(problems, "\n"), `"qwen TEAM" is listed twice`) {
		t.Errorf("an alias spelled twice with other capitals: Check says %q", problems)
	}
}

func TestCleanNames(t *testing.T) {
	for in, want := range map[string]string{
		"Gemini Z\n":  "Gemini Z",
		"  a  b ":     "a b",
		"plain":       "plain",
		"e\u0301cole": "\u00e9cole", // NFC
		"tab\tinside": "tab inside",
		"":            "",
		"\n\r\t ":     "",
		"한국어  모델\n":   "한국어 모델",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"1.07e+24": 1.07e24, "98000000000.0": 9.8e10, " 3e24 ": 3e24, "1,000": 1000,
		"1E+24": 1e24, "12,345,678.5": 12345678.5, "100,000,000,000": 1e11, "0": 0} {
		if got, ok := ParseNumber(in); !ok || got != want {
			t.Errorf("ParseNumber(%q) = %v,%v", in, got, ok)
		}
	}
	// A comma anywhere but between groups of three is never guessed.
	for _, in := range []string{"", "n/a", "-1", "NaN", "Inf", "1e400", "1,2e24", "3,5", "1,23e4", "1,0000", ",100", "1,000.5,1", "1.000,5"} {
		if _, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) should fail", in)
		}
	}
	for in, want := range map[string]bool{"1,2e24": true, "3,5": true, "1,000": false, "abc": false, "1,2,3": false} {
		if DecimalComma(in) != want {
			t.Errorf("DecimalComma(%q) = %v", in, !want)
		}
	}
}

func TestEmptyDataset(t *testing.T) {
	ds := NewDataset(testRules(t))
	ds.Snapshot.Date = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	r := compute(t, ds, Options{})
	if r.Total != 0 || r.CAGR != nil || len(r.PerYear) != 5 || r.TopComputeLatest == nil {
		t.Errorf("empty census = %+v", r)
	}
}

// Unmapped values count the rows that are counted: a repeated name's row
// is taken back out, its accessibility too.
func TestUnmappedLeavesOutRepeats(t *testing.T) {
	ds := NewDataset(testRules(t))
	add := func(line int, name, org, access string) {
		raw := Raw{File: "f.csv", Line: line}
		raw.Set(FieldName, name)
		raw.Set(FieldDate, "2024-05-01")
		raw.Set(FieldOrganization, org)
		raw.Set(FieldAccessibility, access)
		ds.Add(&raw)
	}
	add(2, "A", "Nowhere Lab", "Secret sauce")
	add(3, "B", "Nowhere Lab", "")
	add(4, "A", "Nowhere Lab", "Secret sauce") // repeats A
	add(5, "C", "Elsewhere Lab", "Secret sauce")
	add(6, "C", "Elsewhere Lab", "") // repeats C
	ds.Finish()
	want := map[string]map[string]int{
		KindOrganization:  {"Nowhere Lab": 2, "Elsewhere Lab": 1},
		KindAccessibility: {"Secret sauce": 2},
	}
	for kind, w := range want {
		if got := ds.Unmapped[kind]; !reflect.DeepEqual(got, w) {
			t.Errorf("Unmapped[%s] = %v, want %v", kind, got, w)
		}
	}
	if len(ds.Duplicates) != 2 {
		t.Errorf("%d duplicates, want 2", len(ds.Duplicates))
	}
}

// FuzzParseNumber: nothing panics, and a number read is finite and not
// negative; a decimal comma is never read.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.07e+24", "98000000000.0", "1,000", "1,2e24", "-1", "NaN", "1e400", "", ",", "1,,000", "0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if ok && (v < 0 || v != v || v > 1e300) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		if ok && DecimalComma(s) {
			t.Fatalf("%q read as %v, but its comma may be a decimal comma", s, v)
		}
	})
}

// A note lists at most 20 items and says how many it left out.
func TestNoteItemsOmitted(t *testing.T) {
	ds := NewDataset(testRules(t))
	for i := 0; i < 25; i++ {
		raw := &Raw{File: "x.csv", Line: i + 2}
		raw.Set(FieldName, fmt.Sprintf("Model %d", i))
		raw.Set(FieldDate, "2024-01-01")
		raw.Set(FieldCountry, "United States of America")
		ds.Add(raw)
	}
	res, err := Compute(ds, Options{From: 2024, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notes {
		if n.Code == NoteMissingCompute && (n.Count != 25 || len(n.Items) != 20 || n.ItemsOmitted != 5) {
			t.Errorf("note %+v", n)
		}
	}
}
