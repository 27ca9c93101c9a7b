package census

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Attribution says how a model with several countries is counted.
type Attribution string

// Attribution modes.
const (
	// AttributionFull counts each distinct country of a model once.
	AttributionFull Attribution = "full"
	// AttributionFractional splits one model equally among its countries.
	AttributionFractional Attribution = "fractional"
	// AttributionFirst counts only the first country listed.
	AttributionFirst Attribution = "first"
)

// CountryBy says which country a model is attributed to.
type CountryBy string

// Country modes.
const (
	// CountryByOrganization uses the export's country of organization (and,
	// where it is blank, the home countries of the organizations).
	CountryByOrganization CountryBy = "organization"
	// CountryByGroup uses the home country of each organization's parent
	// group: Google DeepMind counts for the United States.
	CountryByGroup CountryBy = "group"
)

// OrgLevel says whether organizations are counted as listed or by group.
type OrgLevel string

// Organization levels.
const (
	OrgLevelGroup        OrgLevel = "group"
	OrgLevelOrganization OrgLevel = "organization"
)

// DefaultTop is how many top-compute models are listed by default.
const DefaultTop = 10

// DefaultYears is the length of the default period.
const DefaultYears = 5

// Options are the counting rules of one census. The zero value means the
// defaults: the five latest complete years, full attribution, country by
// organization, organizations by group, the top 10 by compute.
type Options struct {
	From, To    int
	Attribution Attribution
	CountryBy   CountryBy
	OrgLevel    OrgLevel
	MinCompute  float64 // keep only models with known compute >= this; 0 keeps all
	Top         int
	// yearFigures, set by ByYear, leaves out what ByYear does not keep
	// (organizations, domains, notes, the period's countries): the
	// figures it keeps are counted as ever.
	yearFigures bool
}

// Validate checks the option values and fills in the defaults.
func (o *Options) Validate() error {
	switch o.Attribution {
	case "":
		o.Attribution = AttributionFull
	case AttributionFull, AttributionFractional, AttributionFirst:
	default:
		return fmt.Errorf("attribution %q: want full, fractional or first", o.Attribution)
	}
	switch o.CountryBy {
	case "":
		o.CountryBy = CountryByOrganization
	case CountryByOrganization, CountryByGroup:
	default:
		return fmt.Errorf("country-by %q: want organization or group", o.CountryBy)
	}
	switch o.OrgLevel {
	case "":
		o.OrgLevel = OrgLevelGroup
	case OrgLevelGroup, OrgLevelOrganization:
	default:
		return fmt.Errorf("org-level %q: want group or organization", o.OrgLevel)
	}
	if o.Top <= 0 {
		o.Top = DefaultTop
	}
	if o.MinCompute < 0 || math.IsNaN(o.MinCompute) || math.IsInf(o.MinCompute, 0) {
		return fmt.Errorf("min-compute %v: want a number of FLOP >= 0", o.MinCompute)
	}
	if o.From != 0 && o.To != 0 && o.From > o.To {
		return fmt.Errorf("period %d-%d: from is after to", o.From, o.To)
	}
	for _, y := range []int{o.From, o.To} {
		if y != 0 && (y < YearMin || y > YearMax) {
			return fmt.Errorf("year %d is out of range (%d-%d)", y, YearMin, YearMax)
		}
	}
	return nil
}

// DefaultPeriod returns the five latest complete years before the snapshot
// date: for a snapshot of 2025-02-01, 2020 to 2024.
func DefaultPeriod(snapshot time.Time) (from, to int) {
	to = snapshot.Year() - 1
	return to - DefaultYears + 1, to
}

// Period is a span of publication years, both ends included.
type Period struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// YearCount is a count for one year.
type YearCount struct {
	Year  int `json:"year"`
	Count int `json:"count"`
}

// CountryCount is a count for one country. Count is fractional under the
// fractional attribution.
type CountryCount struct {
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	NameKo string  `json:"name_ko"`
	Count  float64 `json:"count"`
}

// NameCount is a count for one named thing.
type NameCount struct {
	Name  string  `json:"name"`
	Count float64 `json:"count"`
}

