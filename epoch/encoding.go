package epoch

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/transform"

	"github.com/modelcensus/modelcensus/census"
)

// The single-byte encodings of desks besides Windows-1252: Mac Roman,
// which Excel for Mac writes as "CSV (Macintosh)", and code page 850,
// which Excel on Windows writes as "CSV (MS-DOS)" in Western Europe.
const (
	EncodingMacRoman = "macintosh"
	EncodingCP850    = "cp850"
)

// legacyEncodings are the encodings tried, in the order that breaks a tie
// when nothing tells them apart: CP949 (Korean Excel's, and the first
// users' desks), Windows-1252 (Western Excel's), Mac Roman (Excel for
// Mac's). Code page 850 is read when --encoding names it, but not tried:
// it reads the accented letters of Western words as other letters as
// often as Mac Roman does (Mac Roman's "Universität" is its
// "Universitèt"), so that trying both would leave most files that are
// either undecided.
var legacyEncodings = []string{EncodingCP949, EncodingWindows1252, EncodingMacRoman}

func init() {
	for _, name := range []string{"macintosh", "mac", "mac-roman", "macroman", "x-mac-roman", "csmacintosh"} {
		Encodings[name] = EncodingMacRoman
	}
	for _, name := range []string{"cp850", "ibm850", "850", "dos-850", "cp-850"} {
		Encodings[name] = EncodingCP850
	}
}

// singleByteCodec is the decoder of the single-byte encodings of this
// file, or nil.
func singleByteCodec(enc string) encoding.Encoding {
	switch enc {
	case EncodingMacRoman:
		return charmap.Macintosh
	case EncodingCP850:
		return charmap.CodePage850
	}
	return nil
}

// reading is what one encoding makes of the start of a file.
type reading struct {
	enc    string
	text   string
	valid  bool // decodes without error
	mapped int  // organization and country values the rules map
	total  int  // of all such values
	// words and odd count the words with bytes past ASCII that read as
	// words (letters of one script, cased as words are) and those that do
	// not (a symbol, a capital or a Hangul syllable inside a Latin word).
	words, odd int
	decoded    []string // each such word, as decoded
}

func (r *reading) score() int { return r.words - r.odd }

// rawWords are the runs of bytes between ASCII spaces, punctuation and
// symbols that hold a byte past ASCII: the words that the encodings read
// differently. ASCII punctuation is never part of a CP949 character, so the
// runs cut no character in two. At most max are kept.
func rawWords(body []byte, max int) [][]byte {
	var out [][]byte
	start, high := -1, false
	for i := 0; i <= len(body); i++ {
		sep := i == len(body)
		if !sep {
			c := body[i]
			sep = c < utf8.RuneSelf && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
		}
		if sep {
			if start >= 0 && high {
				out = append(out, body[start:i])
				if len(out) == max {
					return out
				}
			}
			start, high = -1, false
			continue
		}
		if start < 0 {
			start = i
		}
		if body[i] >= utf8.RuneSelf {
			high = true
		}
	}
	return out
}

// innerMarks are the marks past ASCII that stand inside words: the
// typographic apostrophes and hyphens, and the middle dot.
const innerMarks = "’‘‐‑–—·"

// wordSense tells whether a decoded word reads as a word: +1 when it
// does, -1 when it does not (a character that does not decode, a symbol
// inside it, a capital after a small letter, a small letter before a
// capital past ASCII, letters of Latin beyond ASCII beside another
// script's, a character that rare reports), 0 when nothing past ASCII is left once its edges (quotes,
// brackets, symbols) are trimmed.
func wordSense(w string, rare func(rune) bool) int {
	rs := []rune(w)
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	for len(rs) > 0 && !isWordRune(rs[0]) {
		if rs[0] == utf8.RuneError {
			return -1
		}
		rs = rs[1:]
	}
	for len(rs) > 0 && !isWordRune(rs[len(rs)-1]) {
		if rs[len(rs)-1] == utf8.RuneError {
			return -1
		}
		rs = rs[:len(rs)-1]
	}
	high, latinExt, otherScript := false, false, false
	for i, r := range rs {
		if r < utf8.RuneSelf {
			continue
		}
		high = true
		switch {
		case r == utf8.RuneError:
			return -1
		case unicode.IsLetter(r) || unicode.IsMark(r):
			if unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]) {
				return -1
			}
			if unicode.IsLower(r) && i+1 < len(rs) && unicode.IsUpper(rs[i+1]) {
				return -1
			}
			if rare != nil && rare(r) {
				return -1
			}
			if unicode.Is(unicode.Latin, r) {
				latinExt = true
			} else if !unicode.IsMark(r) {
				otherScript = true
			}
		case strings.ContainsRune(innerMarks, r):
		default:
			return -1 // a symbol, a sign or a control inside a word
		}
	}
	if !high {
		return 0
	}
	if latinExt && otherScript {
		return -1
	}
	return 1
}

