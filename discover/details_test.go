package discover_test

import (
	"math"
	"testing"

	"github.com/modelcensus/modelcensus/discover"
)

// Active parameters from three real configs (the keys their config.json
// files hold on the Hub), against the active counts their developers
// publish: Mixtral 8x7B 12.9B (Mistral AI, "Mixtral of experts", 2023);
// Qwen3-30B-A3B 3.3B (Qwen3 technical report, 2025); Llama 4 Maverick 17B
// of 400B; DeepSeek-V3 37B plus the 14B multi-token-prediction module that
// its released 685B weights add (DeepSeek-V3 technical report and model
// card, 2024).
func TestActiveFromConfig(t *testing.T) {
	cases := []struct {
		name  string
		total float64
		cfg   map[string]any
		want  float64
		tol   float64 // 2% unless the published counts are rounded
	}{
		{"Mixtral-8x7B", 46_702_792_704, map[string]any{"hidden_size": 4096.0, "intermediate_size": 14336.0, "num_hidden_layers": 32.0,
			"num_local_experts": 8.0, "num_experts_per_tok": 2.0}, 12.9e9, 0},
		{"Qwen3-30B-A3B", 30_532_122_624, map[string]any{"hidden_size": 2048.0, "intermediate_size": 6144.0, "moe_intermediate_size": 768.0,
			"num_hidden_layers": 48.0, "num_experts": 128.0, "num_experts_per_tok": 8.0}, 3.3e9, 0},
		// 37B, and the prediction module's 14B less its 248 idle routed
		// experts (248 × 3 × 7168 × 2048 = 10.9B).
		{"DeepSeek-V3", 684_531_386_000, map[string]any{"hidden_size": 7168.0, "intermediate_size": 18432.0, "moe_intermediate_size": 2048.0,
			"num_hidden_layers": 61.0, "first_k_dense_replace": 3.0, "n_routed_experts": 256.0, "num_experts_per_tok": 8.0,
			"num_nextn_predict_layers": 1.0}, 37e9 + 14e9 - 248*3*7168*2048, 0},
		// Experts in every second layer (Meta, Llama 4 model card, 2025).
		{"Llama-4-Maverick", 400e9, map[string]any{"text_config": map[string]any{"hidden_size": 5120.0, "intermediate_size": 8192.0,
			"intermediate_size_mlp": 16384.0, "num_hidden_layers": 48.0, "num_local_experts": 128.0, "num_experts_per_tok": 1.0,
			"interleave_moe_layer_step": 2.0}}, 17e9, 0.05}, // "400B" and "17B" are rounded
		// A vision-language model keeps its language model's keys in
		// text_config.
		{"nested", 46_702_792_704, map[string]any{"text_config": map[string]any{"hidden_size": 4096.0, "intermediate_size": 14336.0,
			"num_hidden_layers": 32.0, "num_local_experts": 8.0, "num_experts_per_tok": 2.0}}, 12.9e9, 0},
	}
	for _, c := range cases {
		tol := c.tol
		if tol == 0 {
			tol = 0.02
		}
		got, ok := discover.ActiveFromConfig(c.total, c.cfg)
		if !ok || math.Abs(got/c.want-1) > tol {
			t.Errorf("%s: %.4g (ok %v), want %.4g within %.0f%%", c.name, got, ok, c.want, 100*tol)
		}
	}
	// A dense model, and a config without the sizes: no exact count.
	for _, cfg := range []map[string]any{{"hidden_size": 4096.0, "num_hidden_layers": 32.0, "intermediate_size": 14336.0},
		{"num_local_experts": 8.0, "num_experts_per_tok": 2.0}} {
		if got, ok := discover.ActiveFromConfig(46.7e9, cfg); ok {
			t.Errorf("%v: %g, want none", cfg, got)
		}
	}
	if got, ok := discover.ApproxActive(64e9, map[string]any{"num_local_experts": 8.0, "num_experts_per_tok": 2.0}); !ok || got != 16e9 {
		t.Errorf("approximate: %g", got)
	}
}

func TestTokensInCard(t *testing.T) {
	cases := []struct {
		card string
		want float64
	}{
		{"# EXAONE 4.0\n\nEXAONE 4.0 32B was pre-trained on 14T tokens. It supports a context of 128K tokens.", 14e12},
		// Fine-tuning stated first; the pre-training is the larger.
		{"We fine-tuned it on 2.5B tokens of instructions. The base model was pretrained on 18 trillion tokens.", 18e12},
		{"| Model | Params | Training tokens |\n|---|---|---|\n| Big | 70B | 15T |", 0}, // a header cell and a value in another row: not read
		{"- Training tokens: 36T\n- Context length: 32,768 tokens", 36e12},
		{"Trained on a corpus of 9.7 trillion high-quality tokens", 9.7e12},
		{"Context: 32K tokens. Vocabulary: 150K tokens.", 0},
		// DeepSeek-V3's own wording: four words between the count and "tokens".
		{"We pre-train DeepSeek-V3 on 14.8 trillion diverse and high-quality tokens, followed by fine-tuning.", 14.8e12},
		{"Pretrained on a 15T-token corpus.", 15e12},
		{"The model was trained on 15T+ tokens.", 15e12},
		{"It was trained on approx. 12T tokens of text.", 12e12},
		{"Pre-training used 2,500 billion tokens.", 2.5e12},
		{"Under memory constraints we process 1T tokens a day.", 0}, // "constraints" is not training
		{"The tokenizer splits 1T tokens", 0},                       // no training sentence
		{"", 0},
	}
	for _, c := range cases {
		got, sentence, ok := discover.TokensInCard(c.card)
		if got != c.want || ok != (c.want > 0) {
			t.Errorf("%q: %g (%q), want %g", c.card, got, sentence, c.want)
		}
	}
	_, sentence, _ := discover.TokensInCard("EXAONE 4.0 32B was pre-trained on 14T tokens. It supports a context of 128K tokens.")
	if sentence != "EXAONE 4.0 32B was pre-trained on 14T tokens." {
		t.Errorf("sentence %q", sentence)
	}
}
