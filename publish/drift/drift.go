package drift

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
)

// WriteDiff writes a diff as text in l: the models added, removed and
// renamed, each changed value, and the effect on the census (per year,
// countries, the ranking), then every explained figure when the diff has
// explanations. limit, when above 0, caps each list of models, saying
// how many more there are.
func WriteDiff(b *bytes.Buffer, d *snapshots.Diff, l i18n.Lang, limit int) {
	name := func(r snapshots.SnapshotRef) string {
		if r.Source != "" {
			return r.Source + " (" + r.Date + ")"
		}
		return l.T("diff.snapshot", r.ID) + " (" + r.Date + ")"
	}
	b.WriteString(l.T("diff.title", name(d.A), name(d.B), l.T("subset."+d.Subset)) + "\n")
	cut := func(n int) int {
		if limit > 0 && n > limit {
			return limit
		}
		return n
	}
	more := func(n int) {
		if limit > 0 && n > limit {
			b.WriteString("  " + l.T("diff.more", n-limit) + "\n")
		}
	}
	models := func(title string, list []snapshots.ModelRef) {
		t := publish.Table{Title: "\n" + title, Headers: []string{l.T("col.model"), l.T("col.date"), l.T("col.organization"), l.T("col.flop")},
			Right: []bool{false, false, false, true}}
		for _, m := range list[:cut(len(list))] {
			f := "-"
			if m.FLOP != nil {
				f = publish.FormatFLOP(*m.FLOP)
			}
			t.Rows = append(t.Rows, []string{m.Model, m.Date, m.Organization, f})
		}
		publish.WriteTable(b, t, l)
		more(len(list))
	}
	models(l.T("diff.added", len(d.Added)), d.Added)
	models(l.T("diff.removed", len(d.Removed)), d.Removed)
	rt := publish.Table{Title: "\n" + l.T("diff.renamed", len(d.Renamed)), Headers: []string{l.T("col.model"), l.T("col.renamed_to"), l.T("col.matched_by")}}
	for _, r := range d.Renamed[:cut(len(d.Renamed))] {
		rt.Rows = append(rt.Rows, []string{r.From, r.To, l.T("by." + r.By)})
	}
	publish.WriteTable(b, rt, l)
	more(len(d.Renamed))
	ct := publish.Table{Title: "\n" + l.T("diff.changed", len(d.Changed)), Headers: []string{l.T("col.model"), l.T("col.field"), l.T("col.old"), l.T("col.new")}}
	for _, c := range d.Changed[:cut(len(d.Changed))] {
		field := l.T("field." + c.Field)
		if c.Spelling {
			field += " " + l.T("diff.spelling")
		}
		if len(c.Added) > 0 || len(c.Removed) > 0 {
			var parts []string
			for _, x := range c.Added {
				parts = append(parts, "+"+x)
			}
			for _, x := range c.Removed {
				parts = append(parts, "−"+x)
			}
			field += " (" + strings.Join(parts, "; ") + ")"
		}
		ct.Rows = append(ct.Rows, []string{c.Model, field, flopText(c.Old), flopText(c.New)})
	}
	publish.WriteTable(b, ct, l)
	more(len(d.Changed))
	writeCensusDiff(b, d.Census, l)
	if d.Explain != nil {
		writeExplain(b, d, l)
	}
}

