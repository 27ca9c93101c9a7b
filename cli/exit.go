package cli

import (
	"errors"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
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

// exitCodes are the exit codes of the kinds of failure publish.ErrorText
// says.
var exitCodes = [...]int{
	publish.KindInput:    ExitInput,
	publish.KindDownload: ExitDownload,
	publish.KindOutput:   ExitOutput,
	publish.KindStore:    ExitStore,
	// A signal (SIGINT, SIGTERM) ended the work.
	publish.KindInterrupted: ExitInternal,
}

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
	if msg, kind := publish.ErrorText(l, err); kind != publish.KindUnknown {
		return &Error{Code: exitCodes[kind], Msg: msg, Err: err}
	}
	return &Error{Code: ExitInternal, Msg: l.T("err.internal", err), Err: err}
}
