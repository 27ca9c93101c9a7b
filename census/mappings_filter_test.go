package census

import "testing"

func TestFilterMappings(t *testing.T) {
	maps := []Mapping{{Kind: KindCountry, Raw: "a", Mapped: true}, {Kind: KindCountry, Raw: "b"}, {Kind: KindOrganization, Raw: "c"}}
	// By hand: unmapped countries are b alone; every kind unmapped is b and c.
	if got := FilterMappings(maps, KindCountry, true); len(got) != 1 || got[0].Raw != "b" {
		t.Errorf("unmapped countries = %v, want [b]", got)
	}
	if got := FilterMappings(maps, "", true); len(got) != 2 || got[0].Raw != "b" || got[1].Raw != "c" {
		t.Errorf("unmapped = %v, want [b c]", got)
	}
	if got := FilterMappings(nil, "", false); got == nil || len(got) != 0 {
		t.Errorf("nothing = %#v, want an empty, non-nil list", got)
	}
}
