package epoch

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch/bundled"
	"github.com/modelcensus/modelcensus/internal/limits"
)

// DefaultURL is where Epoch AI publishes the whole database.
const DefaultURL = "https://epoch.ai/data/ai_models.zip"

// Source kinds.
const (
	KindFile   = "file"
	KindZip    = "zip"
	KindFolder = "folder"
	KindURL    = "url"
	// KindWorkbook is an Excel workbook (.xlsx) saved from an export.
	KindWorkbook = "workbook"
	// KindBundled is the snapshot carried inside modelcensus (package
	// epoch/bundled).
	KindBundled = census.KindBundled
)

// Bundled is the --source that names the bundled snapshot.
const Bundled = "bundled"

// File is one CSV of a source.
type File struct {
	Name    string    // name as reported (a path, or archive.zip!member.csv)
	Subset  string    // the subset its name tells, or ""
	ModTime time.Time // the file's or zip member's modification time
	Open    Opener
}

// Source is an opened export: its CSV files and where they came from.
type Source struct {
	Location string
	Kind     string
	Files    []File
	// Fetched describes the download, for a URL source.
	Fetched *Fetched
	// FallbackReason, for the bundled snapshot used in place of a download
	// that failed, is that failure.
	FallbackReason error
	// Date is the source's own snapshot date, when it has one (the
	// bundled snapshot); Load uses it unless a date is given.
	Date time.Time
	// Copies are the files of a folder left out as copies of the same
	// export as a file kept (see resolveCopies).
	Copies []census.IgnoredCopy
	// Skipped names the entries of a folder or an archive that are not
	// regular files (FIFOs, devices, sockets, links to them), which are
	// never opened; Load notes each one.
	Skipped []string
	// zip is kept open while the source is in use.
	zip *zip.ReadCloser
	// book, for a workbook, is kept open while the source is in use.
	book io.Closer
}

// Close releases the source.
func (s *Source) Close() error {
	var err error
	if s.book != nil {
		err = s.book.Close()
	}
	if s.zip != nil {
		err = errors.Join(err, s.zip.Close())
	}
	return err
}

// OpenOptions configure Open.
type OpenOptions struct {
	Fetch FetchOptions
	// Download fetches a URL source into the cache (see package
	// epoch/download, whose Fetch it usually is). When it is nil, opening a
	// URL fails with ErrNoDownload.
	Download func(ctx context.Context, url string, opt FetchOptions) (*Fetched, error)
	// Fallback, for a URL source, opens the bundled snapshot when the
	// download fails and no cached copy can be used (a *FetchError), and
	// records why in Source.FallbackReason. The commands set it when the
	// user named no source.
	Fallback bool
}

// ErrNoDownload is Open's error for a URL when OpenOptions.Download is nil.
var ErrNoDownload = errors.New("no downloader was given")

// IsURL reports whether location is an http(s) URL, which Open downloads.
func IsURL(location string) bool {
	return strings.HasPrefix(location, "https://") || strings.HasPrefix(location, "http://")
}

// Open opens location: an http(s) URL, a zip archive, a folder of CSVs, a
// single CSV file, or "bundled" (the snapshot carried in the program; see
// OpenBundled). "" is DefaultURL. A URL that cannot be downloaded gives
// the download's *FetchError, or the bundled snapshot with opt.Fallback;
// a path gives an *InputError.
func Open(ctx context.Context, location string, opt OpenOptions) (*Source, error) {
	if location == "" {
		location = DefaultURL
	}
	if strings.EqualFold(location, Bundled) {
		return OpenBundled()
	}
	if IsURL(location) {
		if opt.Download == nil {
			return nil, fmt.Errorf("open %s: %w", location, ErrNoDownload)
		}
		f, err := opt.Download(ctx, location, opt.Fetch)
		var fe *FetchError
		if err != nil && opt.Fallback && errors.As(err, &fe) && ctx.Err() == nil {
			src, berr := OpenBundled()
			if berr != nil {
				return nil, errors.Join(err, berr)
			}
			src.FallbackReason = err
			return src, nil
		}
		if err != nil {
			return nil, err
		}
		src, err := openPath(f.Path, urlBase(location))
		if err != nil {
			return nil, err
		}
		src.Location, src.Kind, src.Fetched = location, KindURL, f
		return src, nil
	}
	return openPath(location, "")
}

