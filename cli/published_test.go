package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/internal/shared"
)

// The figures of ../shared/reference/published-figures.md, sections A–D:
// each from `modelcensus table` on its snapshot with the rule the file
// names, against the number published and against a plain count of the
// CSV in this file (encoding/csv, one row per model, distinct values per
// cell, year = the first four digits of the publication date).

// epochRows reads an export as plain records: header name → cell.
func epochRows(t *testing.T, rel string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(shared.Snapshots(t), rel))
	if err != nil {
		t.Skipf("%s is not in the shared snapshots: %v", rel, err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := recs[0]
	head[0] = strings.TrimPrefix(head[0], "\ufeff")
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range head {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		// The columns' two spellings over Epoch's history.
		if m["Model"] == "" {
			m["Model"] = m["System"]
		}
		if m["Country"] = m["Country (of organization)"]; m["Country"] == "" {
			m["Country"] = m["Country (from Organization)"]
		}
		out = append(out, m)
	}
	return out
}

// list is a cell's distinct comma-separated values.
func list(cell string) []string {
	var out []string
	for _, v := range strings.Split(cell, ",") {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func year(r map[string]string) int {
	y, _ := strconv.Atoi(r["Publication date"][:min(4, len(r["Publication date"]))])
	return y
}

// count counts the rows of years from–to that keep says to.
func count(rows []map[string]string, from, to int, keep func(map[string]string) bool) int {
	n := 0
	for _, r := range rows {
		if y := year(r); y >= from && y <= to && keep(r) {
			n++
		}
	}
	return n
}

func all(map[string]string) bool { return true }

// tableOf runs `modelcensus table ... --format json` and returns its rows
// by their keys, joined by "|" in --by's order.
func tableOf(t *testing.T, rel string, args ...string) map[string]float64 {
	t.Helper()
	src := filepath.Join(shared.Snapshots(t), rel)
	code, out, errOut := run(t, nil, append([]string{"table", "--source", src, "--format", "json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("table %v: exit %d: %s", args, code, errOut)
	}
	var doc struct {
		By      []string         `json:"by"`
		Measure string           `json:"measure"`
		Rows    []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, r := range doc.Rows {
		var keys []string
		for _, d := range doc.By {
			keys = append(keys, fmt.Sprint(r[d]))
		}
		v, _ := r[doc.Measure].(float64)
		got[strings.Join(keys, "|")] = v
	}
	return got
}

// check compares the program's figure and the plain count with the
// published number.
func check(t *testing.T, id string, program float64, plain int, published float64) {
	t.Helper()
	if program != published || float64(plain) != published {
		t.Errorf("%s: modelcensus %v, plain count %d, published %v", id, program, plain, published)
	}
}

const (
	spri2024 = "2024-07-16/large_scale_ai_models.csv"
	spri2025 = "2025-02-01/epoch_large_scale_ai_models.csv"
	epoch24  = "2024-07-16/large_scale_ai_models.csv"
	tracking = "2024-07-06/compute_intensive_systems.csv"
)

func has(cell, v string) bool { return slices.Contains(list(cell), v) }

// Section A: SPRI, August 2024.
func TestPublishedSPRI2024(t *testing.T) {
	rows := epochRows(t, spri2024)
	period := []string{"--from", "2020", "--to", "2023"}
	check(t, "A1", tableOf(t, spri2024, period...)[""], count(rows, 2020, 2023, all), 144)
	perYear := tableOf(t, spri2024, append(period, "--by", "year")...)
	for y, n := range map[int]float64{2020: 3, 2021: 9, 2022: 28, 2023: 104} {
		check(t, fmt.Sprintf("A2 %d", y), perYear[strconv.Itoa(y)], count(rows, y, y, all), n)
	}
	// A3, A5, A6: a "Multinational" row counts for its organizations'
	// parent groups' home countries (--multinational group). The groups of
	// the organizations on such rows, by hand: Google's units and Hugging
	// Face are American, Stability AI British; BigScience and HPLT have no
	// home, Turku is Finnish.
	groupHome := map[string]string{"Google DeepMind": "US", "Google Research": "US", "Google Brain": "US", "Google": "US",
		"Hugging Face": "US", "Stability AI": "GB", "University of Turku": "FI"}
	headOffice := map[string]string{"Google DeepMind": "GB", "Google Research": "US", "Google Brain": "US", "Google": "US",
		"Hugging Face": "US", "Stability AI": "GB", "University of Turku": "FI"}
	in := func(name, code string, homes map[string]string) func(map[string]string) bool {
		return func(r map[string]string) bool {
			if has(r["Country"], name) {
				return true
			}
			if !has(r["Country"], "Multinational") {
				return false
			}
			for _, o := range list(r["Organization"]) {
				if homes[o] == code {
					return true
				}
			}
			return false
		}
	}
	const us, gb = "United States of America", "United Kingdom of Great Britain and Northern Ireland"
	group := tableOf(t, spri2024, append(period, "--by", "country", "--multinational", "group")...)
	check(t, "A3", group["US"], count(rows, 2020, 2023, in(us, "US", groupHome)), 64)
	check(t, "A5", group["GB"], count(rows, 2020, 2023, in(gb, "GB", groupHome)), 5)
	// By each organization's own head office (Google DeepMind: London).
	head := tableOf(t, spri2024, append(period, "--by", "country", "--multinational", "head-office")...)
	check(t, "A3 head office US", head["US"], count(rows, 2020, 2023, in(us, "US", headOffice)), 60)
	check(t, "A3 head office GB", head["GB"], count(rows, 2020, 2023, in(gb, "GB", headOffice)), 9)
	for code, c := range map[string]struct {
		name string
		n    float64
	}{"CN": {"China", 42}, "KR": {"Korea (Republic of)", 11}, "FR": {"France", 6}} {
		check(t, "A4 "+code, group[code], count(rows, 2020, 2023, func(r map[string]string) bool { return has(r["Country"], c.name) }), c.n)
	}
	y2023 := tableOf(t, spri2024, "--from", "2023", "--to", "2023", "--by", "country", "--multinational", "group")
	check(t, "A6 US", y2023["US"], count(rows, 2023, 2023, in(us, "US", groupHome)), 41)
	check(t, "A6 CN", y2023["CN"], count(rows, 2023, 2023, func(r map[string]string) bool { return has(r["Country"], "China") }), 37)
	check(t, "A6 KR", y2023["KR"], count(rows, 2023, 2023, func(r map[string]string) bool { return has(r["Country"], "Korea (Republic of)") }), 8)
	// A7: Epoch's own domains give 126 / 15 / 12 / 6; SPRI printed
	// 125 / 15 / 13 / 7 (docs/figures.md says why no rule gives those).
	domains := tableOf(t, spri2024, append(period, "--by", "domain")...)
	for d, n := range map[string]float64{"Language": 126, "Vision": 15, "Image generation": 12, "Video": 6} {
		check(t, "A7 "+d, domains[d], count(rows, 2020, 2023, func(r map[string]string) bool { return has(r["Domain"], d) }), n)
	}
	check(t, "A8", tableOf(t, spri2024, append(period, "--filter", "domain=Multimodal")...)[""],
		count(rows, 2020, 2023, func(r map[string]string) bool { return has(r["Domain"], "Multimodal") }), 16)
	// A9: one developer or several. SPRI's route: organizations as
	// written, Google's units as one. modelcensus at --org-level
	// organization gives the same split by its organization table (which
	// joins XVERSE's two company names instead; docs/figures.md).
	google := map[string]string{"Google Brain": "Google", "Google Research": "Google", "Google DeepMind": "Google"}
	joint := func(r map[string]string) bool {
		var devs []string
		for _, o := range list(r["Organization"]) {
			if g, ok := google[o]; ok {
				o = g
			}
			if !slices.Contains(devs, o) {
				devs = append(devs, o)
			}
		}
		return len(devs) > 1
	}
	dev := tableOf(t, spri2024, append(period, "--by", "development", "--org-level", "organization")...)
	check(t, "A9 sole", dev["sole"], count(rows, 2020, 2023, func(r map[string]string) bool { return !joint(r) }), 130)
	check(t, "A9 joint", dev["joint"], count(rows, 2020, 2023, joint), 14)
}

// Section B: SPRI, February 2025.
func TestPublishedSPRI2025(t *testing.T) {
	rows := epochRows(t, spri2025)
	period := []string{"--from", "2020", "--to", "2024"}
	countries := tableOf(t, spri2025, append(period, "--by", "country")...)
	check(t, "B1 JP", countries["JP"], count(rows, 2020, 2024, func(r map[string]string) bool { return has(r["Country"], "Japan") }), 4)
	check(t, "B1 DE", countries["DE"], count(rows, 2020, 2024, func(r map[string]string) bool { return has(r["Country"], "Germany") }), 4)
	lang := func(r map[string]string) bool { return has(r["Domain"], "Language") }
	check(t, "B2", tableOf(t, spri2025, append(period, "--by", "domain")...)["Language"], count(rows, 2020, 2024, lang), 240)
	share := tableOf(t, spri2025, append(period, "--by", "domain", "--measure", "share")...)["Language"]
	if plain := float64(count(rows, 2020, 2024, lang)) / float64(count(rows, 2020, 2024, all)); math.Abs(share-plain) > 1e-9 || fmt.Sprintf("%.1f", share*100) != "88.6" {
		t.Errorf("B2 share: modelcensus %v, plain %v, published 88.6 %%", share, plain)
	}
	// B3: Korean organizations over the whole period, LG AI Research and
	// LG as one group, NAVER with its Search Solutions.
	korean := map[string]string{"LG AI Research": "LG", "LG": "LG", "NAVER": "NAVER", "Search Solutions": "NAVER",
		"Samsung": "Samsung", "KT": "KT", "NCSOFT": "NCSOFT", "Konan Technology": "Konan Technology"}
	groups := tableOf(t, spri2025, append(period, "--by", "group", "--filter", "org_country=KR")...)
	for g, n := range map[string]float64{"LG": 5, "NAVER": 3, "Samsung": 3, "KT": 1, "NCSOFT": 1, "Konan Technology": 1} {
		check(t, "B3 "+g, groups[g], count(rows, 2020, 2024, func(r map[string]string) bool {
			for _, o := range list(r["Organization"]) {
				if korean[o] == g {
					return true
				}
			}
			return false
		}), n)
	}
	// B4: countries by their groups with 3 models or more in 2024. The
	// plain count reads the organization and group tables with
	// encoding/csv itself.
	orgGroup, groupHome := ruleTables(t)
	models := map[string]int{}
	for _, r := range rows {
		if year(r) != 2024 {
			continue
		}
		var seen []string
		for _, o := range list(r["Organization"]) {
			g := orgGroup[strings.ToLower(o)]
			if g == "" {
				g = o
			}
			if !slices.Contains(seen, g) {
				seen = append(seen, g)
				models[g]++
			}
		}
	}
	plain := map[string]int{}
	for g, n := range models {
		if n >= 3 {
			plain[groupHome[g]]++
		}
	}
	orgs := tableOf(t, spri2025, "--from", "2024", "--to", "2024", "--by", "org_country", "--measure", "organizations", "--min-models", "3")
	for c, n := range map[string]float64{"US": 11, "CN": 6, "KR": 1, "FR": 1} {
		check(t, "B4 "+c, orgs[c], plain[c], n)
	}
}

// ruleTables reads rules/data's organization and group tables plainly:
// every spelling (lower case) → group, and group → home country.
func ruleTables(t *testing.T) (map[string]string, map[string]string) {
	t.Helper()
	read := func(name string) [][]string {
		f, err := os.Open("../rules/data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs[1:]
	}
	orgGroup, groupHome := map[string]string{}, map[string]string{}
	for _, r := range read("organizations.csv") {
		for _, s := range append([]string{r[0]}, strings.Split(r[4], "|")...) {
			if s != "" {
				orgGroup[strings.ToLower(s)] = r[1]
			}
		}
	}
	for _, r := range read("groups.csv") {
		groupHome[r[0]] = r[1]
	}
	return orgGroup, groupHome
}

// Section C: Epoch's large-scale data page, June 2024, all years.
func TestPublishedEpochLargeScale(t *testing.T) {
	rows := epochRows(t, epoch24)
	all := []string{"--from", "1950", "--to", "2024"}
	compute := func(r map[string]string) (float64, bool) {
		v, err := strconv.ParseFloat(strings.TrimSpace(r["Training compute (FLOP)"]), 64)
		return v, err == nil
	}
	cum := tableOf(t, epoch24, append(all, "--by", "year", "--measure", "cumulative", "--filter", "compute>=1e23")...)
	for y, n := range map[int]float64{2017: 2, 2020: 5, 2022: 32, 2024: 103} {
		check(t, fmt.Sprintf("C1 %d", y), cum[strconv.Itoa(y)], count(rows, 1950, y, func(r map[string]string) bool {
			v, ok := compute(r)
			return ok && v >= 1e23
		}), n)
	}
	// C2: the page says 90; the file has one row fewer.
	status := tableOf(t, epoch24, append(all, "--by", "compute_status")...)
	check(t, "C2", status["unknown"], count(rows, 1950, 2024, func(r map[string]string) bool { _, ok := compute(r); return !ok }), 89)
	eu := []string{"Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland", "France",
		"Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands",
		"Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"}
	regions := tableOf(t, epoch24, append(all, "--by", "region")...)
	check(t, "C3", regions["EU"], count(rows, 1950, 2024, func(r map[string]string) bool {
		return slices.ContainsFunc(list(r["Country"]), func(c string) bool { return slices.Contains(eu, c) })
	}), 11)
	check(t, "C4", tableOf(t, epoch24, append(all, "--by", "country")...)["GB"], count(rows, 1950, 2024, func(r map[string]string) bool {
		return has(r["Country"], "United Kingdom of Great Britain and Northern Ireland")
	}), 6)
	// C5: the page says 50; the file gives 51.
	open := []string{"Open access (restricted use)", "Open source", "Open access (non-commercial)"}
	access := tableOf(t, epoch24, append(all, "--by", "accessibility", "--filter", "compute_status=reported")...)
	check(t, "C5", access["open-weights"], count(rows, 1950, 2024, func(r map[string]string) bool {
		_, ok := compute(r)
		return ok && slices.Contains(open, strings.TrimSpace(r["Model accessibility"]))
	}), 51)
}

// Section D: Epoch's "Tracking compute-intensive AI models", April 2024.
func TestPublishedTracking(t *testing.T) {
	rows := epochRows(t, tracking)
	check(t, "D1", tableOf(t, tracking, "--from", "1950", "--to", "2024")[""], count(rows, 1950, 2024, all), 81)
	// "11 models exceeded 1e23 in 2020" is the running total through 2021.
	cum := tableOf(t, tracking, "--from", "1950", "--to", "2024", "--by", "year", "--measure", "cumulative")
	check(t, "D2 2020", cum["2020"], count(rows, 1950, 2020, all), 4)
	check(t, "D2 2021", cum["2021"], count(rows, 1950, 2021, all), 11)
	check(t, "D2 in 2020", tableOf(t, tracking, "--from", "2020", "--to", "2020")[""], count(rows, 2020, 2020, all), 2)
}
