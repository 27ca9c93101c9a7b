package census

import (
	"fmt"
	"strings"
)

// Notes on how a file was read that the reader's later checks add
// (package epoch): missing values, a header below the first row, an
// encoding that nothing confirmed, copies of one export left out.
const (
	// NoteMissingValues: cells that held a spelling of a missing value
	// (R's NA, pandas' nan, Excel's #N/A, Stata's .) read as blank; args:
	// file, spellings, count.
	NoteMissingValues = "missing_values"
	// NoteCountryNamibia: country cells "NA" read as Namibia, in a file
	// that writes no NA elsewhere; args: file, count.
	NoteCountryNamibia = "country_na_namibia"
	// NoteHeaderLine: the header found below the first line, the lines
	// above it skipped; args: file, line.
	NoteHeaderLine = "header_line"
	// NoteEncodingWords: a file that is not UTF-8 read in the encoding
	// under which its words read as words; args: file, encoding, words,
	// odd words, example, other encoding, its words, its odd words, its
	// example.
	NoteEncodingWords = NoteEncoding + "_" + EncodingFromWords
	// NoteEncodingNone: a file that is not UTF-8 whose encoding nothing
	// told; args: file, encoding, the encodings as good, example, the
	// other's example.
	NoteEncodingNone = NoteEncoding + "_" + EncodingFromNone
	// NoteEncodingValid: a file that is not UTF-8 read in the only legacy
	// encoding that decodes it; args: file, encoding, those that do not.
	NoteEncodingValid = NoteEncoding + "_" + EncodingFromValid
)

// NoteCopyIgnored is the note on a file of a folder left out as a copy of the same
// export as a file read; args: the file, the file read, and for a newer
// copy their newest "Last modified" values.
const NoteCopyIgnored = "copy_ignored"

// How the copy kept was chosen (IgnoredCopy.Basis).
const (
	CopyLastModified = "last_modified" // its newest "Last modified" value is the latest
	CopyIdentical    = "identical"     // the copies have the same bytes
)

// IgnoredCopy is a file of a folder left out because another file of the
// folder is a copy of the same export (a second download, "… (1).csv",
// "… - Copy.csv") that the data shows newer, or has the same bytes.
// Copies are never merged.
type IgnoredCopy struct {
	File string `json:"file"`
	Kept string `json:"kept"`
	// Basis is CopyLastModified or CopyIdentical.
	Basis string `json:"basis"`
	// LastModified and KeptLastModified are the newest "Last modified"
	// values of the two ("2006-01-02 15:04:05", UTC), when they have one.
	LastModified     string `json:"last_modified,omitempty"`
	KeptLastModified string `json:"kept_last_modified,omitempty"`
}

// CopyNote is the note, in English, of a copy left out; its code is
// NoteCopyIgnored, or NoteCopyIgnored + "_identical" (the same bytes) or
// + "_undated" (the copy left out has no "Last modified" value that can
// be read).
func CopyNote(c IgnoredCopy) Note {
	file, kept := FileName(c.File), FileName(c.Kept)
	if c.Basis == CopyIdentical {
		return Note{Code: NoteCopyIgnored + "_" + CopyIdentical, Args: []any{file, kept},
			Message: fmt.Sprintf("%s was not read: it is a copy of %s with the same bytes", file, kept)}
	}
	if c.LastModified == "" {
		return Note{Code: NoteCopyIgnored + "_undated", Args: []any{file, kept, c.KeptLastModified},
			Message: fmt.Sprintf("%s was not read: it is a copy of the same export as %s, which has \"Last modified\" values up to %s where it has none that can be read; copies are never merged", file, kept, c.KeptLastModified)}
	}
	return Note{Code: NoteCopyIgnored, Args: []any{file, kept, c.KeptLastModified, c.LastModified},
		Message: fmt.Sprintf("%s was not read: it is a copy of the same export as %s, whose newest \"Last modified\" value (%s) is later than its own (%s); copies are never merged", file, kept, c.KeptLastModified, c.LastModified)}
}

// copyNotes are the notes of the copies left out.
func copyNotes(s Snapshot) []Note {
	out := make([]Note, 0, len(s.IgnoredCopies))
	for _, c := range s.IgnoredCopies {
		out = append(out, CopyNote(c))
	}
	return out
}

// readingNotes are the notes of one file that the dialect notes leave out.
func readingNotes(f FileInfo) []Note {
	var out []Note
	d := f.Dialect
	if d.MissingCells > 0 {
		forms := make([]string, 0, len(d.MissingSpellings))
		for _, s := range d.MissingSpellings {
			forms = append(forms, fmt.Sprintf("%q", s))
		}
		list := strings.Join(forms, ", ")
		out = append(out, Note{Code: NoteMissingValues, Count: d.MissingCells, Args: []any{f.Name, list, d.MissingCells},
			Message: fmt.Sprintf("%s writes missing values as %s: %d cell(s) were read as blank", f.Name, list, d.MissingCells)})
	}
	if d.CountryNA > 0 {
		out = append(out, Note{Code: NoteCountryNamibia, Count: d.CountryNA, Args: []any{f.Name, d.CountryNA},
			Message: fmt.Sprintf("%s: %d country cell(s) \"NA\" were read as Namibia (ISO code NA), since the file writes no NA in any other column; a file written by R, which writes a missing value as NA, does", f.Name, d.CountryNA)})
	}
	switch e := d.Evidence; d.EncodingBasis {
	case EncodingFromWords:
		out = append(out, Note{Code: NoteEncodingWords, Args: []any{f.Name, d.Encoding, e.Words, e.OddWords, e.Example, e.Other, e.OtherWords, e.OtherOddWords, e.OtherExample},
			Message: fmt.Sprintf("%s is not UTF-8 and was read as %s: under it %d word(s) with letters past ASCII read as words and %d do not (as %q); under %s, %d and %d (as %q)",
				f.Name, d.Encoding, e.Words, e.OddWords, e.Example, e.Other, e.OtherWords, e.OtherOddWords, e.OtherExample)})
	case EncodingFromValid:
		others := strings.Join(e.Tied, ", ")
		out = append(out, Note{Code: NoteEncodingValid, Args: []any{f.Name, d.Encoding, others},
			Message: fmt.Sprintf("%s is not UTF-8 and was read as %s, the only encoding tried that decodes it (%s do not)", f.Name, d.Encoding, others)})
	case EncodingFromNone:
		tied := strings.Join(e.Tied, ", ")
		out = append(out, Note{Code: NoteEncodingNone, Args: []any{f.Name, d.Encoding, tied, e.Example, e.OtherExample},
			Message: fmt.Sprintf("%s is not UTF-8, and nothing in it tells its encoding: it was read as %s, but %s read(s) it as well (%q here, %q there); give --encoding if that is wrong",
				f.Name, d.Encoding, tied, e.Example, e.OtherExample)})
	}
	if d.HeaderLine > 1 {
		out = append(out, Note{Code: NoteHeaderLine, Args: []any{f.Name, d.HeaderLine},
			Message: fmt.Sprintf("%s: the header is on line %d; the lines above it (a title, a source line, notes) were skipped", f.Name, d.HeaderLine)})
	}
	return out
}
