package epoch

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/limits"
)

// Bounds past which a source is refused (InputError.Bound), for
// translations; package internal/limits holds their values.
const (
	BoundZipMember     = "zip_member"     // one CSV member of a zip, inflated
	BoundArchive       = "archive"        // all the parts read from one archive, inflated
	BoundWorkbookPart  = "workbook_part"  // one part of a workbook, inflated
	BoundSharedStrings = "shared_strings" // the shared strings of a workbook
	BoundWorkbookRows  = "workbook_rows"  // the rows of one sheet
	BoundWorkbookCells = "workbook_cells" // the cells of one sheet
	BoundRecord        = "record"         // the bytes of one CSV record
)

// boundIsBytes tells the bounds counted in bytes from those counted in
// items.
var boundIsBytes = map[string]bool{
	BoundZipMember: true, BoundArchive: true, BoundWorkbookPart: true, BoundRecord: true,
}

// boundWhat is what each bound caps, in English.
var boundWhat = map[string]string{
	BoundZipMember:     "a zip member inflating to more than %s",
	BoundArchive:       "an archive whose parts inflate to more than %s in all",
	BoundWorkbookPart:  "a workbook part inflating to more than %s",
	BoundSharedStrings: "a workbook of more than %s shared strings",
	BoundWorkbookRows:  "a sheet of more than %s rows",
	BoundWorkbookCells: "a sheet of more than %s cells",
	BoundRecord:        "a record longer than %s",
}

// FormatBound writes a bound's limit for a message: bytes in MiB or KiB,
// counts in full.
func FormatBound(bound string, limit int64) string {
	if !boundIsBytes[bound] {
		return fmt.Sprint(limit)
	}
	if limit >= 1<<20 && limit%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", limit>>20)
	}
	if limit >= 1<<10 && limit%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", limit>>10)
	}
	return fmt.Sprintf("%d bytes", limit)
}

// BoundError is the cause of an InputTooLarge error: which bound the input
// went past, and its limit.
type BoundError struct {
	Bound string
	Limit int64
}

// Error names the bound and its limit, and what passing it suggests.
func (e *BoundError) Error() string {
	return fmt.Sprintf(boundWhat[e.Bound], FormatBound(e.Bound, e.Limit)) +
		": the file is damaged or built to exhaust memory (bounds: docs/limits.md)"
}

// tooLarge is the error for an input past a bound.
func tooLarge(path string, line int, bound string, limit int64) *InputError {
	return &InputError{Kind: InputTooLarge, Path: path, Line: line, Err: &BoundError{Bound: bound, Limit: limit}}
}

// ErrNotRegular is the cause of an InputRead error for a source that is a
// pipe, a device or a socket: it cannot be read more than once, and may
// never end.
var ErrNotRegular = errors.New("not a regular file (a pipe, device or socket); save its content to a file first")

// regularFile reports whether path is a regular file, following symbolic
// links; it never opens the path (opening a FIFO blocks until a writer
// comes).
func regularFile(path string) (fs.FileInfo, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, false
	}
	return st, st.Mode().IsRegular()
}

// ctxReader stops reading once its context is done, so that a signal ends
// a long read at its next chunk.
type ctxReader struct {
	ctx context.Context
	io.ReadCloser
}

func (r ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.ReadCloser.Read(p)
}

// Size passes on the size of the reader wrapped, when it tells it.
func (r ctxReader) Size() int64 {
	return sizeOf(r.ReadCloser)
}

// WithContext makes every reader that open returns stop at its next read
// once ctx is done, with ctx's error; Source.Load reads through it.
func WithContext(ctx context.Context, open Opener) Opener {
	if ctx == nil || ctx.Done() == nil {
		return open
	}
	return func() (io.ReadCloser, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rc, err := open()
		if err != nil {
			return nil, err
		}
		return ctxReader{ctx, rc}, nil
	}
}

// recordSlack is how far past the cap a record's bytes may be counted
// before it is refused: the parser reads ahead at most a buffer (4 KiB)
// beyond the record it returns.
const recordSlack = 64 << 10

// recordGuard caps the bytes of one record while the parser reads it, so
// that a file of one endless field (a zip that inflates to gigabytes of
// one cell, or of one quoted field of millions of short lines) is refused
// before the parser holds it in memory. guardedCSV tells it where each
// record ends.
type recordGuard struct {
	r       io.Reader
	max     int64
	total   int64 // bytes passed on
	base    int64 // the parser's offset at the end of the last record
	start   int   // the line of the parsed text on which the record being read starts
	name    string
	lineOff int // lines before the parsed text (a sep= line)
}

func (g *recordGuard) Read(p []byte) (int, error) {
	if g.total-g.base > g.max+recordSlack {
		return 0, tooLarge(g.name, g.start+g.lineOff, BoundRecord, g.max)
	}
	n, err := g.r.Read(p)
	g.total += int64(n)
	return n, err
}

// guardedCSV is the CSV parser with its record guard: after each record,
// the guard learns where the next one starts.
type guardedCSV struct {
	*csv.Reader
	g *recordGuard
}

// Read reads one record, as csv.Reader.Read.
func (c *guardedCSV) Read() ([]string, error) {
	rec, err := c.Reader.Read()
	if c.g == nil {
		return rec, err
	}
	c.g.base = c.Reader.InputOffset()
	var pe *csv.ParseError
	switch {
	case err == nil && len(rec) > 0:
		last := len(rec) - 1
		line, _ := c.Reader.FieldPos(last)
		c.g.start = line + strings.Count(rec[last], "\n") + 1
	case errors.As(err, &pe):
		c.g.start = pe.Line + 1
	}
	return rec, err
}

// ProblemNotRegular is the census.Problem code of an entry of a folder or
// an archive (the problem's File) that was skipped because it is not a
// regular file.
const ProblemNotRegular = "not_regular_file"

// noteSkipped notes in ds each entry of the source that was not read
// because it is not a regular file.
func (s *Source) noteSkipped(ds *census.Dataset) {
	for _, p := range s.Skipped {
		ds.AddProblem(census.Problem{File: p, Code: ProblemNotRegular,
			Message: "not a regular file (a pipe, device, socket or a link to one); skipped"})
	}
}

// CutList joins a list for a one-line message: its first limits.ListItems
// items, then how many there are in all (a zip may hold 100,000 members).
func CutList(list []string, sep string) string {
	if len(list) <= limits.ListItems {
		return strings.Join(list, sep)
	}
	return strings.Join(list[:limits.ListItems], sep) + sep + fmt.Sprintf("… (%d in all)", len(list))
}