func urlBase(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u[strings.LastIndexByte(u, '/')+1:]
}

// openPath opens a local path; display, when set, is the name to report for
// a single downloaded file.
func openPath(path, display string) (*Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &InputError{Kind: InputNotFound, Path: path}
		}
		return nil, &InputError{Kind: InputRead, Path: path, Err: err}
	}
	if st.IsDir() {
		return openFolder(path)
	}
	if !st.Mode().IsRegular() {
		return nil, &InputError{Kind: InputRead, Path: path, Err: ErrNotRegular}
	}
	name := path
	if display != "" {
		name = display
	}
	if isZip(path) {
		if isWorkbook(path) {
			return openWorkbook(path, name)
		}
		return openZip(path, name)
	}
	return &Source{Location: path, Kind: KindFile, Files: []File{{
		Name: name, Subset: SubsetOf(name), ModTime: st.ModTime(),
		Open: func() (io.ReadCloser, error) { return os.Open(path) },
	}}}, nil
}

// MaxMember caps the uncompressed size of a zip member (limits.ZipMember):
// Epoch's largest file is a few MiB, and a member that inflates past this
// is refused from the archive's directory, before it is inflated (the
// archive's reader also stops at the size the directory states). The
// members read from one archive are bounded together by limits.Archive.
const MaxMember = limits.ZipMember

// Clutter reports whether a path inside a folder or zip is left out
// silently: what macOS, Windows and file managers leave beside the data
// (__MACOSX/, ._ sidecars, .DS_Store, Thumbs.db, desktop.ini) and hidden
// files.
func Clutter(p string) bool {
	p = filepath.ToSlash(p)
	for _, part := range strings.Split(p, "/") {
		if part == "__MACOSX" || strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	switch strings.ToLower(path.Base(p)) {
	case "thumbs.db", "desktop.ini", ".ds_store":
		return true
	}
	return false
}

func isZip(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	// By its content, not its name: an error page saved as ai_models.zip is
	// read as what it is, and told apart as HTML.
	return bytes.Equal(head[:n], []byte("PK\x03\x04")) || bytes.Equal(head[:n], []byte("PK\x05\x06"))
}

func openZip(path, name string) (*Source, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, &InputError{Kind: InputBadZip, Path: name, Err: err}
	}
	src := &Source{Location: path, Kind: KindZip, zip: zr}
	if err := src.addZipMembers(&zr.Reader, name); err != nil {
		zr.Close()
		return nil, err
	}
	return src, nil
}

// OpenBundled opens the snapshot carried inside modelcensus (package
// epoch/bundled): the large-scale and notable files of bundled.Date, under
// the name bundled.Name. Its errors are *InputError, and only if the
// program itself is damaged.
func OpenBundled() (*Source, error) {
	zr, err := zip.NewReader(bytes.NewReader(bundled.Zip), int64(len(bundled.Zip)))
	if err != nil {
		return nil, &InputError{Kind: InputBadZip, Path: bundled.Name, Err: err}
	}
	src := &Source{Location: bundled.Name, Kind: KindBundled, Date: bundled.Date}
	if err := src.addZipMembers(zr, bundled.Name); err != nil {
		return nil, err
	}
	return src, nil
}

// addZipMembers adds the CSV members of zr, named name!member.
func (s *Source) addZipMembers(zr *zip.Reader, name string) error {
	var total uint64
	for _, zf := range zr.File {
		if zf.FileInfo().IsDir() || !strings.EqualFold(filepath.Ext(zf.Name), ".csv") || Clutter(zf.Name) {
			continue
		}
		if !zf.Mode().IsRegular() {
			// A symbolic link, a FIFO or a device recorded in the archive.
			s.Skipped = append(s.Skipped, filepath.Base(name)+"!"+zf.Name)
			continue
		}
		// Refused from the archive's directory, before inflating a byte.
		if zf.UncompressedSize64 > uint64(MaxMember) {
			return tooLarge(name+"!"+zf.Name, 0, BoundZipMember, MaxMember)
		}
		if total += zf.UncompressedSize64; total > limits.Archive {
			return tooLarge(name, 0, BoundArchive, limits.Archive)
		}
		zf := zf
		s.Files = append(s.Files, File{
			Name: filepath.Base(name) + "!" + zf.Name, Subset: SubsetOf(zf.Name), ModTime: zf.Modified,
			Open: func() (io.ReadCloser, error) {
				rc, err := zf.Open()
				if err != nil {
					return nil, &InputError{Kind: InputBadZip, Path: name + "!" + zf.Name, Err: err}
				}
				return zipMember{rc, name + "!" + zf.Name, int64(zf.UncompressedSize64)}, nil
			},
		})
	}
	if len(s.Files) == 0 {
		if len(s.Skipped) > 0 {
			return &InputError{Kind: InputRead, Path: s.Skipped[0], Err: ErrNotRegular}
		}
		return &InputError{Kind: InputNoCSV, Path: name}
	}
	return nil
}

