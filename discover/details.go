package discover

import (
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Detailer is a source that can say more of one model it found, from the
// model's own pages, at the cost of requests of its own: the Hub reads a
// repository's config.json and model card. Discovery asks only for the
// models that are candidates and could be large (NeedsDetail).
type Detailer interface {
	// Detail completes f in place (ActiveParams, Tokens, TokensSource). An
	// error leaves f as it was, and is the client's or a
	// *MalformedError.
	Detail(ctx context.Context, f *Found) error
}

// NeedsDetail reports whether a found model is worth a Detailer's
// requests: it is not a derivative, not known, has a parameter count and
// no training tokens yet, and could reach opt.MinCompute (the bound of
// Options.MaxTokens; with no bound, any model with parameters could).
func NeedsDetail(f Found, known *Known, opt Options) bool {
	if f.Derivative != "" || f.Params <= 0 || f.Tokens > 0 || known.Has(f) {
		return false
	}
	return opt.MinCompute <= 0 || opt.MaxTokens <= 0 || 6*f.Params*opt.MaxTokens >= opt.MinCompute
}

// tokenCount finds "15T tokens", "18 trillion tokens", "14.8 trillion
// diverse and high-quality tokens" (up to four words between), "15T-token",
// "15T+ tokens", "2,500 billion tokens"; tokenTable finds a card's table
// row or list item "Training tokens | 14T", "Pre-training tokens: 12
// trillion". trainWord is a word that starts with (pre-)train, not
// "constraints".
var (
	tokenCount = regexp.MustCompile(`(?i)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(trillion|billion|T|B)\+?(?:-tokens?\b|\s+(?:[a-z][\w-]*,?\s+){0,4}tokens\b)`)
	tokenTable = regexp.MustCompile(`(?i)\b(?:pre-?)?train(?:ing|ed)?\s+(?:data\s+)?tokens?\W{1,8}(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(trillion|billion|T|B)\b`)
	trainWord  = regexp.MustCompile(`(?i)\b(?:pre-?)?train`)
)

// TokensInCard reads the training tokens a model card states: the largest
// count of "<n> trillion|billion|T|B tokens" in a sentence that speaks of
// training ("pre-trained on 14T tokens", "a training corpus of 2.5
// trillion tokens"), or in a "training tokens" row of a table. It returns
// the tokens (a count, 1T = 1e12), the sentence or row it read, trimmed to
// 200 bytes, and false when the card states none. The largest is taken
// because a card that states several (pre-training, then fine-tuning)
// states the pre-training's first and largest. This is modelcensus's rule
// for discovery, not Epoch's: Epoch reads the same statements by hand.
func TokensInCard(card string) (tokens float64, sentence string, ok bool) {
	for _, line := range strings.Split(card, "\n") {
		for _, m := range tokenTable.FindAllStringSubmatchIndex(line, -1) {
			if v := tokenValue(line[m[2]:m[3]], line[m[4]:m[5]]); v > tokens {
				tokens, sentence = v, strings.TrimSpace(line)
			}
		}
		for _, s := range sentences(line) {
			if !trainWord.MatchString(s) {
				continue
			}
			for _, m := range tokenCount.FindAllStringSubmatch(s, -1) {
				if v := tokenValue(m[1], m[2]); v > tokens {
					tokens, sentence = v, strings.TrimSpace(s)
				}
			}
		}
	}
	if len(sentence) > 200 {
		cut := 200
		for cut > 0 && sentence[cut]&0xC0 == 0x80 {
			cut--
		}
		sentence = sentence[:cut] + "…"
	}
	return tokens, sentence, tokens > 0
}

// sentences splits a line of prose at "; " and at ". " before a capital
// letter, so that "approx. 12T tokens" stays one sentence.
func sentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == ';':
		case line[i] == '.' && i+2 < len(line) && line[i+1] == ' ' && line[i+2] >= 'A' && line[i+2] <= 'Z':
		default:
			continue
		}
		out = append(out, line[start:i+1])
		start = i + 1
	}
	return append(out, line[start:])
}

