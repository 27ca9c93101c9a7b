package discover

import (
	"context"
	_ "embed"
	"math"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
)

// Found is one model as a source reports it.
type Found struct {
	// Source is the source's name ("hf", "arena", "arxiv"); URL is the page
	// that shows the model.
	Source string `json:"source"`
	URL    string `json:"url"`
	// Name is the model's name; ID its Hugging Face repository id
	// ("LGAI-EXAONE/EXAONE-4.0-32B"), where known.
	Name         string `json:"name"`
	ID           string `json:"hf_id,omitempty"`
	Organization string `json:"organization,omitempty"`
	// Date is when the source first showed it (YYYY-MM-DD), where known.
	Date string `json:"date,omitempty"`
	// Params and ActiveParams are parameter counts, 0 when unknown;
	// ActiveApprox says that the active count is total × experts per token
	// ÷ experts, from the model's config (ApproxActive), not the exact
	// count of ActiveFromConfig.
	Params       float64 `json:"parameters,omitempty"`
	ActiveParams float64 `json:"active_parameters,omitempty"`
	ActiveApprox bool    `json:"active_approximate,omitempty"`
	// Derivative, when set, is why the model is set aside: a fine-tune,
	// quantization, adapter or merge of another model (its Hugging Face
	// tag). A quantized repository's parameter count is packed and never
	// taken at face value.
	Derivative string `json:"derivative,omitempty"`
	// Tokens is the training dataset in tokens, as the model's card states
	// it (TokensInCard), 0 when unknown; TokensSource is the sentence read.
	Tokens       float64 `json:"training_tokens,omitempty"`
	TokensSource string  `json:"tokens_source,omitempty"`
	// Note is what else the source says (an arena rating, a paper title).
	Note string `json:"note,omitempty"`
}

// Source is where candidates come from.
type Source interface {
	// Name is the source's short name, as --sources takes it.
	Name() string
	// Find returns the models the source shows now. watch is the list of
	// Hugging Face developer ids to look at (only the Hub uses it).
	Find(ctx context.Context, watch []string) ([]Found, error)
}

// Candidate is a model that is neither in the snapshot nor in the overlay,
// with everything the sources say of it.
type Candidate struct {
	// ID is stable across runs: the candidate's match key.
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Organization string  `json:"organization,omitempty"`
	HFID         string  `json:"hf_id,omitempty"`
	FirstSeen    string  `json:"first_seen"`
	Params       float64 `json:"parameters,omitempty"`
	ActiveParams float64 `json:"active_parameters,omitempty"`
	// Tokens is the training tokens a source's page states (the model
	// card, through a Detailer), 0 when none does.
	Tokens float64 `json:"training_tokens,omitempty"`
	// Compute is the operation-counting estimate by Epoch's method
	// (6 × active parameters × tokens) where the sources give parameters
	// and tokens, else nil. Its "tokens" input names the sentence read.
	Compute *census.Estimate `json:"compute,omitempty"`
	Reason  string           `json:"reason"`
	Sources []Found          `json:"sources"`
	// Status is the review queue's: new, accepted, rejected or snoozed.
	Status string `json:"status"`
}

// Review statuses of a candidate.
const (
	StatusNew      = "new"
	StatusAccepted = "accepted"
	StatusRejected = "rejected"
	StatusSnoozed  = "snoozed"
)

// Known is what a candidate is matched against: the match keys
// (census.MatchKey) and loose keys (LooseKey) of the snapshot's and the
// overlay's model names and aliases, and their Hugging Face ids.
type Known struct {
	keys  map[string]bool
	loose map[string]bool
	hf    map[string]bool
}

// NewKnown returns an empty Known.
func NewKnown() *Known {
	return &Known{keys: map[string]bool{}, loose: map[string]bool{}, hf: map[string]bool{}}
}

