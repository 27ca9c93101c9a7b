package publish

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// SafeCell neutralises a CSV cell that a spreadsheet would run as a
// formula: one that begins with =, +, -, @, TAB or CR and is not a number
// gets a leading apostrophe, which spreadsheets show as text (OWASP's
// advice on CSV injection). Numbers such as -1 or +3e24 are kept.
func SafeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// CSVWriter writes CSV whose every cell has passed SafeCell.
type CSVWriter struct {
	w   *csv.Writer
	rec []string
}

// NewCSVWriter returns a CSVWriter on w (encoding/csv, LF line ends).
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{w: csv.NewWriter(w)} }

// Write writes one record; the error is the writer's.
func (c *CSVWriter) Write(rec []string) error {
	c.rec = c.rec[:0]
	for _, s := range rec {
		c.rec = append(c.rec, SafeCell(s))
	}
	return c.w.Write(c.rec)
}

// Flush writes what is buffered and returns the first error of any Write.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}
