package epoch

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
)

// A stored read is what Reader.Read gave for a file: its description, its
// header, its latest "Last modified" value, and every row's cells as the
// reader handed them to the census (census.Raw, after the header's
// mapping and the dates' rewriting). A store keeps it beside the file's
// bytes (File.Stored), so that reading the file back needs no parsing. It
// is text, a row a line, so that a day's read is kept as a line delta
// over an older one, as the file's bytes are: "MCR3", a space and the
// JSON of the rest (storedMeta) on the first line, with the rows' line
// numbers; then each row's cells, separated by the unit separator (0x1F),
// with a backslash, a line feed, a carriage return and the separator in a
// cell written \\, \n, \r and \s. An unchanged row is then the same line
// whatever rows were added or removed above it.
//
// Reads kept by the release before start "MCR2" and begin each row's line
// with its line number and a separator; they are read as well.

// Stored read formats: the one written, and the one before it.
const (
	storedMagic   = "MCR3 "
	storedMagicV2 = "MCR2 "
)

// storedMeta is what a stored read keeps besides its rows. Fields names
// the census fields of the cells, in order: a read kept by a release with
// other fields is not used. Lines gives the rows' line numbers (not in
// MCR2): the first row's, then each row's distance from the one before,
// comma-separated, a run of n equal distances d written d*n.
type storedMeta struct {
	Info         census.FileInfo `json:"info"`
	Header       []string        `json:"header"`
	LastModified time.Time       `json:"last_modified"`
	Fields       []census.Field  `json:"fields"`
	Rows         int             `json:"rows"`
	Lines        string          `json:"lines,omitempty"`
	// Reader is the version of the reading it keeps (storedReader); 0
	// for a read kept before the reader had versions.
	Reader int `json:"reader,omitempty"`
}

// storedReader is the version of the reader's reading that a stored read
// keeps. 2: the reading of issue 23 (every missing-value spelling blank,
// a country NA by the file's evidence, encodings chosen on the evidence
// of words, a header below a title). A read of an earlier version is used
// only where the reading cannot have changed (see oldReadHolds).
const storedReader = 2

// oldReadHolds reports whether a read kept by an earlier reader is what
// this reader would give: not when its encoding was chosen among the
// legacy ones (now chosen on more evidence), nor when one of its cells
// is a missing value's spelling that the earlier reader kept (R's NA,
// NaT, ., Excel's error values). Spellings have no character that a
// stored cell escapes, so the cells are looked at as they are stored.
func oldReadHolds(meta storedMeta, rows string) bool {
	switch meta.Info.Dialect.EncodingBasis {
	case census.EncodingFromEvidence, census.EncodingFromLater:
		return false
	}
	for rows != "" {
		i := strings.IndexAny(rows, "\x1f\n")
		if i < 0 {
			return !missing(rows)
		}
		if missing(rows[:i]) {
			return false
		}
		rows = rows[i+1:]
	}
	return true
}

// encodeLines writes the line numbers of raws as storedMeta.Lines.
func encodeLines(raws []census.Raw) string {
	var b []byte
	prev := 0
	for i := 0; i < len(raws); {
		d := raws[i].Line - prev
		n := 1
		for i+n < len(raws) && raws[i+n].Line-raws[i+n-1].Line == d {
			n++
		}
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(d), 10)
		if n > 1 {
			b = append(b, '*')
			b = strconv.AppendInt(b, int64(n), 10)
		}
		prev = raws[i+n-1].Line
		i += n
	}
	return string(b)
}

// decodeLines reads storedMeta.Lines: exactly rows line numbers, or an
// error.
func decodeLines(s string, rows int) ([]int, error) {
	out := make([]int, 0, rows)
	line := 0
	for s != "" {
		var run string
		run, s, _ = strings.Cut(s, ",")
		ds, ns, many := strings.Cut(run, "*")
		d, err := strconv.Atoi(ds)
		n := 1
		if many {
			n, err = strconv.Atoi(ns)
		}
		if err != nil || d < 0 || d > 1<<30 || n < 1 || n > rows-len(out) {
			return nil, errStoredRead
		}
		for range n {
			line += d
			out = append(out, line)
		}
	}
	if len(out) != rows {
		return nil, errStoredRead
	}
	return out, nil
}