// weigh reads body under each legacy encoding and weighs the evidence.
func weigh(body []byte, rules *census.Rules) []reading {
	words := rawWords(body, 4000)
	out := make([]reading, 0, len(legacyEncodings))
	for _, enc := range legacyEncodings {
		r := reading{enc: enc, text: decodeHead(body, enc)}
		r.valid = !strings.ContainsRune(r.text, utf8.RuneError)
		if rules != nil {
			r.mapped, r.total = mappedValues(r.text, rules)
		}
		dec := codec(enc).NewDecoder()
		var rare func(rune) bool
		if enc == EncodingCP949 {
			rare = outsideKSX1001
		}
		for _, w := range words {
			s, _, err := transform.Bytes(dec, w)
			if err != nil {
				s = []byte(string(utf8.RuneError))
			}
			r.decoded = append(r.decoded, string(s))
			switch wordSense(string(s), rare) {
			case 1:
				r.words++
			case -1:
				r.odd++
			}
		}
		out = append(out, r)
	}
	return out
}

// legacyChoice is the encoding chosen for bytes that are not UTF-8, and
// why.
type legacyChoice struct {
	best, runner *reading // runner: the best reading that differs, or nil
	basis        string   // census.EncodingFromEvidence, EncodingFromWords or EncodingFromNone
	tied         []string // for EncodingFromNone: the encodings as good as best
}

// chooseAmong picks the encoding by evidence: of the readings that decode
// without error, the one under which the rules map the most organization
// and country values; then the one under which the most words read as
// words. A reading that gives the same text as the best is no rival. With
// no difference either way, the first by legacyEncodings is taken, and
// the basis says that nothing confirmed it.
func chooseAmong(rs []reading) legacyChoice {
	var valid []*reading
	for i := range rs {
		if rs[i].valid {
			valid = append(valid, &rs[i])
		}
	}
	if len(valid) == 0 {
		for i := range rs {
			valid = append(valid, &rs[i])
		}
	}
	order := map[string]int{}
	for i, e := range legacyEncodings {
		order[e] = i
	}
	sort.SliceStable(valid, func(i, j int) bool {
		a, b := valid[i], valid[j]
		if a.mapped != b.mapped {
			return a.mapped > b.mapped
		}
		if a.score() != b.score() {
			return a.score() > b.score()
		}
		return order[a.enc] < order[b.enc]
	})
	c := legacyChoice{best: valid[0], basis: census.EncodingFromEvidence}
	for _, r := range valid[1:] {
		if r.text != c.best.text {
			c.runner = r
			break
		}
	}
	switch {
	case c.runner == nil:
		// The one reading that decodes (or they all give its text).
		c.basis = census.EncodingFromValid
	case c.best.mapped > c.runner.mapped:
	case c.best.score() > c.runner.score():
		c.basis = census.EncodingFromWords
	default:
		c.basis = census.EncodingFromNone
		for _, r := range valid {
			if r.text != c.best.text && r.mapped == c.best.mapped && r.score() == c.best.score() {
				c.tied = append(c.tied, r.enc)
			}
		}
	}
	return c
}

// example is the first word that best and other read differently, as
// each reads it.
func example(best, other *reading) (string, string) {
	if other == nil {
		return "", ""
	}
	for i := range best.decoded {
		if i < len(other.decoded) && best.decoded[i] != other.decoded[i] {
			return best.decoded[i], other.decoded[i]
		}
	}
	return "", ""
}

// chooseLegacy picks the encoding of bytes that are not UTF-8 by evidence
// (see chooseAmong) among CP949, Windows-1252 and Mac Roman, and records the evidence in the dialect.
func chooseLegacy(d *dialect, body []byte, rules *census.Rules) {
	rs := weigh(body, rules)
	c := chooseAmong(rs)
	d.Encoding, d.EncodingBasis = c.best.enc, c.basis
	e := census.EncodingEvidence{Valid: c.best.valid, Mapped: c.best.mapped, Values: c.best.total, Words: c.best.words, OddWords: c.best.odd}
	for _, r := range rs {
		if !r.valid && r.enc != c.best.enc {
			e.OtherInvalid = true
		}
	}
	if c.runner != nil {
		e.Other, e.OtherMapped, e.OtherWords, e.OtherOddWords = c.runner.enc, c.runner.mapped, c.runner.words, c.runner.odd
		e.Example, e.OtherExample = example(c.best, c.runner)
	}
	e.Tied = c.tied
	if c.runner == nil {
		// Name the encodings that do not decode it.
		for _, r := range rs {
			if !r.valid {
				e.Tied = append(e.Tied, r.enc)
			}
		}
	}
	d.Evidence = e
}

// legacyByWords is the encoding of the rest of a stream that turned out
// not to be UTF-8 after its start (autoDecoder), by the same evidence
// without the rules: the bytes read so far.
func legacyByWords(pending []byte) string {
	// A CP949 character cut at the end of the chunk is no evidence: with
	// nothing left, every reading is the same, and the first is taken.
	probe := cutRune(pending, EncodingCP949)
	return chooseAmong(weigh(probe, nil)).best.enc
}

// outsideKSX1001 reports a character that CP949 has only in its extension
// of KS X 1001 (EUC-KR): the 8,822 rarely written Hangul syllables that
// Microsoft added, whose second byte may be an ASCII letter. Korean text
// is written in KS X 1001's 2,350 syllables, and a Western byte before an
// ASCII letter read as CP949 lands in the extension ("Universit\x8at"
// as "Universit둻").
func outsideKSX1001(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	b, err := korean.EUCKR.NewEncoder().Bytes([]byte(string(r)))
	return err != nil || len(b) != 2 || b[0] < 0xa1 || b[1] < 0xa1
}
