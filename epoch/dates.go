package epoch

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/modelcensus/modelcensus/census"
)

// How the order of day and month was found (census.Dialect.DateBasis).
const (
	DateFromValues = "values" // a value whose day is past 12 told it
	DateFromOption = "option" // --date-format
)

// dateShape classifies one publication date as a spreadsheet may have
// rewritten it. For a slash or dash date with the year last (12/31/2025,
// 31-12-2025) it returns its first two numbers; dots (31.12.2025) are
// always day first, and serial is a spreadsheet day number (45657).
func dateShape(s string) (shape string, a, b int) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", 0, 0
	}
	if _, ok := serialDate(s); ok {
		return "serial", 0, 0
	}
	if len(s) >= 4 && isDigits(s[:4]) {
		return "iso", 0, 0
	}
	for _, sep := range []string{"/", ".", "-"} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 || len(parts[2]) != 4 || !isDigits(parts[2]) || len(parts[0]) > 2 || len(parts[1]) > 2 ||
			!isDigits(parts[0]) || !isDigits(parts[1]) {
			continue
		}
		a, _ = strconv.Atoi(parts[0])
		b, _ = strconv.Atoi(parts[1])
		if sep == "." {
			return "dots", a, b
		}
		return "slash", a, b
	}
	return "other", 0, 0
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// excelEpoch is day 0 of spreadsheet serial dates (1900 system, with
// Lotus's leap day of 1900 counted, so that serial 60 is 1900-02-29 and
// later serials land right; Microsoft's DATEVALUE documents it).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serialDate reads a spreadsheet day number between 1950 and 2119 (18264
// to 80356), whole or with a time of day after the point.
func serialDate(s string) (time.Time, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(whole) != 5 || !isDigits(whole) || (frac != "" && !isDigits(frac)) {
		return time.Time{}, false
	}
	n, _ := strconv.Atoi(whole)
	if n < 18264 || n > 80356 {
		return time.Time{}, false
	}
	return excelEpoch.AddDate(0, 0, n), true
}

// normalizeDate turns a spreadsheet's publication date into Epoch's
// YYYY-MM-DD, with order (DateMonth or DateDay) for slash and dash dates
// when slashes is set (the column is written so). Anything else is
// returned as it is, for the census to read or refuse (a day the month
// does not have is refused there).
func normalizeDate(s, order string, slashes bool) string {
	shape, a, b := dateShape(s)
	switch shape {
	case "serial":
		t, _ := serialDate(strings.TrimSpace(s))
		return t.Format("2006-01-02")
	case "dots":
		return isoDate(strings.TrimSpace(s), b, a)
	case "slash":
		if !slashes {
			return s
		}
		if order == DateMonth {
			return isoDate(strings.TrimSpace(s), a, b)
		}
		if order == DateDay {
			return isoDate(strings.TrimSpace(s), b, a)
		}
	}
	return s
}

// isoDate writes the year (the last four characters of s) with month m
// and day d.
func isoDate(s string, m, d int) string {
	return fmt.Sprintf("%s-%02d-%02d", s[len(s)-4:], m, d)
}