// TopModel is one of the year's models with the most training compute.
type TopModel struct {
	Model        string  `json:"model"`
	Organization string  `json:"organization"`
	Date         string  `json:"date"`
	FLOP         float64 `json:"flop"`
	Confidence   string  `json:"confidence"`
	// Estimated is set, under Settings.EstimateMissing only, to say whether
	// FLOP is modelcensus's estimate (true, with its Method) or Epoch's
	// figure (false).
	Estimated *bool  `json:"estimated,omitempty"`
	Method    string `json:"method,omitempty"`
	// Curated marks a model an overlay added or corrected, with the
	// entries' sources.
	Curated *Curated `json:"curated,omitempty"`
}

// Note is a data-quality note. Code is stable; Message is English; Count and
// Items give the detail (Items is capped, Count is not).
type Note struct {
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Count   int      `json:"count"`
	Items   []string `json:"items,omitempty"`
	// ItemsOmitted is how many items were left out of Items, which lists
	// at most 20.
	ItemsOmitted int `json:"items_omitted,omitempty"`
	// Args are the values in Message, for translations.
	Args []any `json:"-"`
}

// Note codes.
const (
	NoteMissingCompute   = "missing_compute"
	NoteComputeEstimated = "compute_estimated" // args: count; with --estimate-missing
	NoteOverlay          = "overlay"           // args: path, hash, added, corrected, excluded
	NoteOverlayConflict  = "overlay_conflict"  // args: count
	NoteOverlayUpstream  = "overlay_upstream"  // args: count
	NoteOverlayOrphaned  = "overlay_orphaned"  // args: count
	NoteMissingCountry   = "missing_country"
	NoteCountryFilled    = "country_filled"
	NoteDuplicates       = "duplicate_names"
	NoteNoName           = "no_name"
	NoteNoDate           = "no_date"
	NoteBadDate          = "bad_date"
	NoteMalformed        = "malformed_rows"
	NoteUnmappedPrefix   = "unmapped_"
	NoteIncompleteLatest = "incomplete_latest_year"
	NoteCAGRUndefined    = "cagr_undefined"
	NoteDateBasis        = "snapshot_date"
	NoteBundled          = "bundled_snapshot"
	NoteDateLate         = "snapshot_date_late"
	NoteEncoding         = "encoding"     // a file's encoding, when it is not plain UTF-8, and why
	NoteDelimiter        = "delimiter"    // a file separated by ; TAB or |
	NoteSepLine          = "sep_line"     // a spreadsheet's "sep=" first line
	NoteBareCR           = "line_ends_cr" // a file with bare CR line ends
	NoteDateFormat       = "date_format"  // publication dates written day or month first
	NoteSerialDates      = "serial_dates" // publication dates as spreadsheet day numbers
	NoteNoModels         = "no_models"
	NoteAfterSnapshot    = "period_after_snapshot"
)

// maxNoteItems caps the items listed in one note.
const maxNoteItems = 20

// Settings are the rules in force, as reported with a census.
type Settings struct {
	Subset       string      `json:"subset"`
	Attribution  Attribution `json:"attribution"`
	CountryBy    CountryBy   `json:"country_by"`
	OrgLevel     OrgLevel    `json:"org_level"`
	MinCompute   float64     `json:"min_compute"`
	Top          int         `json:"top"`
	RulesVersion string      `json:"rules_version"`
	// EstimateMissing says that models without training compute were given
	// an estimate by Epoch's method (Dataset.EstimateMissing).
	EstimateMissing bool `json:"estimate_missing,omitempty"`
}

// Source is the provenance reported with a census.
type Source struct {
	Snapshot
	SnapshotDate string `json:"snapshot_date"`
	Rows         int    `json:"rows"`
	Models       int    `json:"models"`
}

// Result is a census: the statistics of one snapshot under one set of rules.
// Its JSON form is modelcensus's documented output contract.
type Result struct {
	Period              Period         `json:"period"`
	LatestYear          int            `json:"latest_year"`
	Total               int            `json:"total"`
	PerYear             []YearCount    `json:"per_year"`
	CAGR                *float64       `json:"cagr"`
	Countries           []CountryCount `json:"countries"`
	CountriesLatest     []CountryCount `json:"countries_latest"`
	OrganizationsLatest []NameCount    `json:"organizations_latest"`
	Domains             []NameCount    `json:"domains"`
	DomainsLatest       []NameCount    `json:"domains_latest"`
	MultimodalPerYear   []YearCount    `json:"multimodal_per_year"`
	TopComputeLatest    []TopModel     `json:"top_compute_latest"`
	Settings            Settings       `json:"settings"`
	Source              Source         `json:"source"`
	// Overlay says which overlay was applied and what each entry did; nil
	// without one.
	Overlay *OverlaySummary `json:"overlay,omitempty"`
	Notes   []Note          `json:"notes"`
	// figures are the figures the documents show, in order: a recipe's
	// (UseFigures), or every figure of the registry when nil.
	figures []Figure
}

