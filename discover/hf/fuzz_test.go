package hf_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/discover/hf"
	"github.com/modelcensus/modelcensus/internal/fuzzhttp"
)

// FuzzHubAnswers gives the Hub source arbitrary answers: the model
// listing with its Link header, a repository's config.json and its model
// card. It never panics, reads at most the pages asked for, and finds
// no negative parameter or token count.
func FuzzHubAnswers(f *testing.F) {
	f.Add([]byte(`[{"id":"LGAI-EXAONE/EXAONE-5.0-236B-A23B","createdAt":"2026-09-01T00:00:00.000Z","downloads":10,"tags":["text-generation"],"safetensors":{"total":236000000000},"config":{"num_experts_per_tok":8,"num_local_experts":64}}]`),
		`<https://huggingface.co/api/models?cursor=2>; rel="next"`,
		[]byte(`{"hidden_size":6144,"intermediate_size":24576,"moe_intermediate_size":2048,"num_hidden_layers":48,"first_k_dense_replace":1,"num_experts":128,"num_experts_per_tok":8}`),
		"---\nlicense: other\n---\n# EXAONE 5.0\n\nEXAONE 5.0 was pre-trained on 20T tokens, then aligned on 40B tokens.\n")
	f.Add([]byte(`[{"id":"a/b","tags":["base_model:quantized:a/c"],"safetensors":{"total":-1}},{"id":"","config":{"num_experts":"x"}}]`), "", []byte(`[]`), "- Training tokens: 14T\n")
	f.Add([]byte(`{}`), `<>; rel="next", <x>`, []byte(`{"num_experts_per_tok":1e308,"num_local_experts":-3}`), "trained on 1e999 tokens")
	f.Fuzz(func(t *testing.T, listing []byte, link string, config []byte, card string) {
		tr := &fuzzhttp.Transport{
			Routes: map[string]fuzzhttp.Answer{
				"/api/models":  {Header: http.Header{"Link": {link}}, Body: listing},
				"/config.json": {Body: config},
				"/README.md":   {Body: []byte(card)},
			},
		}
		src := &hf.Source{Endpoint: "http://hub.test", Pages: 2, Client: &discover.Client{HTTP: tr.Client(), Retries: 1, Backoff: time.Millisecond}}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		found, _ := src.Find(ctx, []string{"dev"})
		for i := range found {
			if i == 3 {
				break
			}
			_ = src.Detail(ctx, &found[i])
			if fd := found[i]; fd.Params < 0 || fd.Tokens < 0 || fd.ActiveParams < 0 {
				t.Errorf("negative count: %+v", fd)
			}
		}
	})
}
