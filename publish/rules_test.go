package publish

import (
	"bytes"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// Each format of the mappings is its own writer's output: one CSV row per
// mapping after the header, and the JSON array of them.
func TestWriteMappingsAs(t *testing.T) {
	maps := []census.Mapping{{Kind: "country", Raw: "Korea", MapsTo: "KR", Rows: 3, Mapped: true}, {Kind: "organization", Raw: "Acme", Rows: 1}}
	var b bytes.Buffer
	WriteMappingsAs(&b, "csv", i18n.EN, "", maps, true, false)
	want := "kind,raw,maps_to,detail,rows,mapped\ncountry,Korea,KR,,3,true\norganization,Acme,,,1,false\n"
	if b.String() != want {
		t.Errorf("csv %q, want %q", b.String(), want)
	}
	b.Reset()
	WriteMappingsAs(&b, "json", i18n.EN, "", maps[:1], true, false)
	if got := string(bytes.Join(bytes.Fields(b.Bytes()), nil)); got != `[{"kind":"country","raw":"Korea","maps_to":"KR","rows":3,"mapped":true}]` {
		t.Errorf("json %s", got)
	}
}
