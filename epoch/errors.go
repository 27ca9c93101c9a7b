package epoch

import (
	"fmt"
	"strings"
)

// InputErrorKind classifies why a source cannot be read.
type InputErrorKind int

// Kinds of input errors.
const (
	InputNotFound      InputErrorKind = iota + 1 // no such file or folder
	InputEmpty                                   // the file has no bytes, or only a BOM or white space
	InputNotCSV                                  // the file is binary, not text
	InputHTML                                    // the file is an HTML page (an error page saved instead of the data)
	InputBadZip                                  // the zip is truncated or corrupt
	InputNoCSV                                   // a zip or folder holds no CSV
	InputNoSubset                                // the chosen subset is not in the zip or folder
	InputMissingColumn                           // a required column is missing
	InputRead                                    // an I/O error while reading
	InputTooLarge                                // a zip member or a record past its cap
	InputNoRows                                  // a file with content but no row: likely a wrong delimiter, encoding or line ends
	InputDateOrder                               // the order of day and month in the dates cannot be told
	InputCopies                                  // a folder holds copies of one export that nothing tells apart (Available names them)
)

// InputError is returned when a source cannot be read at all. Rows that
// cannot be read are not errors: they are skipped and reported as
// census.Problem.
type InputError struct {
	Kind InputErrorKind
	Path string
	Line int // 1-based line, when known
	// Column is the 1-based column, when known.
	Column int
	// Missing and Found list the expected and found columns, for
	// InputMissingColumn.
	Missing []string
	Found   []string
	// Subset and Available name the subset asked for and those present, for
	// InputNoSubset; Available names the copies, for InputCopies.
	Subset    string
	Available []string
	// Hint names the likely cause, for InputNoRows and a one-column
	// InputMissingColumn: "delimiter", "encoding" or "line_ends".
	Hint string
	// Field is the column, for InputDateOrder; Examples and ExampleLines
	// are the day-first and the month-first values that contradict each
	// other, and their lines, when both were found.
	Field        string
	Examples     []string
	ExampleLines []int
	Err          error
}

// Error returns a one-line English message naming the file and position.
func (e *InputError) Error() string {
	pos := e.Path
	if e.Line > 0 {
		pos = fmt.Sprintf("%s:%d", pos, e.Line)
		if e.Column > 0 {
			pos = fmt.Sprintf("%s:%d", pos, e.Column)
		}
	}
	var msg string
	switch e.Kind {
	case InputNotFound:
		msg = "no such file or folder"
	case InputEmpty:
		msg = "the file is empty"
	case InputNotCSV:
		msg = "this is not a CSV file (it holds binary data)"
	case InputHTML:
		msg = "this is an HTML page, not CSV data (perhaps an error page was saved instead of the export)"
	case InputBadZip:
		msg = "the zip archive is truncated or corrupt"
	case InputNoCSV:
		msg = "no CSV file found"
	case InputNoSubset:
		msg = fmt.Sprintf("no %s file here; found: %s (choose one with --subset)", e.Subset, CutList(e.Available, ", "))
	case InputMissingColumn:
		msg = fmt.Sprintf("required column missing: expected %s; found %s", strings.Join(e.Missing, " or "), quoteList(e.Found))
		if len(e.Found) == 1 {
			msg += "; the header is one column: the delimiter is not , ; TAB or |, or the encoding or line ends are not what the file says (try --encoding)"
		}
	case InputTooLarge:
		msg = "too large"
	case InputNoRows:
		msg = "the file has content but no row could be read: the delimiter, the encoding or the line ends are likely not what they seem (try --encoding)"
	case InputDateOrder:
		msg = fmt.Sprintf("the order of day and month in column %q cannot be told from its values; give --date-format mdy or dmy", e.Field)
		if len(e.Examples) == 2 && len(e.ExampleLines) == 2 {
			msg = fmt.Sprintf("column %q mixes dates written day first (%s, line %d) and month first (%s, line %d); give --date-format mdy or dmy",
				e.Field, e.Examples[0], e.ExampleLines[0], e.Examples[1], e.ExampleLines[1])
		}
	case InputCopies:
		msg = fmt.Sprintf("the folder holds copies of one export, %s, and their data does not tell which is newer (no \"Last modified\" values, or the same newest one): they are not merged; remove all but one, or name the file to read as --source", quoteList(e.Available))
	default:
		msg = "cannot read"
	}
	if e.Err != nil && e.Kind != InputMissingColumn && e.Kind != InputNoSubset && e.Kind != InputCopies {
		msg += ": " + e.Err.Error()
	}
	return pos + ": " + msg
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

func quoteList(list []string) string {
	if len(list) == 0 {
		return "no columns"
	}
	const max = 12
	q := make([]string, 0, max+1)
	for i, s := range list {
		if i == max {
			q = append(q, fmt.Sprintf("… (%d in all)", len(list)))
			break
		}
		q = append(q, fmt.Sprintf("%q", s))
	}
	return strings.Join(q, ", ")
}
