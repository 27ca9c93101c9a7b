package web_test

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
)

// /api/v1/table takes table's parameters and answers its JSON. On the
// fixture's first snapshot, 2020–2024, by hand: GPT-X (US), Gemini Z (GB,
// US), Qwen Q (CN), HyperCLOVA X (KR), Blank Country (filled from Meta
// AI: US), Multi Lab (GB, US, CN), Unknown Org Model (Multinational).
func TestAPITable(t *testing.T) {
	srv := storeServer(t)
	for _, c := range []struct {
		q    string
		want map[string]float64
	}{
		{"by=country", map[string]float64{"US": 4, "GB": 2, "CN": 2, "KR": 1, "XM": 1}},
		{"by=country&blank-country=leave", map[string]float64{"US": 3, "GB": 2, "CN": 2, "KR": 1, "XM": 1, "unknown": 1}},
		{"filter=" + url.QueryEscape("year>=2024") + "&filter=" + url.QueryEscape("country=US"), map[string]float64{"": 3}},
		{"by=year&measure=cumulative", map[string]float64{"2020": 1, "2021": 1, "2022": 2, "2023": 3, "2024": 7}},
	} {
		resp, body := get(t, srv, "/api/v1/table?snapshot=1&from=2020&to=2024&"+c.q)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", c.q, resp.StatusCode, body)
		}
		var doc struct {
			By      []string         `json:"by"`
			Measure string           `json:"measure"`
			Rows    []map[string]any `json:"rows"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for _, r := range doc.Rows {
			var keys []string
			for _, b := range doc.By {
				keys = append(keys, strings.TrimSuffix(strings.TrimSuffix(jsonString(r[b]), ".0"), "\""))
			}
			got[strings.Join(keys, "|")] = r[doc.Measure].(float64)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.q, got, c.want)
		}
	}
	for _, c := range []struct{ q, param, msg string }{
		{"by=contry", "by", "unknown dimension"},
		{"measure=modles", "measure", "unknown measure"},
		{"filter=countryUS", "filter", "want FIELD OP VALUE"},
		{"multinational=hq", "multinational", "hq"},
		{"by=country&by=year", "by", ""},
		{"lang=ko&by=contry", "by", "알 수 없는 차원"},
	} {
		resp, body := get(t, srv, "/api/v1/table?"+c.q)
		var e struct {
			Error struct{ Param, Message string } `json:"error"`
		}
		json.Unmarshal(body, &e)
		if resp.StatusCode != 400 || e.Error.Param != c.param || !strings.Contains(e.Error.Message, c.msg) {
			t.Errorf("%s: %d %s", c.q, resp.StatusCode, body)
		}
	}
	resp, body := get(t, srv, "/api/v1/table?snapshot=1&from=2020&to=2024&by=country&format=csv")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "US,United States,4") {
		t.Errorf("csv: %d %s", resp.StatusCode, body)
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return strings.TrimPrefix(string(b), "\"")
}

// The Tables page: the form, then the table, a chart and the downloads,
// the state in the URL; the same counts as the API.
func TestTablesPage(t *testing.T) {
	srv := storeServer(t)
	resp, body := get(t, srv, "/tables?lang=ko")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "통계표") || !strings.Contains(string(body), "적용") {
		t.Fatalf("empty page: %d %.300s", resp.StatusCode, body)
	}
	resp, body = get(t, srv, "/tables?snapshot=1&from=2020&to=2024&by=country&by=&filter=&measure=models")
	page := string(body)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	for _, want := range []string{`<td>US</td><td>United States</td><td class="num">4</td>`, `data-chart="table"`,
		`data-download="csv"`, "/api/v1/table?", `<option value="country" selected>`} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page", want)
		}
	}
	// Two dimensions from the two menus.
	resp, body = get(t, srv, "/tables?snapshot=1&from=2020&to=2024&by=year&by=country")
	if resp.StatusCode != 200 || !strings.Contains(string(body), `<td class="num">2024</td><td>US</td>`) {
		t.Errorf("year, country: %d", resp.StatusCode)
	}
	resp, body = get(t, srv, "/tables?by=contry&lang=ko")
	if resp.StatusCode != 400 || !strings.Contains(string(body), "알 수 없는 차원") {
		t.Errorf("bad dimension: %d %.300s", resp.StatusCode, body)
	}
}

// The Tables page shows a whole recipe (?recipe=NAME): each figure with
// its table, and its chart where the recipe draws one.
func TestTablesPageRecipe(t *testing.T) {
	_, st := storeServerWithStore(t)
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(web.NewStoreCatalog(r, st), "test", nil).UseRecipes(web.Recipes{
		Names: rules.BundledRecipes(),
		Load:  func(name string) (*census.Recipe, error) { return rules.LoadRecipe(name, "") },
	}).Handler())
	defer srv.Close()
	resp, body := get(t, srv, "/tables?recipe=census&from=2020&lang=ko")
	page := string(body)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %.300s", resp.StatusCode, body)
	}
	// The census recipe's nine figures but its two lists (the ranking of
	// training runs, the notes), which the engine has no table for.
	if n := strings.Count(page, "<section data-figure="); n != 7 {
		t.Errorf("%d figures, want the census recipe's 7 counts", n)
	}
	for _, want := range []string{"AI 모델 현황", `data-chart="recipe-per_year"`, `<option value="spri-2024">`} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page", want)
		}
	}
	resp, _ = get(t, srv, "/tables?recipe=nonesuch")
	if resp.StatusCode != 400 {
		t.Errorf("unknown recipe: %d", resp.StatusCode)
	}
}
