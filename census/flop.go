package census

// Compute lines of training compute, in FLOP, that more than one package
// draws or tests against. They are named once here; the thresholds
// command reads its lines, with their laws and sources, from the rule table
// rules/data/thresholds.csv, whose first three rows are these.
const (
	// LargeScaleFLOP is Epoch AI's large-scale line: a model whose training
	// compute is at least 1e23 FLOP is large-scale (Epoch AI, "Large-scale
	// AI models" data page, epoch.ai/data/large-scale-ai-models, and its
	// data documentation, which also counts models of unknown compute
	// flagged "Possibly over 1e23 FLOP"; see LargeScale for the whole rule).
	LargeScaleFLOP = 1e23

	// EUSystemicRiskFLOP is the EU AI Act's presumption of systemic risk:
	// a general-purpose AI model trained with more than 1e25 FLOP
	// (Regulation (EU) 2024/1689, Article 51(2)).
	EUSystemicRiskFLOP = 1e25

	// KoreaAIBasicActFLOP is the line of Korea's AI Basic Act (in force
	// 2026-01-22): cumulative training compute of 1e26 FLOP, fine-tuning
	// included, brings the Act's safety obligations.
	KoreaAIBasicActFLOP = 1e26
)
