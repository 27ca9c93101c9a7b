package publish

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// Table is one titled table of a report, already in the report's language.
type Table struct {
	ID      string // stable id, such as "per_year"
	Title   string
	Headers []string
	// Right marks the columns to align right (numbers).
	Right []bool
	Rows  [][]string
	// Raw holds, beside Rows, each number at full precision ("" for text),
	// for documents that keep both (the HTML report's data-value).
	Raw [][]string
	// Footnotes explain the marks in the table (census.EstimateMark,
	// census.CuratedMark), one line each.
	Footnotes []string
	// Whole keeps long cells whole in a terminal, where they are otherwise
	// cut at 48 columns, or at what Width leaves when that is more.
	Whole bool
	// Width is the width in columns of the terminal the table is written
	// to, or 0 when it is not known.
	Width int
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// FormatCount prints a count: whole numbers as integers, fractional shares
// with two decimals.
func FormatCount(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// FormatFLOP prints a FLOP figure (training compute, a threshold, a peak
// FLOP/s) for people: FormatPowerOfTen, 5 × 10²⁶ and 2.1 × 10²⁵. It is the
// one formatter of every document (HTML, PDF, Markdown, the workbook's
// text, the charts' labels through report.js's twin and the PNG/SVG
// charts' ticks), of the dashboard and of the terminal; CSV, JSON and the
// workbook's number cells keep the number itself.
func FormatFLOP(v float64) string {
	return FormatPowerOfTen(v)
}

// FormatPowerOfTen prints a quantity for readers of policy briefs, in
// scientific notation with a superscript exponent: 5 × 10²⁶, 1.2 × 10²⁵,
// 10²³ for an exact power of ten; numbers under 10⁶ as they are.
func FormatPowerOfTen(v float64) string {
	if v < 1e6 || math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	exp := int(math.Floor(math.Log10(v)))
	mant := v / math.Pow(10, float64(exp))
	if mant >= 9.995 { // rounds up to the next power
		mant, exp = mant/10, exp+1
	}
	sup := strings.NewReplacer("0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹").Replace(strconv.Itoa(exp))
	m := strconv.FormatFloat(mant, 'f', 2, 64)
	m = strings.TrimRight(strings.TrimRight(m, "0"), ".")
	if m == "1" {
		return "10" + sup
	}
	return m + " × 10" + sup
}

// FormatPercent prints a fraction as a signed percentage: 0.352 is +35.2%.
func FormatPercent(v float64) string {
	return fmt.Sprintf("%+.1f%%", v*100)
}

// CountryName returns a country's name in l.
func CountryName(c census.CountryCount, l i18n.Lang) string {
	if l == i18n.KO && c.NameKo != "" {
		return c.NameKo
	}
	return c.Name
}

// ConfidenceName returns Epoch's confidence value in l.
func ConfidenceName(c string, l i18n.Lang) string {
	if i18n.Has("conf." + c) {
		return l.T("conf." + c)
	}
	return c
}

// AccessName returns an accessibility category (open-weights, api,
// hosted, unreleased, unknown) in l.
func AccessName(c string, l i18n.Lang) string {
	if i18n.Has("access." + c) {
		return l.T("access." + c)
	}
	return c
}

// DomainGroupName returns a domain group's name in l.
func DomainGroupName(name string, l i18n.Lang) string {
	if i18n.Has("dg." + name) {
		return l.T("dg." + name)
	}
	return name
}

// Tables returns a table for every figure of the census (census.Figures),
// in report order and in l. The notes' table lists each note with its
// count; documents show the notes as a list instead (see NoteLines).
func Tables(r *census.Result, l i18n.Lang) []Table {
	figs := r.Figures()
	out := make([]Table, 0, len(figs))
	for _, f := range figs {
		out = append(out, FigureTable(f, r, l))
	}
	return out
}

// FigureTable renders one figure's table in l: each value formatted and
// translated by its kind (census.ValueKind), and, beside the text, each
// number at full precision (Raw).
func FigureTable(f census.Figure, r *census.Result, l i18n.Lang) Table {
	t := Table{ID: f.ID, Title: f.Text(f.Title, string(l), r, cagrText(r, l))}
	cols := f.ColumnsFor(r)
	for _, c := range cols {
		t.Headers = append(t.Headers, f.Text(c.Title, string(l), r, ""))
		t.Right = append(t.Right, c.Kind.Numeric())
	}
	for _, row := range f.RowsFor(r) {
		cells := make([]string, len(row.Cells))
		raw := make([]string, len(row.Cells))
		for j, v := range row.Cells {
			kind := cols[j].Kind
			cells[j] = ValueText(kind, v, l)
			if v.Estimated {
				cells[j] += census.EstimateMark
				t.footnote(EstimateFootnote(l))
			}
			if v.Curated {
				cells[j] += census.CuratedMark
				t.footnote(CuratedFootnote(l))
			}
			if kind == census.ValueNote {
				cells[j] = noteText(r, v.Text, l) // with the note's values
			}
			if kind.Numeric() && !v.Missing {
				raw[j] = num(v.Num)
			}
		}
		if row.Total {
			cells[0], raw[0] = l.T("total"), ""
		}
		t.Rows = append(t.Rows, cells)
		t.Raw = append(t.Raw, raw)
	}
	// One format per column: a column of counts any of which is
	// fractional (fractional attribution) prints all of them with two
	// decimals, 110.00 beside 154.50, not 110.
	rows := f.RowsFor(r)
	for j, c := range cols {
		if c.Kind != census.ValueCount {
			continue
		}
		fractional := false
		for _, row := range rows {
			if v := row.Cells[j].Num; v != math.Trunc(v) {
				fractional = true
			}
		}
		if !fractional {
			continue
		}
		for i, row := range rows {
			if v := row.Cells[j]; !v.Missing {
				t.Rows[i][j] = strings.Replace(t.Rows[i][j], FormatCount(v.Num), strconv.FormatFloat(v.Num, 'f', 2, 64), 1)
			}
		}
	}
	return t
}

// footnote adds a footnote once.
func (t *Table) footnote(s string) {
	for _, f := range t.Footnotes {
		if f == s {
			return
		}
	}
	t.Footnotes = append(t.Footnotes, s)
}

// CuratedFootnote explains census.CuratedMark in l.
func CuratedFootnote(l i18n.Lang) string {
	return census.CuratedMark + " " + l.T("curated.footnote")
}

// OverlayLines say which overlay was applied (path, content hash, entries
// applied of each kind) and list each entry that changed the census, with
// its sources; nil without an overlay.
func OverlayLines(r *census.Result, l i18n.Lang) []string {
	o := r.Overlay
	if o == nil {
		return nil
	}
	out := []string{l.T("src.overlay", DisplayName(o.Path), census.ShortHash(o.Hash), o.Applied[census.EntryAdd], o.Applied[census.EntryCorrect], o.Applied[census.EntryExclude])}
	for _, s := range o.Statuses {
		if s.Status != census.StatusApplied && s.Status != census.StatusConflict {
			continue
		}
		out = append(out, l.T("src.overlay_entry", s.ID, l.T("entry."+string(s.Kind)), s.Model, strings.Join(s.Sources, ", ")))
	}
	return out
}

// StatusDetail is an overlay entry's status detail in l: the census's
// English sentence, or its translation.
func StatusDetail(s census.EntryStatus, l i18n.Lang) string {
	if s.Status == census.StatusApplied && s.Kind == census.EntryAdd && len(s.Args) == 1 {
		return l.T("status.detail.applied.add_from", l.T(fmt.Sprintf("subset.%v", s.Args[0])))
	}
	if key := "status.detail." + s.Status + "." + string(s.Kind); l != i18n.EN && i18n.Has(key) {
		args := s.Args
		if s.Kind == census.EntryCorrect && len(args) > 0 {
			// A correction's details begin with the field it sets.
			args = append([]any{FieldName(fmt.Sprint(args[0]), l)}, args[1:]...)
		}
		return l.T(key, args...)
	}
	return s.Detail
}

// FieldName is the name of a field of the data (census.Field) in l: an
// overlay correction's field, a diff's changed field. A field with no
// translation keeps its own name.
func FieldName(f string, l i18n.Lang) string {
	if key := "field." + f; i18n.Has(key) {
		return l.T(key)
	}
	return f
}

// EstimateFootnote explains census.EstimateMark in l.
func EstimateFootnote(l i18n.Lang) string {
	return census.EstimateMark + " " + l.T("estimate.footnote")
}

// ValueText formats one value of a figure for people, in l.
func ValueText(kind census.ValueKind, v census.Value, l i18n.Lang) string {
	switch kind {
	case census.ValueYear, census.ValueRank:
		return strconv.Itoa(int(v.Num))
	case census.ValueCount:
		return FormatCount(v.Num)
	case census.ValueShare:
		if v.Missing {
			return ""
		}
		return fmt.Sprintf("%.1f%%", v.Num*100)
	case census.ValueFLOP:
		return FormatFLOP(v.Num)
	case census.ValueCountry:
		return CountryName(census.CountryCount{Name: v.Text, NameKo: v.Alt}, l)
	case census.ValueDomainGroup:
		return DomainGroupName(v.Text, l)
	case census.ValueConfidence:
		return ConfidenceName(v.Text, l)
	case census.ValueNote:
		return NoteText(census.Note{Code: v.Text, Message: v.Alt}, l)
	case census.ValueMethod:
		return MethodName(v.Text, l)
	}
	return v.Text
}

// MethodName says whose a training-compute figure is, in l: Epoch's for
// method "", else modelcensus's estimate by that method (census.Method*).
func MethodName(method string, l i18n.Lang) string {
	if method == "" {
		return l.T("figure.epoch")
	}
	return l.T("figure.estimated", l.T("methodshort."+method))
}

// EpochMethodName is the value of Epoch's "Training compute estimation
// method" column in l: each of its comma-separated methods (Operation
// counting, Hardware, Reported, Third-party estimation, Comparison with
// other models, Benchmarks, Other) by its name in l, joined by ", ". A
// method with no translation keeps Epoch's words.
func EpochMethodName(label string, l i18n.Lang) string {
	parts := strings.Split(label, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if key := "epochmethod." + p; i18n.Has(key) {
			p = l.T(key)
		}
		parts[i] = p
	}
	return strings.Join(parts, ", ")
}

// cagrText is the growth rate as the headline prints it.
func cagrText(r *census.Result, l i18n.Lang) string {
	if r.CAGR == nil {
		return l.T("report.cagr.undef")
	}
	return FormatPercent(*r.CAGR)
}

// Headline returns the summary lines above the tables.
func Headline(r *census.Result, l i18n.Lang) []string {
	title := l.T("report.title.file")
	if key := "report.title." + r.Settings.Subset; i18n.Has(key) {
		title = l.T(key)
	}
	if r.Settings.MinCompute > 0 {
		title = l.T("report.title.min_compute", title, FormatFLOP(r.Settings.MinCompute))
	}
	cagr := l.T("report.cagr.undef")
	if r.CAGR != nil {
		cagr = FormatPercent(*r.CAGR)
	}
	if Incomplete(r) {
		cagr += l.T("report.partial", r.LatestYear)
	}
	out := []string{title}
	if r.Source.Kind == census.KindBundled {
		out = append(out, l.T("report.bundled", r.Source.SnapshotDate, r.Source.AgeDays))
	}
	return append(out,
		l.T("report.period", r.Period.From, r.Period.To, r.LatestYear),
		l.T("report.total", r.Total),
		l.T("report.cagr", r.Period.From, r.Period.To, cagr),
	)
}

// Incomplete reports whether the census's latest year was not over at the
// snapshot date.
func Incomplete(r *census.Result) bool {
	for _, n := range r.Notes {
		if n.Code == census.NoteIncompleteLatest {
			return true
		}
	}
	return false
}

// SourceLines describe the snapshot and the counting rules.
func SourceLines(r *census.Result, l i18n.Lang) []string {
	s := r.Source
	var out []string
	if s.ID != 0 {
		// Read from the store: which stored snapshot, first.
		out = append(out, l.T("src.stored", s.ID, s.SnapshotDate))
	}
	out = append(out,
		l.T("src.location", DisplayName(s.Source), KindText(s.Kind, l)),
		l.T("src.subset", l.T("subset."+s.Subset)),
		l.T("src.snapshot", s.SnapshotDate+" ("+BasisText(s.DateBasis, s.DatePath, l)+")"),
	)
	for _, f := range s.Files {
		enc := f.Encoding
		if key := "enc." + f.Dialect.EncodingBasis; i18n.Has(key) && f.Encoding != "utf-8-bom" {
			enc = l.T("src.encoding", f.Encoding, l.T(key)) // and why, where it is not plain UTF-8
		}
		out = append(out, l.T("src.file", DisplayName(f.Name), f.Rows, f.Columns, enc))
	}
	if o := r.Overlay; o != nil && o.Applied[census.EntryAdd] > 0 {
		out = append(out, l.T("src.models.overlay", s.Models, o.Applied[census.EntryAdd]))
	} else {
		out = append(out, l.T("src.models", s.Models))
	}
	out = append(out, l.T("src.attribution", l.T("opt."+string(r.Settings.Attribution)),
		l.T("opt."+string(r.Settings.CountryBy)), l.T("opt."+string(r.Settings.OrgLevel))))
	if r.Settings.MinCompute > 0 {
		out = append(out, l.T("src.min_compute", FormatFLOP(r.Settings.MinCompute)))
	}
	out = append(out, OverlayLines(r, l)...)
	out = append(out, l.T("src.rules", r.Settings.RulesVersion), l.T("src.license"))
	return out
}

// DisplayName is a file or folder as a published document names it: its
// last element, never the folders of the machine it was made on (a zip's
// member stays with its zip: ai_models.zip!notable_ai_models.csv). URLs
// are kept whole.
func DisplayName(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	zip, member, ok := strings.Cut(p, "!")
	zip = strings.TrimRight(zip, `/\`)
	if i := strings.LastIndexAny(zip, `/\`); i >= 0 {
		zip = zip[i+1:]
	}
	if ok {
		if i := strings.LastIndexAny(member, `/\`); i >= 0 {
			member = member[i+1:]
		}
		return zip + "!" + member
	}
	return zip
}

// BasisText says in l how the snapshot date was found.
func BasisText(basis, path string, l i18n.Lang) string {
	if basis == census.DateFromPath || basis == census.DateFromName {
		return l.T("basis."+basis, DisplayName(path))
	}
	if i18n.Has("basis." + basis) {
		return l.T("basis." + basis)
	}
	return basis
}

// NoteText returns a note's message in l.
func NoteText(n census.Note, l i18n.Lang) string {
	key := "note." + n.Code
	if !i18n.Has(key) {
		return n.Message
	}
	args := n.Args
	if n.Code == census.NoteDateBasis && len(args) == 3 {
		args = []any{args[0], BasisText(fmt.Sprint(args[1]), fmt.Sprint(args[2]), l)}
	}
	return l.T(key, args...)
}

// noteText is the text of r's note with code, in l.
func noteText(r *census.Result, code string, l i18n.Lang) string {
	for _, n := range r.Notes {
		if n.Code == code {
			return NoteText(n, l)
		}
	}
	return code
}

// NoteLines renders the notes with their first items.
func NoteLines(r *census.Result, l i18n.Lang, items int) []string {
	var out []string
	for _, n := range r.Notes {
		out = append(out, "- "+NoteText(n, l))
		for i, it := range n.Items {
			if i == items {
				break
			}
			out = append(out, "    "+it)
		}
		if extra := n.Count - min(items, len(n.Items)); len(n.Items) > 0 && extra > 0 {
			out = append(out, "    "+l.T("note.more", extra))
		}
	}
	return out
}

// KindText names a source kind (file, zip, folder, url) in language l.
func KindText(kind string, l i18n.Lang) string {
	if i18n.Has("kind." + kind) {
		return l.T("kind." + kind)
	}
	return kind
}
