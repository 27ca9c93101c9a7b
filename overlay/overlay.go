package overlay

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/limits"
	"github.com/modelcensus/modelcensus/internal/xdg"
)

// RetiredDir is the sub-folder that Retire moves entries to; Load skips it.
const RetiredDir = "retired"

// Error is one problem with one entry: its file, the line of the field (0
// when the whole file is at fault), the field and what is wrong. Code is
// stable, for translations; Args are its values.
type Error struct {
	File  string
	Line  int
	Field string
	Code  string
	Msg   string
	Args  []any
}

// Error codes.
const (
	CodeSyntax    = "syntax"     // args: the parser's message
	CodeUnknown   = "unknown"    // the field is not in the schema
	CodeMissing   = "missing"    // a required field is absent or blank
	CodeBadValue  = "bad_value"  // args: the value, what is wanted
	CodeDuplicate = "duplicate"  // args: the other file
	CodeNoSource  = "no_source"  // no [[sources]] entry
	CodeExists    = "exists"     // args: the upstream name (an add of a listed model)
	CodeRead      = "read_error" // args: the error
	// CodeTooLarge: the file, one of its values, or its [[sources]] are
	// past a bound of package internal/limits; args: the bound's limit.
	CodeTooLarge = "too_large"
	// CodeNotRegular: the file is not a regular file (a FIFO, device or
	// socket, or a link to one) and is skipped unread.
	CodeNotRegular = "not_regular"
)

// ErrTooManyEntries is Load's error for a folder of more entry files than
// limits.OverlayEntries.
var ErrTooManyEntries = fmt.Errorf("more than %d entry files, past the bound on one overlay folder (see docs/limits.md)", limits.OverlayEntries)

// Error is "FILE[:LINE]: [FIELD: ]MESSAGE", in English; Code and Args
// are for translations.
func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Field != "" {
		return loc + ": " + e.Field + ": " + e.Msg
	}
	return loc + ": " + e.Msg
}

// file is an entry file as TOML decodes it.
type file struct {
	ID           string   `toml:"id"`
	Kind         string   `toml:"kind"`
	Model        string   `toml:"model"`
	Aliases      []string `toml:"aliases"`
	Organization string   `toml:"organization"`
	Reason       string   `toml:"reason"`
	Author       string   `toml:"author"`
	Created      string   `toml:"created"`

	Country       string `toml:"country"`
	Date          any    `toml:"date"`
	Domain        string `toml:"domain"`
	Parameters    any    `toml:"parameters"`
	ActiveParams  any    `toml:"active_parameters"`
	Tokens        any    `toml:"tokens"`
	Hardware      string `toml:"hardware"`
	Compute       any    `toml:"compute"`
	Confidence    string `toml:"confidence"`
	Accessibility string `toml:"accessibility"`
	From          string `toml:"from"`

	Field    string `toml:"field"`
	Upstream any    `toml:"upstream"` // nil when absent
	Value    any    `toml:"value"`

	Sources []struct {
		URL       string `toml:"url"`
		Retrieved any    `toml:"retrieved"`
		Note      string `toml:"note"`
	} `toml:"sources"`
}

// Subsets an add entry may bring a row from.
var Subsets = []string{"large-scale", "notable", "frontier", "all"}

// Load reads every entry of dir (files ending in .toml, in name order,
// outside RetiredDir). It returns the overlay of the valid entries and one
// Error for each problem found: a bad entry never hides the good ones.
// Path is dir; Hash is the SHA-256, in hex, of every file's name and the
// SHA-256 of its bytes, one "name NUL sum" per file in name order. The
// error is for a folder that cannot be read.
func Load(dir string) (*census.Overlay, []*Error, error) { return LoadCached(dir, "") }

