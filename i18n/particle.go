package i18n

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Korean particles take one form after a syllable that ends in a
// consonant (batchim) and another after one that ends in a vowel: 모델은,
// 데이터는; GB200이 (이백, read "영" for the zero), H100을. A message
// written with both forms, as Korean style guides write a particle whose
// word is not known in advance, is resolved by Particles once the word is
// in place. The pairs resolved, with the form after a consonant first:
// 은(는), 이(가), 을(를), 과(와), 이나(나) written (이)나, and (으)로, where
// a final ㄹ takes 로 as a vowel does.
var particlePairs = []struct {
	written, consonant, vowel string
	rieulVowel                bool // a final ㄹ takes the vowel form
}{
	{"은(는)", "은", "는", false},
	{"이(가)", "이", "가", false},
	{"을(를)", "을", "를", false},
	{"과(와)", "과", "와", false},
	{"(이)나", "이나", "나", false},
	{"(으)로", "으로", "로", true},
}

// particleRE finds the particles written both ways, compiled on first use
// (not at every start).
var particleRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`은\(는\)|이\(가\)|을\(를\)|과\(와\)|\(이\)나|\(으\)로`)
})

// Particles resolves every written-both-ways particle of s (은(는), 이(가),
// 을(를), 과(와), (이)나, (으)로) by the word before it, looking through
// closing quotes and brackets: `"GB200"이(가)` becomes `"GB200"이`. Where
// the word's last sound cannot be told (a symbol, nothing before it) the
// text is left as written.
func Particles(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range particleRE().FindAllStringIndex(s, -1) {
		final, ok := finalSound(s[:m[0]])
		if !ok {
			continue
		}
		for _, p := range particlePairs {
			if s[m[0]:m[1]] != p.written {
				continue
			}
			b.WriteString(s[last:m[0]])
			if final == soundVowel || final == soundRieul && p.rieulVowel {
				b.WriteString(p.vowel)
			} else {
				b.WriteString(p.consonant)
			}
			last = m[1]
			break
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

type sound int

const (
	soundVowel     sound = iota // no final consonant
	soundConsonant              // a final consonant other than ㄹ
	soundRieul                  // a final ㄹ
)

// digitSound is how each digit is read at the end of a number in Korean
// (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구).
var digitSound = [10]sound{soundConsonant, soundRieul, soundVowel, soundConsonant, soundVowel, soundVowel,
	soundConsonant, soundRieul, soundRieul, soundVowel}

// letterSound is how a Latin capital letter's English name ends as Korean
// reads it (엘, 엠, 엔, 알 end in a consonant; 에이, 비, 씨, … in a vowel).
func letterSound(r rune) sound {
	switch r {
	case 'L', 'R':
		return soundRieul
	case 'M', 'N':
		return soundConsonant
	}
	return soundVowel
}

// finalSound tells how the text before a particle ends: the last
// Hangul syllable's final consonant, a digit as read in Korean, an
// acronym's last letter name, or an English word's likely ending (-l, -le:
// ㄹ; -m, -n, -ng, -ck: a consonant; otherwise a vowel, as a final stop is
// mostly written with 으: bad 배드, Bard 바드); a word of four capitals or more (NAVER, META) is read as a
// word. Closing quotes, brackets and spaces are looked through.
func finalSound(s string) (sound, bool) {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune(`"')]}’”»›`+"`", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		switch (r - 0xAC00) % 28 {
		case 0:
			return soundVowel, true
		case 8:
			return soundRieul, true
		}
		return soundConsonant, true
	case r >= '0' && r <= '9':
		return digitSound[r-'0'], true
	case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		word := s[strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
		if strings.ToUpper(word) == word && len(word) <= 3 {
			return letterSound(r), true // an acronym, read letter by letter: KT, LG, AMD
		}
		w := strings.ToLower(word)
		switch {
		case strings.HasSuffix(w, "l") || strings.HasSuffix(w, "le"):
			return soundRieul, true
		case strings.HasSuffix(w, "ng"), strings.HasSuffix(w, "m"), strings.HasSuffix(w, "n"), strings.HasSuffix(w, "ck"):
			return soundConsonant, true
		}
		return soundVowel, true
	}
	return 0, false
}

// yearRangeRE finds a span of years written from–to, compiled on first
// use.
var yearRangeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(\d{4})–(\d{4})\b`) })

// OneYear writes a span of years whose two ends are the same year as that
// year alone: "2023–2023년" reads "2023년", "2023–2023" "2023".
func OneYear(s string) string {
	if !strings.Contains(s, "–") {
		return s
	}
	return yearRangeRE().ReplaceAllStringFunc(s, func(m string) string {
		if a, b, _ := strings.Cut(m, "–"); a == b {
			return a
		}
		return m
	})
}
