package rules_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/rules"
)

func load(t *testing.T) *census.Rules {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEmbeddedTables(t *testing.T) {
	r := load(t)
	if problems := r.Check(); len(problems) > 0 {
		t.Errorf("embedded tables are inconsistent: %q", problems)
	}
	if len(r.Countries) < 249 || len(r.Organizations) < 900 || len(r.Domains) < 20 {
		t.Errorf("tables look short: %d countries, %d organizations, %d domains", len(r.Countries), len(r.Organizations), len(r.Domains))
	}
	code := regexp.MustCompile(`^[A-Z]{2}$`)
	for _, c := range r.Countries {
		if !code.MatchString(c.Code) || c.NameKo == "" || c.Name == "" {
			t.Errorf("country %+v needs an alpha-2 code and both names", c)
		}
	}
	for _, d := range r.Domains {
		if d.NameKo == "" {
			t.Errorf("domain %q has no Korean name", d.Name)
		}
	}
	for _, g := range r.DomainGroups {
		if g.NameKo == "" {
			t.Errorf("domain group %q has no Korean name", g.Name)
		}
	}
}

// The groupings the issue names, and a few more that reports depend on.
func TestOrganizationGroups(t *testing.T) {
	r := load(t)
	for raw, group := range map[string]string{
		"Google DeepMind": "Google", "DeepMind": "Google", "Google Brain": "Google", "Google Research": "Google",
		"Meta AI": "Meta", "Facebook AI Research": "Meta", "Facebook AI": "Meta",
		"Alibaba": "Alibaba", "Alibaba Cloud": "Alibaba", "Qwen Team": "Alibaba", "DAMO Academy": "Alibaba", "Alibaba DAMO Academy": "Alibaba",
		"Microsoft Research Asia": "Microsoft", "Huawei Noah's Ark Lab": "Huawei", "Naver Clova": "NAVER",
		"LG AI Research": "LG", "Cohere for AI": "Cohere", "Zhipu AI": "Z.ai (Zhipu AI)",
	} {
		o, ok := r.Organization(raw)
		if !ok || o.Group != group {
			t.Errorf("%q → %+v (found %v), want group %q", raw, o, ok, group)
		}
	}
	g, ok := r.Group("Google")
	if !ok || g.Country != "US" {
		t.Errorf("group Google = %+v", g)
	}
	if o, _ := r.Organization("Google DeepMind"); o.Country != "GB" {
		t.Errorf("Google DeepMind's own home is the UK, got %q", o.Country)
	}
	for a, b := range map[string]string{
		"Mila":        "Mila - Quebec AI (originally Montreal Institute for Learning Algorithms)",
		"UC Berkeley": "University of California (UC) Berkeley",
	} {
		oa, _ := r.Organization(a)
		ob, _ := r.Organization(b)
		if oa.Name == "" || oa.Name != ob.Name {
			t.Errorf("%q and %q should be one organization: %q vs %q", a, b, oa.Name, ob.Name)
		}
	}
}

func TestCountryNames(t *testing.T) {
	r := load(t)
	for raw, want := range map[string][2]string{
		"Korea (Republic of)": {"KR", "대한민국"},
		"United Kingdom of Great Britain and Northern Ireland": {"GB", "영국"},
		"United States of America":                             {"US", "미국"},
		"Multinational":                                        {"XM", "다국적"},
		"Viet Nam":                                             {"VN", ""},
		"Vietnam":                                              {"VN", ""},
		"Iran (Islamic Republic of)":                           {"IR", ""},
		"Hong Kong":                                            {"HK", ""},
		"Taiwan":                                               {"TW", ""},
	} {
		c, ok := r.Country(raw)
		if !ok || c.Code != want[0] || (want[1] != "" && c.NameKo != want[1]) {
			t.Errorf("%q → %+v, want %v", raw, c, want)
		}
	}
}

// Every organization and country spelled in the real exports maps to a
// rule, so that no report counts a stray spelling on its own.
func TestSharedValuesAllMapped(t *testing.T) {
	r := load(t)
	unmapped := map[string]map[string]bool{"organization": {}, "country": {}, "domain": {}, "accessibility": {}}
	for _, p := range shared.CSVFiles(t) {
		recs := readSharedCSV(t, p)
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i + 1
		}
		cell := func(rec []string, names ...string) string {
			for _, n := range names {
				if i := col[n]; i > 0 && i <= len(rec) {
					return rec[i-1]
				}
			}
			return ""
		}
		for _, rec := range recs[1:] {
			for _, o := range census.SplitOrganizations(cell(rec, "Organization")) {
				if _, ok := r.Organization(o); !ok {
					unmapped["organization"][o] = true
				}
			}
			for _, c := range census.SplitList(cell(rec, "Country (of organization)", "Country (from Organization)")) {
				if _, ok := r.Country(c); !ok {
					unmapped["country"][c] = true
				}
			}
			for _, d := range census.SplitList(cell(rec, "Domain")) {
				if _, ok := r.Domain(d); !ok {
					unmapped["domain"][d] = true
				}
			}
			if a := census.Clean(cell(rec, "Model accessibility")); a != "" {
				if _, ok := r.Access(a); !ok {
					unmapped["accessibility"][a] = true
				}
			}
		}
	}
	for kind, m := range unmapped {
		if len(m) > 0 {
			var list []string
			for v := range m {
				list = append(list, v)
			}
			sort.Strings(list)
			t.Errorf("%d unmapped %s values: %q", len(list), kind, list)
		}
	}
}

func TestOverrideFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "domain_groups.csv"), []byte("group,name_ko\nLanguage,언어\nVision,비전\nSpeech & audio,음성\nBiology,생물\nOther,기타\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "domains.csv"), []byte("domain,group,name_ko\nLanguage,Language,언어\nMultimodal,,멀티모달\nBiology,Other,생물학\n"), 0o644)
	r, err := rules.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := r.Domain("Biology"); !ok || d.Group != "Other" {
		t.Errorf("override not applied: %+v", d)
	}
	if _, ok := r.Domain("Vision"); ok {
		t.Errorf("domains.csv replaced whole: Vision should be gone")
	}
	if _, ok := r.Country("China"); !ok {
		t.Errorf("tables not in the folder stay embedded")
	}
	def := load(t)
	if r.Version == def.Version {
		t.Errorf("a different table must change the rules version")
	}
	os.WriteFile(filepath.Join(dir, "accessibility.csv"), []byte("value,category\nAPI access,paid\n"), 0o644)
	if _, err := rules.Load(dir); err == nil {
		t.Errorf("an unknown accessibility category must be an error")
	}
	os.WriteFile(filepath.Join(dir, "accessibility.csv"), []byte("val,cat\n"), 0o644)
	if _, err := rules.Load(dir); err == nil {
		t.Errorf("a wrong header must be an error")
	}
}

func ExampleDefault() {
	r, err := rules.Default()
	if err != nil {
		panic(err)
	}
	o, _ := r.Organization("Google DeepMind")
	g, _ := r.Group(o.Group)
	c, _ := r.Country("Korea (Republic of)")
	fmt.Println(o.Name, "→", o.Group, g.Country)
	fmt.Println(c.Code, c.Name, c.NameKo)
	// Output:
	// Google DeepMind → Google US
	// KR South Korea 대한민국
}

// The embedded tables are parsed once; each Load gets a copy of its own,
// so that adding to one set of rules leaves the next Load as it was.
func TestLoadGivesIndependentCopies(t *testing.T) {
	a := load(t)
	b := load(t)
	if a == b {
		t.Fatal("Load returned the same rules twice")
	}
	if err := a.AddOrganization(census.Organization{Name: "Zzz Test Lab", Group: "Zzz", Country: "KR"}, "zzz-alias"); err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Organization("zzz-alias"); !ok {
		t.Error("the added organization is not found in its own rules")
	}
	if _, ok := b.Organization("zzz-alias"); ok {
		t.Error("an organization added to one copy shows in another")
	}
	c := load(t)
	if _, ok := c.Organization("Zzz Test Lab"); ok || len(c.Organizations) != len(b.Organizations) || c.Version != b.Version {
		t.Error("a later Load sees what was added to an earlier copy")
	}
}

