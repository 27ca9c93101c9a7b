package publish

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
)

// AgeText says how old a copy is, in l: days past two days, else hours,
// minutes or seconds.
func AgeText(d time.Duration, l i18n.Lang) string {
	switch {
	case d >= 48*time.Hour:
		return l.T("age.days", int(d.Hours()/24))
	case d >= time.Hour:
		return l.T("age.hours", int(d.Round(time.Hour).Hours()))
	case d >= time.Minute:
		return l.T("age.minutes", int(d.Round(time.Minute).Minutes()))
	default:
		return l.T("age.seconds", int(d.Round(time.Second).Seconds()))
	}
}

// ProblemText is a row's problem in l: its translation by code, else the
// reader's English.
func ProblemText(p census.Problem, l i18n.Lang) string {
	if p.Code == "" || !i18n.Has("problem."+p.Code) {
		return p.Message
	}
	args := p.Args
	if p.Code == census.ProblemMalformed && len(args) == 4 {
		args = append(args[:3:3], l.T("quote."+fmt.Sprint(args[3])))
	}
	return l.T("problem."+p.Code, args...)
}

// ProblemLines are the warnings a command prints for a source's problems,
// in l: in file order (the reader's problems and the census's come
// apart; problems is sorted so), the first shown of them, then how many
// more there are.
func ProblemLines(problems []census.Problem, shown int, l i18n.Lang) []string {
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i], problems[j]
		return a.File < b.File || a.File == b.File && a.Line < b.Line
	})
	var out []string
	for i, p := range problems {
		if i == shown {
			out = append(out, l.T("warn.more_problems", len(problems)-shown))
			break
		}
		out = append(out, l.T("warn.problem", p.File, p.Line, ProblemText(p, l)))
	}
	return out
}

// JoinOr lists missing columns, each with its spellings (package epoch
// writes them joined by " or "), in l.
func JoinOr(l i18n.Lang, list []string) string {
	s := strings.Join(list, " / ")
	if l == i18n.KO {
		s = strings.ReplaceAll(s, `" or "`, `" 또는 "`)
	}
	return s
}

// QuoteAll quotes the first twelve of list, then says how many there
// are; "-" for none.
func QuoteAll(list []string) string {
	if len(list) == 0 {
		return "-"
	}
	const max = 12
	q := make([]string, 0, max+1)
	for i, s := range list {
		if i == max {
			q = append(q, fmt.Sprintf("… (%d)", len(list)))
			break
		}
		q = append(q, strconv.Quote(s))
	}
	return strings.Join(q, ", ")
}

// ReadingLines are the warnings a command prints on reading a source, in l
// (epoch.Notes): the bundled snapshot standing in for a download that
// failed, why (reason's text of n.Fallback) and of what date; else a
// download's copy used offline (how old at now) or taken from the cache.
func ReadingLines(n epoch.Notes, now time.Time, l i18n.Lang, reason func(error) string) []string {
	var out []string
	if n.Fallback != nil {
		out = append(out, l.T("warn.bundled", n.Location, reason(n.Fallback), n.Date.Format("2006-01-02")))
	}
	if f := n.Fetched; f != nil {
		if f.Offline {
			out = append(out, l.T("warn.offline", f.URL, AgeText(f.Age(now), l), f.RetrievedAt.Format(time.RFC3339)))
		} else if f.FromCache {
			out = append(out, l.T("warn.cached", f.URL, f.RetrievedAt.Format(time.RFC3339)))
		}
	}
	return out
}
