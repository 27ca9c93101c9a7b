package epoch

import (
	"errors"
	"io"
	"sort"
	"strings"

	"github.com/modelcensus/modelcensus/census"
)

// missingSpellings are the ways statistics programs, spreadsheets and
// dataframe libraries write a missing value, each read as a blank cell:
//   - R (write.csv, readr): NA, and <NA> from a tibble's print;
//   - pandas (its read_csv na_values, and what to_csv writes): nan, NaN,
//     -nan, -NaN, <NA>, None, NaT, null, NULL, N/A, n/a, NA, #N/A,
//     #N/A N/A, #NA, 1.#IND, -1.#IND, 1.#QNAN, -1.#QNAN;
//   - Excel's error values: #N/A, #NULL!, #DIV/0!, #VALUE!, #REF!,
//     #NAME?, #NUM!, #SPILL!, #CALC!, #GETTING_DATA;
//   - SPSS's and Stata's system missing ".", and Stata's extended missing
//     values .a to .z (see stataMissing);
//   - spreadsheets by hand: "-" and "—".
//
// Only the exact spellings count: "na" or "Nan" are words (and "Nan" a
// name), not missing values.
var missingSpellings = map[string]bool{
	"NA": true, "<NA>": true,
	"nan": true, "NaN": true, "-nan": true, "-NaN": true, "None": true, "NaT": true,
	"null": true, "NULL": true, "N/A": true, "n/a": true, "#NA": true,
	"#N/A": true, "#N/A N/A": true, "1.#IND": true, "-1.#IND": true, "1.#QNAN": true, "-1.#QNAN": true,
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true,
	"#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true,
	".": true,
	"-": true, "—": true,
}

// maxMissing is the longest spelling in missingSpellings, so that most
// cells are passed over by their length alone.
const maxMissing = len("#GETTING_DATA")

// missing reports whether a cell is one of the ways of writing an empty
// value (missingSpellings), space around it allowed.
func missing(s string) bool {
	if len(s) == 0 || len(s) > maxMissing+4 {
		return false
	}
	// Most cells are told by their first byte: every spelling begins
	// with one of these (or with space around it).
	switch s[0] {
	case 'N', 'n', '<', '-', '#', '1', '.', 0xe2, ' ', '\t':
	default:
		return false
	}
	s = strings.TrimSpace(s)
	return missingSpellings[s] || stataMissing(s)
}

// stataMissing reports Stata's extended missing values, .a to .z.
func stataMissing(s string) bool {
	return len(s) == 2 && s[0] == '.' && s[1] >= 'a' && s[1] <= 'z'
}

// namibia is R's missing value and Namibia's ISO 3166 code.
const namibia = "NA"

// missingCount counts the cells of one file read as blank because they
// held a spelling of a missing value, by spelling.
type missingCount struct {
	n      int
	byForm map[string]int
}

func (m *missingCount) add(s string) {
	if m.byForm == nil {
		m.byForm = map[string]int{}
	}
	m.n++
	m.byForm[strings.TrimSpace(s)]++
}

// record puts the count in a file's dialect: the total and the spellings,
// the most frequent first.
func (m *missingCount) record(d *census.Dialect) {
	if m.n == 0 {
		return
	}
	forms := make([]string, 0, len(m.byForm))
	for f := range m.byForm {
		forms = append(forms, f)
	}
	sort.Slice(forms, func(i, j int) bool {
		if m.byForm[forms[i]] != m.byForm[forms[j]] {
			return m.byForm[forms[i]] > m.byForm[forms[j]]
		}
		return forms[i] < forms[j]
	})
	d.MissingCells, d.MissingSpellings = m.n, forms
}

// countryNA decides, once a file, whether "NA" in its country column is a
// missing value (as R writes one) or Namibia. The rule: "NA" is missing
// when the file writes NA anywhere outside its country column (R writes
// every missing value so, and every Epoch export has missing values in
// other columns: parameters, compute, notes); Namibia when it never does,
// so that a file that writes its blanks as blanks keeps a real NA. The
// rows before the first country "NA" are looked at as they are read; when
// they have shown no NA yet, the rest of the file is read once for one.
type countryNA struct {
	decided   bool
	isMissing bool
	seenNA    bool // a cell NA outside the country column so far
	namibia   int  // country cells read as Namibia's code
}

// decide settles the rule for the file, reading it whole (scan) when the
// rows so far tell nothing.
func (c *countryNA) decide(scan func() (bool, error)) error {
	if c.decided {
		return nil
	}
	c.decided = true
	if c.seenNA {
		c.isMissing = true
		return nil
	}
	found, err := scan()
	if err != nil {
		return err
	}
	c.isMissing = found
	return nil
}

// naOutside reads the whole file and reports whether a cell outside the
// country column (country) is exactly NA.
func (rd *Reader) naOutside(name string, open Opener, d *dialect, country int) (bool, error) {
	rc, err := open()
	if err != nil {
		return false, &InputError{Kind: InputRead, Path: name, Err: err}
	}
	defer rc.Close()
	if d.bom > 0 {
		if _, err := io.ReadFull(rc, make([]byte, d.bom)); err != nil {
			return false, &InputError{Kind: InputRead, Path: name, Err: err}
		}
	}
	r, _ := decoder(rc, d.Encoding)
	cr, _, err := rd.csvReader(name, r, d)
	if err != nil {
		return false, err
	}
	cr.LazyQuotes = true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		var ie *InputError
		if errors.As(err, &ie) {
			return false, ie
		}
		if err != nil {
			continue
		}
		if naInRecord(rec, country) {
			return true, nil
		}
	}
}

// naInRecord reports whether a cell of rec outside column country is NA.
func naInRecord(rec []string, country int) bool {
	for i, v := range rec {
		if i != country && strings.TrimSpace(v) == namibia {
			return true
		}
	}
	return false
}
