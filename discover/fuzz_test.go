package discover_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/discover"
)

// FuzzWatchlist reads arbitrary watchlists: every id is trimmed, free of
// comments, and listed once.
func FuzzWatchlist(f *testing.F) {
	f.Add("LGAI-EXAONE\n# comment\n  kakaocorp  # trailing\n\nLGAI-EXAONE\n")
	f.Add("\r\n#\n\x00\n")
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[string]bool{}
		for _, id := range discover.ParseWatchlist(text) {
			if id == "" || id != strings.TrimSpace(id) || strings.ContainsAny(id, "#\n") || seen[id] {
				t.Errorf("id %q", id)
			}
			seen[id] = true
		}
	})
}

// FuzzModelCard reads the training tokens of arbitrary model cards: never
// a negative or non-finite count, and the sentence quoted is in the card.
func FuzzModelCard(f *testing.F) {
	f.Add("# EXAONE 5.0\n\nEXAONE 5.0 was pre-trained on 20T tokens, then aligned on 40B tokens.\n")
	f.Add("- Training tokens: 14T\n- Context length: 131,072 tokens\n")
	f.Add("trained on 1e999 tokens. 3.5 trillion tokens; 12,000B tokens")
	f.Fuzz(func(t *testing.T, card string) {
		tokens, sentence, ok := discover.TokensInCard(card)
		if !ok {
			return
		}
		if !(tokens >= 0) || tokens > 1e30 {
			t.Errorf("tokens %v from %q", tokens, sentence)
		}
	})
}

// FuzzModelConfig reads the active parameters of arbitrary config.json
// objects: never negative, never more than the total.
func FuzzModelConfig(f *testing.F) {
	f.Add(236e9, []byte(`{"hidden_size":6144,"intermediate_size":24576,"moe_intermediate_size":2048,"num_hidden_layers":48,"first_k_dense_replace":1,"num_experts":128,"num_experts_per_tok":8}`))
	f.Add(1e9, []byte(`{"num_experts_per_tok":8,"num_local_experts":64}`))
	f.Add(-1.0, []byte(`{"num_experts_per_tok":"8","num_local_experts":0}`))
	f.Fuzz(func(t *testing.T, total float64, config []byte) {
		var cfg map[string]any
		if json.Unmarshal(config, &cfg) != nil || math.IsNaN(total) || math.IsInf(total, 0) {
			return // a total read from JSON is finite
		}
		if a, ok := discover.ActiveFromConfig(total, cfg); ok && !(a >= 0 && a <= total) {
			t.Errorf("exact active %v of %v", a, total)
		}
		if a, ok := discover.ApproxActive(total, cfg); ok && !(a >= 0 && a <= total) {
			t.Errorf("approximate active %v of %v", a, total)
		}
	})
}