// cellUnescaper reads a cell written by appendCell.
var cellUnescaper = strings.NewReplacer("\\\\", "\\", "\\n", "\n", "\\r", "\r", "\\s", "\x1f")

// EncodeStoredRead writes what Read gave for a file (res, with its
// Info.SHA256 set) and its rows (raws, in file order) as a stored read.
func EncodeStoredRead(res *ReadResult, raws []census.Raw) ([]byte, error) {
	meta, err := json.Marshal(storedMeta{Info: res.Info, Header: res.Header, LastModified: res.LastModified, Fields: census.Fields, Reader: storedReader,
		Rows: len(raws), Lines: encodeLines(raws)})
	if err != nil {
		return nil, err
	}
	size := len(storedMagic) + len(meta) + 1
	for i := range raws {
		for _, c := range raws[i].Cells {
			size += len(c) + 1
		}
	}
	b := make([]byte, 0, size)
	b = append(b, storedMagic...)
	b = append(b, meta...)
	b = append(b, '\n')
	for i := range raws {
		for j, c := range raws[i].Cells {
			if j > 0 {
				b = append(b, 0x1f)
			}
			b = appendCell(b, c)
		}
		b = append(b, '\n')
	}
	return b, nil
}

// appendCell appends c as a cell of its line: a backslash, line feed,
// carriage return and unit separator (0x1F, between cells) written as
// \\, \n, \r and \s, every other byte as it is.
func appendCell(b []byte, c string) []byte {
	run := 0
	for i := 0; i < len(c); i++ {
		if !cellSpecial[c[i]] {
			continue
		}
		b = append(b, c[run:i]...)
		b = append(b, '\\', cellEscape[c[i]])
		run = i + 1
	}
	return append(b, c[run:]...)
}

// cellEscape is the letter after the backslash that writes each byte
// appendCell escapes; cellSpecial marks those bytes.
var (
	cellEscape  = [256]byte{'\\': '\\', '\n': 'n', '\r': 'r', 0x1f: 's'}
	cellSpecial = [256]bool{'\\': true, '\n': true, '\r': true, 0x1f: true}
)

// errStoredRead is a stored read that does not decode, or was kept by a
// release with other fields.
var errStoredRead = errors.New("stored read does not decode")

// openStoredRead reads a stored read's first line, and checks that the
// rest holds as many rows, and cells, as it says: the rows, decoded by
// storedRows, then fail only on a damaged line number (MCR2). lines are
// the rows' line numbers, nil for MCR2, whose lines start with theirs.
func openStoredRead(b []byte) (meta storedMeta, rows string, lines []int, err error) {
	all := string(b)
	v2 := strings.HasPrefix(all, storedMagicV2)
	if !v2 && !strings.HasPrefix(all, storedMagic) {
		return meta, "", nil, errStoredRead
	}
	first, rest, ok := strings.Cut(all[len(storedMagic):], "\n")
	if !ok {
		return meta, "", nil, errStoredRead
	}
	seps := len(census.Raw{}.Cells) - 1 // between a line's cells
	if v2 {
		seps++ // and after its line number
	}
	if err := json.Unmarshal([]byte(first), &meta); err != nil || !slices.Equal(meta.Fields, census.Fields) || meta.Rows < 0 ||
		strings.Count(rest, "\n") != meta.Rows || strings.Count(rest, "\x1f") != meta.Rows*seps ||
		rest != "" && rest[len(rest)-1] != '\n' {
		return meta, "", nil, errStoredRead
	}
	if meta.Reader != storedReader && (meta.Reader > storedReader || !oldReadHolds(meta, rest)) {
		return meta, "", nil, errStoredRead
	}
	if !v2 {
		if lines, err = decodeLines(meta.Lines, meta.Rows); err != nil {
			return meta, "", nil, err
		}
	}
	return meta, rest, lines, nil
}

