package rules

import (
	"slices"
	"testing"
)

// The figure engine's tables: the EU has its 27 members, every head office
// names an organization of the organization table, and Epoch's four
// categorization values have a sector.
func TestFigureTables(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	eu, ok := r.Region("EU")
	if !ok || len(eu.Members) != 27 || slices.Contains(eu.Members, "GB") || !slices.Contains(eu.Members, "DE") {
		t.Errorf("EU: %v", eu.Members)
	}
	if got := r.RegionsOf("FR"); !slices.Contains(got, "EU") || !slices.Contains(got, "Europe") {
		t.Errorf("regions of FR: %v", got)
	}
	for _, g := range r.Regions() {
		if g.Source == "" || g.NameKo == "" {
			t.Errorf("region %s lacks a source or a Korean name", g.ID)
		}
	}
	for _, h := range r.HeadOffices() {
		if _, ok := r.Organization(h.Organization); !ok {
			t.Errorf("head office of %q: not in organizations.csv", h.Organization)
		}
	}
	if got := r.HeadOfficeOf("Google DeepMind"); got != "GB" {
		t.Errorf("Google DeepMind's head office: %q", got)
	}
	if got := r.GroupHomeOf("Google DeepMind"); got != "US" {
		t.Errorf("Google DeepMind's group home: %q", got)
	}
	for _, v := range []string{"Industry", "Academia", "Government", "Research collective"} {
		if _, ok := r.Sector(v); !ok {
			t.Errorf("no sector for %q", v)
		}
	}
	if p := r.Check(); len(p) > 0 {
		t.Error(p)
	}
}
