package census

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// EntryKind is what a curation entry does to the census.
type EntryKind string

// Entry kinds.
const (
	// EntryAdd adds a model that the upstream lacks.
	EntryAdd EntryKind = "add"
	// EntryCorrect replaces one field of one upstream model.
	EntryCorrect EntryKind = "correct"
	// EntryExclude leaves an upstream model out of the census.
	EntryExclude EntryKind = "exclude"
)

// Entry statuses against a snapshot (see Dataset.UseOverlay).
const (
	// StatusApplied: the entry changed the census as written.
	StatusApplied = "applied"
	// StatusUpstream: the upstream now has the model or the value; the
	// entry can be retired. An add in this state is not applied, so the
	// model counts once.
	StatusUpstream = "upstream"
	// StatusConflict: the upstream changed the field since the entry was
	// written. The entry still applies; both values are in the detail.
	StatusConflict = "conflict"
	// StatusOrphaned: the model a correct or exclude entry names is gone.
	StatusOrphaned = "orphaned"
)

// CurationSource is where a curated fact comes from.
type CurationSource struct {
	URL       string `json:"url"`
	Retrieved string `json:"retrieved"` // YYYY-MM-DD
	Note      string `json:"note,omitempty"`
}

// Entry is one curation entry: a sourced, reviewed local addition,
// correction or exclusion, kept in a file of its own (package overlay reads
// and writes them).
type Entry struct {
	ID   string    `json:"id"`
	Kind EntryKind `json:"kind"`
	// File and Line are where the entry was read, for messages.
	File string `json:"file"`
	Line int    `json:"-"`
	// Model is the model added, or the upstream model corrected or
	// excluded; Aliases are other names it goes by upstream, and
	// Organization, when set, must be among the upstream row's
	// organizations for it to match.
	Model        string   `json:"model"`
	Aliases      []string `json:"aliases,omitempty"`
	Organization string   `json:"organization,omitempty"`
	// Cells are an added model's export cells, by field.
	Cells map[Field]string `json:"cells,omitempty"`
	// ActiveParams is an added model's active parameter count (a mixture
	// of experts), or 0.
	ActiveParams float64 `json:"active_parameters,omitempty"`
	// From names the subset of the same snapshot an added model is
	// brought from (see Overlay.Brought).
	From string `json:"from,omitempty"`
	// Field, Upstream and Value are a correction: the field, the value
	// seen upstream when the entry was written, and the new value.
	Field    Field  `json:"field,omitempty"`
	Upstream string `json:"upstream,omitempty"`
	Value    string `json:"value,omitempty"`

	Reason  string           `json:"reason"`
	Sources []CurationSource `json:"sources"`
	Author  string           `json:"author"`
	Created string           `json:"created"` // YYYY-MM-DD
}

// Overlay is a set of curation entries, as read from one folder.
type Overlay struct {
	// Path is the folder read; Hash the SHA-256 of its entries' bytes, in
	// file-name order (hex, as package overlay computes it).
	Path    string
	Hash    string
	Entries []Entry
	// Brought holds, by entry id, the upstream row an add entry with From
	// brings in from another subset of the same snapshot; the entry's own
	// cells override it.
	Brought map[string]Raw
}

// EntryStatus is one entry's status against a snapshot.
type EntryStatus struct {
	ID     string    `json:"id"`
	Kind   EntryKind `json:"kind"`
	Model  string    `json:"model"`
	Status string    `json:"status"`
	Detail string    `json:"detail"`
	// File is the entry's file, for messages.
	File string `json:"file"`
	// Args are the detail's values, for translations.
	Args []any `json:"-"`
	// Sources are the entry's source URLs.
	Sources []string `json:"sources,omitempty"`
}

// Curated tells which curation entries changed a model, with their sources.
type Curated struct {
	Entries []CuratedEntry `json:"entries"`
}

// CuratedEntry is one entry as a model's mark shows it.
type CuratedEntry struct {
	ID      string    `json:"id"`
	Kind    EntryKind `json:"kind"`
	Field   Field     `json:"field,omitempty"`
	Value   string    `json:"value,omitempty"`
	Sources []string  `json:"sources"`
}

