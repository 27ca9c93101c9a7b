// Package publish renders a census for people and programs: text tables for
// the terminal, Markdown, JSON (the documented contract) and CSV.
package publish

import (
	"fmt"
	"math"
	"strconv"

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

// FormatFLOP prints training compute in scientific notation: 2.1e+25.
func FormatFLOP(v float64) string {
	return strconv.FormatFloat(v, 'g', 3, 64)
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

// DomainGroupName returns a domain group's name in l.
func DomainGroupName(name string, l i18n.Lang) string {
	if i18n.Has("dg." + name) {
		return l.T("dg." + name)
	}
	return name
}

// Tables returns the report's tables in l, in report order.
func Tables(r *census.Result, l i18n.Lang) []Table {
	from, to := r.Period.From, r.Period.To
	var out []Table

	py := Table{ID: "per_year", Title: l.T("h.per_year"),
		Headers: []string{l.T("col.year"), l.T("col.count"), l.T("col.multimodal")},
		Right:   []bool{false, true, true}}
	for i, y := range r.PerYear {
		mm := 0
		if i < len(r.MultimodalPerYear) {
			mm = r.MultimodalPerYear[i].Count
		}
		py.Rows = append(py.Rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Count), strconv.Itoa(mm)})
		py.Raw = append(py.Raw, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Count), strconv.Itoa(mm)})
	}
	total := 0
	for _, y := range r.MultimodalPerYear {
		total += y.Count
	}
	py.Rows = append(py.Rows, []string{l.T("total"), strconv.Itoa(r.Total), strconv.Itoa(total)})
	py.Raw = append(py.Raw, []string{"", strconv.Itoa(r.Total), strconv.Itoa(total)})
	out = append(out, py)

	out = append(out, countryTable("countries", l.T("h.countries", from, to), r.Countries, r.Total, l))
	latestTotal := 0
	if n := len(r.PerYear); n > 0 {
		latestTotal = r.PerYear[n-1].Count
	}
	out = append(out, countryTable("countries_latest", l.T("h.countries_latest", to), r.CountriesLatest, latestTotal, l))

	orgHeader := l.T("col.group")
	if r.Settings.OrgLevel == census.OrgLevelOrganization {
		orgHeader = l.T("col.organization")
	}
	ot := Table{ID: "organizations_latest", Title: l.T("h.orgs_latest", to),
		Headers: []string{orgHeader, l.T("col.count")}, Right: []bool{false, true}}
	for _, o := range r.OrganizationsLatest {
		ot.Rows = append(ot.Rows, []string{o.Name, FormatCount(o.Count)})
		ot.Raw = append(ot.Raw, []string{"", num(o.Count)})
	}
	out = append(out, ot)

	out = append(out, domainTable("domains", l.T("h.domains", from, to), r.Domains, l))
	out = append(out, domainTable("domains_latest", l.T("h.domains_latest", to), r.DomainsLatest, l))

	tt := Table{ID: "top_compute_latest", Title: l.T("h.top", to),
		Headers: []string{l.T("col.rank"), l.T("col.model"), l.T("col.organization"), l.T("col.date"), l.T("col.flop"), l.T("col.confidence")},
		Right:   []bool{true, false, false, false, true, false}}
	for i, m := range r.TopComputeLatest {
		tt.Rows = append(tt.Rows, []string{strconv.Itoa(i + 1), m.Model, m.Organization, m.Date, FormatFLOP(m.FLOP), ConfidenceName(m.Confidence, l)})
		tt.Raw = append(tt.Raw, []string{strconv.Itoa(i + 1), "", "", "", num(m.FLOP), ""})
	}
	out = append(out, tt)
	return out
}

func countryTable(id, title string, list []census.CountryCount, total int, l i18n.Lang) Table {
	t := Table{ID: id, Title: title,
		Headers: []string{l.T("col.code"), l.T("col.country"), l.T("col.count"), l.T("col.share")},
		Right:   []bool{false, false, true, true}}
	for _, c := range list {
		share := ""
		if total > 0 {
			share = fmt.Sprintf("%.1f%%", c.Count/float64(total)*100)
		}
		t.Rows = append(t.Rows, []string{c.Code, CountryName(c, l), FormatCount(c.Count), share})
		t.Raw = append(t.Raw, []string{"", "", num(c.Count), ""})
	}
	return t
}

func domainTable(id, title string, list []census.NameCount, l i18n.Lang) Table {
	t := Table{ID: id, Title: title, Headers: []string{l.T("col.domain"), l.T("col.count")}, Right: []bool{false, true}}
	for _, d := range list {
		t.Rows = append(t.Rows, []string{DomainGroupName(d.Name, l), FormatCount(d.Count)})
		t.Raw = append(t.Raw, []string{"", num(d.Count)})
	}
	return t
}

// Headline returns the summary lines above the tables.
func Headline(r *census.Result, l i18n.Lang) []string {
	title := l.T("report.title")
	if r.Settings.Subset != "large-scale" {
		title = l.T("report.title.file")
	}
	cagr := l.T("report.cagr.undef")
	if r.CAGR != nil {
		cagr = FormatPercent(*r.CAGR)
	}
	if Incomplete(r) {
		cagr += l.T("report.partial", r.LatestYear)
	}
	return []string{
		title,
		l.T("report.period", r.Period.From, r.Period.To, r.LatestYear),
		l.T("report.total", r.Total),
		l.T("report.cagr", r.Period.From, r.Period.To, cagr),
	}
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
	out := []string{
		l.T("src.location", s.Source, KindText(s.Kind, l)),
		l.T("src.subset", l.T("subset."+s.Subset)),
		l.T("src.snapshot", s.SnapshotDate+" ("+BasisText(s.DateBasis, s.DatePath, l)+")"),
	}
	for _, f := range s.Files {
		out = append(out, l.T("src.file", f.Name, f.Rows, f.HeaderVersion, f.Encoding))
	}
	out = append(out, l.T("src.models", s.Models))
	out = append(out, l.T("src.attribution", l.T("opt."+string(r.Settings.Attribution)),
		l.T("opt."+string(r.Settings.CountryBy)), l.T("opt."+string(r.Settings.OrgLevel))))
	if r.Settings.MinCompute > 0 {
		out = append(out, l.T("src.min_compute", FormatFLOP(r.Settings.MinCompute)))
	}
	out = append(out, l.T("src.rules", r.Settings.RulesVersion), l.T("src.license"))
	return out
}

// BasisText says in l how the snapshot date was found.
func BasisText(basis, path string, l i18n.Lang) string {
	if basis == census.DateFromPath {
		return l.T("basis.path", path)
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
