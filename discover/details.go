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

// tokenCount finds "15T tokens", "18 trillion tokens", "2.5 billion
// high-quality tokens"; tokenTable finds a card's table row or list item
// "Training tokens | 14T", "Pre-training tokens: 12 trillion".
var (
	tokenCount = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)\s*(trillion|billion|T|B)\s+(?:[a-z-]+\s+){0,2}tokens\b`)
	tokenTable = regexp.MustCompile(`(?i)(?:pre-?)?train(?:ing|ed)?\s+(?:data\s+)?tokens?\W{1,8}(\d+(?:\.\d+)?)\s*(trillion|billion|T|B)\b`)
	trainWord  = regexp.MustCompile(`(?i)train`)
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

// sentences splits a line of prose at ". " and "; ".
func sentences(line string) []string {
	return strings.FieldsFunc(strings.ReplaceAll(line, ". ", ".\x00"), func(r rune) bool { return r == 0 || r == ';' })
}

// tokenValue is n × the unit.
func tokenValue(n, unit string) float64 {
	v, err := strconv.ParseFloat(n, 64)
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
// first_k_dense_replace. Keys are looked for at the top level, then in
// text_config. ok is false when the config is not a mixture of experts or
// lacks a key; the result is never above the total or below zero.
// Sources: the configs of Mixtral-8x7B (12.9B active of 46.7B), Qwen3-30B-
// A3B (3.3B of 30.5B) and DeepSeek-V3 (37B of 671B, plus 14B of its
// multi-token-prediction module in the released weights).
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
