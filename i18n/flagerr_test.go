package i18n

import "testing"

// TestFlagMessage checks that a cobra message is restated with its key's
// text and its parts, and an unknown one is left as it is.
func TestFlagMessage(t *testing.T) {
	for _, l := range []Lang{EN, KO} {
		if got, want := FlagMessage(l, "unknown flag: --bogus\n"), l.T("flagerr.unknown", "--bogus"); got != want {
			t.Errorf("%s: FlagMessage = %q, want %q", l, got, want)
		}
		if got, want := FlagMessage(l, "accepts 1 arg(s), received 3"), l.T("flagerr.args", "1", "3"); got != want {
			t.Errorf("%s: FlagMessage = %q, want %q", l, got, want)
		}
		if got := FlagMessage(l, "something else"); got != "something else" {
			t.Errorf("%s: FlagMessage(unknown) = %q", l, got)
		}
	}
}
