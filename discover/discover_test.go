package discover_test

import (
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/discover"
)

// Candidates: known models (by name, by the repository's name, by id) and
// derivatives are left out; one model found twice is one candidate.
func TestCandidates(t *testing.T) {
	known := discover.NewKnown()
	known.AddName("EXAONE 4.0 (32B)")
	known.AddName("Kanana")
	known.AddHF("skt/A.X-K1")
	found := []discover.Found{
		{Source: "hf", Name: "EXAONE-4.0-32B", ID: "LGAI-EXAONE/EXAONE-4.0-32B"}, // known by name
		{Source: "hf", Name: "A.X-K1", ID: "skt/A.X-K1"},                         // known by id
		{Source: "arxiv", Name: "Kanana"},                                        // known
		{Source: "hf", Name: "Solar-Pro-3", ID: "upstage/Solar-Pro-3", Params: 102e9, Organization: "upstage"},
		{Source: "arena", Name: "solar pro 3", Organization: "Upstage"}, // the same model
		{Source: "hf", Name: "Solar-Pro-3-AWQ", Derivative: "base_model:quantized:upstage/Solar-Pro-3"},
	}
	cands, aside := discover.Candidates(found, known, discover.Options{MinCompute: 1e23, Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)})
	if len(cands) != 1 || len(aside) != 1 {
		t.Fatalf("candidates %+v, set aside %d", cands, len(aside))
	}
	c := cands[0]
	if c.ID != "solarpro3" || c.Name != "Solar-Pro-3" || len(c.Sources) != 2 || c.Params != 102e9 || c.HFID != "upstage/Solar-Pro-3" ||
		c.FirstSeen != "2026-11-29" || c.Status != discover.StatusNew || c.Compute != nil {
		t.Errorf("candidate %+v", c)
	}
}

func TestWatchlist(t *testing.T) {
	w := discover.Watchlist()
	if len(w) != 8 || w[0] != "LGAI-EXAONE" || w[7] != "NC-AI-consortium-VAETKI" {
		t.Errorf("watchlist %v", w)
	}
}

// A small model cannot be large-scale: 6 × 1e8 × 36e12 = 2.16e22 < 1e23
// even on the largest dataset of the snapshot; a 1e9 model could
// (2.16e23), so it stays a candidate without an estimate. One whose
// estimate is under the threshold is not proposed.
func TestSmallModelsNotProposed(t *testing.T) {
	found := []discover.Found{
		{Source: "hf", Name: "Tiny-100M", ID: "lab/Tiny-100M", Params: 1e8},
		{Source: "hf", Name: "Mid-1B", ID: "lab/Mid-1B", Params: 1e9},
		{Source: "hf", Name: "MoE-30B-A0.1B", ID: "lab/MoE", Params: 30e9, ActiveParams: 1e8},
		// Its card's tokens give an estimate: 6 × 2e9 × 4e12 = 4.8e22 < 1e23.
		{Source: "hf", Name: "Card-2B", ID: "lab/Card-2B", Params: 2e9, Tokens: 4e12},
	}
	cands, _ := discover.Candidates(found, discover.NewKnown(), discover.Options{MinCompute: 1e23, MaxTokens: 36e12})
	if len(cands) != 1 || cands[0].Name != "Mid-1B" {
		t.Errorf("candidates %+v; want Mid-1B alone", cands)
	}
}

// Leaderboard spellings of models the snapshot lists are known.
func TestLooseMatching(t *testing.T) {
	known := discover.NewKnown()
	for _, n := range []string{"GPT-4o", "Qwen3-235B-A22B (Jul 2025)", "Claude Opus 4.1", "skt/AX-K2-Preview"} {
		known.AddName(n)
	}
	for _, f := range []discover.Found{
		{Name: "gpt-4o-2024-05-13"}, {Name: "Qwen3-235B-A22B-Instruct-2507"}, {Name: "claude-opus-4-1-20250805"},
		{Name: "AX-K2-Preview", ID: "skt/AX-K2-Preview"},
	} {
		if !known.Has(f) {
			t.Errorf("%s is not known", f.Name)
		}
	}
	for _, f := range []discover.Found{{Name: "gpt-4.1"}, {Name: "Qwen3-32B"}, {Name: "claude-opus-4-5"}} {
		if known.Has(f) {
			t.Errorf("%s is known, but is another model", f.Name)
		}
	}
}
