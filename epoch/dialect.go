package epoch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/modelcensus/modelcensus/census"
)

// Encodings that the reader tells apart, by the names it reports and that
// --encoding takes (Encodings lists the other spellings accepted).
const (
	EncodingUTF8        = "utf-8"
	EncodingUTF8BOM     = "utf-8-bom"
	EncodingUTF16LE     = "utf-16le"
	EncodingUTF16BE     = "utf-16be"
	EncodingCP949       = "cp949"
	EncodingWindows1252 = "windows-1252"
)

// Encodings maps every encoding name --encoding accepts (lower case) to
// the reader's name for it.
var Encodings = map[string]string{
	"utf-8": EncodingUTF8, "utf8": EncodingUTF8, "utf-8-bom": EncodingUTF8BOM,
	"utf-16le": EncodingUTF16LE, "utf-16be": EncodingUTF16BE, "utf-16": EncodingUTF16LE, "ucs-2": EncodingUTF16LE,
	"cp949": EncodingCP949, "euc-kr": EncodingCP949, "uhc": EncodingCP949, "ks_c_5601-1987": EncodingCP949,
	"windows-1252": EncodingWindows1252, "cp1252": EncodingWindows1252, "latin-1": EncodingWindows1252,
	"latin1": EncodingWindows1252, "iso-8859-1": EncodingWindows1252,
}

// Date orders of a publication-date column (census.Dialect.DateFormat and
// --date-format).
const (
	DateISO   = "ymd" // YYYY-MM-DD, YYYY-MM, YYYY: Epoch's own
	DateMonth = "mdy" // M/D/YYYY: a spreadsheet in a US locale
	DateDay   = "dmy" // D/M/YYYY or D.M.YYYY: most other locales
)

// Delimiters the reader tries, in the order that breaks a tie.
var delimiters = []rune{',', ';', '\t', '|'}

// headSize is how much of a file is looked at to tell its encoding and
// dialect.
const headSize = 16 << 10

// dialect is how one file is written.
type dialect struct {
	census.Dialect
	bom  int    // bytes of byte-order mark to skip
	head string // the start of the text, decoded, from the header on
	// slashes is set when the publication dates are slash or dash dates
	// whose order DateFormat gives.
	slashes bool
	// skip is the number of lines above the header (after a sep= line):
	// a title, a source line, notes, blank rows.
	skip int
}

// codec returns the decoder of an encoding, or nil for UTF-8 (read as it
// is).
func codec(enc string) encoding.Encoding {
	switch enc {
	case EncodingUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case EncodingUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case EncodingCP949:
		return korean.EUCKR
	case EncodingWindows1252:
		return charmap.Windows1252
	}
	return singleByteCodec(enc)
}

// decodeHead decodes the head of a file, dropping a sequence cut at its end.
func decodeHead(head []byte, enc string) string {
	c := codec(enc)
	if c == nil {
		return string(head)
	}
	out, _, _ := transform.Bytes(c.NewDecoder(), head)
	return string(out)
}

