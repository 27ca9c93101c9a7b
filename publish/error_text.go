package publish

import (
	"context"
	"errors"
	"strings"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/store"
)

// ErrorKind is what kind of failure ErrorText said: the data a command
// line chooses its exit code from.
type ErrorKind int

// The kinds of failure ErrorText tells apart.
const (
	KindUnknown     ErrorKind = iota // an error ErrorText does not word
	KindInput                        // a source that cannot be read (epoch.InputError)
	KindDownload                     // a download that failed (epoch.FetchError)
	KindOutput                       // output that cannot be written, a missing font or browser
	KindStore                        // a store address of an unknown scheme
	KindInterrupted                  // a signal ended the work (context.Canceled)
)

// ErrorText says err, a typed error of the packages below the command
// line (epoch, publish, store), in l as one line, with its kind. For any
// other error it returns "" and KindUnknown.
func ErrorText(l i18n.Lang, err error) (string, ErrorKind) {
	if errors.Is(err, context.Canceled) {
		return l.T("err.interrupted"), KindInterrupted
	}
	if msg := EpochMessage(l, err); msg != "" {
		if errors.As(err, new(*epoch.InputError)) {
			return msg, KindInput
		}
		return msg, KindDownload
	}
	if errors.As(err, new(*IsFolderError)) || errors.As(err, new(*NoFolderError)) || errors.As(err, new(*OutputError)) || errors.As(err, new(*WriteError)) {
		return OutputMessage(l, err), KindOutput
	}
	if errors.As(err, new(NoCJKFontError)) {
		return l.T("err.no_cjk_font", CJKPackage), KindOutput
	}
	var nc NoChromeError
	if errors.As(err, &nc) {
		if nc.Env != "" {
			return l.T("err.bad_chrome_env", nc.Env), KindOutput
		}
		return l.T("err.no_chromium", strings.Join(ChromeNames, ", ")), KindOutput
	}
	if errors.As(err, new(*store.UnknownSchemeError)) {
		return l.T("err.store", StoreDetail(err)), KindStore
	}
	return "", KindUnknown
}

// OutputMessage says in l that output cannot be written because of err:
// a path that is a folder, a folder that does not exist, or err itself.
func OutputMessage(l i18n.Lang, err error) string {
	var fo *IsFolderError
	var nf *NoFolderError
	switch {
	case errors.As(err, &fo):
		return l.T("err.write", l.T("err.is_folder", fo.Path))
	case errors.As(err, &nf):
		return l.T("err.write", l.T("err.no_folder", nf.Dir))
	}
	return l.T("err.write", err)
}

// StoreDetail is err's text without the "store: " or "store " that begins
// package store's errors, for a message that names the store itself:
// "snapshot store: /tmp/s.db: file is not a database", not "snapshot
// store: store /tmp/s.db: ...".
func StoreDetail(err error) string {
	msg := err.Error()
	for _, prefix := range []string{"store: ", "store "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			return rest
		}
	}
	return msg
}
