package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Member is one zip member: head, then Unit repeated Repeat times, then
// Tail.
type Member struct {
	Name       string
	Head, Tail string
	Unit       string
	Repeat     int
}

// Size is the member's uncompressed size in bytes.
func (m Member) Size() int64 {
	return int64(len(m.Head)) + int64(len(m.Unit))*int64(m.Repeat) + int64(len(m.Tail))
}

// segment deflates b with a fresh compressor and flushes it: a run of
// non-final deflate blocks that refers to nothing before it, so that it
// can be repeated or joined to others.
func segment(b []byte, final bool) []byte {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	w.Write(b)
	if final {
		w.Close()
	} else {
		w.Flush()
	}
	return buf.Bytes()
}

// WriteZip writes a zip of members to path. Each member's repeated unit is
// deflated once, in chunks of about 1 MiB, and the chunk's compressed
// blocks written as many times as needed: a member of a gigabyte takes
// a few hundred KiB and a fraction of a second.
func WriteZip(path string, members ...Member) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, m := range members {
		if err := writeMember(zw, m); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeMember(zw *zip.Writer, m Member) error {
	per := 1
	if len(m.Unit) > 0 {
		per = max(1, (1<<20)/len(m.Unit))
	}
	chunk := []byte(strings.Repeat(m.Unit, min(per, m.Repeat)))
	var parts [][]byte
	crc := crc32.Update(0, crc32.IEEETable, []byte(m.Head))
	parts = append(parts, segment([]byte(m.Head), false))
	left := m.Repeat
	full := segment(chunk, false)
	for left >= per && len(m.Unit) > 0 {
		parts = append(parts, full)
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
		left -= per
	}
	if left > 0 {
		rest := []byte(strings.Repeat(m.Unit, left))
		parts = append(parts, segment(rest, false))
		crc = crc32.Update(crc, crc32.IEEETable, rest)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(m.Tail))
	parts = append(parts, segment([]byte(m.Tail), true))
	var size int64
	for _, p := range parts {
		size += int64(len(p))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: m.Name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(size), UncompressedSize64: uint64(m.Size()), Modified: time.Date(2026, 8, 19, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// CSVHead is a header that holds the columns a census needs.
const CSVHead = "Model,Publication date\n"

// ManyMembers is a zip of n export files, each of size bytes of rows (one
// row repeated): each under a per-member cap, together far past it.
func ManyMembers(dir string, n int, size int) (string, error) {
	p := filepath.Join(dir, "many-members.zip")
	row := "Model A,2024-01-01\n"
	var ms []Member
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("large_scale_ai_models_%02d.csv", i)
		ms = append(ms, Member{Name: name, Head: CSVHead, Unit: row, Repeat: size / len(row)})
	}
	return p, WriteZip(p, ms...)
}

// QuotedLines is a zip holding one export whose second record is one
// quoted field of size bytes of 2-byte lines: no line is long, the record
// is endless.
func QuotedLines(dir string, size int) (string, error) {
	p := filepath.Join(dir, "quoted-lines.zip")
	return p, WriteZip(p, Member{Name: "large_scale_ai_models.csv", Head: CSVHead + "\"", Unit: "a\n", Repeat: size / 2, Tail: "\",2024\n"})
}

// NoExport is a zip of n members, none of them an export file: CSVs of
// other names.
func NoExport(dir string, n int) (string, error) {
	p := filepath.Join(dir, "no-export.zip")
	f, err := os.Create(p)
	if err != nil {
		return "", err
	}
	zw := zip.NewWriter(f)
	for i := 0; i < n; i++ {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("member_%06d.csv", i), Method: zip.Store})
		if err != nil {
			return "", err
		}
		w.Write([]byte("a\n"))
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return p, f.Close()
}

// The parts of a one-sheet workbook other than its sheet and shared
// strings.
var bookParts = []Member{
	{Name: "[Content_Types].xml", Head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
	{Name: "_rels/.rels", Head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
	{Name: "xl/workbook.xml", Head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
	{Name: "xl/_rels/workbook.xml.rels", Head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
}

const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetTail = `</sheetData></worksheet>`
	// The header row: Model, Publication date, as shared strings 0 and 1.
	headerRow = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`
	sstHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Model</t></si><si><t>Publication date</t></si>`
	sstTail = `</sst>`
)

// Workbook writes a one-sheet workbook: a header row then rowUnit repeated
// rows times in the sheet; the two header strings, sstHead, sstUnit
// repeated strings times and sstTail in the shared strings.
func Workbook(path, rowUnit string, rows int, sstHeadText, sstUnit string, strings int, sstTailText string) error {
	ms := append([]Member(nil), bookParts...)
	ms = append(ms,
		Member{Name: "xl/worksheets/sheet1.xml", Head: sheetHead + headerRow, Unit: rowUnit, Repeat: rows, Tail: sheetTail},
		Member{Name: "xl/sharedStrings.xml", Head: sstHead + sstHeadText, Unit: sstUnit, Repeat: strings, Tail: sstTailText + sstTail})
	return WriteZip(path, ms...)
}

// HugeString is a workbook whose one shared string (a cell of its second
// row) is size bytes long.
func HugeString(dir string, size int) (string, error) {
	p := filepath.Join(dir, "huge-string.xlsx")
	return p, Workbook(p, `<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>45000</v></c></row>`, 1,
		"<si><t>", "x", size, "</t></si>")
}

// ManyStrings is a workbook of n empty shared strings.
func ManyStrings(dir string, n int) (string, error) {
	p := filepath.Join(dir, "many-strings.xlsx")
	return p, Workbook(p, "", 0, "", "<si/>", n, "")
}

// ManyRows is a workbook of n rows of one model each.
func ManyRows(dir string, n int) (string, error) {
	p := filepath.Join(dir, "many-rows.xlsx")
	return p, Workbook(p, `<row><c t="inlineStr"><is><t>M</t></is></c><c><v>45000</v></c></row>`, n, "", "", 0, "")
}

// TallSheet is a workbook of n rows of one number each, in few bytes.
func TallSheet(dir string, n int) (string, error) {
	p := filepath.Join(dir, "tall.xlsx")
	return p, Workbook(p, `<row><c><v>1</v></c></row>`, n, "", "", 0, "")
}

// WideSheet is a workbook whose n rows each hold one cell in the last
// column Excel has (XFD).
func WideSheet(dir string, n int) (string, error) {
	p := filepath.Join(dir, "wide.xlsx")
	return p, Workbook(p, `<row><c r="XFD1"><v>1</v></c></row>`, n, "", "", 0, "")
}

// PeakHeap runs fn while sampling the heap every few milliseconds, and
// returns the largest heap in use seen, in bytes (from a clean start).
func PeakHeap(fn func()) uint64 {
	runtime.GC()
	var peak uint64
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		mu.Lock()
		peak = max(peak, ms.HeapInuse)
		mu.Unlock()
	}
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	fn()
	sample()
	close(stop)
	<-done
	mu.Lock()
	defer mu.Unlock()
	return peak
}