// OverlaySummary is the overlay block of a census: which overlay, and what
// it did.
type OverlaySummary struct {
	Path string `json:"path"`
	Hash string `json:"hash"`
	// Entries counts the entries of each kind; Applied those of each kind
	// that changed the census (applied or in conflict).
	Entries  map[EntryKind]int `json:"entries"`
	Applied  map[EntryKind]int `json:"applied"`
	Statuses []EntryStatus     `json:"statuses"`
}

// CorrectableFields are the fields a correct entry may change, by their
// short names (the command's --field).
var CorrectableFields = map[string]Field{
	"compute": FieldCompute, "date": FieldDate, "country": FieldCountry,
	"organization": FieldOrganization, "domain": FieldDomain,
	"parameters": FieldParameters, "tokens": FieldDatasetSize,
	"confidence": FieldConfidence, "accessibility": FieldAccessibility,
}

// MatchKey is a model or organization name as curation matches it: NFC,
// lower case, letters and digits only ("A.X-K1" and "A.X K1" are both
// "axk1").
func MatchKey(name string) string { return string(appendMatchKey(nil, name)) }

// appendMatchKey appends name's MatchKey to buf.
func appendMatchKey(buf []byte, name string) []byte {
	start := len(buf)
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80:
			buf = buf[:start]
			for _, r := range norm.NFC.String(name) {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					buf = utf8.AppendRune(buf, unicode.ToLower(r))
				}
			}
			return buf
		case c >= 'A' && c <= 'Z':
			buf = append(buf, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			buf = append(buf, c)
		}
	}
	return buf
}

// curation is an overlay being applied to a dataset as it is read.
type curation struct {
	ov     *Overlay
	byKey  map[string][]int // match key of a model name or alias → entries
	status []EntryStatus
	seen   []bool
	marks  map[fileLine][]int // a row's entries
	done   bool
	key    []byte // MatchKey of the row being added, reused
}

// UseOverlay applies ov to the rows added from now on (call it before the
// first Add): exclude entries drop their model, correct entries change its
// field, and, at Finish, add entries whose model the upstream lacks are
// added (with a training-compute estimate by Epoch's method where they
// give none and their inputs allow one, marked estimated). Statuses and
// Model.Curated say what each entry did. Matching is by MatchKey of the
// name or an alias and, when the entry names one, an organization in
// common; never by name and date.
func (d *Dataset) UseOverlay(ov *Overlay) {
	if ov == nil {
		return
	}
	c := &curation{ov: ov, byKey: map[string][]int{}, status: make([]EntryStatus, len(ov.Entries)),
		seen: make([]bool, len(ov.Entries)), marks: map[fileLine][]int{}}
	for i, e := range ov.Entries {
		for _, n := range append([]string{e.Model}, e.Aliases...) {
			if k := MatchKey(n); k != "" {
				c.byKey[k] = append(c.byKey[k], i)
			}
		}
		c.status[i] = EntryStatus{ID: e.ID, Kind: e.Kind, Model: e.Model, File: e.File}
		for _, s := range e.Sources {
			c.status[i].Sources = append(c.status[i].Sources, s.URL)
		}
	}
	d.curation = c
}

// Overlay returns the overlay in use, or nil.
func (d *Dataset) Overlay() *Overlay {
	if d.curation == nil {
		return nil
	}
	return d.curation.ov
}

// OverlayStatuses returns each entry's status, in the overlay's order, once
// the dataset is finished; nil without an overlay.
func (d *Dataset) OverlayStatuses() []EntryStatus {
	if d.curation == nil {
		return nil
	}
	d.Finish()
	return append([]EntryStatus(nil), d.curation.status...)
}

