package web_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
)

// /api/v1/diff writes, for any census options and whether its model-level
// lists are encoded afresh or kept from an earlier question, the bytes that
// snapshots.Compare's diff gives through publish.WriteJSONValue.
func TestDiffBodyEqualsCompare(t *testing.T) {
	fx, _ := os.ReadFile(fixture)
	srv, st := storeAndServer(t, string(fx), strings.Replace(string(fx), "2024-05-01,1.07e+24", "2024-05-01,2.14e+24", 1)+
		"New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n")
	ctx := context.Background()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.Snapshot(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := st.Snapshot(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		opt   census.Options
	}{
		{"", census.Options{}},
		{"&from=2020&to=2024&attribution=fractional", census.Options{From: 2020, To: 2024, Attribution: census.AttributionFractional}},
		{"&top=3", census.Options{Top: 3}},
		{"", census.Options{}}, // the lists now kept
	} {
		d, err := snapshots.Compare(ctx, st, r, a, b, "", c.opt)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := publish.WriteJSONValue(&want, d); err != nil {
			t.Fatal(err)
		}
		resp, body := get(t, srv, "/api/v1/diff?a=1&b=2"+c.query)
		if resp.StatusCode != 200 || !bytes.Equal(body, want.Bytes()) {
			t.Errorf("diff%s: %d\n%s\nwant\n%s", c.query, resp.StatusCode, body, want.Bytes())
		}
	}
}
