package i18n

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestEveryKeyInBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		en, ko := EN.T(k), KO.T(k)
		if strings.TrimSpace(catalog()[k][0]) == "" || strings.TrimSpace(catalog()[k][1]) == "" {
			t.Errorf("%s: empty text (en %q, ko %q)", k, en, ko)
		}
		if strings.Count(catalog()[k][0], "%") != strings.Count(catalog()[k][1], "%") {
			t.Errorf("%s: English and Korean take different arguments: %q / %q", k, catalog()[k][0], catalog()[k][1])
		}
	}
}

// Templates whose arguments are all numbers can be given in the wrong
// order without any count of verbs noticing: check the notes by value.
func TestArgumentOrder(t *testing.T) {
	for _, l := range []Lang{EN, KO} {
		s := l.T("note.cagr_undefined", 0, 2026, 1)
		if !strings.Contains(s, "2026") || strings.Contains(s, "2026개") || strings.Contains(s, "0년") {
			t.Errorf("%s: %q puts the year and the count in the wrong places", l, s)
		}
		s = l.T("note.incomplete_latest_year", 2026, "2026-08-19")
		if !strings.Contains(s, "2026") || !strings.Contains(s, "2026-08-19") {
			t.Errorf("%s: %q", l, s)
		}
	}
}

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, EN},
		{map[string]string{"LANG": "ko_KR.UTF-8"}, KO},
		{map[string]string{"LANG": "ko_KR.UTF-8", "LC_ALL": "C"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "ko_KR"}, KO},
	} {
		if got := FromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v → %s, want %s", tc.env, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"en": EN, "KO": KO, "korean": KO, "한국어": KO} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("fr is not supported")
	}
}

// fmtArgs maps each argument a format uses (1-based, as %[n] counts) to
// its verb, following fmt's rules for implicit and explicit indexes.
func fmtArgs(f string) map[int]byte {
	m := map[int]byte{}
	next := 1
	for _, v := range verbPattern.FindAllStringSubmatch(f, -1) {
		verb := v[0][len(v[0])-1]
		if verb == '%' {
			continue
		}
		if v[1] != "" {
			next, _ = strconv.Atoi(v[1][1 : len(v[1])-1])
		}
		m[next] = verb
		next++
	}
	return m
}

var verbPattern = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// Each argument goes to the same verb in both languages, so a Korean word
// order that puts a count where a name belongs (%!d(string=…)) fails here.
func TestSameArgumentsBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		en, ko := fmtArgs(catalog()[k][0]), fmtArgs(catalog()[k][1])
		if !reflect.DeepEqual(en, ko) {
			t.Errorf("%s: English takes %v, Korean %v:\n  %q\n  %q", k, en, ko, catalog()[k][0], catalog()[k][1])
		}
	}
}
