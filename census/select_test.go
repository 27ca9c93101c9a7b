package census_test

import (
	"errors"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

func TestSimpleSelection(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ds := census.NewDataset(r)
	for _, row := range []census.Raw{
		raw(2, "name", "a", "date", "2024-01-01", "domain", "Language", "country", "Korea (Republic of)"),
		raw(3, "name", "b", "date", "2024-01-01", "domain", "Image generation", "country", "United States of America"),
		raw(4, "name", "c", "date", "2024-01-01", "domain", "Language,Vision", "country", "United States of America,Korea (Republic of)"),
	} {
		ds.Add(&row)
	}
	ds.Finish()
	keep := func(domain, country string) []string {
		t.Helper()
		sel, _, err := census.SimpleSelection(r, domain, country)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ds.Models() {
			if sel == nil || sel(&m) {
				out = append(out, m.Name)
			}
		}
		return out
	}
	for _, c := range []struct {
		domain, country string
		want            string
	}{
		{"", "", "abc"},
		{"language", "", "ac"},
		{"Vision", "", "bc"}, // a domain group: Image generation is Vision's
		{"", "KR", "ac"},
		{"", "South Korea", "ac"},
		{"Language", "US", "c"},
	} {
		got := ""
		for _, n := range keep(c.domain, c.country) {
			got += n
		}
		if got != c.want {
			t.Errorf("domain %q country %q: %s, want %s", c.domain, c.country, got, c.want)
		}
	}
	_, desc, _ := census.SimpleSelection(r, "Language", "kr")
	if desc != "domain Language, country KR" {
		t.Errorf("description %q", desc)
	}
	var uc *census.UnknownCountryError
	if _, _, err := census.SimpleSelection(r, "", "Atlantis"); !errors.As(err, &uc) {
		t.Errorf("unknown country: %v", err)
	}
}