// writeCensusDiff writes the effect of a diff on the census: per year,
// the countries whose count moved, and the ranking before and after.
func writeCensusDiff(b *bytes.Buffer, cd snapshots.CensusDiff, l i18n.Lang) {
	yt := publish.Table{Title: "\n" + l.T("diff.census", cd.Period.From, cd.Period.To),
		Headers: []string{l.T("col.year"), l.T("col.before"), l.T("col.after"), l.T("col.change")}, Right: []bool{false, true, true, true}}
	for _, y := range cd.PerYear {
		yt.Rows = append(yt.Rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Before), strconv.Itoa(y.After), fmt.Sprintf("%+d", y.After-y.Before)})
	}
	publish.WriteTable(b, yt, l)
	kt := publish.Table{Title: "\n" + l.T("h.countries", cd.Period.From, cd.Period.To),
		Headers: []string{l.T("col.code"), l.T("col.country"), l.T("col.before"), l.T("col.after"), l.T("col.change")}, Right: []bool{false, false, true, true, true}}
	for _, c := range cd.Countries {
		if c.Before == c.After {
			continue
		}
		kt.Rows = append(kt.Rows, []string{c.Code, publish.CountryName(c.Country(), l), publish.FormatCount(c.Before), publish.FormatCount(c.After), publish.Signed(c.After - c.Before)})
	}
	publish.WriteTable(b, kt, l)
	tt := publish.Table{Title: "\n" + l.T("diff.top", cd.Period.To),
		Headers: []string{l.T("col.rank"), l.T("col.before"), l.T("col.flop"), l.T("col.after"), l.T("col.flop")}, Right: []bool{true, false, true, false, true}}
	for i := 0; i < max(len(cd.TopBefore), len(cd.TopAfter)); i++ {
		row := []string{strconv.Itoa(i + 1), "", "", "", ""}
		if i < len(cd.TopBefore) {
			row[1], row[2] = cd.TopBefore[i].Model, publish.FormatFLOP(cd.TopBefore[i].FLOP)
		}
		if i < len(cd.TopAfter) {
			row[3], row[4] = cd.TopAfter[i].Model, publish.FormatFLOP(cd.TopAfter[i].FLOP)
		}
		tt.Rows = append(tt.Rows, row)
	}
	publish.WriteTable(b, tt, l)
}

// flopText is a changed value: FLOP as FLOP, nothing as "-".
func flopText(v any) string {
	if f, ok := v.(float64); ok {
		return publish.FormatFLOP(f)
	}
	if v == nil {
		return "-"
	}
	return fmt.Sprint(v)
}

// writeExplain writes every figure that changed, each key with its
// before, after and delta, and every model behind it, in full.
func writeExplain(b *bytes.Buffer, d *snapshots.Diff, l i18n.Lang) {
	cd := d.Census
	b.WriteString("\n" + l.T("diff.explain", len(d.Explain)) + "\n")
	countries := map[string]census.CountryCount{}
	for _, list := range [][]snapshots.CountryDelta{cd.Countries, cd.CountriesLatest} {
		for _, c := range list {
			countries[c.Code] = c.Country()
		}
	}
	publish.WriteExplanations(b, d.Explain, cd.Period, countries, l, "")
}

// WriteDiffAs writes d to b in format, "json" (its JSON value) or
// "text" (anything else: WriteDiff, each list of models capped at limit
// when above 0).
func WriteDiffAs(b *bytes.Buffer, d *snapshots.Diff, format string, l i18n.Lang, limit int) {
	if format == "json" {
		_ = publish.WriteJSONValue(b, d)
		return
	}
	WriteDiff(b, d, l, limit)
}

// WriteHistoryAs writes h to b in format, one of "json", "csv" and "text"
// (anything else): the JSON value, WriteHistoryCSV or WriteHistory (with
// each point's explanation when explain).
func WriteHistoryAs(b *bytes.Buffer, h *snapshots.History, format string, explain bool, l i18n.Lang) {
	switch format {
	case "json":
		_ = publish.WriteJSONValue(b, h)
	case "csv":
		WriteHistoryCSV(b, h, l)
	default:
		WriteHistory(b, h, l, explain)
	}
}

// WriteHistory writes a history as text in l: its title, one row per
// snapshot (HistoryTable), the snapshots skipped, and with explain, what
// changed the figure at each step.
func WriteHistory(b *bytes.Buffer, h *snapshots.History, l i18n.Lang, explain bool) {
	title := ""
	switch h.Figure {
	case snapshots.FigurePerYear:
		title = l.T("history.per-year")
	case snapshots.FigureCount:
		title = l.T("history.count", h.Year)
	case snapshots.FigureCountry:
		title = l.T("history.country", h.Country, h.Year)
	case snapshots.FigureTop:
		title = l.T("history.top", h.Year)
	}
	b.WriteString(l.T("history.title", title, len(h.Points), l.T("subset."+h.Subset)) + "\n\n")
	publish.WriteTable(b, HistoryTable(h, l), l)
	if len(h.Skipped) > 0 {
		b.WriteString("\n" + l.T("history.skipped", len(h.Skipped)) + "\n")
	}
	if explain {
		writeSteps(b, h, l)
	}
}