// curate applies the overlay to one upstream row: it returns the row to add
// (raw, or a corrected copy) and the entries that changed it, or skip for
// an excluded model.
func (d *Dataset) curate(raw *Raw) (out *Raw, entries []int, skip bool) {
	c := d.curation
	c.key = appendMatchKey(c.key[:0], raw.Get(FieldName))
	ids := c.byKey[string(c.key)] // no string is made for the lookup
	if len(ids) == 0 {
		return raw, nil, false
	}
	out = raw
	skip, excluder := false, -1
	for _, i := range ids {
		e := &c.ov.Entries[i]
		if !d.sameOrganization(e.Organization, raw.Get(FieldOrganization)) {
			continue
		}
		// The first matching row sets the status: a repeated name is
		// dropped later (Finish), but an exclusion still drops it too.
		st := &c.status[i]
		if c.seen[i] {
			st = &EntryStatus{}
		}
		c.seen[i] = true
		switch e.Kind {
		case EntryAdd:
			st.Status, st.Args = StatusUpstream, []any{Clean(raw.Get(FieldName))}
			st.Detail = "the upstream now lists " + strconv.Quote(Clean(raw.Get(FieldName))) + "; the entry is not applied and can be retired"
		case EntryExclude:
			st.Status, st.Detail, st.Args = StatusApplied, "excluded", nil
			if !skip {
				skip, excluder = true, i
			}
		case EntryCorrect:
			cur := raw.Get(e.Field)
			switch {
			case SameValue(e.Field, cur, e.Value):
				st.Status, st.Args = StatusUpstream, []any{string(e.Field), Clean(cur)}
				st.Detail = fmt.Sprintf("the upstream %s is now %q, the entry's value; the entry can be retired", e.Field, Clean(cur))
			case SameValue(e.Field, cur, e.Upstream):
				st.Status, st.Args = StatusApplied, []any{string(e.Field), Clean(cur), e.Value}
				st.Detail = fmt.Sprintf("%s %q → %q", e.Field, Clean(cur), e.Value)
			default:
				st.Status, st.Args = StatusConflict, []any{string(e.Field), e.Upstream, Clean(cur), e.Value}
				st.Detail = fmt.Sprintf("%s was %q upstream when the entry was written and is now %q; the entry still sets %q", e.Field, e.Upstream, Clean(cur), e.Value)
			}
			if st.Status != StatusUpstream {
				if out == raw {
					cp := *raw
					out = &cp
				}
				out.Set(e.Field, e.Value)
				entries = append(entries, i)
			}
		}
	}
	if skip {
		// Every matching entry has its status; the model is left out.
		return raw, []int{excluder}, true
	}
	return out, entries, false
}

// sameOrganization reports whether an entry's organization (empty: any)
// is among the organizations of an upstream cell, by canonical name or by
// MatchKey.
func (d *Dataset) sameOrganization(want, cell string) bool {
	if strings.TrimSpace(want) == "" || strings.TrimSpace(cell) == "" {
		return true
	}
	w, c := d.orgCell(want), d.orgCell(cell)
	for _, a := range w.Organizations {
		for _, b := range c.Organizations {
			if a == b || MatchKey(a) == MatchKey(b) {
				return true
			}
		}
	}
	for _, a := range w.Groups {
		for _, b := range c.Groups {
			if a != "" && a == b {
				return true
			}
		}
	}
	return false
}

// finishCuration, once every upstream row is in, adds the add entries
// that no upstream row matched and settles the other statuses.
func (d *Dataset) finishCuration() {
	c := d.curation
	if c == nil || c.done {
		return
	}
	c.done = true
	// A base model's compute, for an added fine-tune: built once, when
	// first needed.
	var byName map[string]float64
	lookup := func(name string) float64 {
		if byName == nil {
			byName = map[string]float64{}
			for i := range d.rows {
				if r := &d.rows[i]; r.flags&flagHasCompute != 0 {
					byName[strings.ToLower(d.name(i))] = r.compute
				}
			}
		}
		return byName[strings.ToLower(Clean(name))]
	}
	for i := range c.ov.Entries {
		e := &c.ov.Entries[i]
		st := &c.status[i]
		if c.seen[i] {
			continue
		}
		switch e.Kind {
		case EntryCorrect, EntryExclude:
			st.Status, st.Args = StatusOrphaned, []any{e.Model}
			st.Detail = "no upstream model is named " + strconv.Quote(e.Model) + " any more"
		case EntryAdd:
			raw := e.Raw(c.ov.Brought[e.ID])
			var est *Estimate
			if _, ok := ParseNumber(raw.Get(FieldCompute)); !ok {
				if re := EstimateRow(&raw, d.rules, lookup); re.Estimate != nil {
					est = re.Estimate
					raw.Set(FieldCompute, strconv.FormatFloat(est.FLOP, 'g', -1, 64))
				}
			}
			n := len(d.rows)
			d.addRow(&raw)
			if len(d.rows) == n {
				st.Status, st.Args = StatusOrphaned, []any{e.From}
				st.Detail = "the entry gives no valid publication date"
				if e.From != "" {
					st.Detail += ", and this source's " + e.From + " subset does not list the model"
				}
				continue
			}
			r := &d.rows[n]
			if est != nil {
				r.flags |= flagEstimated | uint8(slices.Index(estimateMethods, est.Method))<<flagMethodShift
			}
			c.marks[fileLine{r.file, r.line}] = []int{i}
			r.flags |= flagCurated
			st.Status, st.Detail = StatusApplied, "added"
			if e.From != "" {
				st.Detail, st.Args = "added from the "+e.From+" subset", []any{e.From}
			}
		}
	}
}