// storedRows decodes rows (openStoredRead's) of file name into out, a row
// an element, with their line numbers from lines (as many, or nil for
// MCR2), and returns what follows them. An unescaped cell is a substring
// of rows.
func storedRows(name, rows string, out []census.Raw, lines []int) (string, error) {
	for i := range out {
		line, rest, ok := strings.Cut(rows, "\n")
		if !ok {
			return "", errStoredRead
		}
		rows = rest
		r := &out[i]
		r.File = name
		cells := line
		if lines != nil {
			r.Line = lines[i]
		} else {
			var num string
			num, cells, _ = strings.Cut(line, "\x1f")
			n, err := strconv.Atoi(num)
			if err != nil {
				return "", errStoredRead
			}
			r.Line = n
		}
		for j := range r.Cells {
			var c string
			c, cells, ok = strings.Cut(cells, "\x1f")
			if !ok && j != len(r.Cells)-1 || ok && j == len(r.Cells)-1 {
				return "", errStoredRead
			}
			if strings.IndexByte(c, '\\') >= 0 {
				c = cellUnescaper.Replace(c)
			}
			r.Cells[j] = c
		}
	}
	return rows, nil
}

// decodeStoredRead reads a stored read back whole: the result and the
// rows of file name.
func decodeStoredRead(name string, b []byte) (*ReadResult, []census.Raw, error) {
	meta, rest, lines, err := openStoredRead(b)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]census.Raw, meta.Rows)
	if _, err := storedRows(name, rest, rows, lines); err != nil {
		return nil, nil, err
	}
	return meta.result(), rows, nil
}

// result is the ReadResult a stored read keeps.
func (m storedMeta) result() *ReadResult {
	return &ReadResult{Info: m.Info, Header: m.Header, LastModified: m.LastModified}
}

// readStored reads a file from the read a store kept of it (File.Stored),
// as Read reads its bytes: the same rows in the same order, given to row,
// and the same result. Rows are decoded on another goroutine, a batch at a
// time, while row takes the ones before, as Read parses. It applies to a
// stored file read with the rules it was imported with and no encoding or
// date order of the reader's own; nil, with no error, when the bytes must
// be read instead (nothing kept, or a read that does not decode). Its
// errors are File.Stored's, and a row that does not decode once others
// were given to row (a read the store checked, so not one it wrote).
func readStored(rd *Reader, f File, kind string, ds *census.Dataset, row func(*census.Raw)) (*ReadResult, error) {
	if f.Stored == nil || kind == KindWorkbook || rd.Encoding != "" || rd.DateFormat != "" || rd.Record != nil || rd.MaxRecord != 0 {
		return nil, nil
	}
	b, err := f.Stored(rd.Rules.Version)
	if err != nil || b == nil {
		return nil, err
	}
	meta, rest, lines, err := openStoredRead(b)
	if err != nil {
		return nil, nil
	}
	res := meta.result()
	if !rd.Checksum {
		res.Info.SHA256 = ""
	}
	ds.Grow(meta.Rows)
	batches := make(chan []census.Raw, 4)
	failed := make(chan error, 1)
	go func() {
		defer close(batches)
		for done := 0; done < meta.Rows; {
			batch := make([]census.Raw, min(meta.Rows-done, batchSize))
			var at []int
			if lines != nil {
				at = lines[done : done+len(batch)]
			}
			var err error
			if rest, err = storedRows(f.Name, rest, batch, at); err != nil {
				failed <- err
				return
			}
			done += len(batch)
			batches <- batch
		}
	}()
	for batch := range batches {
		for i := range batch {
			row(&batch[i])
		}
	}
	select {
	case err := <-failed:
		return nil, &InputError{Kind: InputRead, Path: f.Name, Err: fmt.Errorf("the stored read: %w", err)}
	default:
	}
	return res, nil
}
