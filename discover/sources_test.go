package discover_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/discover/arena"
	"github.com/modelcensus/modelcensus/discover/arxiv"
	"github.com/modelcensus/modelcensus/discover/hf"
)

// HubServer answers GET /api/models like the Hub: two pages for
// LGAI-EXAONE (a Link header to the second), with a base model, a
// fine-tune, a quantized copy and a mixture of experts.
func HubServer(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		// The files of a repository, as /{id}/resolve/main/{file} serves
		// them: the MoE's config.json and both models' cards.
		switch r.URL.Path {
		case "/LGAI-EXAONE/EXAONE-5.0-236B-A23B/resolve/main/config.json":
			fmt.Fprint(w, `{"architectures":["ExaoneMoEForCausalLM"],"hidden_size":6144,"intermediate_size":24576,"moe_intermediate_size":2048,
				"num_hidden_layers":48,"first_k_dense_replace":1,"num_experts":128,"num_experts_per_tok":8}`)
			return
		case "/LGAI-EXAONE/EXAONE-5.0-236B-A23B/resolve/main/README.md":
			fmt.Fprint(w, "---\nlicense: other\n---\n# EXAONE 5.0\n\nA mixture of experts. EXAONE 5.0 was pre-trained on 20T tokens, then aligned on 40B tokens.\n")
			return
		case "/LGAI-EXAONE/EXAONE-4.0-32B/resolve/main/README.md":
			fmt.Fprint(w, "# EXAONE 4.0\n\n- Training tokens: 14T\n- Context length: 131,072 tokens\n")
			return
		}
		if strings.Contains(r.URL.Path, "/resolve/") {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path != "/api/models" || q.Get("sort") != "createdAt" || q.Get("direction") != "-1" || len(q["expand[]"]) < 5 {
			http.Error(w, "bad request", 400)
			return
		}
		switch q.Get("author") {
		case "LGAI-EXAONE":
			if q.Get("cursor") == "" {
				w.Header().Set("Link", fmt.Sprintf(`<%s/api/models?author=LGAI-EXAONE&sort=createdAt&direction=-1&limit=100&expand[]=a&expand[]=b&expand[]=c&expand[]=d&expand[]=e&cursor=2>; rel="next"`, srv.URL))
				fmt.Fprint(w, `[{"id":"LGAI-EXAONE/EXAONE-5.0-236B-A23B","createdAt":"2026-09-01T00:00:00.000Z","downloads":10,
					"tags":["text-generation"],"safetensors":{"total":236000000000},"config":{"num_experts_per_tok":8,"num_local_experts":64}},
				{"id":"LGAI-EXAONE/EXAONE-4.0-32B","createdAt":"2025-07-15T00:00:00.000Z","tags":[],"safetensors":{"total":32000000000}}]`)
				return
			}
			fmt.Fprint(w, `[{"id":"LGAI-EXAONE/EXAONE-5.0-Instruct","createdAt":"2026-09-02T00:00:00.000Z","tags":["base_model:finetune:LGAI-EXAONE/EXAONE-5.0-236B-A23B"],"safetensors":{"total":236000000000}},
				{"id":"LGAI-EXAONE/EXAONE-5.0-AWQ","createdAt":"2026-09-03T00:00:00.000Z","tags":["base_model:quantized:LGAI-EXAONE/EXAONE-5.0-236B-A23B"],"safetensors":{"total":40000000000}}]`)
		default:
			fmt.Fprint(w, `[]`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestHubSource(t *testing.T) {
	srv := HubServer(t)
	s := &hf.Source{Endpoint: srv.URL, Client: &discover.Client{}}
	found, err := s.Find(context.Background(), []string{"LGAI-EXAONE", "skt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 4 {
		t.Fatalf("%d found, want 4 (two pages)", len(found))
	}
	moe := found[0]
	// 236e9 × 8 / 64 = 29.5e9 active, approximately.
	if moe.Name != "EXAONE-5.0-236B-A23B" || moe.Params != 236e9 || moe.ActiveParams != 29.5e9 || !moe.ActiveApprox || moe.Date != "2026-09-01" {
		t.Errorf("MoE: %+v", moe)
	}
	if found[2].Derivative == "" || found[3].Derivative == "" || found[3].Params != 0 {
		t.Errorf("derivatives: %+v %+v (a quantized count is never taken)", found[2], found[3])
	}
}

// Detail reads the MoE's config.json (its exact active count) and both
// cards (their tokens); a repository without a config.json (404) is not
// an error. Candidates then estimates 6 × active parameters × tokens.
func TestHubDetailAndEstimate(t *testing.T) {
	srv := HubServer(t)
	s := &hf.Source{Endpoint: srv.URL, Client: &discover.Client{}}
	found, err := s.Find(context.Background(), []string{"LGAI-EXAONE"})
	if err != nil {
		t.Fatal(err)
	}
	known := discover.NewKnown()
	opt := discover.Options{MinCompute: 1e23, MaxTokens: 36e12}
	for i := range found {
		if discover.NeedsDetail(found[i], known, opt) {
			if err := s.Detail(context.Background(), &found[i]); err != nil {
				t.Fatalf("%s: %v", found[i].ID, err)
			}
		}
	}
	moe, dense := found[0], found[1]
	// 236e9 less the 120 routed experts a token skips in 47 layers, each
	// of three 6144 × 2048 matrices.
	wantActive := 236e9 - 120*47*3*6144*2048
	if moe.ActiveParams != wantActive || moe.ActiveApprox || moe.Tokens != 20e12 {
		t.Errorf("MoE after Detail: active %g (approx %v), tokens %g; want %g, 20e12", moe.ActiveParams, moe.ActiveApprox, moe.Tokens, wantActive)
	}
	if dense.Tokens != 14e12 || dense.ActiveParams != 0 || dense.TokensSource != "- Training tokens: 14T" {
		t.Errorf("dense after Detail: %+v", dense)
	}
	if found[2].Tokens != 0 || found[3].Tokens != 0 {
		t.Error("a derivative was detailed")
	}
	cands, aside := discover.Candidates(found, known, opt)
	if len(cands) != 2 || len(aside) != 2 {
		t.Fatalf("candidates %+v, set aside %d", cands, len(aside))
	}
	byName := map[string]discover.Candidate{}
	for _, c := range cands {
		byName[c.Name] = c
	}
	for name, want := range map[string]float64{"EXAONE-5.0-236B-A23B": 6 * wantActive * 20e12, "EXAONE-4.0-32B": 6 * 32e9 * 14e12} {
		c := byName[name]
		if c.Compute == nil || math.Abs(c.Compute.FLOP/want-1) > 1e-9 || c.Compute.Method != "counting" {
			t.Errorf("%s: estimate %+v, want %g by counting", name, c.Compute, want)
			continue
		}
		var tokensNote string
		for _, in := range c.Compute.Inputs {
			if in.Name == "tokens" {
				tokensNote = in.Text
			}
		}
		if !strings.HasPrefix(tokensNote, "hf: ") {
			t.Errorf("%s: the tokens input does not name its sentence: %q", name, tokensNote)
		}
	}
}

func TestArenaSource(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/rows" || q.Get("dataset") != arena.Dataset {
			http.Error(w, "bad", 400)
			return
		}
		if q.Get("offset") == "0" {
			var rows []string
			for i := 0; i < 100; i++ {
				rows = append(rows, fmt.Sprintf(`{"row_idx":%d,"row":{"model_name":"model-%d","organization":"Org","rating":1200,"vote_count":5,"leaderboard_publish_date":"2026-09-01"}}`, i, i%60))
			}
			fmt.Fprintf(w, `{"rows":[%s],"num_rows_total":101}`, strings.Join(rows, ","))
			return
		}
		fmt.Fprint(w, `{"rows":[{"row_idx":100,"row":{"model_name":"solar-pro-3","organization":"Upstage","rating":1250,"vote_count":900,"leaderboard_publish_date":"2026-09-01"}}],"num_rows_total":101}`)
	}))
	defer srv.Close()
	found, err := (&arena.Source{Endpoint: srv.URL, Client: &discover.Client{}}).Find(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// 60 distinct names on the first page, one on the second.
	if len(found) != 61 || found[60].Name != "solar-pro-3" || found[60].Organization != "Upstage" {
		t.Errorf("%d found, last %+v", len(found), found[len(found)-1])
	}
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"error":"x"}`) }))
	defer bad.Close()
	var me *discover.MalformedError
	if _, err := (&arena.Source{Endpoint: bad.URL, Client: &discover.Client{}}).Find(context.Background(), nil); !errors.As(err, &me) {
		t.Errorf("a malformed answer: %v", err)
	}
}

func TestArxivSource(t *testing.T) {
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		if r.URL.Path != "/api/query" || !strings.Contains(r.URL.Query().Get("search_query"), "cat:cs.CL") {
			http.Error(w, "bad", 400)
			return
		}
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<entry><id>http://arxiv.org/abs/2502.18934v1</id><published>2025-02-26T00:00:00Z</published><title>Kanana: Compute-efficient Bilingual
 Language Models</title></entry>
<entry><id>http://arxiv.org/abs/2601.09066v1</id><published>2026-01-14T00:00:00Z</published><title>Mi:dm 2.0 Technical Report</title></entry>
<entry><id>http://arxiv.org/abs/2601.00001v1</id><published>2026-01-14T00:00:00Z</published><title>On the Convergence of Adam</title></entry>
<entry><id>http://arxiv.org/abs/2601.00002v1</id><published>2026-01-14T00:00:00Z</published><title>Tri: A Family of Open Korean Models</title></entry>
</feed>`)
	}))
	defer srv.Close()
	found, err := (&arxiv.Source{Endpoint: srv.URL, Client: &discover.Client{}}).Find(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range found {
		names = append(names, f.Name)
	}
	// Kanana's title names no report or family: only the two that do.
	if got := strings.Join(names, "|"); got != "Mi:dm 2.0|Tri" {
		t.Errorf("names %q", got)
	}
}

