package limits

const (
	// ZipMember caps the uncompressed size, in bytes, of one CSV member of
	// a zip archive (32 MiB, five times Epoch's largest file). It is
	// checked from the archive's directory before a byte is inflated, and
	// archive/zip stops any member at the size its directory states.
	ZipMember = 32 << 20

	// Archive caps the uncompressed size, in bytes, of all the parts of
	// one archive that modelcensus reads: the CSV members of a zip, or
	// every part of an Excel workbook (64 MiB). Like ZipMember it is
	// checked from the directory, before inflating.
	Archive = 64 << 20

	// WorkbookPart caps the uncompressed size, in bytes, of one part of an
	// Excel workbook (a sheet, the shared strings): 32 MiB.
	WorkbookPart = 32 << 20

	// SharedStrings caps the number of shared strings of a workbook
	// (1,000,000; Epoch's whole database holds under 200,000 cells). They
	// are counted in one streaming pass before the workbook is opened.
	SharedStrings = 1_000_000

	// WorkbookRows caps the rows of one sheet: 262,144, seventy times
	// Epoch's largest file, and a quarter of Excel's own limit (a sheet is
	// streamed twice, at some 15 µs a row). Sheets are streamed row by
	// row, never loaded whole.
	WorkbookRows = 1 << 18

	// WorkbookCells caps the cells of one sheet, its rows times its
	// widest row (4,194,304, twenty times Epoch's largest file): a sheet
	// of a million rows whose one cell sits in column XFD would otherwise
	// become 16 billion empty cells.
	WorkbookCells = 1 << 22

	// Record caps the bytes of one CSV record (16 MiB), counted while the
	// record is read, so that one endless quoted field is refused before
	// the parser holds it: far more than any Epoch row, whose longest
	// cells (abstracts, notes) hold a few KiB.
	Record = 16 << 20

	// OverlayFile caps the size, in bytes, of one overlay entry file
	// (1 MiB); the size is checked before the file is read, and no more
	// than that is ever read.
	OverlayFile = 1 << 20

	// OverlayValue caps the bytes of one text value of an overlay entry
	// (64 KiB: a reason or a note of several pages).
	OverlayValue = 64 << 10

	// OverlaySources caps the [[sources]] tables of one overlay entry
	// (100).
	OverlaySources = 100

	// OverlayEntries caps the entry files of one overlay folder (100,000).
	OverlayEntries = 100_000

	// ListItems is how many items of a long list (a zip's members, a
	// header's columns) one error message shows before it says how many
	// there are in all.
	ListItems = 12
)