// Figures returns the figures the documents of r show, in order: those a
// recipe chose (UseFigures), else every figure of the census (the
// package's Figures).
func (r *Result) Figures() []Figure {
	if r.figures == nil {
		return Figures()
	}
	return r.figures
}

// UseFigures makes the documents of r show figs, in that order (see
// Recipe.CensusFigures).
func (r *Result) UseFigures(figs []Figure) { r.figures = figs }

// CAGR returns the compound annual growth from first to last over years
// years: (last/first)^(1/(years-1)) - 1. ok is false when it is undefined:
// fewer than two years, or no models in the first year.
func CAGR(first, last, years int) (g float64, ok bool) {
	if years < 2 || first <= 0 || last < 0 {
		return 0, false
	}
	return math.Pow(float64(last)/float64(first), 1/float64(years-1)) - 1, true
}

// Compute counts ds under opt. It finishes ds (see Dataset.Finish) and
// does not otherwise change it.
func Compute(ds *Dataset, opt Options) (*Result, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	ds.Finish()
	from, to := opt.From, opt.To
	if from == 0 || to == 0 {
		snap := ds.Snapshot.Date
		if snap.IsZero() {
			snap = time.Now() // a dataset built by hand, with no date
		}
		df, dt := DefaultPeriod(snap)
		if to == 0 {
			to = dt
			if from != 0 && from > to {
				to = from
			}
		}
		if from == 0 {
			from = to - (dt - df)
		}
	}
	r := &Result{
		Period:     Period{From: from, To: to},
		LatestYear: to,
		Settings: Settings{
			Subset: ds.Snapshot.Subset, Attribution: opt.Attribution, CountryBy: opt.CountryBy,
			OrgLevel: opt.OrgLevel, MinCompute: opt.MinCompute, Top: opt.Top,
			RulesVersion: ds.rules.Version, EstimateMissing: ds.EstimateMissing,
		},
	}
	years := to - from + 1
	perYear := make([]int, years)
	multi := make([]int, years)
	countries := counter{}
	countriesLatest := counter{}
	orgs := counter{}
	domains := counter{}
	domainsLatest := counter{}
	var noCompute, noCountry, filled, estimated []string
	var noComputeN, noCountryN, filledN, estimatedN int

	var top []candidate
	for i := range ds.rows {
		// Filter on the compact row; build the model only when it counts.
		row := &ds.rows[i]
		y := int(row.year)
		if y < from || y > to {
			continue
		}
		if opt.MinCompute > 0 && (row.flags&flagHasCompute == 0 || row.compute < opt.MinCompute) {
			continue
		}
		m := ds.Model(i)
		latest := y == to
		r.Total++
		perYear[y-from]++
		if m.Multimodal() {
			multi[y-from]++
		}
		cs := m.Countries
		if opt.CountryBy == CountryByGroup {
			cs = m.GroupCountries()
		}
		if len(cs) == 0 {
			noCountryN++
			noCountry = appendCapped(noCountry, m.Name)
		}
		if m.CountryFilled && opt.CountryBy == CountryByOrganization {
			filledN++
			filled = appendCapped(filled, m.Name)
		}
		if opt.yearFigures {
			attribute(countriesLatest, cs, opt.Attribution) // the one year is the latest
			if m.HasCompute {
				top = append(top, candidate{m.Compute, i})
			}
			continue
		}
		attribute(countries, cs, opt.Attribution)
		if latest {
			attribute(countriesLatest, cs, opt.Attribution)
			for _, n := range m.countedOrganizations(opt.OrgLevel) {
				orgs[n]++
			}
		}
		for _, g := range m.DomainGroups() {
			domains[g]++
			if latest {
				domainsLatest[g]++
			}
		}
		if m.Estimated {
			estimatedN++
			estimated = appendCapped(estimated, m.Name)
		}
		if !m.HasCompute {
			noComputeN++
			noCompute = appendCapped(noCompute, m.Name)
		} else if latest {
			top = append(top, candidate{m.Compute, i})
		}
	}

	if opt.yearFigures {
		r.CountriesLatest = ds.countryCounts(countriesLatest)
		r.TopComputeLatest = ds.topModels(top, opt.Top)
		return r, nil
	}
	for i := range perYear {
		r.PerYear = append(r.PerYear, YearCount{Year: from + i, Count: perYear[i]})
		r.MultimodalPerYear = append(r.MultimodalPerYear, YearCount{Year: from + i, Count: multi[i]})
	}
	if g, ok := CAGR(perYear[0], perYear[years-1], years); ok {
		r.CAGR = &g
	} else {
		r.Notes = append(r.Notes, Note{Code: NoteCAGRUndefined, Args: []any{perYear[0], from, years},
			Message: fmt.Sprintf("compound annual growth is undefined: %d models in %d over %d year(s)", perYear[0], from, years)})
	}
	r.Countries = ds.countryCounts(countries)
	r.CountriesLatest = ds.countryCounts(countriesLatest)
	r.OrganizationsLatest = orgs.list()
	r.Domains = domains.list()
	r.DomainsLatest = domainsLatest.list()

	r.TopComputeLatest = ds.topModels(top, opt.Top)

	r.Source = Source{Snapshot: ds.Snapshot, Models: ds.Len()}
	if !ds.Snapshot.Date.IsZero() {
		r.Source.SnapshotDate = ds.Snapshot.Date.Format("2006-01-02")
	}
	for _, f := range ds.Snapshot.Files {
		r.Source.Rows += f.Rows
	}
	r.Overlay = ds.overlaySummary()
	r.Notes = append(r.Notes, ds.notes(opt, to)...)
	r.Notes = append(r.Notes, overlayNotes(r.Overlay)...)
	if r.Total == 0 {
		r.Notes = append(r.Notes, Note{Code: NoteNoModels, Args: []any{from, to},
			Message: fmt.Sprintf("no model of the source falls in %d–%d under these rules", from, to)})
	}
	if noComputeN > 0 {
		r.Notes = append(r.Notes, Note{Code: NoteMissingCompute, Count: noComputeN, Items: noCompute, Args: []any{noComputeN},
			Message: fmt.Sprintf("%d model(s) in the period have no training compute", noComputeN)})
	}
	if ds.EstimateMissing {
		r.Notes = append(r.Notes, Note{Code: NoteComputeEstimated, Count: estimatedN, Items: estimated, Args: []any{estimatedN},
			Message: fmt.Sprintf("%d model(s) in the period had no training compute and were given an estimate by Epoch's method (--estimate-missing); they are marked estimated", estimatedN)})
	}
	if noCountryN > 0 {
		r.Notes = append(r.Notes, Note{Code: NoteMissingCountry, Count: noCountryN, Items: noCountry, Args: []any{noCountryN},
			Message: fmt.Sprintf("%d model(s) in the period have no country, even from their organizations; they are in no country count", noCountryN)})
	}
	if filledN > 0 {
		r.Notes = append(r.Notes, Note{Code: NoteCountryFilled, Count: filledN, Items: filled, Args: []any{filledN},
			Message: fmt.Sprintf("%d model(s) in the period had a blank country and took their organizations' home countries", filledN)})
	}
	for i := range r.Notes {
		if n := &r.Notes[i]; len(n.Items) == maxNoteItems && n.Count > len(n.Items) {
			n.ItemsOmitted = n.Count - len(n.Items)
		}
	}
	return r, nil
}