// zipMember turns a corrupt member's read error into an InputError.
type zipMember struct {
	io.ReadCloser
	name string
	size int64
}

// Size is the member's uncompressed size, as the archive states it.
func (z zipMember) Size() int64 { return z.size }

func (z zipMember) Read(p []byte) (int, error) {
	n, err := z.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = &InputError{Kind: InputBadZip, Path: z.name, Err: err}
	}
	return n, err
}

func openFolder(dir string) (*Source, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &InputError{Kind: InputRead, Path: dir, Err: err}
	}
	src := &Source{Location: dir, Kind: KindFolder}
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".csv") || Clutter(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		info, regular := regularFile(p)
		if !regular {
			// A FIFO, device or socket (or a link to one, or a broken
			// link): opening it could block for ever.
			src.Skipped = append(src.Skipped, p)
			continue
		}
		src.Files = append(src.Files, File{
			Name: p, Subset: SubsetOf(e.Name()), ModTime: info.ModTime(),
			Open: func() (io.ReadCloser, error) { return os.Open(p) },
		})
	}
	if len(src.Files) == 0 {
		if len(src.Skipped) > 0 {
			return nil, &InputError{Kind: InputRead, Path: src.Skipped[0], Err: ErrNotRegular}
		}
		return nil, &InputError{Kind: InputNoCSV, Path: dir}
	}
	// Two downloads of one export: the newer is read, never both.
	if src.Files, src.Copies, err = resolveCopies(src.Files); err != nil {
		return nil, err
	}
	return src, nil
}

