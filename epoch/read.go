package epoch

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/limits"
)

// Opener opens a file's content for reading; it may be called more than
// once (the encoding is sniffed on a first pass).
type Opener func() (io.ReadCloser, error)

// ReadResult is what reading one file yields besides its rows.
type ReadResult struct {
	Info census.FileInfo
	// Header is the header row as read.
	Header []string
	// LastModified is the latest "Last modified" value in the file, if the
	// export has that column.
	LastModified time.Time
}

// growProbe is the row after which the dataset is grown to the estimated
// size of the file.
const growProbe = 256

// Reader reads export files.
type Reader struct {
	// Rules maps the header to fields.
	Rules *census.Rules
	// Checksum asks for each file's SHA-256, for provenance.
	Checksum bool
	// Record, when set, sees every well-formed record whole, with its line,
	// before the fields are picked out (as pull stores every raw row). It
	// runs on the parsing goroutine; rec is only valid during the call.
	Record func(line int, rec []string)
	// Header, when set, sees the header once, before any Record (so that
	// Record may pick its columns); header must not be changed.
	Header func(header []string)
	// Encoding, when set, is the file's encoding (a name of Encodings),
	// overriding what the reader would find.
	Encoding string
	// DateFormat, when set, is the order of day and month in the
	// publication dates (DateMonth or DateDay), for a column whose values
	// do not tell it.
	DateFormat string
	// MaxRecord caps the bytes of one record; 0 means DefaultMaxRecord.
	MaxRecord int64
}

// DefaultMaxRecord is the longest record read (limits.Record): far more
// than any Epoch row (whose longest cells, abstracts and notes, hold a few
// KiB), and little enough memory.
const DefaultMaxRecord = limits.Record

// ReadCSV reads one export file with the default Reader; see Reader.Read.
func ReadCSV(name string, open Opener, rules *census.Rules, ds *census.Dataset, row func(*census.Raw)) (*ReadResult, error) {
	return (&Reader{Rules: rules}).Read(name, open, ds, row)
}