// The Hub answering 500 for good, or a page that is not JSON: a clear error,
// and what was found before it is kept.
func TestHubFailures(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("author") {
		case "good":
			fmt.Fprint(w, `[{"id":"good/Big-70B","createdAt":"2026-09-01T00:00:00.000Z","safetensors":{"total":70000000000}}]`)
		case "broken":
			fmt.Fprint(w, `<html>rate limited</html>`)
		default:
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	client := &discover.Client{Retries: 1, Sleep: func(context.Context, time.Duration) error { return nil }}
	found, err := (&hf.Source{Endpoint: srv.URL, Client: client}).Find(context.Background(), []string{"good", "broken"})
	var me *discover.MalformedError
	if !errors.As(err, &me) || len(found) != 1 || found[0].Params != 70e9 {
		t.Errorf("malformed page: %v; found %+v", err, found)
	}
	// A developer that fails does not stop the others.
	found, err = (&hf.Source{Endpoint: srv.URL, Client: client}).Find(context.Background(), []string{"down", "good"})
	var he *discover.HTTPError
	if !errors.As(err, &he) || he.Status != 500 || len(found) != 1 {
		t.Errorf("500: %v; found %+v", err, found)
	}
	// A Hub that does not answer at all: one error, and the other
	// developers are not asked in vain.
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	calls := 0
	counting := &discover.Client{Retries: 1, Sleep: func(context.Context, time.Duration) error { calls++; return nil }}
	_, err = (&hf.Source{Endpoint: down.URL, Client: counting}).Find(context.Background(), []string{"a", "b", "c"})
	var ne *discover.NetError
	if !errors.As(err, &ne) || calls != 1 || strings.Count(err.Error(), "GET ") != 1 {
		t.Errorf("no answer: %v after %d waits; want one error after one retry", err, calls)
	}
}
