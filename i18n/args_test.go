package i18n

import "testing"

// TestFromArgs checks that the first valid --lang of a command line picks
// the language, in either spelling, and that the locale decides otherwise.
func TestFromArgs(t *testing.T) {
	ko := func(k string) string {
		if k == "LANG" {
			return "ko_KR.UTF-8"
		}
		return ""
	}
	none := func(string) string { return "" }
	for _, c := range []struct {
		args   []string
		getenv func(string) string
		want   Lang
	}{
		{[]string{"report", "--lang", "ko"}, none, KO},
		{[]string{"report", "--lang=ko"}, none, KO},
		{[]string{"report", "--lang=xx", "--lang", "ko"}, none, KO},
		{[]string{"report", "--lang", "en"}, ko, EN},
		{[]string{"report", "--lang"}, ko, KO},
		{[]string{"report", "--lang=xx"}, ko, KO},
		{[]string{"report"}, none, EN},
	} {
		if got := FromArgs(c.args, c.getenv); got != c.want {
			t.Errorf("FromArgs(%q) = %s, want %s", c.args, got, c.want)
		}
	}
}