// WriteHistoryCSV writes a history's table (HistoryTable) as CSV.
func WriteHistoryCSV(b *bytes.Buffer, h *snapshots.History, l i18n.Lang) {
	t := HistoryTable(h, l)
	w := publish.NewCSVWriter(b)
	_ = w.Write(t.Headers)
	for _, r := range t.Rows {
		_ = w.Write(r)
	}
	_ = w.Flush()
}

// writeSteps writes, for each step of a history, what changed the figure
// and the models behind it, and marks a change of dataset as a break.
func writeSteps(b *bytes.Buffer, h *snapshots.History, l i18n.Lang) {
	b.WriteString("\n" + l.T("history.steps") + "\n")
	period := census.Period{From: h.From, To: h.To}
	if h.Figure != snapshots.FigurePerYear {
		period = census.Period{From: h.Year, To: h.Year}
	}
	for i := 1; i < len(h.Points); i++ {
		p, q := h.Points[i-1], h.Points[i]
		b.WriteString("\n" + l.T("history.step", p.Date, q.Date) + "\n")
		if q.Break != "" {
			b.WriteString("  " + l.T("history.break", q.Break) + "\n")
		}
		if len(q.Explain) == 0 {
			b.WriteString("  " + l.T("history.no_change") + "\n")
			continue
		}
		publish.WriteExplanations(b, q.Explain, period, nil, l, "  ")
	}
}

// HistoryTable lays a history's figure out in l: one row per snapshot
// (its id, or its folder for an archive read in place, and its date),
// then the figure's columns, and a note column where the dataset broke.
func HistoryTable(h *snapshots.History, l i18n.Lang) publish.Table {
	t := publish.Table{Headers: []string{l.T("col.id"), l.T("col.snapshot_date")}, Right: []bool{true, false}}
	if len(h.Points) > 0 && h.Points[0].Source != "" {
		t.Headers[0], t.Right[0] = l.T("col.source"), false // an archive folder: no ids
	}
	switch h.Figure {
	case snapshots.FigurePerYear:
		for y := h.From; y <= h.To; y++ {
			t.Headers = append(t.Headers, strconv.Itoa(y))
			t.Right = append(t.Right, true)
		}
	case snapshots.FigureTop:
		t.Headers = append(t.Headers, l.T("col.model"), l.T("col.organization"), l.T("col.flop"))
		t.Right = append(t.Right, false, false, true)
	default:
		t.Headers = append(t.Headers, l.T("col.count"))
		t.Right = append(t.Right, true)
	}
	breaks := false
	for _, p := range h.Points {
		breaks = breaks || p.Break != ""
	}
	if breaks {
		t.Headers = append(t.Headers, l.T("col.note"))
		t.Right = append(t.Right, false)
	}
	for _, p := range h.Points {
		row := []string{strconv.FormatInt(p.Snapshot, 10), p.Date}
		if p.Source != "" {
			row[0] = filepath.Base(p.Source)
		}
		switch {
		case p.Counts != nil:
			for _, c := range p.Counts {
				row = append(row, strconv.Itoa(c.Count))
			}
		case h.Figure == snapshots.FigureTop:
			if p.Top != nil {
				row = append(row, p.Top.Model, p.Top.Organization, publish.FormatFLOP(p.Top.FLOP))
			} else {
				row = append(row, "-", "", "")
			}
		case p.Count != nil:
			row = append(row, publish.FormatCount(*p.Count))
		}
		if breaks {
			note := ""
			if p.Break != "" {
				note = l.T("history.break", p.Break)
			}
			row = append(row, note)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