// tokenValue is n × the unit.
func tokenValue(n, unit string) float64 {
	v, err := strconv.ParseFloat(strings.ReplaceAll(n, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0
	}
	switch strings.ToLower(unit) {
	case "trillion", "t":
		return v * 1e12
	default:
		return v * 1e9
	}
}

// ActiveFromConfig computes a mixture of experts' active parameters from
// its Hugging Face config.json (decoded) and its total parameter count:
// the total less the routed experts a token does not use,
//
//	active = total − (experts − experts per token) × layers with experts
//	         × 3 × hidden size × expert FFN size
//
// (a gated FFN's three matrices per expert, as in Mixtral, Qwen-MoE and
// DeepSeek-MoE). The expert FFN size is moe_intermediate_size, else
// intermediate_size; the layers with experts are num_hidden_layers less
// first_k_dense_replace, divided by interleave_moe_layer_step (or
// expert_layer_period, decoder_sparse_step) where experts are in every
// n-th layer only, plus num_nextn_predict_layers (a prediction module with
// experts of its own). Keys are looked for at the top level, then in
// text_config. ok is false when the config is not a mixture of experts or
// lacks a key; the result is never above the total or below zero.
// Sources: the configs of Mixtral-8x7B (12.9B active of 46.7B), Qwen3-30B-
// A3B (3.3B of 30.5B), Llama-4-Maverick (17B of 400B) and DeepSeek-V3 (37B
// of 671B, and the prediction module's 14B, of which about 3B are not
// routed experts, in the released weights).
func ActiveFromConfig(total float64, cfg map[string]any) (active float64, ok bool) {
	if total <= 0 || cfg == nil {
		return 0, false
	}
	if tc, isMap := cfg["text_config"].(map[string]any); isMap {
		if _, has := number(cfg, "num_hidden_layers"); !has {
			cfg = tc
		}
	}
	k, okK := number(cfg, "num_experts_per_tok", "moe_topk", "num_selected_experts")
	n, okN := number(cfg, "num_local_experts", "n_routed_experts", "num_experts")
	h, okH := number(cfg, "hidden_size", "d_model")
	ffn, okF := number(cfg, "moe_intermediate_size", "intermediate_size")
	layers, okL := number(cfg, "num_hidden_layers", "num_layers")
	if !okK || !okN || !okH || !okF || !okL || k <= 0 || n <= k {
		return 0, false
	}
	if dense, has := number(cfg, "first_k_dense_replace"); has && dense > 0 && dense < layers {
		layers -= dense
	}
	// Experts every step-th layer only (Llama 4, Jamba, Qwen2-MoE's
	// decoder_sparse_step).
	if step, has := number(cfg, "interleave_moe_layer_step", "expert_layer_period", "decoder_sparse_step"); has && step > 1 {
		layers = math.Floor(layers / step)
	}
	// A multi-token-prediction module (DeepSeek-V3) is in the released
	// weights with experts of its own, as idle per token as the others.
	if mtp, has := number(cfg, "num_nextn_predict_layers"); has && mtp > 0 {
		layers += mtp
	}
	active = total - (n-k)*layers*3*h*ffn
	if active <= 0 || active > total {
		return 0, false
	}
	return active, true
}

// ApproxActive is total × experts per token ÷ experts, from the keys of a
// config, where ActiveFromConfig lacks what it needs: low, because shared
// layers (attention, embeddings) are counted as routed.
func ApproxActive(total float64, cfg map[string]any) (float64, bool) {
	k, kok := number(cfg, "num_experts_per_tok", "moe_topk", "num_selected_experts")
	n, nok := number(cfg, "num_local_experts", "n_routed_experts", "num_experts")
	if kok && nok && n > 0 && k > 0 && k < n && total > 0 {
		return total * k / n, true
	}
	return 0, false
}

// number reads the first of keys that holds a number in a decoded JSON
// object.
func number(cfg map[string]any, keys ...string) (float64, bool) {
	for _, k := range keys {
		if v, ok := cfg[k].(float64); ok {
			return v, true
		}
	}
	return 0, false
}