// candidate is one of the latest year's models with compute, as (compute,
// index): sorting these is cheap even when they are many.
type candidate struct {
	flop float64
	i    int
}

// topModels are the n models of top with the most compute, largest first
// (ties by name, then by row).
func (d *Dataset) topModels(top []candidate, n int) []TopModel {
	slices.SortFunc(top, func(a, b candidate) int {
		if a.flop != b.flop {
			return cmp.Compare(b.flop, a.flop)
		}
		if c := strings.Compare(d.name(a.i), d.name(b.i)); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	if len(top) > n {
		top = top[:n]
	}
	out := []TopModel{}
	for _, c := range top {
		m := d.Model(c.i)
		t := TopModel{
			Model: strings.Clone(m.Name), Organization: strings.Join(m.Organizations(), ", "),
			Date: m.Date.String(), FLOP: m.Compute, Confidence: m.Confidence,
		}
		if d.EstimateMissing || (m.Estimated && m.Curated != nil) {
			t.Estimated, t.Method = &m.Estimated, m.Method
		}
		t.Curated = m.Curated
		out = append(out, t)
	}
	return out
}

// overlayNotes say that an overlay was applied, and list the entries in
// conflict, caught up by the upstream, or orphaned.
func overlayNotes(s *OverlaySummary) []Note {
	if s == nil {
		return nil
	}
	a := s.Applied
	out := []Note{{Code: NoteOverlay, Count: a[EntryAdd] + a[EntryCorrect] + a[EntryExclude],
		Args:    []any{s.Path, ShortHash(s.Hash), a[EntryAdd], a[EntryCorrect], a[EntryExclude]},
		Message: fmt.Sprintf("overlay %s (%s) applied: %d model(s) added, %d corrected, %d excluded", s.Path, ShortHash(s.Hash), a[EntryAdd], a[EntryCorrect], a[EntryExclude])}}
	for _, k := range []struct{ status, code, msg string }{
		{StatusConflict, NoteOverlayConflict, "%d overlay entr(ies) in conflict: the upstream changed the field since they were written; they still apply"},
		{StatusUpstream, NoteOverlayUpstream, "%d overlay entr(ies) caught up by the upstream: not applied, and can be retired"},
		{StatusOrphaned, NoteOverlayOrphaned, "%d overlay entr(ies) orphaned: their model is gone upstream"},
	} {
		var items []string
		for _, st := range s.Statuses {
			if st.Status == k.status {
				items = appendCapped(items, st.ID+": "+st.Detail)
			}
		}
		if len(items) > 0 {
			n := 0
			for _, st := range s.Statuses {
				if st.Status == k.status {
					n++
				}
			}
			out = append(out, Note{Code: k.code, Count: n, Items: items, Args: []any{n}, Message: fmt.Sprintf(k.msg, n)})
		}
	}
	return out
}

// ShortHash is a content hash as messages show it: its first 12 hex
// digits (all of a shorter one).
func ShortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// FileName is a file as notes name it: its last element, with a zip's
// member (ai_models.zip!large_scale_ai_models.csv), without the folders
// of the machine that read it.
func FileName(p string) string {
	zip, member, ok := strings.Cut(p, "!")
	if i := strings.LastIndexAny(zip, `/\`); i >= 0 {
		zip = zip[i+1:]
	}
	if !ok {
		return zip
	}
	if i := strings.LastIndexAny(member, `/\`); i >= 0 {
		member = member[i+1:]
	}
	return zip + "!" + member
}

// newestDate is the latest publication date of the models read.
func (d *Dataset) newestDate() Date {
	var n Date
	for i := range d.rows {
		r := &d.rows[i]
		if dt := (Date{int(r.year), int(r.month), int(r.day)}); n.Before(dt) {
			n = dt
		}
	}
	return n
}

// dialectNotes say how each file was written, where it is not Epoch's own
// way (UTF-8, commas, LF or CRLF, ISO dates): so that a reader of the
// report knows what was read, and how it was told.
func (d *Dataset) dialectNotes() []Note {
	var out []Note
	for _, f := range d.Snapshot.Files {
		dl := f.Dialect
		switch dl.EncodingBasis {
		case EncodingFromOption, EncodingFromNUL, EncodingFromLater:
			out = append(out, Note{Code: NoteEncoding + "_" + dl.EncodingBasis, Args: []any{f.Name, dl.Encoding},
				Message: fmt.Sprintf("%s was read as %s (%s)", f.Name, dl.Encoding, encodingBasisText(dl.EncodingBasis))})
		case EncodingFromBOM:
			if dl.Encoding != "utf-8-bom" {
				out = append(out, Note{Code: NoteEncoding + "_bom", Args: []any{f.Name, dl.Encoding},
					Message: fmt.Sprintf("%s was read as %s (%s)", f.Name, dl.Encoding, encodingBasisText(dl.EncodingBasis))})
			}
		case EncodingFromEvidence:
			e := dl.Evidence
			out = append(out, Note{Code: NoteEncoding + "_evidence", Args: []any{f.Name, dl.Encoding, e.Mapped, e.Values, e.Other, e.OtherMapped},
				Message: fmt.Sprintf("%s is not UTF-8 and was read as %s: under it the rules map %d of %d organization and country values at the start of the file, under %s %d", f.Name, dl.Encoding, e.Mapped, e.Values, e.Other, e.OtherMapped)})
		}
		if dl.Delimiter != "" && dl.Delimiter != "," {
			name := dl.Delimiter
			if name == "\t" {
				name = "TAB"
			}
			out = append(out, Note{Code: NoteDelimiter, Args: []any{f.Name, name},
				Message: fmt.Sprintf("%s is separated by %s", f.Name, name)})
		}
		if dl.SepLine {
			out = append(out, Note{Code: NoteSepLine, Args: []any{f.Name},
				Message: fmt.Sprintf("%s begins with a spreadsheet's sep= line, which names its delimiter", f.Name)})
		}
		if dl.BareCR {
			out = append(out, Note{Code: NoteBareCR, Args: []any{f.Name},
				Message: fmt.Sprintf("%s ends its lines with a bare CR (old Mac style); they were read as line ends", f.Name)})
		}
		if dl.DateFormat == "mdy" || dl.DateFormat == "dmy" {
			out = append(out, Note{Code: NoteDateFormat + "_" + dl.DateFormat, Args: []any{f.Name, dl.DateExample},
				Message: fmt.Sprintf("the publication dates of %s are written %s (as %s)", f.Name, map[string]string{"mdy": "month first", "dmy": "day first"}[dl.DateFormat], dl.DateExample)})
		}
		if dl.Serial {
			out = append(out, Note{Code: NoteSerialDates, Args: []any{f.Name},
				Message: fmt.Sprintf("the publication dates of %s are spreadsheet day numbers; they were read as dates", f.Name)})
		}
		out = append(out, readingNotes(f)...)
	}
	return out
}

func encodingBasisText(basis string) string {
	switch basis {
	case EncodingFromOption:
		return "the --encoding option"
	case EncodingFromBOM:
		return "its byte-order mark"
	case EncodingFromNUL:
		return "the NUL bytes of UTF-16 without a byte-order mark"
	case EncodingFromLater:
		return "valid UTF-8 at the start, other bytes further on"
	}
	return basis
}

// notes gives the notes about the dataset as a whole.
func (d *Dataset) notes(opt Options, latest int) []Note {
	var out []Note
	if d.Snapshot.Kind == KindBundled {
		day := d.Snapshot.Date.Format("2006-01-02")
		out = append(out, Note{Code: NoteBundled, Args: []any{day, d.Snapshot.AgeDays},
			Message: fmt.Sprintf("the snapshot bundled with modelcensus, of %s (%d days old), is in use: it lacks what Epoch added or corrected since", day, d.Snapshot.AgeDays)})
	}
	if d.Snapshot.DateBasis != "" {
		out = append(out, Note{Code: NoteDateBasis, Args: []any{d.Snapshot.Date.Format("2006-01-02"), d.Snapshot.DateBasis, d.Snapshot.DatePath},
			Message: fmt.Sprintf("snapshot date %s, taken from %s", d.Snapshot.Date.Format("2006-01-02"), DateBasisText(d.Snapshot.DateBasis, d.Snapshot.DatePath))})
	}
	out = append(out, d.dialectNotes()...)
	out = append(out, copyNotes(d.Snapshot)...)
	if day, newest := d.Snapshot.Date, d.newestDate(); !day.IsZero() && newest.Year > 0 && d.Snapshot.DateBasis != DateFromDownload {
		last := time.Date(newest.Year, time.Month(max(newest.Month, 1)), max(newest.Day, 1), 0, 0, 0, 0, time.UTC)
		if days := int(day.Sub(last).Hours() / 24); days > 60 {
			out = append(out, Note{Code: NoteDateLate, Args: []any{day.Format("2006-01-02"), newest.String(), days},
				Message: fmt.Sprintf("the snapshot date %s is %d days after the newest publication date in the data (%s): the file may be older than its date says, and its latest year may be incomplete", day.Format("2006-01-02"), days, newest.String())})
		}
	}
	if day := d.Snapshot.Date; !day.IsZero() && day.Year() < latest {
		out = append(out, Note{Code: NoteAfterSnapshot, Args: []any{latest, day.Format("2006-01-02")},
			Message: fmt.Sprintf("the latest year, %d, is after the snapshot date %s: the data cannot hold its models yet", latest, day.Format("2006-01-02"))})
	} else if day := d.Snapshot.Date; !day.IsZero() && day.Year() == latest {
		out = append(out, Note{Code: NoteIncompleteLatest, Args: []any{latest, day.Format("2006-01-02")},
			Message: fmt.Sprintf("the latest year, %d, was not complete at the snapshot date %s: its counts are partial", latest, day.Format("2006-01-02"))})
	}
	if n := len(d.Problems); n > 0 {
		var items []string
		for _, p := range d.Problems {
			items = appendCapped(items, fmt.Sprintf("%s:%d: %s", FileName(p.File), p.Line, p.Message))
		}
		out = append(out, Note{Code: NoteMalformed, Count: n, Items: items, Args: []any{n},
			Message: fmt.Sprintf("%d row(s) or cell(s) could not be read and were skipped", n)})
	}
	if n := len(d.Duplicates); n > 0 {
		var items []string
		for _, day := range d.Duplicates {
			items = appendCapped(items, fmt.Sprintf("%s (%s:%d, first at line %d)", day.Name, FileName(day.File), day.Line, day.FirstLine))
		}
		out = append(out, Note{Code: NoteDuplicates, Count: n, Items: items, Args: []any{n},
			Message: fmt.Sprintf("%d row(s) repeat a model name already read; each name counts once", n)})
	}
	for _, reason := range []string{ReasonNoName, ReasonNoDate, ReasonBadDate} {
		var items []string
		n := 0
		for _, e := range d.Excluded {
			if e.Reason != reason {
				continue
			}
			n++
			item := fmt.Sprintf("%s:%d", FileName(e.File), e.Line)
			if e.Name != "" {
				item += " " + e.Name
			}
			if e.Value != "" {
				item += fmt.Sprintf(" (%q)", e.Value)
			}
			items = appendCapped(items, item)
		}
		if n == 0 {
			continue
		}
		msg := map[string]string{
			ReasonNoName:  "row(s) have no model name and are left out",
			ReasonNoDate:  "row(s) have no publication date and are left out",
			ReasonBadDate: "row(s) have a publication date that is not YYYY-MM-DD, YYYY-MM or YYYY and are left out",
		}[reason]
		out = append(out, Note{Code: reason, Count: n, Items: items, Args: []any{n}, Message: fmt.Sprintf("%d %s", n, msg)})
	}
	for _, kind := range []string{KindOrganization, KindCountry, KindDomain, KindAccessibility} {
		list := d.UnmappedList(kind)
		if len(list) == 0 {
			continue
		}
		var items []string
		for _, v := range list {
			items = appendCapped(items, fmt.Sprintf("%s (%g)", v.Name, v.Count))
		}
		out = append(out, Note{Code: NoteUnmappedPrefix + kind, Count: len(list), Items: items, Args: []any{len(list)},
			Message: fmt.Sprintf("%d %s value(s) are not in the rules; they count as written", len(list), kind)})
	}
	return out
}

func appendCapped(list []string, s string) []string {
	if len(list) >= maxNoteItems {
		return list
	}
	return append(list, s)
}

type counter map[string]float64

func attribute(c counter, codes []string, a Attribution) {
	if len(codes) == 0 {
		return
	}
	switch a {
	case AttributionFirst:
		c[codes[0]]++
	case AttributionFractional:
		w := 1 / float64(len(codes))
		for _, k := range codes {
			c[k] += w
		}
	default:
		for _, k := range codes {
			c[k]++
		}
	}
}

func (c counter) list() []NameCount {
	out := make([]NameCount, 0, len(c))
	for k, v := range c {
		out = append(out, NameCount{Name: k, Count: v})
	}
	sortCounts(out)
	return out
}

func sortCounts(out []NameCount) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return lessName(out[i].Name, out[j].Name)
	})
}

// lessName orders names ignoring case, then byte-wise for a stable tie.
func lessName(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}

func (d *Dataset) countryCounts(c counter) []CountryCount {
	out := make([]CountryCount, 0, len(c))
	for k, v := range c {
		// Fractional shares are rounded so that thirds add up to whole models.
		cc := CountryCount{Name: k, NameKo: k, Count: math.Round(v*1e9) / 1e9}
		if co, ok := d.rules.CountryByCode(k); ok {
			cc.Code, cc.Name, cc.NameKo = co.Code, co.Name, co.NameKo
		}
		out = append(out, cc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return lessName(out[i].Name, out[j].Name)
	})
	return out
}