// Read reads one export file, calls row for every record (its Raw is
// reused between calls), and records rows that cannot be read in ds. It
// fails only when the file as a whole cannot be read: not found, empty, not
// CSV, or without a required column.
func (rd *Reader) Read(name string, open Opener, ds *census.Dataset, row func(*census.Raw)) (*ReadResult, error) {
	rules := rd.Rules
	d, err := sniff(name, open, rules, rd.Encoding, rd.DateFormat)
	if err != nil {
		return nil, err
	}
	rc, err := open()
	if err != nil {
		return nil, &InputError{Kind: InputRead, Path: name, Err: err}
	}
	defer rc.Close()
	size := sizeOf(rc)
	m := newMeter(rc, rd.Checksum)
	if d.bom > 0 {
		if _, err := io.ReadFull(m, make([]byte, d.bom)); err != nil {
			return nil, &InputError{Kind: InputRead, Path: name, Err: err}
		}
	}
	r, auto := decoder(m, d.Encoding)
	cr, lineOff, err := rd.csvReader(name, r, &d)
	if err != nil {
		return nil, err
	}
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &InputError{Kind: InputEmpty, Path: name}
		}
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, ie
		}
		line, col := parsePos(err)
		return nil, &InputError{Kind: InputNotCSV, Path: name, Line: line + lineOff, Column: col, Err: unwrapParse(err)}
	}
	header = append([]string(nil), header...)
	slots, err := mapHeader(name, header, rules)
	if err != nil {
		return nil, err
	}
	if rd.Header != nil {
		rd.Header(header)
	}
	if err := rd.dateOrder(name, open, &d, header, slots); err != nil {
		return nil, err
	}
	dateSlot := census.Slot(census.FieldDate)
	normalizeDates := d.DateFormat != "" && d.DateFormat != DateISO || d.Serial
	res := &ReadResult{Header: header}
	res.Info = census.FileInfo{
		Name: name, Subset: SubsetOf(name), HeaderVersion: HeaderVersion(header),
		Columns: len(header), Encoding: d.Encoding,
	}
	lmSlot := census.Slot(census.FieldLastModified)
	countrySlot := census.Slot(census.FieldCountry)
	var blanks missingCount
	var na countryNA
	maxLM := ""
	// The CSV is parsed here while another goroutine normalizes the rows
	// already parsed: batches go one way, emptied batches come back. The
	// row callback, Grow and AddProblem all run on that one goroutine, in
	// file order, and none of them after Read returns.
	work := make(chan *batch, 8)
	free := make(chan *batch, 2)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range work {
			if b.grow > 0 {
				ds.Grow(b.grow)
			}
			for _, p := range b.problems {
				ds.AddProblem(p)
			}
			for i := range b.raws[:b.n] {
				row(&b.raws[i])
			}
			b.reset()
			select {
			case free <- b: // reused by the parser
			default: // enough spares already: let it go
			}
		}
	}()
	// The first batch is small, so that a small file allocates little.
	cur := newBatch(name, 32)
	flush := func() {
		work <- cur
		select {
		case cur = <-free:
			if len(cur.raws) < batchSize {
				cur = newBatch(name, batchSize)
			}
		default:
			cur = newBatch(name, batchSize)
		}
	}
	var readErr error
	// A malformed record can run over several lines, which the parser
	// then reads as more broken records: one warning, at its first line.
	broken := false
	nonEmpty := 0
	maxRecord, lastOff := rd.MaxRecord, int64(0)
	if maxRecord <= 0 {
		maxRecord = DefaultMaxRecord
	}
	for {
		rec, err := cr.Read()
		off := cr.InputOffset()
		recSize := off - lastOff // the record's bytes, line ends inside quotes included
		lastOff = off
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				var ie *InputError
				if errors.As(err, &ie) {
					readErr = ie
				} else {
					readErr = &InputError{Kind: InputRead, Path: name, Err: err}
				}
				break
			}
			nonEmpty++
			if !broken {
				cur.problems = append(cur.problems, census.Problem{File: name, Line: pe.StartLine + lineOff, Column: pe.Column,
					Message: fmt.Sprintf("malformed CSV record from line %d (column %d of line %d: %v); the record is skipped", pe.StartLine+lineOff, pe.Column, pe.Line+lineOff, pe.Err),
					Code:    census.ProblemMalformed, Args: []any{pe.StartLine + lineOff, pe.Column, pe.Line + lineOff, quoteKind(pe.Err)}})
			}
			// A broken quoted field leaves the rest of its record on the
			// following lines: they are part of this warning, up to the
			// next whole record.
			broken = broken || errors.Is(pe.Err, csv.ErrQuote) || pe.StartLine != pe.Line
			continue
		}
		// FieldPos is only valid after a successful Read.
		line, _ := cr.FieldPos(0)
		line += lineOff
		if recSize > maxRecord {
			readErr = tooLarge(name, line, BoundRecord, maxRecord)
			break
		}
		if len(rec) < len(header) || (len(rec) > len(header) && !blankTail(rec[len(header):])) {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue // a blank line inside the file
			}
			nonEmpty++
			if !broken {
				cur.problems = append(cur.problems, census.Problem{File: name, Line: line,
					Message: fmt.Sprintf("row has %d fields where the header has %d; row skipped", len(rec), len(header)),
					Code:    census.ProblemFieldCount, Args: []any{len(rec), len(header)}})
			}
			continue
		}
		broken = false
		nonEmpty++
		res.Info.Rows++
		if rd.Record != nil {
			rd.Record(line, rec)
		}
		if res.Info.Rows == growProbe && size > 0 {
			// Estimate the rows still to come from the bytes per row so far.
			if off := cr.InputOffset(); off > 0 && off < size {
				cur.grow = int(float64(size-off) / float64(off) * growProbe * 1.05)
			}
		}
		raw := &cur.raws[cur.n]
		cur.n++
		raw.Line = line
		countryNA := false
		for i, col := range slots {
			switch {
			case col < 0:
				raw.Cells[i] = ""
			case !missing(rec[col]):
				raw.Cells[i] = rec[col]
			case i == countrySlot && strings.TrimSpace(rec[col]) == namibia:
				raw.Cells[i] = rec[col] // settled below, with the whole row seen
				countryNA = true
			default:
				if !na.seenNA && strings.TrimSpace(rec[col]) == namibia {
					na.seenNA = true
				}
				blanks.add(rec[col])
				raw.Cells[i] = ""
			}
		}
		if countryNA {
			if !na.decided && !na.seenNA {
				na.seenNA = naInRecord(rec, slots[countrySlot])
			}
			if err := na.decide(func() (bool, error) { return rd.naOutside(name, open, &d, slots[countrySlot]) }); err != nil {
				readErr = err
				break
			}
			if na.isMissing {
				blanks.add(raw.Cells[countrySlot])
				raw.Cells[countrySlot] = ""
			} else {
				na.namibia++
			}
		}
		if normalizeDates {
			raw.Cells[dateSlot] = normalizeDate(raw.Cells[dateSlot], d.DateFormat, d.slashes)
		}
		// Epoch's timestamps sort as strings; parse only a new maximum.
		if lm := raw.Cells[lmSlot]; lm > maxLM {
			if t, ok := parseTimestamp(lm); ok && t.After(res.LastModified) {
				res.LastModified = t
				maxLM = strings.Clone(lm)
			}
		}
		if cur.n == len(cur.raws) {
			flush()
		}
	}
	work <- cur
	close(work)
	<-done
	if readErr != nil {
		return nil, readErr
	}
	if res.Info.Rows == 0 {
		// Never a silent zero: lines that are not rows under this
		// dialect, or a header alone.
		hint := "dialect"
		if nonEmpty == 0 {
			hint = "header_only"
		}
		return nil, &InputError{Kind: InputNoRows, Path: name, Hint: hint}
	}
	res.Info.Size, res.Info.SHA256 = m.n, m.sum()
	if auto != nil && auto.Switched != "" {
		d.Encoding, d.EncodingBasis = auto.Switched, census.EncodingFromLater
	}
	blanks.record(&d.Dialect)
	d.CountryNA = na.namibia
	res.Info.Encoding, res.Info.Dialect = d.Encoding, d.Dialect
	return res, nil
}

