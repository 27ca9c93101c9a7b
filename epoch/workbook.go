package epoch

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/limits"
)

// isWorkbook reports whether a zip file is an Excel workbook (it holds
// xl/workbook.xml).
func isWorkbook(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// openWorkbook opens an Excel workbook saved from an export: each sheet is
// a file of the source, named book.xlsx!Sheet, whose rows are read as CSV
// with cells as Excel stores them (numbers in full, dates as day numbers,
// which the reader turns into dates). Load takes the first sheet whose
// header holds the required columns.
//
// The workbook is bounded before it is opened (checkWorkbook), and each
// sheet is streamed row by row, never loaded whole: once to count its rows
// and width, then again each time the sheet is read.
func openWorkbook(path, name string) (*Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Kind: InputRead, Path: name, Err: err}
	}
	if err := checkWorkbook(path, name); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: limits.Archive})
	if err != nil {
		return nil, &InputError{Kind: InputBadZip, Path: name, Err: err}
	}
	src := &Source{Location: path, Kind: KindWorkbook, book: f}
	for _, sheet := range f.GetSheetList() {
		sheetName := name + "!" + sheet
		width, height, err := sheetSize(f, sheet, sheetName)
		if err != nil {
			f.Close()
			return nil, err
		}
		sheet := sheet
		src.Files = append(src.Files, File{
			Name: filepath.Base(name) + "!" + sheet, Subset: SubsetOf(name), ModTime: st.ModTime(),
			Open: func() (io.ReadCloser, error) { return streamSheet(f, sheet, sheetName, width, height), nil },
		})
	}
	if len(src.Files) == 0 {
		f.Close()
		return nil, &InputError{Kind: InputNoCSV, Path: name}
	}
	return src, nil
}

// checkWorkbook bounds a workbook from its zip directory, before a byte is
// inflated (each part at most limits.WorkbookPart, all of them at most
// limits.Archive; archive/zip stops a part at the size the directory
// states), then counts its shared strings in one streaming pass (at most
// limits.SharedStrings).
func checkWorkbook(path, name string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return &InputError{Kind: InputBadZip, Path: name, Err: err}
	}
	defer zr.Close()
	var total uint64
	var sst *zip.File
	for _, zf := range zr.File {
		if zf.UncompressedSize64 > limits.WorkbookPart {
			return tooLarge(name+"!"+zf.Name, 0, BoundWorkbookPart, limits.WorkbookPart)
		}
		if total += zf.UncompressedSize64; total > limits.Archive {
			return tooLarge(name, 0, BoundArchive, limits.Archive)
		}
		if equalFoldPath(zf.Name, "xl/sharedStrings.xml") {
			sst = zf
		}
	}
	if sst == nil {
		return nil
	}
	rc, err := sst.Open()
	if err != nil {
		return &InputError{Kind: InputBadZip, Path: name + "!" + sst.Name, Err: err}
	}
	defer rc.Close()
	n, err := countElements(rc, "si", limits.SharedStrings)
	if err != nil {
		return &InputError{Kind: InputBadZip, Path: name + "!" + sst.Name, Err: err}
	}
	if n > limits.SharedStrings {
		return tooLarge(name, 0, BoundSharedStrings, limits.SharedStrings)
	}
	return nil
}

func equalFoldPath(a, b string) bool {
	return strings.EqualFold(strings.ReplaceAll(a, `\`, "/"), b)
}

// countElements counts the start tags of elements named local (with any
// namespace prefix) in an XML stream, reading it once in constant memory;
// it stops counting past max.
func countElements(r io.Reader, local string, max int) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	for n <= max {
		_, err := br.ReadSlice('<')
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		head, _ := br.Peek(len(local) + 32)
		i := 0
		for i < len(head) && !bytes.ContainsRune([]byte(" \t\r\n/>"), rune(head[i])) {
			i++
		}
		if i == len(head) {
			continue // a name longer than any prefix:local, or the end
		}
		tag := head[:i]
		if j := bytes.LastIndexByte(tag, ':'); j >= 0 {
			tag = tag[j+1:]
		}
		if string(tag) == local {
			n++
		}
	}
	return n, nil
}

// sheetSize streams a sheet once: its width (its widest row: Excel leaves
// trailing empty cells out of a row) and its height (up to its last row
// holding a cell), bounded by limits.WorkbookRows and limits.WorkbookCells.
func sheetSize(f *excelize.File, sheet, name string) (width, height int, err error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, 0, &InputError{Kind: InputBadZip, Path: name, Err: err}
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n++; n > limits.WorkbookRows {
			return 0, 0, tooLarge(name, 0, BoundWorkbookRows, limits.WorkbookRows)
		}
		r, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			break // as excelize's GetRows: the rows before count
		}
		if len(r) > 0 {
			width, height = max(width, len(r)), n
		}
		if int64(width)*int64(n) > limits.WorkbookCells {
			return 0, 0, tooLarge(name, 0, BoundWorkbookCells, limits.WorkbookCells)
		}
	}
	if err := rows.Error(); err != nil {
		return 0, 0, &InputError{Kind: InputBadZip, Path: name, Err: err}
	}
	return width, height, nil
}

// streamSheet reads a sheet as CSV, row by row, each row padded to width,
// height rows in all. Closing the reader stops the writing and waits for
// it to end.
func streamSheet(f *excelize.File, sheet, name string, width, height int) io.ReadCloser {
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(writeSheet(f, sheet, name, width, height, pw))
	}()
	return &sheetReader{PipeReader: pr, done: done}
}

func writeSheet(f *excelize.File, sheet, name string, width, height int, out io.Writer) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return &InputError{Kind: InputBadZip, Path: name, Err: err}
	}
	defer rows.Close()
	w := csv.NewWriter(out)
	pad := make([]string, 0, width)
	for n := 0; n < height && rows.Next(); n++ {
		r, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			break
		}
		pad = append(pad[:0], r...)
		for len(pad) < width {
			pad = append(pad, "")
		}
		if err := w.Write(pad); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// sheetReader is a sheet streamed as CSV.
type sheetReader struct {
	*io.PipeReader
	done chan struct{}
}

// Close stops the sheet's writer and waits for it.
func (s *sheetReader) Close() error {
	s.PipeReader.CloseWithError(io.ErrClosedPipe)
	<-s.done
	return nil
}

// selectSheet picks the first sheet whose header holds the required
// columns, named by the subset the workbook's name shows.
func (s *Source) selectSheet(rules *census.Rules) ([]File, string, error) {
	var firstErr error
	for _, f := range s.Files {
		header, err := sheetHeader(f, rules)
		if err == nil {
			if _, err = mapHeader(f.Name, header, rules); err == nil {
				subset := f.Subset
				if subset == "" {
					subset = SubsetFile
				}
				return []File{f}, subset, nil
			}
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil || strings.Contains(firstErr.Error(), "EOF") {
		firstErr = &InputError{Kind: InputEmpty, Path: s.Location}
	}
	return nil, "", firstErr
}

// sheetHeader is a sheet's header: its first row, or the first of its
// first rows (headerSearch) that holds every required column, below a
// title, a source line and blank rows.
func sheetHeader(f File, rules *census.Rules) ([]string, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	cr := csv.NewReader(rc)
	cr.FieldsPerRecord = -1
	var first []string
	for i := range headerSearch {
		row, err := cr.Read()
		if err != nil {
			if first != nil {
				return first, nil
			}
			return nil, err
		}
		if i == 0 {
			first = row
		}
		if requiredIn(row, rules) {
			return row, nil
		}
	}
	return first, nil
}