// sniff looks at the start of a file: it rejects empty, binary and HTML
// content, and tells its dialect: the encoding (a byte-order mark, the
// pattern of NUL bytes of UTF-16, valid UTF-8, or else the legacy
// encoding that the evidence favours: see chooseLegacy), a spreadsheet's "sep=X" first
// line, the delimiter (the one under which the rules map the most header
// cells), bare CR line ends, and the order of day and month in the
// publication dates. enc and dateOrder, when set, override what is found.
func sniff(name string, open Opener, rules *census.Rules, enc, dateOrder string) (dialect, error) {
	var d dialect
	rc, err := open()
	if err != nil {
		return d, err
	}
	head := make([]byte, headSize)
	n, err := io.ReadFull(rc, head)
	rc.Close()
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return d, &InputError{Kind: InputRead, Path: name, Err: err}
	}
	head = head[:n]
	full := n < headSize
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		d.Encoding, d.EncodingBasis, d.bom = EncodingUTF8BOM, census.EncodingFromBOM, 3
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		d.Encoding, d.EncodingBasis, d.bom = EncodingUTF16LE, census.EncodingFromBOM, 2
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		d.Encoding, d.EncodingBasis, d.bom = EncodingUTF16BE, census.EncodingFromBOM, 2
	}
	body := head[d.bom:]
	if len(bytes.TrimSpace(body)) == 0 && full {
		return d, &InputError{Kind: InputEmpty, Path: name}
	}
	if d.Encoding == "" && bytes.IndexByte(body, 0) >= 0 {
		if e := utf16Pattern(body); e != "" {
			d.Encoding, d.EncodingBasis = e, census.EncodingFromNUL
		} else if enc == "" {
			return d, &InputError{Kind: InputNotCSV, Path: name}
		}
	}
	if d.Encoding == "" || d.Encoding == EncodingUTF8BOM {
		lower := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 80)]))
		for _, p := range []string{"<!doctype html", "<html", "<head", "<?xml", "<body"} {
			if bytes.HasPrefix(lower, []byte(p)) {
				return d, &InputError{Kind: InputHTML, Path: name}
			}
		}
	}
	if !full {
		body = cutRune(body, d.Encoding)
	}
	if enc != "" {
		d.Encoding, d.EncodingBasis = enc, census.EncodingFromOption
	}
	if d.Encoding == "" {
		if utf8.Valid(body) {
			d.Encoding, d.EncodingBasis = EncodingUTF8, census.EncodingFromUTF8
		} else {
			chooseLegacy(&d, body, rules)
		}
	}
	text := decodeHead(body, d.Encoding)
	if text == "" && len(body) > 0 {
		return d, &InputError{Kind: InputNotCSV, Path: name}
	}
	// A spreadsheet's "sep=;" line names the delimiter.
	if len(text) >= 5 && strings.EqualFold(text[:4], "sep=") {
		line, rest, _ := strings.Cut(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		line = strings.TrimRight(line, "\r")
		if r, size := utf8.DecodeRuneInString(line[4:]); size > 0 && len(line) == 4+size {
			d.Delimiter, d.SepLine = string(r), true
			text = rest
		}
	}
	if i := strings.IndexAny(text, "\r\n"); i >= 0 && text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
		d.BareCR = true
	}
	if d.BareCR {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	var fixed rune
	if d.Delimiter != "" {
		fixed, _ = utf8.DecodeRuneInString(d.Delimiter)
	}
	comma, skip := locateHeader(text, rules, fixed)
	d.Delimiter = string(comma)
	if skip > 0 {
		// A title, notes or blank rows above the header.
		d.skip, d.HeaderLine = skip, skip+1
		if d.SepLine {
			d.HeaderLine++
		}
		text = skipLines(text, skip)
	}
	d.DateFormat, d.head = dateOrder, text
	return d, nil
}

// utf16Pattern tells UTF-16 without a byte-order mark from the NUL bytes
// of its ASCII characters: every other byte, after (LE) or before (BE).
func utf16Pattern(b []byte) string {
	var even, odd int
	for i, c := range b[:len(b)&^1] {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 4 // most characters of a CSV are ASCII
	switch {
	case odd > half && even < odd/8:
		return EncodingUTF16LE
	case even > half && odd < even/8:
		return EncodingUTF16BE
	}
	return ""
}

// cutRune drops a character cut in two at the end of a head.
func cutRune(b []byte, enc string) []byte {
	switch enc {
	case EncodingUTF16LE, EncodingUTF16BE:
		return b[:len(b)&^1]
	case "", EncodingUTF8, EncodingUTF8BOM:
		for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
			if utf8.RuneStart(b[len(b)-i]) {
				if !utf8.FullRune(b[len(b)-i:]) {
					return b[:len(b)-i]
				}
				break
			}
		}
	case EncodingCP949:
		// A lead byte (0x81–0xFE) with its trail byte cut off.
		i := len(b)
		for i > 0 && b[i-1] >= 0x81 {
			i--
		}
		if (len(b)-i)%2 == 1 {
			return b[:len(b)-1]
		}
	}
	return b
}

