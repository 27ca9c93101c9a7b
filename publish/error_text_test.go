package publish

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/store"
)

// TestErrorTextKinds checks the kind ErrorText gives each typed error, and
// that it words none it does not know.
func TestErrorTextKinds(t *testing.T) {
	cases := []struct {
		err  error
		kind ErrorKind
	}{
		{fmt.Errorf("wrapped: %w", &epoch.InputError{Path: "a.csv"}), KindInput},
		{&epoch.FetchError{URL: "https://x", Kind: epoch.FetchOffline}, KindDownload},
		{&IsFolderError{Path: "out"}, KindOutput},
		{&NoFolderError{Dir: "missing"}, KindOutput},
		{NoChromeError{}, KindOutput},
		{&store.UnknownSchemeError{}, KindStore},
		{fmt.Errorf("reading: %w", context.Canceled), KindInterrupted},
		{errors.New("something else"), KindUnknown},
	}
	for _, c := range cases {
		for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
			msg, kind := ErrorText(l, c.err)
			if kind != c.kind {
				t.Errorf("ErrorText(%v) kind = %d, want %d", c.err, kind, c.kind)
			}
			if (msg == "") != (c.kind == KindUnknown) {
				t.Errorf("ErrorText(%v) message = %q", c.err, msg)
			}
		}
	}
	if got := OutputMessage(i18n.EN, &NoFolderError{Dir: "missing"}); got != i18n.EN.T("err.write", i18n.EN.T("err.no_folder", "missing")) {
		t.Errorf("OutputMessage = %q", got)
	}
}