// quoteKind names a parser error for translations: "bare_quote" (a quote
// in an unquoted field), "quote" (a stray or missing quote in a quoted
// field), "field_count" or "other".
func quoteKind(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return "bare_quote"
	case errors.Is(err, csv.ErrQuote):
		return "quote"
	case errors.Is(err, csv.ErrFieldCount):
		return "field_count"
	}
	return "other"
}

// batch is a run of parsed rows on its way to be normalized. The cells
// are strings of the records as read: encoding/csv gives every record a
// string of its own, so nothing is overwritten while a batch waits.
type batch struct {
	raws     []census.Raw
	n        int
	problems []census.Problem
	grow     int
}

const batchSize = 256

func newBatch(file string, n int) *batch {
	b := &batch{raws: make([]census.Raw, n)}
	for i := range b.raws {
		b.raws[i].File = file
	}
	return b
}

func (b *batch) reset() {
	clear(b.problems)
	b.problems = b.problems[:0]
	b.n, b.grow = 0, 0
}

func blankTail(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

func parsePos(err error) (line, col int) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line, pe.Column
	}
	return 0, 0
}

func unwrapParse(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// mapHeader finds each field's column through the rules' alias table.
func mapHeader(name string, header []string, rules *census.Rules) ([]int, error) {
	slots := make([]int, len(census.Fields))
	for i := range slots {
		slots[i] = -1
	}
	for col, h := range header {
		f, ok := rules.Column(h)
		if !ok {
			continue
		}
		if s := census.Slot(f); slots[s] < 0 {
			slots[s] = col
		}
	}
	var missing []string
	for _, f := range census.RequiredFields {
		if slots[census.Slot(f)] < 0 {
			var names []string
			for _, a := range rules.ColumnAliases(f) {
				names = append(names, fmt.Sprintf("%q", titleAlias(a)))
			}
			missing = append(missing, strings.Join(names, " or "))
		}
	}
	if len(missing) > 0 {
		found := make([]string, 0, len(header))
		for _, h := range header {
			found = append(found, strings.TrimSpace(h))
		}
		return nil, &InputError{Kind: InputMissingColumn, Path: name, Line: 1, Missing: missing, Found: found}
	}
	return slots, nil
}

// titleAlias restores the usual capital of a folded header alias.
func titleAlias(a string) string {
	if a == "" {
		return a
	}
	r, n := utf8.DecodeRuneInString(a)
	return strings.ToUpper(string(r)) + a[n:]
}

// HeaderVersion names a header layout: the name column, the country column,
// the number of columns and a short hash of the column names, so that two
// exports with the same layout share a version.
func HeaderVersion(header []string) string {
	nameCol, countryCol := "?", "-"
	for _, h := range header {
		switch h = strings.TrimSpace(h); h {
		case "Model", "System":
			if nameCol == "?" {
				nameCol = h
			}
		case "Country (of organization)", "Country (from Organization)":
			if countryCol == "-" {
				countryCol = h
			}
		}
	}
	sum := sha256.Sum256([]byte(strings.Join(header, "\x00")))
	return fmt.Sprintf("%s/%s/%d cols/%s", nameCol, countryCol, len(header), hex.EncodeToString(sum[:])[:8])
}

// parseTimestamp reads Epoch's "Last modified" values, such as
// "2024-03-07 20:22:50+00:00".
func parseTimestamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02 15:04:05-07:00", "2006-01-02 15:04:05", time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// Subsets of an Epoch export.
const (
	SubsetAll        = "all"
	SubsetNotable    = "notable"
	SubsetLargeScale = "large-scale"
	SubsetFrontier   = "frontier"
	SubsetFile       = "file" // a single CSV taken whole
)

// Subsets lists the subsets in the order they are offered.
var Subsets = []string{SubsetLargeScale, SubsetNotable, SubsetFrontier, SubsetAll}

// SubsetOf tells the subset of an export file from its name:
// large_scale_ai_models.csv (and the older compute_intensive_systems.csv) is
// large-scale, notable_* notable, frontier_* frontier, all_* all. It returns
// "" for a name it does not know.
func SubsetOf(name string) string {
	n := strings.ToLower(name)
	if i := strings.LastIndexAny(n, `/\!`); i >= 0 {
		n = n[i+1:]
	}
	n = strings.NewReplacer(" ", "_", "-", "_").Replace(n)
	switch {
	case strings.Contains(n, "large_scale"), strings.Contains(n, "compute_intensive"):
		return SubsetLargeScale
	case strings.Contains(n, "frontier"):
		return SubsetFrontier
	case strings.Contains(n, "notable"):
		return SubsetNotable
	case strings.HasPrefix(n, "all_") || strings.Contains(n, "_all_"):
		return SubsetAll
	}
	return ""
}

// DatasetFamily names the dataset an export file belongs to, whatever the
// copy's name: "large_scale_ai_models" for large_scale_ai_models.csv,
// epoch_large_scale_ai_models_raw.csv and the like; "compute_intensive"
// for the older compute_intensive_systems.csv, a different selection that
// Epoch replaced by the large-scale file; "notable_ai_models" for
// notable_systems.csv (Epoch's rename of systems to models is the same
// dataset). Two files of different families make a break in a history.
func DatasetFamily(name string) string {
	n := strings.ToLower(name)
	if i := strings.LastIndexAny(n, `/\!`); i >= 0 {
		n = n[i+1:]
	}
	n = strings.TrimSuffix(n, ".csv")
	n = strings.NewReplacer(" ", "_", "-", "_").Replace(n)
	switch {
	case strings.Contains(n, "compute_intensive"):
		return "compute_intensive"
	case strings.Contains(n, "large_scale"):
		return "large_scale_ai_models"
	case strings.Contains(n, "frontier"):
		return "frontier_ai_models"
	case strings.Contains(n, "notable"):
		return "notable_ai_models"
	case strings.HasPrefix(n, "all_") || strings.Contains(n, "_all_"):
		return "all_ai_models"
	}
	return n
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
