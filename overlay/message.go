package overlay

import (
	"slices"

	"github.com/modelcensus/modelcensus/i18n"
)

// Message is what is wrong with the entry, in l: the catalogue's
// "overlay.err."+Code with the Args (HintNonNegative said in l), or Msg,
// in English, when l is English or the code has no message.
func (e *Error) Message(l i18n.Lang) string {
	if key := "overlay.err." + e.Code; l != i18n.EN && i18n.Has(key) {
		args := slices.Clone(e.Args)
		for i, a := range args {
			if a == HintNonNegative {
				args[i] = l.T("hint.nonnegative")
			}
		}
		return l.T(key, args...)
	}
	return e.Msg
}

// Text is the problem in l as Error writes it: file:line: field: message.
func (e *Error) Text(l i18n.Lang) string {
	q := *e
	q.Msg = e.Message(l)
	return q.Error()
}

// WriteDir is the folder the curate commands write entries to: dir (the
// --overlay flag), else DefaultDir; "" when dir is None or there is no
// home folder to find the default in.
func WriteDir(dir string, getenv func(string) string) string {
	switch dir {
	case None:
		return ""
	case "":
		return DefaultDir(getenv)
	}
	return dir
}

// Files is how many files the problems are in (a file with several bad
// entries counts once).
func Files(problems []*Error) int {
	files := map[string]bool{}
	for _, p := range problems {
		files[p.File] = true
	}
	return len(files)
}
