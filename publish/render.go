package publish

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// WriteJSON writes the census as indented JSON: the documented contract.
func WriteJSON(w io.Writer, r *census.Result) error { return WriteJSONValue(w, r) }

// WriteJSONValue writes any value as the census JSON is written: indented,
// with HTML characters as they are.
func WriteJSONValue(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// UTF8BOM is the byte-order mark that CSV output begins with.
const UTF8BOM = "\ufeff"

// CSVHeader is the header of the CSV output: one row per figure, in long
// form, so that every table fits one file.
var CSVHeader = []string{"table", "year", "code", "name", "count", "organization", "date", "flop", "confidence"}

// WriteCSV writes the census as one long CSV table (see CSVHeader): a row
// for every row of every figure (census.Figures), its table named by the
// figure's id; each value goes to the column its census.Column.ID names
// (columns that CSVHeader lacks, such as rank and share, are left out;
// a figure of the latest year gives that year). The total of the
// models per year is table "total"; the growth rate, table "cagr". Names
// (countries, domain groups, confidence, notes) are in l; codes, ids and
// numbers are not. Under --estimate-missing (Settings.EstimateMissing) a
// last column, "method", says whose each compute figure is: empty for
// Epoch's, else the method of modelcensus's estimate. The file begins with a UTF-8 byte-order mark, so that
// spreadsheets read its names as UTF-8.
func WriteCSV(w io.Writer, r *census.Result, l i18n.Lang) error {
	if _, err := io.WriteString(w, UTF8BOM); err != nil {
		return err
	}
	cw := NewCSVWriter(w)
	header := CSVHeader
	if r.ShowsEstimates() {
		header = append(slices.Clip(CSVHeader), "method")
	}
	_ = cw.Write(header)
	pos := map[string]int{}
	for i, h := range header {
		pos[h] = i
	}
	for _, f := range r.Figures() {
		cols := f.ColumnsFor(r)
		for _, row := range f.RowsFor(r) {
			rec := make([]string, len(header))
			rec[0] = f.ID
			if f.Latest {
				rec[pos["year"]] = strconv.Itoa(r.LatestYear)
			}
			for j, v := range row.Cells {
				col := cols[j]
				i, ok := pos[col.ID]
				if !ok || i == 0 || (row.Total && col.Kind == census.ValueYear) {
					continue
				}
				rec[i] = csvValue(col.Kind, v, l)
				if col.Kind == census.ValueNote {
					rec[pos["name"]] = noteText(r, v.Text, l) // the note's message
				}
			}
			if row.Total {
				if f.ID != census.FigurePerYear {
					continue
				}
				rec[0] = "total"
			}
			_ = cw.Write(rec)
		}
		if f.ID == census.FigurePerYear && r.CAGR != nil {
			rec := make([]string, len(header))
			rec[0], rec[pos["count"]] = "cagr", strconv.FormatFloat(*r.CAGR, 'f', -1, 64)
			_ = cw.Write(rec)
		}
	}
	// The provenance travels with the figures: key in code, value in name.
	meta := func(table, key, value string) {
		rec := make([]string, len(header))
		rec[0], rec[pos["code"]], rec[pos["name"]] = table, key, value
		_ = cw.Write(rec)
	}
	s := r.Source
	meta("source", "location", s.Source)
	meta("source", "kind", s.Kind)
	meta("source", "subset", s.Subset)
	meta("source", "snapshot_date", s.SnapshotDate)
	for _, f := range s.Files {
		meta("source", "file", f.Name)
	}
	meta("settings", "attribution", string(r.Settings.Attribution))
	meta("settings", "country_by", string(r.Settings.CountryBy))
	meta("settings", "org_level", string(r.Settings.OrgLevel))
	meta("settings", "min_compute", strconv.FormatFloat(r.Settings.MinCompute, 'g', -1, 64))
	meta("settings", "rules_version", r.Settings.RulesVersion)
	if r.Settings.EstimateMissing {
		meta("settings", "estimate_missing", "true")
	}
	meta("license", "CC-BY-4.0", "Data: Epoch AI, Data on AI Models, CC BY 4.0, https://epoch.ai/data/ai-models")
	return cw.Flush()
}

// csvValue is a value as the CSV writes it: numbers at full precision,
// names in l.
func csvValue(kind census.ValueKind, v census.Value, l i18n.Lang) string {
	switch kind {
	case census.ValueCountry, census.ValueDomainGroup, census.ValueConfidence:
		return ValueText(kind, v, l)
	case census.ValueYear, census.ValueRank:
		return strconv.Itoa(int(v.Num))
	case census.ValueCount, census.ValueShare:
		if v.Missing {
			return ""
		}
		return strconv.FormatFloat(v.Num, 'f', -1, 64)
	case census.ValueFLOP:
		return strconv.FormatFloat(v.Num, 'g', -1, 64)
	}
	return v.Text
}

// WriteText writes the census as aligned tables for a terminal, cutting a
// name longer than 48 columns.
func WriteText(w io.Writer, r *census.Result, l i18n.Lang) error {
	return writeText(w, r, l, 0)
}

// writeText is WriteText for a terminal width columns wide (0: unknown),
// where long names are cut only if they would not fit.
func writeText(w io.Writer, r *census.Result, l i18n.Lang, width int) error {
	var b bytes.Buffer
	head := Headline(r, l)
	b.WriteString(head[0] + "\n")
	b.WriteString(strings.Repeat("=", DisplayWidth(head[0])) + "\n")
	for _, s := range head[1:] {
		b.WriteString(s + "\n")
	}
	for _, t := range Tables(r, l) {
		if t.ID == census.FigureNotes {
			continue // after the source, as a list
		}
		b.WriteString("\n" + t.Title + "\n")
		t.Width = width
		writeAligned(&b, t, l)
		for _, f := range t.Footnotes {
			b.WriteString("  " + f + "\n")
		}
	}
	b.WriteString("\n" + l.T("h.source") + "\n")
	for _, s := range SourceLines(r, l) {
		b.WriteString("  " + s + "\n")
	}
	if len(r.Notes) > 0 {
		b.WriteString("\n" + notesTitle(r, l) + "\n")
		for _, s := range NoteLines(r, l, 5) {
			b.WriteString(s + "\n")
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// notesTitle is the notes figure's title in l.
func notesTitle(r *census.Result, l i18n.Lang) string {
	f, _ := census.FigureByName(census.FigureNotes)
	return f.Text(f.Title, string(l), r, "")
}

// DisplayWidth is the number of terminal columns s takes: East Asian wide
// and full-width characters (Hangul, Han) take two.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x1100 {
			n++ // below the first wide block (Hangul Jamo): one column
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// spaces is padding to write from.
const spaces = "                                                                "

// writeSpaces writes n spaces.
func writeSpaces(b *bytes.Buffer, n int) {
	for n > 0 {
		k := min(n, len(spaces))
		b.WriteString(spaces[:k])
		n -= k
	}
}

// maxCell caps a text cell's width where the terminal's is not known;
// longer values are cut with an ellipsis.
const maxCell = 48

// truncate cuts s to max columns, the last an ellipsis.
func truncate(s string, max int) string {
	if DisplayWidth(s) <= max {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := DisplayWidth(string(r))
		if n+rw > max-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return b.String() + "…"
}

// cellCaps is the width each column's text may take: maxCell, or, on a
// terminal t.Width columns wide, what is left of it beside the other
// columns (at their own widths, capped) when that is more.
func cellCaps(t Table) []int {
	caps := make([]int, len(t.Headers))
	full := make([]int, len(t.Headers))
	for i := range caps {
		caps[i] = maxCell
		full[i] = DisplayWidth(t.Headers[i])
	}
	if t.Width <= 0 {
		return caps
	}
	for _, r := range t.Rows {
		for i, c := range r {
			if i < len(full) {
				full[i] = max(full[i], DisplayWidth(c))
			}
		}
	}
	for i := range caps {
		used := 1 // the leading space
		for j, w := range full {
			if j != i {
				used += min(w, maxCell) + 2
			}
		}
		caps[i] = max(maxCell, t.Width-used-2)
	}
	return caps
}

func writeAligned(b *bytes.Buffer, t Table, l i18n.Lang) {
	if len(t.Rows) == 0 {
		b.WriteString("  " + l.T("none") + "\n")
		return
	}
	widths := make([]int, len(t.Headers))
	cells := make([][]string, 0, len(t.Rows)+1)
	cells = append(cells, t.Headers)
	caps := cellCaps(t)
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = c
			if !t.Whole && i < len(caps) {
				row[i] = truncate(c, caps[i])
			}
		}
		cells = append(cells, row)
	}
	// Each cell's display width, once.
	cw := make([][]int, len(cells))
	for ri, r := range cells {
		cw[ri] = make([]int, len(r))
		for i, c := range r {
			cw[ri][i] = DisplayWidth(c)
			if i < len(widths) && cw[ri][i] > widths[i] {
				widths[i] = cw[ri][i]
			}
		}
	}
	for ri, r := range cells {
		b.WriteString(" ")
		for i, c := range r {
			if i >= len(widths) {
				break
			}
			pad := widths[i] - cw[ri][i]
			b.WriteString(" ")
			if i < len(t.Right) && t.Right[i] {
				writeSpaces(b, pad)
				b.WriteString(c)
			} else if i == len(r)-1 {
				b.WriteString(c)
			} else {
				b.WriteString(c)
				writeSpaces(b, pad)
			}
			if i < len(r)-1 {
				b.WriteString(" ")
			}
		}
		b.WriteString("\n")
		if ri == 0 {
			b.WriteString(" ")
			for i := range widths {
				b.WriteString(" " + strings.Repeat("-", widths[i]))
				if i < len(widths)-1 {
					b.WriteString(" ")
				}
			}
			b.WriteString("\n")
		}
	}
}

// Image is a chart file that a Markdown document shows before a table.
type Image struct {
	Alt, Path string
}

// WriteMarkdown writes the census as a Markdown document.
func WriteMarkdown(w io.Writer, r *census.Result, l i18n.Lang) error {
	return WriteMarkdownImages(w, r, l, nil)
}

// WriteMarkdownImages writes the census as Markdown, with the chart images
// given for each table id shown before that table.
func WriteMarkdownImages(w io.Writer, r *census.Result, l i18n.Lang, images map[string][]Image) error {
	var b bytes.Buffer
	head := Headline(r, l)
	b.WriteString("# " + MarkdownEscape(head[0]) + "\n\n")
	for _, s := range head[1:] {
		b.WriteString("- " + MarkdownEscape(s) + "\n")
	}
	b.WriteString("\n## " + l.T("h.summary") + "\n\n")
	prose, _ := HeadlineProse(r, l)
	for _, p := range prose {
		b.WriteString(MarkdownEscape(ProseText(p)) + "\n\n")
	}
	for _, t := range Tables(r, l) {
		if t.ID == census.FigureNotes {
			continue // after the source, as a list
		}
		b.WriteString("\n## " + MarkdownEscape(t.Title) + "\n\n")
		for _, img := range images[t.ID] {
			b.WriteString("![" + MarkdownEscape(img.Alt) + "](" + strings.ReplaceAll(img.Path, " ", "%20") + ")\n\n")
		}
		writeMarkdownTable(&b, t, l)
		for _, f := range t.Footnotes {
			b.WriteString("\n" + MarkdownEscape(f) + "\n")
		}
	}
	b.WriteString("\n## " + l.T("h.source") + "\n\n")
	for _, s := range SourceLines(r, l) {
		b.WriteString("- " + MarkdownEscape(s) + "\n")
	}
	if len(r.Notes) > 0 {
		b.WriteString("\n## " + MarkdownEscape(notesTitle(r, l)) + "\n\n")
		for _, n := range r.Notes {
			b.WriteString("- " + MarkdownEscape(NoteText(n, l)) + "\n")
			for i, it := range n.Items {
				if i == 5 {
					break
				}
				b.WriteString("  - " + MarkdownEscape(it) + "\n")
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeMarkdownTable(b *bytes.Buffer, t Table, l i18n.Lang) {
	if len(t.Rows) == 0 {
		b.WriteString(l.T("none") + "\n")
		return
	}
	b.WriteString("|")
	for _, h := range t.Headers {
		b.WriteString(" " + MarkdownCell(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Headers {
		if i < len(t.Right) && t.Right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + MarkdownCell(c) + " |")
		}
		b.WriteString("\n")
	}
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;",
	"[", `\[`, "]", `\]`, "#", `\#`, "\n", " ", "\r", " ",
)

// MarkdownEscape makes data text safe inside Markdown: it cannot break a
// table, start markup or inject HTML.
func MarkdownEscape(s string) string { return mdEscaper.Replace(s) }

// WriteTable writes one titled table aligned for a terminal.
func WriteTable(b *bytes.Buffer, t Table, l i18n.Lang) {
	if t.Title != "" {
		b.WriteString(t.Title + "\n")
	}
	writeAligned(b, t, l)
}