// Select picks the files of subset and names the subset chosen: a
// single-file source is taken whole when subset is "", as is a folder or
// zip holding one CSV, and named by the subset its file name shows (or
// "file"); otherwise "" means large-scale.
func (s *Source) Select(subset string) ([]File, string, error) {
	if len(s.Files) == 1 && subset == "" {
		// One file is taken whole; it is named by its subset when its
		// name says which it is.
		if label := s.Files[0].Subset; label != "" {
			return s.Files, label, nil
		}
		return s.Files, SubsetFile, nil
	}
	want := subset
	if want == "" {
		want = SubsetLargeScale
	}
	var out []File
	avail := map[string]bool{}
	for _, f := range s.Files {
		label := f.Subset
		if label == "" {
			label = filepath.Base(f.Name)
		}
		avail[label] = true
		if f.Subset == want {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		for _, p := range s.Skipped {
			if SubsetOf(p) == want {
				return nil, "", &InputError{Kind: InputRead, Path: p, Err: ErrNotRegular}
			}
		}
		return nil, "", &InputError{Kind: InputNoSubset, Path: s.Location, Subset: want, Available: sortedKeys(avail)}
	}
	return out, want, nil
}

// LoadOptions configure Load.
type LoadOptions struct {
	OpenOptions
	// Subset chooses the files; see Source.Select.
	Subset string
	// Date is the snapshot date; when zero it is found from the source.
	Date time.Time
	// Now is the current time, for a URL source; nil means time.Now.
	Now func() time.Time
	// Checksum asks for each file's SHA-256 in the provenance.
	Checksum bool
	// DateBasis and DatePath, with Date, restore how a stored snapshot's
	// date was found; by default a given Date is "option".
	DateBasis, DatePath string
	// ID is the stored snapshot's id, reported with the census.
	ID int64
	// OnRow, when set, sees each row before the dataset does, on the same
	// goroutine (as diff collects links and references).
	OnRow func(*census.Raw)
	// RowsOnly, with OnRow, leaves the dataset empty: the rows go to
	// OnRow alone, for a command that needs no census (estimate).
	RowsOnly bool
	// Encoding and DateFormat, when set, override what the reader finds
	// (see Reader).
	Encoding, DateFormat string
	// EstimateMissing fills missing training compute with an estimate by
	// Epoch's method (census.Dataset.EstimateMissing).
	EstimateMissing bool
	// Overlay, when set, is applied as the rows are read
	// (census.Dataset.UseOverlay).
	Overlay *census.Overlay
}

// Load opens location, reads the chosen subset and normalizes it with rules
// into a dataset whose Snapshot holds the provenance.
func Load(ctx context.Context, location string, rules *census.Rules, opt LoadOptions) (*census.Dataset, error) {
	src, err := Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	return src.Load(ctx, rules, opt)
}

// Load reads the chosen subset of an opened source; see the function Load.
func (s *Source) Load(ctx context.Context, rules *census.Rules, opt LoadOptions) (*census.Dataset, error) {
	files, subset, err := s.Select(opt.Subset)
	if s.Kind == KindWorkbook {
		files, subset, err = s.selectSheet(rules)
	}
	if err != nil {
		return nil, err
	}
	ds := census.NewDataset(rules)
	ds.EstimateMissing = opt.EstimateMissing
	ds.UseOverlay(opt.Overlay)
	ds.Snapshot = census.Snapshot{Source: s.Location, Kind: s.Kind, Subset: subset}
	s.noteSkipped(ds)
	var lastModified, newestMember time.Time
	rd := &Reader{Rules: rules, Checksum: opt.Checksum, Encoding: opt.Encoding, DateFormat: opt.DateFormat}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		add := ds.Add
		switch {
		case opt.OnRow != nil && opt.RowsOnly:
			add = opt.OnRow
		case opt.OnRow != nil:
			add = func(r *census.Raw) { opt.OnRow(r); ds.Add(r) }
		}
		res, err := rd.Read(f.Name, WithContext(ctx, f.Open), ds, add)
		if err != nil {
			return nil, err
		}
		ds.Snapshot.Files = append(ds.Snapshot.Files, res.Info)
		if res.LastModified.After(lastModified) {
			lastModified = res.LastModified
		}
		if f.ModTime.After(newestMember) {
			newestMember = f.ModTime
		}
	}
	ds.Snapshot.IgnoredCopies = copiesOf(s.Copies, files)
	ds.Finish()
	if opt.Date.IsZero() && s.Fetched == nil && s.Date.IsZero() {
		// One download has one date, whichever subset is read: the newest
		// "Last modified" of any of its exports dates them all, as pull
		// dates the download from every file it stores.
		lm, err := s.othersLastModified(ctx, rules, files, opt)
		if err != nil {
			return nil, err
		}
		if lm.After(lastModified) {
			lastModified = lm
		}
	}
	ds.Snapshot.Date, ds.Snapshot.DateBasis, ds.Snapshot.DatePath = s.snapshotDate(files, opt, lastModified, newestMember)
	ds.Snapshot.ID = opt.ID
	if s.Kind == KindBundled {
		now := time.Now
		if opt.Now != nil {
			now = opt.Now
		}
		ds.Snapshot.AgeDays = max(int(now().Sub(ds.Snapshot.Date).Hours()/24), 0)
	}
	return ds, nil
}