// Raw is an add entry as an export row: brought (the upstream row of
// another subset, or the zero Raw) with the entry's cells over it. Its file
// is the entry's file, its line the entry's line.
func (e *Entry) Raw(brought Raw) Raw {
	r := brought
	r.File, r.Line = e.File, max(e.Line, 1)
	r.Set(FieldName, e.Model)
	for f, v := range e.Cells {
		if v != "" {
			r.Set(f, v)
		}
	}
	if e.ActiveParams > 0 {
		r.Set(FieldParametersNotes, strconv.FormatFloat(e.ActiveParams/1e9, 'g', -1, 64)+" billion active")
	}
	return r
}

// SameValue reports whether two cells of field f say the same: numbers
// equal to 12 significant digits, dates equal as dates, lists equal as
// sets, other text equal after Clean and case folding.
func SameValue(f Field, a, b string) bool {
	switch f {
	case FieldCompute, FieldParameters, FieldDatasetSize, FieldEpochs, FieldFinetuneCompute:
		x, okx := ParseNumber(a)
		y, oky := ParseNumber(b)
		if okx && oky {
			return SameNumber(x, y)
		}
		return okx == oky && strings.TrimSpace(a) == "" && strings.TrimSpace(b) == ""
	case FieldDate:
		x, okx := ParseDate(a)
		y, oky := ParseDate(b)
		if okx && oky {
			return x == y
		}
	case FieldCountry, FieldOrganization, FieldDomain:
		return sameSet(SplitList(a), SplitList(b))
	}
	return strings.EqualFold(Clean(a), Clean(b))
}

// SameNumber reports whether x and y agree to 12 significant digits.
func SameNumber(x, y float64) bool {
	if x == y {
		return true
	}
	return math.Abs(x-y) <= 5e-12*math.Max(math.Abs(x), math.Abs(y))
}

// sameSet compares two lists as sets, by Clean and case folding.
func sameSet(a, b []string) bool {
	set := map[string]bool{}
	for _, v := range a {
		set[strings.ToLower(Clean(v))] = true
	}
	other := map[string]bool{}
	for _, v := range b {
		k := strings.ToLower(Clean(v))
		if !set[k] {
			return false
		}
		other[k] = true
	}
	return len(other) == len(set)
}

// curatedOf returns the curation mark of row r, or nil.
func (d *Dataset) curatedOf(r *row) *Curated {
	c := d.curation
	if c == nil || r.flags&flagCurated == 0 {
		return nil
	}
	ids := c.marks[fileLine{r.file, r.line}]
	if len(ids) == 0 {
		return nil
	}
	out := &Curated{}
	for _, i := range ids {
		e := &c.ov.Entries[i]
		ce := CuratedEntry{ID: e.ID, Kind: e.Kind, Sources: []string{}}
		if e.Kind == EntryCorrect {
			ce.Field, ce.Value = e.Field, e.Value
		}
		for _, s := range e.Sources {
			ce.Sources = append(ce.Sources, s.URL)
		}
		out.Entries = append(out.Entries, ce)
	}
	return out
}

// overlaySummary is the overlay block of a census of d.
func (d *Dataset) overlaySummary() *OverlaySummary {
	c := d.curation
	if c == nil {
		return nil
	}
	s := &OverlaySummary{Path: c.ov.Path, Hash: c.ov.Hash, Entries: map[EntryKind]int{}, Applied: map[EntryKind]int{},
		Statuses: append([]EntryStatus{}, c.status...)}
	for i, e := range c.ov.Entries {
		s.Entries[e.Kind]++
		if st := c.status[i].Status; st == StatusApplied || st == StatusConflict {
			s.Applied[e.Kind]++
		}
	}
	return s
}