// mappedValues parses a decoded head and counts the organization and
// country values that the rules map, of all such values.
func mappedValues(text string, rules *census.Rules) (mapped, total int) {
	comma := bestDelimiter(text, rules)
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = comma, -1, true
	// The header is the first row that names the organization or the
	// country column, among the first (a title may stand above it).
	org, country := -1, -1
	for range headerSearch {
		header, err := cr.Read()
		if err != nil {
			return 0, 0
		}
		for i, h := range header {
			switch f, _ := rules.Column(h); f {
			case census.FieldOrganization:
				org = i
			case census.FieldCountry:
				country = i
			}
		}
		if org >= 0 || country >= 0 {
			break
		}
	}
	for {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		for _, c := range []int{org, country} {
			if c < 0 || c >= len(rec) {
				continue
			}
			for _, v := range census.SplitList(rec[c]) {
				total++
				_, okO := rules.Organization(v)
				_, okC := rules.Country(v)
				if okO || okC {
					mapped++
				}
			}
		}
	}
	return mapped, total
}

// bestDelimiter is the delimiter under which the rules' column aliases
// map the most cells of the first line; ',' when none maps any.
func bestDelimiter(text string, rules *census.Rules) rune {
	best, bestScore := ',', 0
	for _, c := range delimiters {
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = c, -1, true
		header, err := cr.Read()
		if err != nil {
			continue
		}
		score := 0
		for _, h := range header {
			if _, ok := rules.Column(h); ok {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

// crReader turns bare CR line ends (old Mac files) into LF, also inside
// quoted cells; CRLF is left alone.
type crReader struct {
	r       io.Reader
	pending bool // the last byte passed on was a CR turned into LF
}

func (c *crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	b := p[:n]
	if c.pending && n > 0 && b[0] == '\n' {
		// CRLF split across reads: the LF was already given for the CR.
		copy(b, b[1:])
		n--
		b = b[:n]
	}
	c.pending = false
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		if i+1 < len(b) && b[i+1] == '\n' {
			// CRLF: keep it.
		} else {
			b[i] = '\n'
			if i+1 == len(b) {
				c.pending = true
			}
		}
		j := bytes.IndexByte(b[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, err
}

// decoder reads the text of a file in encoding enc: UTF-8 is checked as it
// goes by (see autoDecoder), the others are decoded.
func decoder(m io.Reader, enc string) (io.Reader, *autoDecoder) {
	switch enc {
	case EncodingUTF8, EncodingUTF8BOM:
		// The decoder reads straight into the buffer's 64 KiB reads, and
		// encoding/csv uses that *bufio.Reader as it is: one copy, as when
		// reading a file with encoding/csv alone.
		auto := newAutoDecoder(m, -1)
		return bufio.NewReaderSize(auto, 1<<16), auto
	}
	return transform.NewReader(bufio.NewReaderSize(m, 1<<16), codec(enc).NewDecoder()), nil
}

// csvReader sets up the CSV parser for a file's dialect: bare CR line ends
// turned into LF, a "sep=" line skipped, records capped. It returns the
// number of lines skipped before the header, to add to the parser's.
func (rd *Reader) csvReader(name string, r io.Reader, d *dialect) (*guardedCSV, int, error) {
	if d.BareCR {
		r = &crReader{r: r}
	}
	lineOff := d.skip
	if d.SepLine {
		lineOff++
	}
	if lineOff > 0 {
		// The sep= line, and the lines above the header.
		br := bufio.NewReader(r)
		for range lineOff {
			if _, err := br.ReadString('\n'); err != nil && !errors.Is(err, io.EOF) {
				return nil, 0, &InputError{Kind: InputRead, Path: name, Err: err}
			}
		}
		r = br
	}
	limit := rd.MaxRecord
	if limit <= 0 {
		limit = DefaultMaxRecord
	}
	g := &recordGuard{r: r, max: limit, name: name, lineOff: lineOff, start: 1}
	cr := csv.NewReader(g)
	cr.Comma, _ = utf8.DecodeRuneInString(d.Delimiter)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &guardedCSV{Reader: cr, g: g}, lineOff, nil
}
