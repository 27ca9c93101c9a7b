package web_test

import (
	"context"
	"encoding/json"
	"html"
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
)

// /api/v1/estimate takes the estimate command's inputs. Llama 2-70B by
// hardware time is 7.73e23 FLOP in ../shared/reference/compute-estimation.md
// (1,720,320 A100-hours at 312 TFLOP/s and 40%: 1720320 × 3600 × 312e12 ×
// 0.4 = 7.729e23).
func TestAPIEstimate(t *testing.T) {
	srv := storeServer(t)
	resp, body := get(t, srv, "/api/v1/estimate?hardware=NVIDIA+A100&chip-hours=1720320&utilization=0.4")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var e struct {
		FLOP       float64   `json:"flop"`
		Method     string    `json:"method"`
		Thresholds []float64 `json:"thresholds"`
		Warnings   []string  `json:"warnings"`
		Inputs     []struct{ Name, Unit string }
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatal(err)
	}
	if want := 1720320 * 3600 * 312e12 * 0.4; math.Abs(e.FLOP-want) > 0.02*want || e.Method != "hardware" || e.Warnings == nil || len(e.Inputs) == 0 {
		t.Errorf("estimate %+v", e)
	}
	if len(e.Thresholds) != 1 || e.Thresholds[0] != 1e23 {
		t.Errorf("thresholds %v, want [1e23]", e.Thresholds)
	}
	for _, c := range []struct{ q, param, ko string }{
		{"params=-5&tokens=1e9", "params", "음수"},
		{"params=lots&tokens=1e9", "params", "숫자"},
		{"hardware=Abacus&chips=1&hours=1", "hardware", "하드웨어 표"},
		{"hardware=NVIDIA+A100&chips=1&hours=1&utilization=1.5", "utilization", "비율"},
		{"params=1e9", "estimate", "방법"},
		{"flops=1", "flops", ""},
	} {
		resp, body := get(t, srv, "/api/v1/estimate?"+c.q)
		var pe struct {
			Status         int
			Param, Message string
		}
		json.Unmarshal(body, &pe)
		if resp.StatusCode != 400 || !strings.Contains(string(body), `"`+c.param+`"`) {
			t.Errorf("%s: status %d, %s", c.q, resp.StatusCode, body)
		}
		if c.ko == "" {
			continue
		}
		_, ko := get(t, srv, "/api/v1/estimate?"+c.q+"&lang=ko")
		if !strings.Contains(string(ko), c.ko) {
			t.Errorf("%s in Korean: %s", c.q, ko)
		}
	}
}

// A model's API answer and page carry modelcensus's estimate beside
// Epoch's figure. Fixture rows, counted by hand: Alpha is 6 × 1e9 × 1e12
// = 6e21 by operation counting, as Epoch says; Eta is a fine-tune of Delta,
// Delta's 2e23 plus its own 2e23.
func TestModelEstimate(t *testing.T) {
	srv := fixtureServer(t)
	defer srv.Close()
	for name, want := range map[string]struct {
		flop   float64
		method string
	}{"Alpha": {6e21, "counting"}, "Eta": {4e23, "fine-tune"}} {
		resp, body := get(t, srv, "/api/v1/models/"+name)
		var m struct {
			Estimate *struct {
				Epoch    float64 `json:"epoch_flop"`
				Estimate *struct {
					FLOP   float64 `json:"flop"`
					Method string  `json:"method"`
				} `json:"estimate"`
			} `json:"estimate"`
		}
		if err := json.Unmarshal(body, &m); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v", name, resp.StatusCode, err)
		}
		if m.Estimate == nil || m.Estimate.Estimate == nil || math.Abs(m.Estimate.Estimate.FLOP-want.flop) > 1e-9*want.flop ||
			m.Estimate.Estimate.Method != want.method {
			t.Errorf("%s: estimate %s", name, body)
		}
	}
	_, page := get(t, srv, "/models/Alpha?lang=ko")
	for _, want := range []string{"modelcensus 추정", "6 × 10²¹ · 연산 수 계산", "6 × 10²¹ (Operation counting)", "<td>1.00</td>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("Korean model page lacks %q", want)
		}
	}
}

// The Explorer coloured by estimate: in the fixture, Alpha, Delta, Zeta
// and Eta have Epoch's figure; Theta has none but 6 × 2e9 × 1e12 = 1.2e22
// by operation counting; Beta (a bad parameter cell), Gamma (unknown
// hardware) and Epsilon (no inputs) have neither: 3 not plotted.
func TestExplorerByEstimate(t *testing.T) {
	srv := fixtureServer(t)
	defer srv.Close()
	resp, body := get(t, srv, "/explorer?color=estimate")
	page := string(body)
	if resp.StatusCode != 200 || !strings.Contains(page, `data-missing="3"`) {
		t.Fatalf("status %d; missing count not 3", resp.StatusCode)
	}
	for _, want := range []string{`"name":"Epoch's figure"`, `"name":"estimated by modelcensus from the row's own cells"`, `"model":"Theta"`, `1.2e+22`} {
		if !strings.Contains(page, want) {
			t.Errorf("explorer page lacks %s", want)
		}
	}
	if _, ko := get(t, srv, "/explorer?color=estimate&lang=ko"); !strings.Contains(string(ko), "3개는 Epoch 값도 추정할 입력도 없어") {
		t.Errorf("Korean explorer lacks the missing count")
	}
}

// fixtureServer serves testdata/estimate_fixture.csv.
func fixtureServer(t *testing.T) *httptest.Server {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := web.NewSourceCatalog(context.Background(), r, "../testdata/estimate_fixture.csv", epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return httptest.NewServer(web.New(cat, "test", nil).Handler())
}

// Served with missing compute estimated, the dashboard's overview marks
// each estimate, names its method and explains the mark; the census API
// says which figures are estimates. testdata/README.md works them out.
func TestDashboardMarksEstimates(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := web.NewSourceCatalog(context.Background(), r, "../testdata/estimate_missing_fixture.csv",
		epoch.LoadOptions{EstimateMissing: true, Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(cat, "test", nil).Handler())
	defer srv.Close()
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		_, body := get(t, srv, "/?lang="+string(l))
		page := html.UnescapeString(string(body))
		for _, want := range []string{
			`data-footnote="top_compute_latest"`, publish.EstimateFootnote(l),
			publish.FormatFLOP(5.1e24) + census.EstimateMark, publish.MethodName(census.MethodCounting, l),
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s overview lacks %q", l, want)
			}
		}
	}
	var res census.Result
	_, body := get(t, srv, "/api/v1/census")
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range res.TopComputeLatest {
		got = append(got, m.Model+"="+m.Method)
	}
	if want := "Tuned=fine-tune Reported= Timed=hardware Counted=counting"; strings.Join(got, " ") != want {
		t.Errorf("API top compute %q, want %q", strings.Join(got, " "), want)
	}
}
