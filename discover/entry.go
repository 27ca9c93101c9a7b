package discover

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/modelcensus/modelcensus/census"
)

// Entry is a candidate accepted as an overlay add entry: pre-filled from
// the sources (name, organization, the earliest date a source gives,
// parameter counts, an estimate of the compute) and sourced by every URL
// they gave, rated Speculative; the country and anything else are the
// reviewer's to add. reason is the reviewer's ("" says it was accepted
// from discovery, and why it was a candidate); today dates it
// (YYYY-MM-DD).
func (c Candidate) Entry(author, reason, today string) census.Entry {
	if reason == "" {
		reason = "accepted from candidate discovery: " + c.Reason
	}
	for _, f := range c.Sources {
		if f.ActiveApprox {
			reason += "; the active parameter count is approximate (total × experts per token ÷ experts, from the Hub's config)"
			break
		}
	}
	date := c.FirstSeen
	var dates []string
	for _, f := range c.Sources {
		// The leaderboard's date is when it ranked the model, not when the
		// model was published.
		if len(f.Date) >= 10 && f.Source != "arena" {
			dates = append(dates, f.Date[:10])
		}
	}
	sort.Strings(dates)
	if len(dates) > 0 {
		date = dates[0]
	}
	e := census.Entry{ID: "add-" + census.Slug(c.Name), Kind: census.EntryAdd, Model: c.Name, Organization: c.Organization,
		Reason: reason, Author: author, Created: today, ActiveParams: c.ActiveParams,
		Cells: map[census.Field]string{census.FieldDate: date, census.FieldConfidence: "Speculative"}}
	if c.Params > 0 {
		e.Cells[census.FieldParameters] = fmt.Sprint(c.Params)
	}
	if c.Tokens > 0 {
		e.Cells[census.FieldDatasetSize] = fmt.Sprint(c.Tokens)
	}
	if c.Compute != nil {
		// Epoch's own rows carry estimated figures too, with their method;
		// the entry's reason says how this one was made.
		e.Cells[census.FieldCompute] = strconv.FormatFloat(c.Compute.FLOP, 'g', 4, 64)
		e.Reason += "; training compute estimated by operation counting (6 × active parameters × training tokens), the tokens as the model card states them"
	}
	if c.HFID != "" && c.HFID != c.Name {
		e.Aliases = []string{c.HFID}
	}
	for _, f := range c.Sources {
		note := f.Source + ": " + f.Note
		if f.TokensSource != "" {
			note += "; card: " + f.TokensSource
		}
		e.Sources = append(e.Sources, census.CurationSource{URL: f.URL, Retrieved: c.FirstSeen, Note: note})
	}
	return e
}
