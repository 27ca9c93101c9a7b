package cli

import (
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/spf13/cobra"
	"io"
	"regexp"
	"strings"
	"testing"
)

// cobra's and pflag's errors reach the user in their language, one line,
// with exit code 2.
func TestFlagErrorsTranslated(t *testing.T) {
	cases := []struct {
		args   []string
		en, ko string
	}{
		{[]string{"report", "--bogus"}, "unknown flag --bogus", "알 수 없는 플래그 --bogus"},
		{[]string{"bogus"}, `unknown command "bogus"`, `알 수 없는 명령 "bogus"`},
		{[]string{"report", "--from", "x"}, `--from: "x" is not a whole number`, `--from: "x"는 정수가 아닙니다`},
		{[]string{"chart"}, "name one chart: per_year, countries", "차트 이름을 하나 주세요: per_year"},
		{[]string{"snapshots", "extra"}, `unknown command "extra"`, `알 수 없는 명령 "extra"`},
		{[]string{"pull", "--every", "x"}, `--every: "x" is not a duration`, `--every: "x"는 기간이 아닙니다`},
		{[]string{"report", "--top"}, "--top needs a value", "--top에는 값이 필요합니다"},
	}
	for _, tc := range cases {
		for lang, want := range map[string]string{"en": tc.en, "ko": tc.ko} {
			code, _, errOut := run(t, map[string]string{"LANG": lang}, tc.args...)
			if code != ExitUsage || !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("%s %v: exit %d, %q; want %q", lang, tc.args, code, errOut, want)
			}
		}
	}
}

// Help is in one language: --help --lang ko on the root and on a command
// shows the Korean description only, and English without.
func TestHelpInOneLanguage(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"report", "--help"}, {"history", "--help"}} {
		code, ko, _ := run(t, nil, append(args, "--lang", "ko")...)
		_, en, _ := run(t, nil, args...)
		if code != ExitOK || !strings.Contains(ko, "사용법:") || strings.Contains(ko, "Usage:") {
			t.Errorf("%v --lang ko: exit %d\n%s", args, code, ko)
		}
		hasHangul := func(s string) bool {
			return strings.ContainsFunc(s, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 })
		}
		head := func(s string) string { return strings.SplitN(s, "\n\n", 2)[0] }
		if !hasHangul(head(ko)) || hasHangul(head(en)) {
			t.Errorf("%v: description not in one language:\nko: %s\nen: %s", args, head(ko), head(en))
		}
	}
}

// Every command's Korean help, at every depth, says each flag's use in
// Korean: no description of our own is left in English.
func TestEveryHelpInKorean(t *testing.T) {
	hangul := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 })
	}
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			if sub.Name() != "help" {
				walk(sub, append(append([]string(nil), path...), sub.Name()))
			}
		}
	}
	walk(NewRoot(&IOStreams{Out: io.Discard, ErrOut: io.Discard}, i18n.KO), nil)
	if len(paths) < 15 {
		t.Fatalf("only %d commands found", len(paths))
	}
	for _, p := range paths {
		code, out, errOut := run(t, nil, append(p, "--help", "--lang", "ko")...)
		if code != ExitOK {
			t.Errorf("%v: exit %d %s", p, code, errOut)
			continue
		}
		inFlags := false
		for _, line := range strings.Split(out, "\n") {
			switch {
			case strings.HasSuffix(line, ":") && !strings.HasPrefix(line, " "):
				inFlags = strings.Contains(line, "플래그")
				continue
			case !inFlags || !strings.HasPrefix(strings.TrimSpace(line), "-"):
				continue
			}
			// "  -o, --output string   뜻": the description follows the
			// flag's name and type after two or more spaces.
			fields := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(line), 2)
			if len(fields) == 2 && !hangul(fields[1]) {
				t.Errorf("%v: flag help in English: %q", p, line)
			}
			// One style: a flag's use as a phrase, not a sentence.
			if len(fields) == 2 && strings.HasSuffix(strings.TrimRight(fields[1], ".) "), "니다") {
				t.Errorf("%v: flag help written as a sentence: %q", p, line)
			}
		}
	}
}
