package publish

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/limits"
)

// EpochMessage says an error of package epoch in l, as one line: a source
// that cannot be read (epoch.InputError) or a download that failed
// (epoch.FetchError), an input error first where err wraps both. It
// returns "" for any other error. The command line calls it once, where
// it translates errors.
func EpochMessage(l i18n.Lang, err error) string {
	var ie *epoch.InputError
	if errors.As(err, &ie) {
		return inputMessage(l, ie)
	}
	var fe *epoch.FetchError
	if !errors.As(err, &fe) {
		return ""
	}
	switch fe.Kind {
	case epoch.FetchOffline:
		return l.T("err.offline", fe.URL)
	case epoch.FetchStatus:
		return l.T("err.http_status", fe.URL, fe.Status)
	case epoch.FetchTooLarge:
		return l.T("err.too_large", fe.URL, fe.Limit)
	case epoch.FetchTruncated:
		return l.T("err.truncated", fe.URL)
	case epoch.FetchCache:
		return l.T("err.cache", fe.Err)
	}
	return l.T("err.download", fe.URL, fe.Err)
}

// pos names a file and, where known, its line and column: file:3:7.
func pos(e *epoch.InputError) string {
	p := e.Path
	if e.Line > 0 {
		p += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			p += ":" + strconv.Itoa(e.Column)
		}
	}
	return p
}

func inputMessage(l i18n.Lang, e *epoch.InputError) string {
	switch e.Kind {
	case epoch.InputNotFound:
		return l.T("err.not_found", e.Path)
	case epoch.InputEmpty:
		return l.T("err.empty", e.Path)
	case epoch.InputNotCSV:
		if e.Line > 0 {
			return l.T("err.not_csv_at", e.Path, e.Line, e.Column, e.Err)
		}
		return l.T("err.not_csv", e.Path)
	case epoch.InputHTML:
		return l.T("err.html", e.Path)
	case epoch.InputBadZip:
		return l.T("err.bad_zip", e.Path, e.Err)
	case epoch.InputNoCSV:
		return l.T("err.no_csv", e.Path)
	case epoch.InputNoSubset:
		return l.T("err.no_subset", e.Path, e.Subset, cutList(l, e.Available))
	case epoch.InputMissingColumn:
		// e.Error() already lists expected and found columns; keep its
		// lists and translate the sentence.
		msg := l.T("err.missing_column", e.Path, JoinOr(l, e.Missing), QuoteAll(e.Found))
		if len(e.Found) == 1 {
			msg += l.T("err.one_column")
		}
		return msg
	case epoch.InputTooLarge:
		var be *epoch.BoundError
		if errors.As(e.Err, &be) {
			return l.T("err.bound", pos(e), l.T("bound."+be.Bound, epoch.FormatBound(be.Bound, be.Limit)))
		}
		return l.T("err.too_large_input", pos(e), e.Err)
	case epoch.InputNoRows:
		if e.Hint == "header_only" {
			return l.T("err.header_only", e.Path)
		}
		return l.T("err.no_rows", e.Path)
	case epoch.InputCopies:
		return l.T("err.copies", e.Path, QuoteAll(e.Available))
	case epoch.InputDateOrder:
		if len(e.Examples) == 2 && len(e.ExampleLines) == 2 {
			return l.T("err.date_order_mixed", e.Path, e.Field, e.Examples[0], e.ExampleLines[0], e.Examples[1], e.ExampleLines[1])
		}
		return l.T("err.date_order", e.Path, e.Field)
	}
	if errors.Is(e.Err, epoch.ErrNotRegular) {
		return l.T("err.not_regular", e.Path)
	}
	return l.T("err.read", e.Path, e.Err)
}

// cutList writes a list for a one-line message, as fmt.Sprint does, but
// with its first limits.ListItems items and then how many there are in all.
func cutList(l i18n.Lang, list []string) string {
	if len(list) <= limits.ListItems {
		return fmt.Sprint(list)
	}
	return "[" + strings.Join(list[:limits.ListItems], " ") + " " + l.T("list.more", len(list)) + "]"
}
