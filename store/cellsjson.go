package store

import (
	"encoding/json"
	"unicode/utf8"
)

// appendCellsJSON appends cells as encoding/json writes a []string (the
// text row versions are stored and hashed as), byte for byte. Each cell
// is written by appendJSONString, which knows the common escapes; a cell
// with anything else (another control character, invalid UTF-8, U+2028 or
// U+2029) is left to encoding/json. json.Marshal spent most of an import's
// encoding time on cells it writes unchanged.
func appendCellsJSON(dst []byte, cells []string) []byte {
	if cells == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, c := range cells {
		if i > 0 {
			dst = append(dst, ',')
		}
		if out, ok := appendJSONString(dst, c); ok {
			dst = out
			continue
		}
		b, _ := json.Marshal(c) // a string always marshals
		dst = append(dst, b...)
	}
	return append(dst, ']')
}

// jsonEscapes are encoding/json's escapes of the ASCII characters it
// escapes that appendJSONString writes itself: the quote, the backslash,
// the usual control characters and the characters it escapes for HTML.
var jsonEscapes = [utf8.RuneSelf]string{
	'"': `\"`, '\\': `\\`, '\n': `\n`, '\r': `\r`, '\t': `\t`,
	'<': `\u003c`, '>': `\u003e`, '&': `\u0026`,
}

// jsonPlain marks the bytes appendJSONString copies as they are: the
// printable ASCII characters that jsonEscapes does not name.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = jsonEscapes[c] == ""
	}
	return t
}()

// appendJSONString appends s quoted as encoding/json quotes it, and true;
// or dst unchanged and false when s holds a character whose escape it
// leaves to encoding/json (see appendCellsJSON).
func appendJSONString(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	dst = append(dst, '"')
	run := 0 // the start of the bytes not yet copied
	for i := 0; i < len(s); {
		// The common run of plain ASCII, in a tight loop.
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			esc := jsonEscapes[c]
			if esc == "" {
				return dst[:start], false
			}
			dst = append(dst, s[run:i]...)
			dst = append(dst, esc...)
			i++
			run = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return dst[:start], false
		}
		i += n
	}
	dst = append(dst, s[run:]...)
	return append(dst, '"'), true
}