// FuzzRules feeds arbitrary bytes as a --rules table: loading either
// succeeds or gives an error naming the table, and never panics.
func FuzzRules(f *testing.F) {
	for _, name := range rules.Files {
		if data, err := rules.Embedded(name); err == nil {
			f.Add(name, data[:min(len(data), 600)])
		}
	}
	f.Add("organizations.csv", []byte("organization,group,country,sector,aliases\nX,,ZZ,,a|b|a\n"))
	f.Add("countries.csv", []byte("code,name\nKR,Korea\nKR,Korea\n"))
	f.Add("columns.csv", []byte("field,alias\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		ok := false
		for _, n := range rules.Files {
			ok = ok || n == name
		}
		if !ok {
			return
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := rules.Load(dir)
		if err != nil {
			if !strings.Contains(err.Error(), name) && !strings.Contains(err.Error(), dir) {
				t.Fatalf("error %q names neither %s nor the folder", err, name)
			}
			if len(err.Error()) > 4000 {
				t.Fatalf("error of %d bytes: not one clear message", len(err.Error()))
			}
			return
		}
		r.Country("Korea (Republic of)")
		r.Organization("OpenAI")
	})
}

// Chips that Epoch's model rows name and its chip database (the full
// "Chip dataset-Grid view.csv" of epoch-research/training-cost-trends,
// commit 263c40a) gives peaks for, with the peak Epoch's rule takes,
// typed from that file: a consumer GPU with only FP32, one with tensor
// FP16, and the spellings the rows use for GB200 and the GTX Titan Black.
func TestHardwareAddedFromEpochChipData(t *testing.T) {
	r := load(t)
	for name, want := range map[string]float64{
		"NVIDIA RTX A6000":               38.7e12,  // FP16 non-tensor is skipped for a GPU
		"NVIDIA GeForce RTX 4090":        330e12,   // tensor FP16/BF16
		"NVIDIA GB200":                   2.5e15,   // alias of NVIDIA GB200 NVL2, per GPU
		"NVIDIA GeForce GTX Titan Black": 5.645e12, // alias of NVIDIA GeForce GTX TITAN BLACK
		"NVIDIA Tesla K40s":              5.046e12,
	} {
		c, ok := r.HardwareChip(name)
		if !ok {
			t.Errorf("%q: not in the hardware table", name)
			continue
		}
		if got, _, ok := c.Peak(); !ok || got != want {
			t.Errorf("%q: peak %g, want %g", name, got, want)
		}
	}
}

// Every training-hardware value of the shared exports is in the table,
// but for the processors and parts that Epoch's chip database gives no
// peak for by its rule (listed in rules/data/README.md).
func TestSharedHardwareMapped(t *testing.T) {
	r := load(t)
	known := map[string]bool{ // no peak in Epoch's chip data: CPUs, unnamed Ascend parts
		"Intel Pentium 4 HT 630": true, "Intel Pentium 4 2.40": true, "Intel A100": true,
		"AMD EPYC 7413": true, "Huawei Ascend": true, "Huawei Ascend 800T A2": true,
		"Ascend (昇腾) 910": true, "Intel Core 2 Quad Q9450": true, "Intel Core i5-11600K": true,
		// in the chip data with FP16 alone, which Epoch's rule takes for TPUs only
		"Ascend (昇腾) 910B": true,
	}
	missing := map[string]bool{}
	for _, p := range shared.CSVFiles(t) {
		recs := readSharedCSV(t, p)
		col := -1
		for i, h := range recs[0] {
			if h == "Training hardware" {
				col = i
			}
		}
		if col < 0 {
			continue
		}
		for _, rec := range recs[1:] {
			if col >= len(rec) {
				continue
			}
			for _, h := range census.SplitList(rec[col]) {
				if _, ok := r.HardwareChip(h); !ok && !known[h] {
					missing[h] = true
				}
			}
		}
	}
	if len(missing) > 0 {
		var list []string
		for v := range missing {
			list = append(list, v)
		}
		sort.Strings(list)
		t.Errorf("%d training-hardware values not in the table: %q", len(list), list)
	}
}

// readSharedCSV reads a shared export whole with encoding/csv, a BOM
// removed and records of any length.
func readSharedCSV(t *testing.T, p string) [][]string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return recs
}
