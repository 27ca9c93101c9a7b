package overlay

import (
	"strings"

	"github.com/modelcensus/modelcensus/census"
)

// Draft is an entry as the curate commands take it from their flags, one
// string each, before it is checked against a source and written.
type Draft struct {
	ID, Name, Model, Organization, Country, Date, Domain        string
	Params, ActiveParams, Tokens, Compute, Hardware, Confidence string
	Access, From, Field, Value, SourceURL, Retrieved, Note      string
	Reason, Author                                              string
	Aliases                                                     []string
}

// DraftError is Draft.Entry's error for a flag whose value cannot be used:
// Flag is "--active-params" (not a number ≥ 0) or "--field" (not one of
// FieldNames).
type DraftError struct {
	Flag, Value string
}

func (e *DraftError) Error() string { return "bad value " + e.Value + " for " + e.Flag }

// Entry builds the entry of kind that d describes, created on now
// (YYYY-MM-DD). Its source is retrieved on d.Retrieved, else now; its
// reason is d.Reason, else d.Note; an add is named by d.Name and carries
// its cells; a correction takes d.Field and d.Value. Its id is d.ID, else
// census.EntryID. It is not validated here (Write does that).
func (d *Draft) Entry(kind census.EntryKind, now string) (census.Entry, error) {
	retrieved := d.Retrieved
	if retrieved == "" {
		retrieved = now
	}
	reason := d.Reason
	if reason == "" {
		reason = d.Note
	}
	e := census.Entry{Kind: kind, Model: d.Model, Organization: d.Organization, Reason: reason, Author: d.Author, Created: now,
		Aliases: d.Aliases, From: d.From}
	if d.SourceURL != "" {
		e.Sources = []census.CurationSource{{URL: d.SourceURL, Retrieved: retrieved, Note: d.Note}}
	}
	if kind == census.EntryAdd {
		e.Model = d.Name
		e.Cells = map[census.Field]string{census.FieldOrganization: d.Organization, census.FieldCountry: d.Country,
			census.FieldDate: d.Date, census.FieldDomain: d.Domain, census.FieldParameters: d.Params,
			census.FieldDatasetSize: d.Tokens, census.FieldCompute: d.Compute, census.FieldHardware: d.Hardware,
			census.FieldConfidence: d.Confidence, census.FieldAccessibility: d.Access}
		if d.ActiveParams != "" {
			v, ok := census.ParseNumber(d.ActiveParams)
			if !ok || v < 0 {
				return e, &DraftError{Flag: "--active-params", Value: d.ActiveParams}
			}
			e.ActiveParams = v
		}
	}
	if f, ok := census.CorrectableFields[d.Field]; ok {
		e.Field, e.Value = f, d.Value
	} else if kind == census.EntryCorrect {
		return e, &DraftError{Flag: "--field", Value: d.Field}
	}
	if e.ID = d.ID; e.ID == "" {
		e.ID = census.EntryID(kind, e.Model, d.Field)
	}
	return e, nil
}

// FlagFor is the curate flag that sets an entry's field, as an *Error
// names it ("sources[0].url" is --source-url).
func FlagFor(field string) string {
	if i := strings.IndexAny(field, ".["); i >= 0 {
		field = field[:i]
	}
	switch field {
	case "sources":
		return "--source-url"
	case "model":
		return "--name/--model"
	case "parameters":
		return "--params"
	case "active_parameters":
		return "--active-params"
	case "created":
		return "--date"
	}
	return "--" + strings.ReplaceAll(field, "_", "-")
}

// Upstream returns an OnRow that keeps the first row naming model (by
// census.MatchKey), for checking an entry against its source, and the row
// kept so far (nil when none).
func Upstream(model string) (onRow func(*census.Raw), found func() *census.Raw) {
	key := census.MatchKey(model)
	var row *census.Raw
	onRow = func(raw *census.Raw) {
		if row == nil && census.MatchKey(raw.Get(census.FieldName)) == key {
			cp := *raw
			row = &cp
		}
	}
	return onRow, func() *census.Raw { return row }
}