// AddName records a model's name or alias; a Hugging Face id
// ("org/name") is recorded as an id and by its name part too.
func (k *Known) AddName(name string) {
	if _, repo, ok := strings.Cut(name, "/"); ok && !strings.Contains(repo, "/") {
		k.AddHF(name)
		name = repo
	}
	if key := census.MatchKey(name); key != "" {
		k.keys[key] = true
	}
	if key := LooseKey(name); key != "" {
		k.loose[key] = true
	}
}

// dateToken finds a version date in a name: 2507, 0528, 20250805, 2024.
var dateToken = regexp.MustCompile(`^(19|20)\d{2}$|^\d{4}$|^20\d{6}$`)

// dropWords are the words a release name adds to a model's: variants of
// one release and month names.
var dropWords = map[string]bool{"instruct": true, "chat": true, "preview": true, "latest": true, "base": true, "hf": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "oct": true, "nov": true, "dec": true}

// LooseKey is a name as the leaderboards' spellings are matched: its words
// and numbers in lower case, without version dates (2507, 20250805,
// 2024-05-13), month names or variant words (instruct, chat, preview), in
// sorted order: "gpt-4o-2024-05-13" and "GPT-4o", "Qwen3-235B-A22B-
// Instruct-2507" and "Qwen3-235B-A22B (Jul 2025)", "claude-opus-4-1-20250805"
// and "Claude Opus 4.1" agree. "" when nothing is left.
func LooseKey(name string) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	var keep []string
	afterYear := false
	for _, w := range words {
		isDigits := strings.Trim(w, "0123456789") == ""
		switch {
		case dateToken.MatchString(w):
			afterYear = len(w) == 4
			continue
		case afterYear && isDigits && len(w) <= 2:
			continue // the month and day of 2024-05-13
		case dropWords[w]:
			afterYear = false
			continue
		}
		afterYear = false
		keep = append(keep, w)
	}
	sort.Strings(keep)
	return strings.Join(keep, " ")
}

// AddHF records a Hugging Face repository id ("org/name").
func (k *Known) AddHF(id string) {
	if id = strings.ToLower(strings.TrimSpace(id)); id != "" {
		k.hf[id] = true
	}
}

// Has reports whether a found model is known, by its name, the name part
// of its repository id, or the id itself.
func (k *Known) Has(f Found) bool {
	if k.keys[census.MatchKey(f.Name)] || k.hf[strings.ToLower(f.ID)] {
		return true
	}
	if l := LooseKey(f.Name); l != "" && k.loose[l] {
		return true
	}
	if _, repo, ok := strings.Cut(f.ID, "/"); ok && (k.keys[census.MatchKey(repo)] || k.loose[LooseKey(repo)]) {
		return true
	}
	return false
}

// Options are how Candidates filters.
type Options struct {
	// MinCompute drops a candidate whose compute estimate is below it
	// (FLOP); a candidate without an estimate is kept. 0 keeps all.
	MinCompute float64
	// Now dates the candidates first seen in this run.
	Now time.Time
	// MaxTokens is the largest training dataset (tokens) of any model of
	// the snapshot, 0 when unknown. A candidate with a parameter count but
	// no estimate is dropped when even that many tokens would leave it
	// under MinCompute (6 × parameters × MaxTokens < MinCompute): a small
	// model cannot be large-scale, whatever its data.
	MaxTokens float64
}