// LoadCached is Load with a cache of parsed entries in cacheDir ("" for
// none): a file whose name, size and modification time are those cached is
// not read again, as git's index and make do. The cache is rewritten,
// through a temporary file, when a file changed.
func LoadCached(dir, cacheDir string) (*census.Overlay, []*Error, error) {
	ov := &census.Overlay{Path: dir, Entries: []census.Entry{}}
	var names, irregular []string
	stats := map[string]fs.FileInfo{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && (d.Name() == RetiredDir || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(d.Name(), ".toml") {
			if !d.Type().IsRegular() {
				// Never opened: a FIFO would block for ever.
				if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
					irregular = append(irregular, p)
					return nil
				}
			}
			if len(names) == limits.OverlayEntries {
				return ErrTooManyEntries
			}
			names = append(names, p)
			if info, err := d.Info(); err == nil {
				stats[p] = info
			}
		}
		return nil
	})
	if errors.Is(err, ErrTooManyEntries) {
		return nil, nil, fmt.Errorf("overlay %s: %w", dir, err)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("overlay %s: %w", dir, err)
	}
	sort.Strings(names)
	cached := readCache(cacheDir, dir)
	files := make([]parsed, len(names))
	var todo []int
	for i, p := range names {
		rel, _ := filepath.Rel(dir, p)
		files[i].rel = filepath.ToSlash(rel)
		if c, ok := cached[files[i].rel]; ok && stats[p] != nil && c.Size == stats[p].Size() && c.ModTime == stats[p].ModTime().UnixNano() {
			files[i].entry, files[i].sum, files[i].cached = c.Entry, c.Sum, true
			files[i].entry.File = p
			continue
		}
		todo = append(todo, i)
	}
	readAll(names, files, todo)
	h := sha256.New()
	var problems []*Error
	for _, p := range irregular {
		problems = append(problems, &Error{File: p, Code: CodeNotRegular,
			Msg: "not a regular file (a pipe, device, socket or a link to one); skipped"})
	}
	ids := map[string]string{}
	targets := map[string]string{} // entryKeys → file
	var fresh []cacheFile
	for i, p := range names {
		f := &files[i]
		if f.err != nil {
			problems = append(problems, &Error{File: p, Code: CodeRead, Msg: f.err.Error(), Args: []any{f.err.Error()}})
			continue
		}
		h.Write([]byte(f.rel))
		h.Write([]byte{0})
		h.Write(f.sum[:])
		if len(f.errs) > 0 {
			problems = append(problems, f.errs...)
			continue
		}
		e := f.entry
		if st := stats[p]; st != nil {
			fresh = append(fresh, cacheFile{Name: f.rel, Size: st.Size(), ModTime: st.ModTime().UnixNano(), Sum: f.sum, Entry: e})
		}
		if other, dup := ids[e.ID]; dup {
			problems = append(problems, &Error{File: p, Line: f.line("id"), Field: "id", Code: CodeDuplicate,
				Msg: fmt.Sprintf("id %q is also the id of %s", e.ID, other), Args: []any{e.ID, other}})
			continue
		}
		if other, name := Duplicates(e, targets); other != "" {
			problems = append(problems, &Error{File: p, Line: f.line("model"), Field: "model", Code: CodeDuplicate,
				Msg: fmt.Sprintf("%q is already the model of %s: one model, one entry of each kind", name, other), Args: []any{name, other}})
			continue
		}
		for _, k := range entryKeys(e) {
			targets[k] = p
		}
		ids[e.ID] = p
		ov.Entries = append(ov.Entries, e)
	}
	ov.Hash = hex.EncodeToString(h.Sum(nil))
	if len(todo) > 0 || len(fresh) != len(cached) {
		writeCache(cacheDir, dir, fresh)
	}
	return ov, problems, nil
}

// entryKeys are what an entry claims: for an add, the match key of its
// model and of each alias (one model is added once); for a correct, the
// model's key and the field (one value per field); for an exclude, the
// model's key.
func entryKeys(e census.Entry) []string {
	var names []string
	switch e.Kind {
	case census.EntryAdd:
		names = append([]string{e.Model}, e.Aliases...)
	default:
		names = []string{e.Model}
	}
	var out []string
	for _, n := range names {
		if k := census.MatchKey(n); k != "" {
			switch e.Kind {
			case census.EntryCorrect:
				out = append(out, "correct\x00"+k+"\x00"+string(e.Field))
			case census.EntryExclude:
				out = append(out, "exclude\x00"+k)
			default:
				out = append(out, "add\x00"+k)
			}
		}
	}
	return out
}

// Duplicates returns the file of an entry of known (entryKeys → file) that
// e repeats (the same model added again, under its name or an alias; the
// same field of the same model corrected again; the same model excluded
// again), with the name they share; "" when e is new.
func Duplicates(e census.Entry, known map[string]string) (file, name string) {
	for _, k := range entryKeys(e) {
		if f, ok := known[k]; ok {
			parts := strings.Split(k, "\x00")
			return f, parts[1]
		}
	}
	return "", ""
}

