package census_test

import (
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

// filterFixture is six models whose every expected selection below is
// counted by hand:
//
//	line  name     date        organization     country  domain                       FLOP   access
//	2     Alpha    2021-05-01  OpenAI           US       Language                     1e24   api
//	3     beta     2023-02-01  NAVER            KR       Language, Multimodal         3e23   open-weights
//	4     Gamma    2023-02-01  Google DeepMind  GB       Vision                       —      unreleased
//	5     delta    2024-07-01  NAVER            KR       Language                     2e25   api
//	6     Epsilon  2025-01-01  OpenAI           US       Image generation, Multimodal —      unknown
//	7     Zeta     2024-07-01  Google DeepMind  GB, US   Language                     5e24   api
func filterFixture(t *testing.T) *census.Dataset {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ds := census.NewDataset(r)
	for _, row := range []census.Raw{
		raw(2, "name", "Alpha", "date", "2021-05-01", "organization", "OpenAI", "country", "United States of America",
			"domain", "Language", "compute", "1e24", "accessibility", "API access"),
		raw(3, "name", "beta", "date", "2023-02-01", "organization", "NAVER", "country", "Korea (Republic of)",
			"domain", "Language,Multimodal", "compute", "3e23", "accessibility", "Open weights (unrestricted)"),
		raw(4, "name", "Gamma", "date", "2023-02-01", "organization", "Google DeepMind", "country", "United Kingdom",
			"domain", "Vision", "accessibility", "Unreleased"),
		raw(5, "name", "delta", "date", "2024-07-01", "organization", "NAVER", "country", "Korea (Republic of)",
			"domain", "Language", "compute", "2e25", "accessibility", "API access"),
		raw(6, "name", "Epsilon", "date", "2025-01-01", "organization", "OpenAI", "country", "United States of America",
			"domain", "Image generation,Multimodal"),
		raw(7, "name", "Zeta", "date", "2024-07-01", "organization", "Google DeepMind", "country", "United Kingdom,United States of America",
			"domain", "Language", "compute", "5e24", "accessibility", "API access"),
	} {
		ds.Add(&row)
	}
	ds.Finish()
	if ds.Len() != 6 {
		t.Fatalf("fixture: %d models, want 6", ds.Len())
	}
	return ds
}

func TestFindModels(t *testing.T) {
	ds := filterFixture(t)
	yes, no := true, false
	for _, c := range []struct {
		name  string
		f     census.ModelFilter
		want  string // the names, in order
		total int
	}{
		// By date, then by name as written (capitals first).
		{"every model", census.ModelFilter{}, "Alpha Gamma beta Zeta delta Epsilon", 6},
		{"newest first", census.ModelFilter{Descending: true}, "Epsilon delta Zeta beta Gamma Alpha", 6},
		{"by name, any case", census.ModelFilter{Sort: census.SortName}, "Alpha beta delta Epsilon Gamma Zeta", 6},
		{"largest first, unknown last", census.ModelFilter{Sort: census.SortCompute, Descending: true}, "delta Zeta Alpha beta Gamma Epsilon", 6},
		{"smallest first, unknown last", census.ModelFilter{Sort: census.SortCompute}, "beta Alpha Zeta delta Gamma Epsilon", 6},
		{"country KR", census.ModelFilter{Country: "kr"}, "beta delta", 2},
		{"country US (Zeta is GB and US)", census.ModelFilter{Country: "US"}, "Alpha Zeta Epsilon", 3},
		{"organization", census.ModelFilter{Org: "naver"}, "beta delta", 2},
		{"group", census.ModelFilter{Org: "Google"}, "Gamma Zeta", 2},
		{"organization in a group", census.ModelFilter{Org: "google deepmind"}, "Gamma Zeta", 2},
		{"domain group (Image generation is Vision's)", census.ModelFilter{Domain: "Vision"}, "Gamma Epsilon", 2},
		{"domain", census.ModelFilter{Domain: "language"}, "Alpha beta Zeta delta", 4},
		{"access api", census.ModelFilter{Access: census.AccessAPI}, "Alpha Zeta delta", 3},
		{"access open weights", census.ModelFilter{Access: census.AccessOpenWeights}, "beta", 1},
		{"access unknown", census.ModelFilter{Access: census.AccessUnknown}, "Epsilon", 1},
		{"multimodal", census.ModelFilter{Multimodal: &yes}, "beta Epsilon", 2},
		{"not multimodal", census.ModelFilter{Multimodal: &no}, "Alpha Gamma Zeta delta", 4},
		{"years", census.ModelFilter{YearFrom: 2023, YearTo: 2024}, "Gamma beta Zeta delta", 4},
		{"at least 1e24 FLOP", census.ModelFilter{MinCompute: 1e24}, "Alpha Zeta delta", 3},
		{"at most 1e24 FLOP", census.ModelFilter{MaxCompute: 1e24}, "Alpha beta", 2},
		{"in the census", census.ModelFilter{InCensus: &yes, Period: census.Period{From: 2023, To: 2024}}, "Gamma beta Zeta delta", 4},
		{"outside the census", census.ModelFilter{InCensus: &no, Period: census.Period{From: 2023, To: 2024}}, "Alpha Epsilon", 2},
		{"text in an organization", census.ModelFilter{Text: "Naver"}, "beta delta", 2},
		{"text in a name, trimmed", census.ModelFilter{Text: "  ETA "}, "beta Zeta", 2},
		{"a page", census.ModelFilter{Offset: 2, Limit: 3}, "beta Zeta delta", 6},
		{"the last page", census.ModelFilter{Offset: 5, Limit: 3}, "Epsilon", 6},
		{"past the end", census.ModelFilter{Offset: 10, Limit: 3}, "", 6},
		{"several at once", census.ModelFilter{Country: "US", MinCompute: 1e24, Sort: census.SortCompute, Descending: true}, "Zeta Alpha", 2},
		{"none", census.ModelFilter{Country: "KR", Access: census.AccessUnreleased}, "", 0},
	} {
		models, total := census.FindModels(ds, c.f)
		var names []string
		for _, m := range models {
			names = append(names, m.Name)
		}
		if got := strings.Join(names, " "); got != c.want || total != c.total {
			t.Errorf("%s: %q (%d in all), want %q (%d)", c.name, got, total, c.want, c.total)
		}
	}
}

func TestDefaultDescending(t *testing.T) {
	for s, want := range map[census.ModelSort]bool{census.SortDate: true, census.SortCompute: true, census.SortName: false, "": true} {
		if got := census.DefaultDescending(s); got != want {
			t.Errorf("DefaultDescending(%q) = %v, want %v", s, got, want)
		}
	}
}
