package epoch

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
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
func openWorkbook(path, name string) (*Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Kind: InputRead, Path: name, Err: err}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, &InputError{Kind: InputBadZip, Path: name, Err: err}
	}
	defer f.Close()
	src := &Source{Location: path, Kind: KindWorkbook}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &InputError{Kind: InputBadZip, Path: name + "!" + sheet, Err: err}
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		for _, r := range rows {
			// Excel leaves trailing empty cells out of a row.
			for len(r) < width {
				r = append(r, "")
			}
			_ = w.Write(r)
		}
		w.Flush()
		data := buf.Bytes()
		src.Files = append(src.Files, File{
			Name: filepath.Base(name) + "!" + sheet, Subset: SubsetOf(name), ModTime: st.ModTime(),
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil },
		})
	}
	if len(src.Files) == 0 {
		return nil, &InputError{Kind: InputNoCSV, Path: name}
	}
	return src, nil
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