// dateOrder decides how the file's publication dates are written. When the
// start of the file holds only ISO dates it is Epoch's own. Otherwise the
// whole column is read once: spreadsheet day numbers and day-first dotted
// dates need no decision; for slash dates a day past 12 tells day-first
// (31/12/2025) from month-first (12/31/2025). A column that holds both, or
// neither and no --date-format, is an error naming the column.
func (rd *Reader) dateOrder(name string, open Opener, d *dialect, header []string, slots []int) error {
	col := slots[census.Slot(census.FieldDate)]
	// scan reads the date column of the whole file, or of the start that
	// sniff decoded.
	scan := func(whole bool, fn func(line int, v string) bool) error {
		var cr *guardedCSV
		lineOff := 0
		if whole {
			rc, err := open()
			if err != nil {
				return &InputError{Kind: InputRead, Path: name, Err: err}
			}
			defer rc.Close()
			if d.bom > 0 {
				if _, err := io.ReadFull(rc, make([]byte, d.bom)); err != nil {
					return &InputError{Kind: InputRead, Path: name, Err: err}
				}
			}
			r, _ := decoder(rc, d.Encoding)
			if cr, lineOff, err = rd.csvReader(name, r, d); err != nil {
				return err
			}
		} else {
			cr = &guardedCSV{Reader: csv.NewReader(strings.NewReader(d.head))}
			cr.Comma, _ = utf8.DecodeRuneInString(d.Delimiter)
			cr.FieldsPerRecord = -1
		}
		cr.LazyQuotes = true
		if _, err := cr.Read(); err != nil {
			return nil
		}
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return nil
			}
			var ie *InputError
			if errors.As(err, &ie) {
				return ie
			}
			if err != nil || col >= len(rec) {
				continue
			}
			line, _ := cr.FieldPos(0)
			if !fn(line+lineOff, rec[col]) {
				return nil
			}
		}
	}
	// The first rows: only ISO dates (Epoch's own) need nothing more.
	plain := true
	if err := scan(false, func(_ int, v string) bool {
		if shape, _, _ := dateShape(v); shape == "serial" || shape == "dots" || shape == "slash" {
			plain = false
			return false
		}
		return true
	}); err != nil {
		return err
	}
	if plain {
		if d.DateFormat == "" {
			d.DateFormat = DateISO
		}
		return nil
	}
	// The whole column. A column of mostly ISO dates is Epoch's own, and
	// a stray 03/04/2024 in it is a bad date, not a spreadsheet's format.
	var dayFirst, monthFirst string
	var dayLine, monthLine, iso, other, slashes int
	slash := false
	if err := scan(true, func(line int, v string) bool {
		shape, a, b := dateShape(v)
		switch shape {
		case "iso":
			iso++
		case "serial":
			d.Serial = true
			other++
		case "dots":
			other++
			if d.DateExample == "" {
				d.DateExample = strings.TrimSpace(v)
			}
		case "slash":
			other++
			slashes++
			slash = true
			if a > 12 && dayFirst == "" {
				dayFirst, dayLine = strings.TrimSpace(v), line
			}
			if b > 12 && monthFirst == "" {
				monthFirst, monthLine = strings.TrimSpace(v), line
			}
		}
		return true
	}); err != nil {
		return err
	}
	if iso >= other {
		d.Serial, d.DateExample = false, ""
		if d.DateFormat == "" {
			d.DateFormat = DateISO
		}
		return nil
	}
	if slashes*2 < other {
		// Day numbers or dotted dates make the column; a stray slash date
		// in it is left for the census to refuse.
		d.slashes = false
		if d.DateExample != "" {
			d.DateFormat, d.DateBasis = DateDay, DateFromValues
		} else if d.DateFormat == "" {
			d.DateFormat = DateISO
		}
		return nil
	}
	d.slashes = true
	field := header[col]
	switch {
	case d.DateFormat != "": // --date-format settles it
		d.DateBasis = DateFromOption
	case dayFirst != "" && monthFirst != "":
		return &InputError{Kind: InputDateOrder, Path: name, Field: field,
			Examples: []string{dayFirst, monthFirst}, ExampleLines: []int{dayLine, monthLine}}
	case dayFirst != "":
		d.DateFormat, d.DateBasis, d.DateExample = DateDay, DateFromValues, dayFirst
	case monthFirst != "":
		d.DateFormat, d.DateBasis, d.DateExample = DateMonth, DateFromValues, monthFirst
	case slash:
		return &InputError{Kind: InputDateOrder, Path: name, Field: field}
	default:
		d.DateFormat, d.DateBasis = DateDay, DateFromValues // dots, or day numbers alone
		if d.DateExample == "" {
			d.DateFormat = DateISO
		}
	}
	return nil
}