var datePattern = regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})-([01][0-9])-([0-3][0-9])(?:[^0-9]|$)`)

// DateInPath finds a YYYY-MM-DD date in a path, nearest the file first, as
// in an archive of downloads kept one folder per date.
func DateInPath(p string) (time.Time, bool) {
	parts := strings.FieldsFunc(filepath.ToSlash(p), func(r rune) bool { return r == '/' || r == '!' })
	for i := len(parts) - 1; i >= 0; i-- {
		if m := datePattern.FindStringSubmatch(parts[i]); m != nil {
			if t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// snapshotDate finds the snapshot's date, from the best evidence there
// is: the --date given; the time of the download of a URL; the bundled
// snapshot's own date; the newest "Last modified" value in the files; a
// date in a file's name (2025-02-24, 20250224, 24_02_2025, 24-02-2025);
// the newest member time of a zip; a date in the folder path; the files'
// modification time. It also returns which was used, and the name or path
// that held the date.
func (s *Source) snapshotDate(files []File, opt LoadOptions, lastModified, newestMember time.Time) (time.Time, string, string) {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	if !opt.Date.IsZero() {
		if opt.DateBasis != "" {
			return day(opt.Date), opt.DateBasis, opt.DatePath
		}
		return day(opt.Date), census.DateFromOption, ""
	}
	if s.Fetched != nil {
		return day(s.Fetched.RetrievedAt), census.DateFromDownload, ""
	}
	if !s.Date.IsZero() {
		return day(s.Date), census.DateFromBundled, ""
	}
	if !lastModified.IsZero() {
		return day(lastModified), census.DateFromLastModified, ""
	}
	names := make([]string, 0, len(files)+1)
	for _, f := range files {
		names = append(names, f.Name)
	}
	if s.Kind == KindZip || s.Kind == KindWorkbook {
		names = append(names, s.Location)
	}
	for _, n := range names {
		base := n[strings.LastIndexAny(n, `/\!`)+1:]
		if t, ok := DateInName(base); ok {
			return t, census.DateFromName, base
		}
	}
	if s.Kind == KindZip && !newestMember.IsZero() {
		return day(newestMember), census.DateFromZip, ""
	}
	dir := s.Location
	if s.Kind != KindFolder {
		dir = filepath.Dir(dir)
	}
	if t, ok := DateInPath(dir); ok {
		return t, census.DateFromPath, dir
	}
	if !newestMember.IsZero() {
		return day(newestMember), census.DateFromModTime, ""
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	return day(now()), census.DateFromToday, ""
}

// othersLastModified is the newest "Last modified" value of the source's
// exports other than read (those of other subsets), zero when they have
// none. A file that cannot be read gives none: its own subset's report
// says what is wrong with it.
func (s *Source) othersLastModified(ctx context.Context, rules *census.Rules, read []File, opt LoadOptions) (time.Time, error) {
	var newest time.Time
	for _, f := range s.Files {
		if f.Subset == "" || slices.ContainsFunc(read, func(r File) bool { return r.Name == f.Name }) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return newest, err
		}
		rd := &Reader{Rules: rules, Encoding: opt.Encoding, DateFormat: opt.DateFormat}
		res, err := rd.Read(f.Name, f.Open, census.NewDataset(rules), func(*census.Raw) {})
		if err == nil && res.LastModified.After(newest) {
			newest = res.LastModified
		}
	}
	return newest, nil
}

// namePatterns are the dates that file names carry: ISO, compact, and
// day first with _ or - (as notable_ai_models_24_02_2025.csv).
var namePatterns = []struct {
	re      *regexp.Regexp
	y, m, d int
}{
	{regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})-([01][0-9])-([0-3][0-9])(?:[^0-9]|$)`), 1, 2, 3},
	{regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})([01][0-9])([0-3][0-9])(?:[^0-9]|$)`), 1, 2, 3},
	{regexp.MustCompile(`(?:^|[^0-9])([0-3][0-9])[_-]([01][0-9])[_-](20[0-9]{2})(?:[^0-9]|$)`), 3, 2, 1},
}

// DateInName finds a date in a file name: 2025-02-24, 20250224, 24_02_2025
// or 24-02-2025. ok is false when there is none, or it is no calendar day.
func DateInName(name string) (time.Time, bool) {
	for _, p := range namePatterns {
		if m := p.re.FindStringSubmatch(name); m != nil {
			t, err := time.Parse("2006-01-02", m[p.y]+"-"+m[p.m]+"-"+m[p.d])
			if err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// SnapshotDate tells the date of the whole source, as Load would for these
// files: see LoadOptions.Date and the README. lastModified is the newest
// "Last modified" value read, if any.
func (s *Source) SnapshotDate(opt LoadOptions, lastModified time.Time) (date time.Time, basis, path string) {
	var newest time.Time
	for _, f := range s.Files {
		if f.ModTime.After(newest) {
			newest = f.ModTime
		}
	}
	return s.snapshotDate(s.Files, opt, lastModified, newest)
}

// SortFiles orders files by name, for stable reports.
func SortFiles(files []File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
}
