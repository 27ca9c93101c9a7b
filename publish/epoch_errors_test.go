package publish_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// EpochMessage names the file with its line and column for an input
// error, the address for a download, and says nothing of other errors.
func TestEpochMessage(t *testing.T) {
	in := fmt.Errorf("reading: %w", &epoch.InputError{Kind: epoch.InputNotFound, Path: "x.csv"})
	if got := publish.EpochMessage(i18n.EN, in); !strings.Contains(got, "x.csv") {
		t.Errorf("input error: %q names no file", got)
	}
	fe := &epoch.FetchError{Kind: epoch.FetchTruncated, URL: "https://example.org/a.zip"}
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		if got := publish.EpochMessage(l, fe); !strings.Contains(got, fe.URL) {
			t.Errorf("%s: download error %q names no address", l, got)
		}
	}
	if got := publish.EpochMessage(i18n.EN, errors.New("other")); got != "" {
		t.Errorf("other error: %q, want none", got)
	}
	// More subsets than a message lists: the first ones, then how many.
	var many []string
	for i := 0; i < 40; i++ {
		many = append(many, fmt.Sprintf("s%d", i))
	}
	msg := publish.EpochMessage(i18n.EN, &epoch.InputError{Kind: epoch.InputNoSubset, Path: "d", Subset: "z", Available: many})
	if !strings.Contains(msg, "s0") || strings.Contains(msg, "s39") {
		t.Errorf("subset list not cut: %q", msg)
	}
}