// Candidates groups what the sources found by model, leaves out what is
// known and the derivatives (returned apart, for the record), and
// estimates compute where the inputs allow. Candidates are sorted by
// name. It does no I/O.
func Candidates(found []Found, known *Known, opt Options) (cands []Candidate, setAside []Found) {
	byID := map[string]*Candidate{}
	tokensSource := map[string]string{}
	var order []string
	for _, f := range found {
		if f.Derivative != "" {
			setAside = append(setAside, f)
			continue
		}
		if known.Has(f) {
			continue
		}
		key := census.MatchKey(f.Name)
		if key == "" {
			continue
		}
		c := byID[key]
		if c == nil {
			c = &Candidate{ID: key, Name: f.Name, FirstSeen: opt.Now.UTC().Format("2006-01-02"), Status: StatusNew}
			byID[key] = c
			order = append(order, key)
		}
		c.Sources = append(c.Sources, f)
		if c.Organization == "" {
			c.Organization = f.Organization
		}
		if c.HFID == "" {
			c.HFID = f.ID
		}
		if f.Params > c.Params {
			c.Params = f.Params
		}
		if f.ActiveParams > 0 && (c.ActiveParams == 0 || f.ActiveParams < c.ActiveParams) {
			c.ActiveParams = f.ActiveParams
		}
		if f.Tokens > 0 && c.Tokens == 0 {
			c.Tokens, tokensSource[key] = f.Tokens, f.Source+": "+f.TokensSource
		}
	}
	for _, key := range order {
		c := byID[key]
		c.Reason = reason(c)
		// Without training tokens no method applies; the call says so.
		if e, err := census.EstimateCompute(census.EstimateInputs{Params: c.Params, ActiveParams: c.ActiveParams, Tokens: c.Tokens}); err == nil {
			for i := range e.Inputs {
				if e.Inputs[i].Name == "tokens" {
					e.Inputs[i].Text = tokensSource[key]
				}
			}
			c.Compute = &e
		}
		if opt.MinCompute > 0 && c.Compute != nil && c.Compute.FLOP < opt.MinCompute {
			continue
		}
		if opt.MinCompute > 0 && c.Compute == nil && c.Params > 0 && opt.MaxTokens > 0 {
			// An approximate active count is low (it counts shared layers as
			// routed): only an exact one may drop a model.
			p := c.Params
			if c.ActiveParams > 0 && !approximate(c) {
				p = c.ActiveParams
			}
			if 6*p*opt.MaxTokens < opt.MinCompute {
				continue // too small, even on the largest dataset of the snapshot
			}
		}
		cands = append(cands, *c)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].Name < cands[j].Name })
	return cands, setAside
}

// approximate reports whether a candidate's active count came from the
// experts' ratio alone (Found.ActiveApprox).
func approximate(c *Candidate) bool {
	for _, f := range c.Sources {
		if f.ActiveApprox && f.ActiveParams == c.ActiveParams {
			return true
		}
	}
	return false
}

// reason says why a candidate is one.
func reason(c *Candidate) string {
	var srcs []string
	for _, f := range c.Sources {
		if !slices.Contains(srcs, f.Source) {
			srcs = append(srcs, f.Source)
		}
	}
	r := "not in the snapshot or the overlay; found on " + strings.Join(srcs, ", ")
	if c.Params > 0 {
		r += "; " + formatParams(c.Params) + " parameters"
	}
	return r
}

// formatParams prints a parameter count: 32.5B, 350M.
func formatParams(v float64) string {
	switch {
	case v >= 1e9:
		return strconv.FormatFloat(math.Round(v/1e8)/10, 'f', -1, 64) + "B"
	case v >= 1e6:
		return strconv.FormatFloat(math.Round(v/1e5)/10, 'f', -1, 64) + "M"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

//go:embed watchlist.txt
var watchlist string

// Watchlist is the Hugging Face developer ids modelcensus watches besides
// those of the snapshot: the Korean labs (watchlist.txt, one per line, #
// comments).
func Watchlist() []string { return ParseWatchlist(watchlist) }

// ReadWatchlist reads the watchlist file at path (ParseWatchlist),
// refusing a FIFO or a device before opening it (opening a FIFO blocks
// until a writer comes): epoch.ErrNotRegular.
func ReadWatchlist(path string) ([]string, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, epoch.ErrNotRegular
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseWatchlist(string(b)), nil
}

// ParseWatchlist reads a watchlist: one Hugging Face developer id per
// line, blank lines and # comments ignored.
func ParseWatchlist(text string) []string {
	var out []string
	seen := map[string]bool{} // a list of a million lines stays linear
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" && !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	return out
}
