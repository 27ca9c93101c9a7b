package web_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
)

const thresholdsFixture = "../testdata/thresholds_fixture.csv"

// The API's thresholds and trend over a stored snapshot of the fixture
// are the hand counts of testdata/README.md, and the same as the CLI's.
func TestAPIThresholdsAndTrend(t *testing.T) {
	fx, err := os.ReadFile(thresholdsFixture)
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := storeAndServer(t, string(fx))
	resp, body := get(t, srv, "/api/v1/thresholds")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var th struct {
		Thresholds []struct {
			FLOP    float64 `json:"flop"`
			PerYear []struct {
				Year, Cumulative int
			} `json:"per_year"`
			Models []struct {
				Model     string `json:"model"`
				ByLineage bool   `json:"by_lineage"`
				Method    string `json:"method"`
			} `json:"models"`
		} `json:"thresholds"`
	}
	if err := json.Unmarshal(body, &th); err != nil || len(th.Thresholds) != 3 {
		t.Fatalf("%v: %s", err, body)
	}
	cum := map[int]int{}
	for _, y := range th.Thresholds[0].PerYear {
		cum[y.Year] = y.Cumulative
	}
	if cum[2017] != 1 || cum[2020] != 2 || cum[2022] != 4 || cum[2024] != 7 {
		t.Errorf("1e23 cumulative %v", cum)
	}
	if kr := th.Thresholds[2].Models; len(kr) != 1 || kr[0].Model != "Theta" || !kr[0].ByLineage {
		t.Errorf("1e26 cumulative: %+v", kr)
	}
	if m := th.Thresholds[0].Models[0]; m.Model != "Alpha" || m.Method != "Operation counting" {
		t.Errorf("first at 1e23: %+v", m)
	}
	_, body = get(t, srv, "/api/v1/thresholds?threshold=3e23,1e25&country=US")
	if err := json.Unmarshal(body, &th); err != nil || len(th.Thresholds) != 2 || len(th.Thresholds[0].Models) != 4 {
		// Gamma, Delta, Zeta, Eta: the US models at or above 3e23.
		t.Errorf("threshold=3e23,1e25&country=US: %s", body)
	}

	resp, body = get(t, srv, "/api/v1/trend?since=2017-01-01")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var tr map[string]any
	json.Unmarshal(body, &tr)
	for _, k := range []string{"n", "growth_per_year", "ci90", "doubling_months", "since", "until", "method"} {
		if _, ok := tr[k]; !ok {
			t.Errorf("trend lacks %q", k)
		}
	}
	if tr["n"] != 8.0 || tr["since"] != "2017-01-01" {
		t.Errorf("trend: %s", body)
	}

	// filter= as the commands' --filter, repeated to AND: the US models at
	// or above 3e23 published since 2023 are Zeta and Eta.
	_, body = get(t, srv, "/api/v1/thresholds?threshold=3e23&filter=country%3DUS&filter=date%3E%3D2023-01-01")
	var names []string
	if err := json.Unmarshal(body, &th); err == nil && len(th.Thresholds) == 1 {
		for _, m := range th.Thresholds[0].Models {
			names = append(names, m.Model)
		}
	}
	if strings.Join(names, ",") != "Zeta,Eta" {
		t.Errorf("filters: models %v, want Zeta, Eta: %s", names, body)
	}
	// Own compute at or above 1e25: Delta, Epsilon, Eta, Iota.
	_, body = get(t, srv, "/api/v1/trend?filter=compute%3E%3D1e25")
	tr = nil
	if json.Unmarshal(body, &tr); tr["n"] != 4.0 {
		t.Errorf("trend with filter=compute>=1e25: %s", body)
	}

	for _, c := range []struct{ path, param string }{
		{"/api/v1/thresholds?filter=compute%3E%3Elots", "filter"},
		{"/api/v1/trend?filter=colour%3Dred", "filter"},
		{"/api/v1/thresholds?threshold=ten", "threshold"},
		{"/api/v1/thresholds?country=Atlantis", "country"},
		{"/api/v1/thresholds?bogus=1", "bogus"},
		{"/api/v1/trend?since=2024-01-01&until=2020-01-01", "since"},
		{"/api/v1/trend?since=2024-02-01", "since"},
		{"/api/v1/trend?resamples=0", "resamples"},
		{"/api/v1/trend?until=soon", "until"},
	} {
		resp, body := get(t, srv, c.path)
		var e struct {
			Error struct{ Param string } `json:"error"`
		}
		json.Unmarshal(body, &e)
		if resp.StatusCode != 400 || e.Error.Param != c.param {
			t.Errorf("%s: %d %s; want 400 naming %s", c.path, resp.StatusCode, body, c.param)
		}
	}
}

// Over a source with estimates, an estimated crossing shows its inputs.
func TestAPIThresholdsEstimated(t *testing.T) {
	r, _ := rules.Default()
	cat, err := web.NewSourceCatalog(context.Background(), r, thresholdsFixture, epoch.LoadOptions{EstimateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()
	_, body := get(t, srv, "/api/v1/thresholds?threshold=1e25")
	if !strings.Contains(string(body), `"model": "Kappa"`) || !strings.Contains(string(body), `"inputs"`) {
		t.Errorf("Kappa's estimate and inputs are not in %s", body)
	}
}

// The Thresholds page shows the lines side by side as of the slider's
// year: by the end of 2022, 4 models at 1e23 (2 of them in 2022) and 2 at
// 1e25, none at Korea's 1e26.
func TestThresholdsPage(t *testing.T) {
	fx, err := os.ReadFile(thresholdsFixture)
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := storeAndServer(t, string(fx))
	resp, body := get(t, srv, "/thresholds?year=2022")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	page := string(body)
	rows := regexp.MustCompile(`(?s)<tr data-flop="([^"]+)">.*?</tr>`).FindAllStringSubmatch(page, -1)
	if len(rows) != 3 {
		t.Fatalf("%d lines in the table, want 3", len(rows))
	}
	cells := func(row string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`<td class="num">(\d+)</td>`).FindAllStringSubmatch(row, -1) {
			out = append(out, m[1])
		}
		return out
	}
	for i, want := range [][]string{{"2", "4", "3"}, {"2", "2", "2"}, {"0", "0", "0"}} {
		if got := cells(rows[i][0]); !reflect.DeepEqual(got, want) {
			t.Errorf("line %s in 2022: %v, want %v (in the year, by its end, developers)", rows[i][1], got, want)
		}
	}
	if !strings.Contains(page, `type="range" name="year" min="2017" max="2024"`) || strings.Contains(page, "Theta") {
		t.Error("the slider spans 2017–2024, and 2024's models are not listed as of 2022")
	}
	_, body = get(t, srv, "/thresholds?lang=ko")
	for _, want := range []string{"인공지능기본법", "EU 인공지능법", "Theta", "학습 연산량 증가 추세"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the Korean page lacks %q", want)
		}
	}
	if resp, _ := get(t, srv, "/thresholds?year=soon"); resp.StatusCode != 400 {
		t.Errorf("year=soon: %d, want 400", resp.StatusCode)
	}
}
