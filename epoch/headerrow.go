package epoch

import (
	"encoding/csv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
)

// headerSearch is how many rows from the top are looked at for the header,
// when the first is not one: a workbook's or a CSV's title, source line,
// notes and blank rows above it.
const headerSearch = 20

// locateHeader finds the header in the first rows of a file's decoded
// start (text, its line ends LF or CRLF): the first line that holds every
// required column under some delimiter (fixed, when a sep= line gave it).
// It returns the delimiter and how many lines come before the header. When
// the first line is the header, or no line in the first headerSearch is,
// the header is the first line, and the delimiter the one under which the
// rules map the most of its cells.
func locateHeader(text string, rules *census.Rules, fixed rune) (comma rune, skip int) {
	first := func(s string) rune {
		if fixed != 0 {
			return fixed
		}
		return bestDelimiter(s, rules)
	}
	lines := strings.SplitN(text, "\n", headerSearch+1)
	if len(lines) > headerSearch {
		lines = lines[:headerSearch] // the last holds the rest of the text
	}
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		c := first(line)
		if holdsRequired(line, c, rules) {
			return c, i
		}
		if strings.ContainsRune(line, '"') && strings.Count(line, `"`)%2 == 1 {
			// A quoted cell runs over the line end: lines no longer
			// tell rows, so the search ends here.
			break
		}
	}
	return first(text), 0
}

// holdsRequired reports whether the line, split at comma, holds every
// required column.
func holdsRequired(line string, comma rune, rules *census.Rules) bool {
	cr := csv.NewReader(strings.NewReader(line))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = comma, -1, true
	cells, err := cr.Read()
	if err != nil {
		return false
	}
	return requiredIn(cells, rules)
}

// requiredIn reports whether a row's cells name every required column.
func requiredIn(cells []string, rules *census.Rules) bool {
	found := 0
	for _, f := range census.RequiredFields {
		for _, h := range cells {
			if g, ok := rules.Column(h); ok && g == f {
				found++
				break
			}
		}
	}
	return found == len(census.RequiredFields)
}

// skipLines drops the first n lines of text.
func skipLines(text string, n int) string {
	for ; n > 0; n-- {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return ""
		}
		text = text[i+1:]
	}
	return text
}
