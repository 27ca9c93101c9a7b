package publish

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// WriteExplanations writes explanations of a change (census.Explain)
// grouped by figure, in l: each key with its before, after and delta, and
// every cause in full. indent goes before every line; countries name the
// country codes where known (nil: codes alone).
func WriteExplanations(b *bytes.Buffer, list []census.Explanation, period census.Period, countries map[string]census.CountryCount, l i18n.Lang, indent string) {
	r := &census.Result{Period: period, LatestYear: period.To}
	last := ""
	for _, e := range list {
		if e.Figure != last {
			last = e.Figure
			title := l.T("fig.total", period.From, period.To)
			if period.From == period.To {
				title = l.T("fig.total.year", period.From)
			}
			if f, ok := census.FigureByName(e.Figure); ok {
				title = f.Text(f.Title, string(l), r, "")
			}
			b.WriteString("\n" + indent + title + "\n")
		}
		key := e.Key
		switch e.Figure {
		case census.FigureCountries, census.FigureCountriesLatest:
			if c, ok := countries[key]; ok {
				key += " " + CountryName(c, l)
			}
		case census.FigureDomains, census.FigureDomainsLatest:
			key = DomainGroupName(key, l)
		}
		b.WriteString(indent)
		switch {
		case e.Figure == census.FigureTopComputeLatest:
			fmt.Fprintf(b, "  %s: %s → %s\n", key, flopOrDash(e.Before), flopOrDash(e.After))
		case key == "":
			fmt.Fprintf(b, "  %s → %s (%s)\n", FormatCount(e.Before), FormatCount(e.After), Signed(e.Delta))
		default:
			fmt.Fprintf(b, "  %s: %s → %s (%s)\n", strings.TrimSpace(key), FormatCount(e.Before), FormatCount(e.After), Signed(e.Delta))
		}
		for _, c := range e.Causes {
			line := indent + "    " + l.T("cause."+c.Cause) + ": " + c.Model
			if c.Detail != "" {
				line += " (" + causeDetail(c, l) + ")"
			}
			if e.Figure != census.FigureTopComputeLatest {
				line += " " + Signed(c.Contribution)
			}
			b.WriteString(line + "\n")
		}
	}
}

// causeDetail is a cause's detail in l.
func causeDetail(c census.Cause, l i18n.Lang) string {
	if key := "cause.detail." + c.Cause; len(c.Args) > 0 && i18n.Has(key) {
		return l.T(key, c.Args...)
	}
	return c.Detail
}

// flopOrDash is a ranking value: the FLOP, or "–" for not ranked.
func flopOrDash(v float64) string {
	if v == 0 {
		return "–"
	}
	return FormatFLOP(v)
}

// Signed is a change with its sign, as FormatCount writes it: +3, -1.5, 0.
func Signed(v float64) string {
	if v > 0 {
		return "+" + FormatCount(v)
	}
	return FormatCount(v)
}
