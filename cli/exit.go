package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/limits"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/store"
)

// Exit codes, documented in the README.
const (
	ExitOK       = 0 // success
	ExitInternal = 1 // an unexpected failure
	ExitUsage    = 2 // a bad command line: unknown flag, bad option value
	ExitInput    = 3 // the source cannot be read: missing, empty, not CSV, corrupt zip, missing column
	ExitDownload = 4 // the download failed and no cached copy could be used
	ExitRules    = 5 // a --rules table is invalid
	ExitOutput   = 6 // the output cannot be written
	ExitStore    = 7 // the snapshot store cannot be opened or used
	ExitOverlay  = 8 // an overlay folder cannot be read, or (curate) an entry is invalid
)

// Error is a failure with its exit code and a message already in the
// user's language.
type Error struct {
	Code int
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

func usageError(l i18n.Lang, err error) error {
	return &Error{Code: ExitUsage, Msg: l.T("err.usage", err), Err: err}
}

// asUsage keeps an *Error as it is and makes anything else a usage error.
func asUsage(l i18n.Lang, err error) error {
	var ce *Error
	if errors.As(err, &ce) {
		return ce
	}
	return usageError(l, err)
}

// translate turns an error from the packages below into an *Error with a
// translated one-line message and its exit code.
func translate(l i18n.Lang, err error) error {
	if err == nil {
		return nil
	}
	var ce *Error
	if errors.As(err, &ce) {
		return ce
	}
	if errors.Is(err, context.Canceled) {
		// A signal (SIGINT, SIGTERM) ended the reading.
		return &Error{Code: ExitInternal, Msg: l.T("err.interrupted"), Err: err}
	}
	var ie *epoch.InputError
	if errors.As(err, &ie) {
		return &Error{Code: ExitInput, Msg: inputMessage(l, ie), Err: err}
	}
	var fo *publish.IsFolderError
	var nf *publish.NoFolderError
	var oe *publish.OutputError
	if errors.As(err, &fo) || errors.As(err, &nf) || errors.As(err, &oe) {
		return outputError(l, err)
	}
	if errors.As(err, new(publish.NoCJKFontError)) {
		return &Error{Code: ExitOutput, Msg: l.T("err.no_cjk_font", publish.CJKPackage), Err: err}
	}
	var nc publish.NoChromeError
	if errors.As(err, &nc) {
		if nc.Env != "" {
			return &Error{Code: ExitOutput, Msg: l.T("err.bad_chrome_env", nc.Env), Err: err}
		}
		return &Error{Code: ExitOutput, Msg: l.T("err.no_chromium", strings.Join(publish.ChromeNames, ", ")), Err: err}
	}
	var us *store.UnknownSchemeError
	if errors.As(err, &us) {
		return &Error{Code: ExitStore, Msg: l.T("err.store", store.Detail(err)), Err: err}
	}
	var fe *epoch.FetchError
	if errors.As(err, &fe) {
		var msg string
		switch fe.Kind {
		case epoch.FetchOffline:
			msg = l.T("err.offline", fe.URL)
		case epoch.FetchStatus:
			msg = l.T("err.http_status", fe.URL, fe.Status)
		case epoch.FetchTooLarge:
			msg = l.T("err.too_large", fe.URL, fe.Limit)
		case epoch.FetchTruncated:
			msg = l.T("err.truncated", fe.URL)
		case epoch.FetchCache:
			msg = l.T("err.cache", fe.Err)
		default:
			msg = l.T("err.download", fe.URL, fe.Err)
		}
		return &Error{Code: ExitDownload, Msg: msg, Err: err}
	}
	return &Error{Code: ExitInternal, Msg: l.T("err.internal", err), Err: err}
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
		msg := l.T("err.missing_column", e.Path, joinOr(l, e.Missing), quoteAll(e.Found))
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
		return l.T("err.copies", e.Path, quoteAll(e.Available))
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