// parsed is one entry file, read and parsed, or taken from the cache.
type parsed struct {
	rel    string // the name in the folder, with '/'
	path   string
	data   []byte // nil for a cached entry
	sum    [sha256.Size]byte
	entry  census.Entry
	errs   []*Error
	err    error
	cached bool
}

// line is the line of a top-level key in the file (read again for a cached
// entry: only for a message).
func (f *parsed) line(key string) int {
	if f.data == nil && f.path != "" {
		f.data, _ = readEntry(f.path)
	}
	return keyLine(f.data, key)
}

// readAll reads and parses files[i] for each i of todo, on as many
// goroutines as there are CPUs: hundreds of small files are mostly system
// calls and parsing.
func readAll(names []string, files []parsed, todo []int) {
	workers := min(runtime.GOMAXPROCS(0), len(todo), 8)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= len(todo) {
					return
				}
				f := &files[todo[k]]
				f.path = names[todo[k]]
				f.data, f.err = readEntry(f.path)
				if errors.Is(f.err, errTooLarge) {
					f.err, f.errs = nil, []*Error{tooLarge(f.path, "", limits.OverlayFile, "the file is larger than %s")}
					continue
				}
				if f.err == nil {
					f.sum = sha256.Sum256(f.data)
					f.entry, f.errs = Parse(f.path, f.data)
				}
			}
		}()
	}
	wg.Wait()
	for i := range files {
		files[i].path = names[i]
	}
}

// validID reports whether id is 1–100 letters, digits, '.', '_' or '-',
// starting with a letter or digit.
func validID(id string) bool {
	if id == "" || len(id) > 100 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return false
		}
	}
	return true
}

