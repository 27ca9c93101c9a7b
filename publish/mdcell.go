package publish

import (
	"strconv"
	"strings"
)

// MarkdownCell escapes the text of one Markdown table cell: as
// MarkdownEscape, and a cell that begins with =, +, -, @, TAB or CR and is
// not a number (the cells SafeCell guards in CSV) starts with a backslash
// before that character, so that no spreadsheet the table is pasted into
// reads it as a formula. A backslash before ASCII punctuation is
// CommonMark's escape: the rendered text is unchanged. Leading white space
// is dropped, as a Markdown table drops it when rendered.
func MarkdownCell(s string) string {
	e := strings.TrimLeft(MarkdownEscape(s), " \t")
	if e == "" || !strings.ContainsRune("=+-@", rune(e[0])) {
		return e
	}
	if _, err := strconv.ParseFloat(e, 64); err == nil {
		return e // -1, +3e24: numbers, as SafeCell keeps them
	}
	return `\` + e
}
