package discover_test

import (
	"fmt"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/discover"
)

// Candidates matches what the sources found (here a made-up lab's model)
// against the snapshot: a known model is left out, one model found on two
// sources is one candidate with an estimate by Epoch's method (6 ×
// parameters × tokens), a model too small to reach the large-scale line on
// any dataset of the snapshot is dropped, and a quantized copy is set
// aside.
func ExampleCandidates() {
	known := discover.NewKnown()
	known.AddName("EXAONE 4.0 (32B)")
	found := []discover.Found{
		{Source: "hf", Name: "EXAONE-4.0-32B", ID: "LGAI-EXAONE/EXAONE-4.0-32B"},
		{Source: "hf", Name: "Hanbit-102B", ID: "hanbit-lab/Hanbit-102B", Organization: "hanbit-lab",
			Params: 102e9, Tokens: 15e12, TokensSource: "pre-trained on 15T tokens"},
		{Source: "arena", Name: "hanbit 102b", Organization: "Hanbit Lab"},
		{Source: "hf", Name: "Tiny-100M", ID: "lab/Tiny-100M", Params: 1e8},
		{Source: "hf", Name: "Hanbit-102B-AWQ", Derivative: "base_model:quantized:hanbit-lab/Hanbit-102B"},
	}
	cands, aside := discover.Candidates(found, known, discover.Options{
		MinCompute: census.LargeScaleFLOP,
		MaxTokens:  36e12, // the largest training set of the snapshot
		Now:        time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC),
	})
	for _, c := range cands {
		fmt.Printf("%s (%s, first seen %s): %d sources, %.3g FLOP by %s\n", c.Name, c.ID, c.FirstSeen, len(c.Sources), c.Compute.FLOP, c.Compute.Method)
		fmt.Println(c.Reason)
	}
	for _, f := range aside {
		fmt.Println("set aside:", f.Name)
	}
	// Output:
	// Hanbit-102B (hanbit102b, first seen 2026-11-29): 2 sources, 9.18e+24 FLOP by counting
	// not in the snapshot or the overlay; found on hf, arena; 102B parameters
	// set aside: Hanbit-102B-AWQ
}