// Parse reads one entry file's bytes (name is for messages) and validates
// it against the schema. It returns every problem found, each naming the
// file, the line and the field.
func Parse(name string, data []byte) (census.Entry, []*Error) {
	var f file
	var errs []*Error
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var strict *toml.StrictMissingError
		if !errors.As(err, &strict) {
			line, msg := 0, err.Error()
			var de *toml.DecodeError
			if errors.As(err, &de) {
				line, _ = de.Position()
			}
			return census.Entry{}, []*Error{{File: name, Line: line, Code: CodeSyntax, Msg: "not valid TOML: " + msg, Args: []any{msg}}}
		}
		// Unknown keys: the known ones are decoded all the same.
		for _, de := range strict.Errors {
			line, _ := de.Position()
			errs = append(errs, &Error{File: name, Line: line, Field: strings.Join(de.Key(), "."), Code: CodeUnknown, Msg: "not a field of the overlay schema"})
		}
	}
	bad := func(field, code, msg string, args ...any) {
		errs = append(errs, &Error{File: name, Line: keyLine(data, field), Field: field, Code: code, Msg: msg, Args: args})
	}
	keys := topKeys(data)
	defined := func(key string) bool { return keys[key] }
	e := census.Entry{ID: strings.TrimSpace(f.ID), Kind: census.EntryKind(strings.TrimSpace(f.Kind)), File: name, Line: 1,
		Model: census.Clean(f.Model), Organization: census.Clean(f.Organization), Reason: strings.TrimSpace(f.Reason),
		Author: strings.TrimSpace(f.Author), From: strings.TrimSpace(f.From)}
	for _, a := range f.Aliases {
		if a = census.Clean(a); a != "" {
			e.Aliases = append(e.Aliases, a)
		}
	}
	required := func(field, v string) bool {
		if v == "" {
			bad(field, CodeMissing, "required")
			return false
		}
		return true
	}
	if required("id", e.ID) && !validID(e.ID) {
		bad("id", CodeBadValue, fmt.Sprintf("%q: want letters, digits, '.', '_' or '-'", e.ID), e.ID, "letters, digits, . _ -")
	}
	switch e.Kind {
	case census.EntryAdd, census.EntryCorrect, census.EntryExclude:
	case "":
		bad("kind", CodeMissing, "required")
	default:
		bad("kind", CodeBadValue, fmt.Sprintf("%q: want add, correct or exclude", e.Kind), string(e.Kind), "add, correct, exclude")
	}
	required("model", e.Model)
	required("reason", e.Reason)
	required("author", e.Author)
	if required("created", strings.TrimSpace(f.Created)) {
		if _, err := time.Parse("2006-01-02", strings.TrimSpace(f.Created)); err != nil {
			bad("created", CodeBadValue, fmt.Sprintf("%q: want a date, YYYY-MM-DD", f.Created), f.Created, "YYYY-MM-DD")
		}
	}
	e.Created = strings.TrimSpace(f.Created)
	if len(f.Sources) > limits.OverlaySources {
		errs = append(errs, tooLarge(name, "sources", limits.OverlaySources, "more than %s [[sources]] tables"))
		f.Sources = nil
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return e, errs
	}
	if field, ok := longValue(&f); ok {
		errs = append(errs, &Error{File: name, Line: keyLine(data, field), Field: field, Code: CodeTooLarge,
			Msg:  fmt.Sprintf("a value longer than %s, past the bound on one value (see docs/limits.md)", sizeText(limits.OverlayValue)),
			Args: []any{sizeText(limits.OverlayValue)}})
		return e, errs
	}
	if len(f.Sources) == 0 {
		errs = append(errs, &Error{File: name, Line: keyLine(data, "sources"), Field: "sources", Code: CodeNoSource,
			Msg: "at least one [[sources]] entry, with url and retrieved, is required"})
	}
	for i, s := range f.Sources {
		field := fmt.Sprintf("sources[%d]", i+1)
		line := tableLine(data, "sources", i)
		u, err := url.Parse(strings.TrimSpace(s.URL))
		if strings.TrimSpace(s.URL) == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, &Error{File: name, Line: line, Field: field + ".url", Code: CodeBadValue,
				Msg: fmt.Sprintf("%q: want an http(s) URL", s.URL), Args: []any{s.URL, "https://…"}})
		}
		ret := text(s.Retrieved)
		if _, err := time.Parse("2006-01-02", ret); err != nil {
			errs = append(errs, &Error{File: name, Line: line, Field: field + ".retrieved", Code: CodeBadValue,
				Msg: fmt.Sprintf("%q: want the retrieval date, YYYY-MM-DD", ret), Args: []any{ret, "YYYY-MM-DD"}})
		}
		e.Sources = append(e.Sources, census.CurationSource{URL: strings.TrimSpace(s.URL), Retrieved: ret, Note: strings.TrimSpace(s.Note)})
	}
	number := func(field string, v any) string {
		s := text(v)
		if s == "" {
			return ""
		}
		if x, ok := census.ParseNumber(s); !ok || x < 0 {
			bad(field, CodeBadValue, fmt.Sprintf("%q: want %s", s, HintNonNegative), s, HintNonNegative)
			return ""
		}
		return s
	}
	addOnly := map[string]bool{}
	switch e.Kind {
	case census.EntryAdd:
		e.Cells = map[census.Field]string{
			census.FieldOrganization: e.Organization, census.FieldCountry: census.Clean(f.Country),
			census.FieldDomain: census.Clean(f.Domain), census.FieldHardware: census.Clean(f.Hardware),
			census.FieldConfidence: census.Clean(f.Confidence), census.FieldAccessibility: census.Clean(f.Accessibility),
			census.FieldParameters: number("parameters", f.Parameters), census.FieldDatasetSize: number("tokens", f.Tokens),
			census.FieldCompute: number("compute", f.Compute),
		}
		if a := number("active_parameters", f.ActiveParams); a != "" {
			e.ActiveParams, _ = census.ParseNumber(a)
		}
		date := text(f.Date)
		if date == "" && e.From == "" {
			bad("date", CodeMissing, "required (the publication date, YYYY-MM-DD)")
		} else if date != "" {
			if _, ok := census.ParseDate(date); !ok {
				bad("date", CodeBadValue, fmt.Sprintf("%q: want a date, YYYY-MM-DD, YYYY-MM or YYYY", date), date, "YYYY-MM-DD, YYYY-MM or YYYY")
			}
			e.Cells[census.FieldDate] = date
		}
		if e.From != "" && !slices.Contains(Subsets, e.From) {
			bad("from", CodeBadValue, fmt.Sprintf("%q: want one of %s", e.From, strings.Join(Subsets, ", ")), e.From, strings.Join(Subsets, ", "))
		}
	case census.EntryCorrect:
		fld, ok := census.CorrectableFields[strings.TrimSpace(f.Field)]
		switch {
		case strings.TrimSpace(f.Field) == "":
			bad("field", CodeMissing, "required")
		case !ok:
			bad("field", CodeBadValue, fmt.Sprintf("%q: want one of %s", f.Field, strings.Join(FieldNames(), ", ")), f.Field, strings.Join(FieldNames(), ", "))
		}
		e.Field, e.Upstream, e.Value = fld, text(f.Upstream), text(f.Value)
		if f.Upstream == nil {
			bad("upstream", CodeMissing, "required: the value seen upstream when the entry was written (\"\" for blank)")
		}
		if required("value", e.Value) && ok {
			if hint := checkValue(fld, e.Value); hint != "" {
				bad("value", CodeBadValue, fmt.Sprintf("%q: want %s", e.Value, hint), e.Value, hint)
			}
		}
	}
	if e.Kind != census.EntryAdd {
		for _, k := range []string{"country", "date", "domain", "parameters", "active_parameters", "tokens", "hardware", "compute", "confidence", "accessibility", "from"} {
			addOnly[k] = true
		}
	}
	if e.Kind != census.EntryCorrect {
		for _, k := range []string{"field", "upstream", "value"} {
			addOnly[k] = true
		}
	}
	for k := range addOnly {
		if defined(k) {
			bad(k, CodeUnknown, fmt.Sprintf("not a field of a %s entry", e.Kind))
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	return e, errs
}

// HintNonNegative is the hint (an Error's last Arg) of a number that must
// not be negative; a translation of the message replaces it with its own
// words.
const HintNonNegative = "a number >= 0"

// checkValue says what a correction's value should be when it is not, or
// "".
func checkValue(f census.Field, v string) string {
	switch f {
	case census.FieldCompute, census.FieldParameters, census.FieldDatasetSize:
		if x, ok := census.ParseNumber(v); !ok || x < 0 {
			return HintNonNegative
		}
	case census.FieldDate:
		if _, ok := census.ParseDate(v); !ok {
			return "YYYY-MM-DD"
		}
	}
	return ""
}

// FieldNames lists the short names of the fields a correction may change.
func FieldNames() []string {
	out := make([]string, 0, len(census.CorrectableFields))
	for k := range census.CorrectableFields {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// text is a TOML value as a cell: strings trimmed, numbers in Go's shortest
// form, dates as YYYY-MM-DD.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case time.Time:
		return x.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

// keyLine is the line on which a top-level key is set, or 0.
func keyLine(data []byte, key string) int {
	if i := strings.IndexByte(key, '.'); i >= 0 {
		key = key[:i]
	}
	key = strings.TrimSuffix(key, "]")
	if i := strings.IndexByte(key, '['); i >= 0 {
		key = key[:i]
	}
	for n, line := range bytes.Split(data, []byte("\n")) {
		l := strings.TrimSpace(string(line))
		if strings.HasPrefix(l, "[[") || strings.HasPrefix(l, "[") {
			if strings.Trim(l, "[] ") == key {
				return n + 1
			}
			continue
		}
		if k, _, ok := strings.Cut(l, "="); ok && strings.Trim(strings.TrimSpace(k), `"`) == key {
			return n + 1
		}
	}
	return 0
}

// topKeys are the keys set in a file, outside tables' headers.
func topKeys(data []byte) map[string]bool {
	out := map[string]bool{}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if k, _, ok := bytes.Cut(line, []byte("=")); ok {
			out[strings.Trim(strings.TrimSpace(string(k)), `"`)] = true
		}
	}
	return out
}

// tableLine is the line of the i-th [[name]] header (0-based), or 0.
func tableLine(data []byte, name string, i int) int {
	seen := 0
	for n, line := range bytes.Split(data, []byte("\n")) {
		if strings.TrimSpace(string(line)) == "[["+name+"]]" {
			if seen == i {
				return n + 1
			}
			seen++
		}
	}
	return 0
}

// DefaultCacheDir is where LoadCached keeps parsed entries by default:
// $XDG_CACHE_HOME/modelcensus, or ~/.cache/modelcensus; "" when neither
// is known. getenv is os.Getenv or a test's.
func DefaultCacheDir(getenv func(string) string) string { return xdg.CacheDir(getenv) }

// DefaultDir is the overlay used when none is named:
// $XDG_DATA_HOME/modelcensus/overlay, or ~/.local/share/modelcensus/overlay
// (the XDG Base Directory default); "" when neither is known. getenv is
// os.Getenv or a test's.
func DefaultDir(getenv func(string) string) string {
	if d := xdg.DataDir(getenv); d != "" {
		return filepath.Join(d, "overlay")
	}
	return ""
}
