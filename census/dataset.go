package census

import (
	"bytes"
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Exclusion reasons for rows that are left out of the counts.
const (
	ReasonNoName  = "no_name"
	ReasonNoDate  = "no_date"
	ReasonBadDate = "bad_date"
	// ReasonCurated: an overlay's exclude entry left the model out.
	ReasonCurated = "excluded_by_overlay"
)

// Excluded is a row left out of the counts, with the reason.
type Excluded struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Name   string `json:"name,omitempty"`
	Value  string `json:"value,omitempty"`
}

// Duplicate is a row whose trimmed model name was already read; only the
// first row with a name is counted.
type Duplicate struct {
	Name      string `json:"name"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	FirstFile string `json:"first_file"`
	FirstLine int    `json:"first_line"`
}

// Problem is a row that could not be read at all (a malformed CSV record),
// or a cell that could not be parsed; the rest of the file is still counted.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	// Code names the kind of problem (ProblemMalformed, …), and Args are
	// the values in Message, for translations.
	Code string `json:"code,omitempty"`
	Args []any  `json:"-"`
}

// Kinds of Problem.
const (
	ProblemMalformed    = "malformed_record" // args: first line, column, line, parser's error
	ProblemFieldCount   = "field_count"      // args: fields, header fields
	ProblemCompute      = "compute_not_number"
	ProblemDecimalComma = "compute_decimal_comma" // args: the cell
)

// Dataset accumulates the normalized models of a snapshot, with everything
// that was left out and why. Len and Model give the models; they are kept
// compact (a pointer-free record per model, the names apart), so that a
// census of a million rows stays small and quick to collect garbage around.
type Dataset struct {
	Snapshot   Snapshot
	Duplicates []Duplicate
	Excluded   []Excluded
	Problems   []Problem
	// Unmapped counts, per kind, the rows holding each raw value that the
	// rules do not know.
	Unmapped map[string]map[string]int
	// EstimateMissing, set before the first Add, fills the training compute
	// of a model that has none with an estimate by Epoch's method from the
	// row's own columns (EstimateRow; a base model's compute is its row's
	// figure in the same dataset). Such a model is marked Estimated.
	EstimateMissing bool

	rules *Rules
	// rows holds each model; its name is in the names arena. Finish sorts
	// the names' hashes to find repeats; models from index deduped on have
	// not been checked yet. Nothing here holds a pointer, so the garbage
	// collector has nothing to scan however many models there are.
	rows []row
	// dupRows are the rows Finish dropped as repeats of a name, kept for
	// the figure engine's --duplicates rows (see ModelsWithDuplicates).
	dupRows []row
	names   arena
	deduped int
	seed    maphash.Seed
	// Values shared by many models, referred to by index from a row.
	combos   []combo
	comboIdx map[comboKey]int32
	files    []string
	symbols  []string
	symIdx   map[string]uint16
	orgs     map[string]*orgCell
	toks     map[string]*orgTok
	ctry     map[string]*countryCell
	doms     map[string]*domainCell
	access   map[string]accessCell
	// accessUnmapped holds, by row, an accessibility value no rule maps.
	accessUnmapped map[fileLine]string
	// estimates holds, by row, what an estimate of a row without compute
	// still needs once every row is in (EstimateMissing).
	estimates map[fileLine]*pending
	// curation is the overlay being applied (UseOverlay), or nil.
	curation *curation
}

// row is one model as stored: no pointers, so the garbage collector never
// scans the million-row array.
type row struct {
	compute float64
	params  float64 // parameters, when flagHasParams
	line    int32
	combo   int32
	name    uint32 // the name's chunk and offset in the arena
	nameLen uint16
	year    int16
	month   uint8
	day     uint8
	file    uint16
	conf    uint16
	access  uint8
	flags   uint8
	sector  uint16 // the organization categorization cell, a symbol
}

// arena keeps model names back to back in large byte chunks that are
// only ever appended to, so a name's bytes never change once written and a
// string can point into them (see get).
type arena struct {
	chunks [][]byte
}

const (
	arenaChunkBits = 22 // 4 MiB chunks
	arenaChunk     = 1 << arenaChunkBits
	maxNameLen     = 1<<16 - 1
)

// put stores s and returns its reference and length; names longer than
// maxNameLen bytes are cut (at a rune boundary) to fit.
func (a *arena) put(s string) (uint32, uint16) {
	if len(s) > maxNameLen {
		s = strings.ToValidUTF8(s[:maxNameLen], "")
	}
	n := len(a.chunks)
	if n == 0 || len(a.chunks[n-1])+len(s) > cap(a.chunks[n-1]) {
		// Chunks start small and double up to arenaChunk, so that a small
		// file takes little memory.
		size := 1 << 16
		if n > 0 {
			size = min(2*cap(a.chunks[n-1]), arenaChunk)
		}
		a.chunks = append(a.chunks, make([]byte, 0, size))
		n++
	}
	c := &a.chunks[n-1]
	off := len(*c)
	*c = append(*c, s...)
	return uint32(n-1)<<arenaChunkBits | uint32(off), uint16(len(s))
}

// bytes returns the bytes stored at ref, shared with the arena: do not
// change them.
func (a *arena) bytes(ref uint32, n uint16) []byte {
	if n == 0 {
		return nil
	}
	c := a.chunks[ref>>arenaChunkBits]
	off := ref & (arenaChunk - 1)
	return c[off : off+uint32(n) : off+uint32(n)]
}

const (
	flagHasCompute = 1 << iota
	flagCountryFilled
	flagEstimated
	// The next three bits hold the estimate's method, an index in
	// estimateMethods.
	flagMethodShift = 3
	// flagCurated marks a row an overlay added or corrected.
	flagCurated = 1 << 6
	// flagHasParams marks a row whose parameter count was read.
	flagHasParams = 1 << 7
)

// estimateMethods are the methods a filled compute can have, by the index
// kept in a row's flags.
var estimateMethods = []string{MethodReported, MethodCounting, MethodHardware, MethodBoth, MethodFinetune}

// combo is one combination of organization, country and domain cells, as
// normalized; models with the same three cells share it.
type combo struct {
	aff       *Affiliation
	topics    *Topics
	countries []string
	filled    bool
	// unmapped are the cells' values no rule maps (organization, country,
	// domain), for taking a repeated row back out of Unmapped.
	unmapped [3][]string
}

// unmappedKinds are the kinds of combo.unmapped, in order.
var unmappedKinds = [3]string{KindOrganization, KindCountry, KindDomain}

type comboKey struct {
	o *orgCell
	c *countryCell
	d *domainCell
}

var accessCategories = []string{AccessUnknown, AccessOpenWeights, AccessAPI, AccessHosted, AccessUnreleased}

type orgCell struct {
	Affiliation
	unmapped []string
}

type countryCell struct {
	codes    []string
	unmapped []string
}

type domainCell struct {
	Topics
	unmapped []string
}

type accessCell struct {
	category uint8
	unmapped string
}

// NewDataset returns an empty dataset that normalizes with rules.
func NewDataset(rules *Rules) *Dataset {
	return &Dataset{
		Unmapped: map[string]map[string]int{},
		rules:    rules,
		seed:     maphash.MakeSeed(),
		comboIdx: make(map[comboKey]int32, 256),
		symIdx:   map[string]uint16{},
		orgs:     make(map[string]*orgCell, 256),
		toks:     make(map[string]*orgTok, 256),
		ctry:     make(map[string]*countryCell, 64),
		doms:     map[string]*domainCell{},
		access:   map[string]accessCell{},
	}
}

// Grow makes room for n more models, so that a large file does not copy
// its models over and over as it is read.
func (d *Dataset) Grow(n int) {
	if n > 0 {
		if cap(d.rows)-len(d.rows) < n {
			rows := make([]row, len(d.rows), len(d.rows)+n)
			copy(rows, d.rows)
			d.rows = rows
		}
	}
}

// Rules returns the rules the dataset normalizes with.
func (d *Dataset) Rules() *Rules { return d.rules }

func (d *Dataset) unmapped(kind string, values []string) {
	if len(values) == 0 {
		return
	}
	m := d.Unmapped[kind]
	if m == nil {
		m = map[string]int{}
		d.Unmapped[kind] = m
	}
	for _, v := range values {
		if _, ok := m[v]; !ok {
			v = strings.Clone(v)
		}
		m[v]++
	}
}

// AddProblem records a row or cell that could not be read.
func (d *Dataset) AddProblem(p Problem) { d.Problems = append(d.Problems, p) }

// Add normalizes one raw row and adds it, or records why it is left out;
// with an overlay (UseOverlay) it is corrected or excluded first.
func (d *Dataset) Add(raw *Raw) {
	if d.curation == nil {
		d.addRow(raw)
		return
	}
	raw, ids, skip := d.curate(raw)
	if skip {
		d.Excluded = append(d.Excluded, Excluded{File: raw.File, Line: raw.Line, Reason: ReasonCurated,
			Name: Clean(raw.Get(FieldName)), Value: d.curation.ov.Entries[ids[0]].ID})
		return
	}
	n := len(d.rows)
	d.addRow(raw)
	if len(ids) > 0 && len(d.rows) > n {
		r := &d.rows[n]
		d.curation.marks[fileLine{r.file, r.line}] = ids
		r.flags |= flagCurated
	}
}

// addRow normalizes one raw row and adds it, or records why it is left out.
func (d *Dataset) addRow(raw *Raw) {
	name := Clean(raw.Get(FieldName))
	dateCell := raw.Get(FieldDate)
	if name == "" {
		d.Excluded = append(d.Excluded, Excluded{File: raw.File, Line: raw.Line, Reason: ReasonNoName, Value: Clean(dateCell)})
		return
	}
	if strings.TrimSpace(dateCell) == "" {
		d.Excluded = append(d.Excluded, Excluded{File: raw.File, Line: raw.Line, Reason: ReasonNoDate, Name: name})
		return
	}
	date, ok := ParseDate(dateCell)
	if !ok {
		d.Excluded = append(d.Excluded, Excluded{File: raw.File, Line: raw.Line, Reason: ReasonBadDate, Name: name, Value: Clean(dateCell)})
		return
	}
	r := row{year: int16(date.Year), month: uint8(date.Month), day: uint8(date.Day), line: int32(raw.Line)}
	r.file = d.fileIndex(raw.File)

	oc := d.orgCell(raw.Get(FieldOrganization))
	d.unmapped(KindOrganization, oc.unmapped)
	cc := d.countryCell(raw.Get(FieldCountry))
	d.unmapped(KindCountry, cc.unmapped)
	dc := d.domainCell(raw.Get(FieldDomain))
	d.unmapped(KindDomain, dc.unmapped)
	r.combo = d.comboIndex(oc, cc, dc)
	if d.combos[r.combo].filled {
		r.flags |= flagCountryFilled
	}

	var ok2 bool
	r.compute, ok2 = d.parseCompute(raw)
	if ok2 {
		r.flags |= flagHasCompute
	} else if d.EstimateMissing {
		if _, p := estimateOwn(raw, d.rules); p.ownOK || (len(p.bases) > 0 && p.ft > 0) {
			if d.estimates == nil {
				d.estimates = map[fileLine]*pending{}
			}
			d.estimates[fileLine{r.file, r.line}] = &p
		}
	}
	r.conf = d.symbol(Clean(raw.Get(FieldConfidence)))
	r.sector = d.symbol(Clean(raw.Get(FieldOrganizationCategorization)))
	if p, ok := ParseNumber(raw.Get(FieldParameters)); ok {
		r.params = p
		r.flags |= flagHasParams
	}
	var accessUnmapped string
	r.access, accessUnmapped = d.accessCategory(raw.Get(FieldAccessibility))
	if accessUnmapped != "" {
		if d.accessUnmapped == nil {
			d.accessUnmapped = map[fileLine]string{}
		}
		d.accessUnmapped[fileLine{r.file, r.line}] = accessUnmapped
	}

	// The name is copied into the arena: a model does not pin its row's
	// abstract and notes in memory.
	r.name, r.nameLen = d.names.put(name)
	d.rows = append(d.rows, r)
}

// name returns the name of model i.
func (d *Dataset) name(i int) string { return string(d.nameBytes(i)) }

// nameBytes returns the name of model i without copying it.
func (d *Dataset) nameBytes(i int) []byte {
	r := &d.rows[i]
	return d.names.bytes(r.name, r.nameLen)
}

// Len returns the number of models.
func (d *Dataset) Len() int { return len(d.rows) }

// Model returns model i, 0 <= i < Len().
func (d *Dataset) Model(i int) Model { return d.modelOf(&d.rows[i]) }

// modelOf builds the model of a stored row.
func (d *Dataset) modelOf(r *row) Model {
	c := &d.combos[r.combo]
	return Model{
		Name:           string(d.names.bytes(r.name, r.nameLen)),
		Date:           Date{Year: int(r.year), Month: int(r.month), Day: int(r.day)},
		Affiliation:    c.aff,
		Countries:      c.countries,
		CountryFilled:  r.flags&flagCountryFilled != 0,
		Topics:         c.topics,
		Compute:        r.compute,
		HasCompute:     r.flags&flagHasCompute != 0,
		Estimated:      r.flags&flagEstimated != 0,
		Method:         d.method(r),
		Curated:        d.curatedOf(r),
		Confidence:     d.symbols[r.conf],
		Access:         accessCategories[r.access],
		Params:         r.params,
		HasParams:      r.flags&flagHasParams != 0,
		Categorization: d.symbols[r.sector],
		File:           d.files[r.file],
		Line:           int(r.line),
	}
}

// DuplicateModels returns the models of the rows that Finish dropped because
// their name repeats one read before (see Duplicates), in reading order.
// The figure engine counts them under --duplicates rows.
func (d *Dataset) DuplicateModels() []Model {
	out := make([]Model, len(d.dupRows))
	for i := range d.dupRows {
		out[i] = d.modelOf(&d.dupRows[i])
	}
	return out
}

// Models returns every model, in reading order.
func (d *Dataset) Models() []Model {
	out := make([]Model, d.Len())
	for i := range out {
		out[i] = d.Model(i)
	}
	return out
}

func (d *Dataset) fileIndex(name string) uint16 {
	if n := len(d.files); n > 0 && d.files[n-1] == name {
		return uint16(n - 1)
	}
	for i, f := range d.files {
		if f == name {
			return uint16(i)
		}
	}
	if len(d.files) == 1<<16-1 {
		return uint16(len(d.files) - 1) // beyond 65535 files names are shared
	}
	d.files = append(d.files, name)
	return uint16(len(d.files) - 1)
}

// symbol interns a short, often repeated value such as a confidence.
func (d *Dataset) symbol(s string) uint16 {
	if i, ok := d.symIdx[s]; ok {
		return i
	}
	if len(d.symbols) == 1<<16-1 {
		return 0 // a hostile file with 65535 confidences: the rest share one
	}
	if len(d.symbols) == 0 {
		d.symbols = append(d.symbols, "")
		d.symIdx[""] = 0
		if s == "" {
			return 0
		}
	}
	s = strings.Clone(s)
	d.symIdx[s] = uint16(len(d.symbols))
	d.symbols = append(d.symbols, s)
	return uint16(len(d.symbols) - 1)
}

func (d *Dataset) comboIndex(oc *orgCell, cc *countryCell, dc *domainCell) int32 {
	k := comboKey{oc, cc, dc}
	if i, ok := d.comboIdx[k]; ok {
		return i
	}
	c := combo{aff: &oc.Affiliation, topics: &dc.Topics, countries: cc.codes,
		unmapped: [3][]string{oc.unmapped, cc.unmapped, dc.unmapped}}
	if len(c.countries) == 0 && len(oc.Homes) > 0 {
		c.countries, c.filled = oc.Homes, true
	}
	d.combos = append(d.combos, c)
	i := int32(len(d.combos) - 1)
	d.comboIdx[k] = i
	return i
}

// Finish drops the rows whose trimmed name repeats a name read before
// them (the first row with a name is the one counted) and lists them in
// Duplicates. Readers call it when a snapshot is read; Compute calls it too.
// Sorting name hashes once is much faster, for a million rows, than asking a
// map at every row.
func (d *Dataset) Finish() {
	d.finishCuration()
	n := len(d.rows)
	if d.deduped >= n {
		return
	}
	// Sort keys of the name hash's top 32 bits and the model's index, so
	// that equal hashes sit together in reading order. Equal top bits of
	// different names are told apart by comparing the names.
	keys := make([]uint64, n)
	for i := range keys {
		keys[i] = maphash.Bytes(d.seed, d.nameBytes(i))&^0xffffffff | uint64(i)
	}
	slices.Sort(keys)
	idx := func(k uint64) int32 { return int32(k & 0xffffffff) }
	firstOf := map[int32]int32{} // duplicate index → index of the first row
	for start := 0; start < n; {
		end := start + 1
		for end < n && keys[end]>>32 == keys[start]>>32 {
			end++
		}
		for j := start + 1; j < end; j++ {
			if int(idx(keys[j])) < d.deduped {
				continue // checked by an earlier Finish
			}
			for k := start; k < j; k++ {
				if bytes.Equal(d.nameBytes(int(idx(keys[k]))), d.nameBytes(int(idx(keys[j])))) {
					firstOf[idx(keys[j])] = idx(keys[k])
					break
				}
			}
		}
		start = end
	}
	if len(firstOf) > 0 {
		m := n - len(firstOf)
		rows := make([]row, 0, m)
		for i := range d.rows {
			if first, dup := firstOf[int32(i)]; dup {
				r, fr := &d.rows[i], &d.rows[first]
				d.Duplicates = append(d.Duplicates, Duplicate{Name: d.name(i),
					File: d.files[r.file], Line: int(r.line), FirstFile: d.files[fr.file], FirstLine: int(fr.line)})
				d.forgetUnmapped(r)
				d.dupRows = append(d.dupRows, *r)
				continue
			}
			rows = append(rows, d.rows[i])
		}
		d.rows = rows
	}
	d.deduped = len(d.rows)
	d.fillEstimates()
}

// fillEstimates gives each row waiting for an estimate (EstimateMissing)
// its training compute, now that the base models' rows are in.
func (d *Dataset) fillEstimates() {
	if len(d.estimates) == 0 {
		return
	}
	byName := make(map[string]float64, len(d.rows))
	for i := range d.rows {
		if r := &d.rows[i]; r.flags&(flagHasCompute|flagEstimated) == flagHasCompute && r.compute > 0 {
			byName[strings.ToLower(d.name(i))] = r.compute
		}
	}
	lookup := func(name string) float64 { return byName[strings.ToLower(Clean(name))] }
	for i := range d.rows {
		r := &d.rows[i]
		p, ok := d.estimates[fileLine{r.file, r.line}]
		if !ok || r.flags&flagHasCompute != 0 {
			continue
		}
		var re RowEstimate
		finishRow(&re, p, lookup)
		if e := re.Estimate; e != nil && e.FLOP > 0 && !math.IsInf(e.FLOP, 0) {
			r.compute = e.FLOP
			r.flags |= flagHasCompute | flagEstimated | uint8(slices.Index(estimateMethods, e.Method))<<flagMethodShift
		}
	}
	d.estimates = nil
}

// method is the method of a row's estimated compute, or "".
func (d *Dataset) method(r *row) string {
	if r.flags&flagEstimated == 0 {
		return ""
	}
	if i := int(r.flags>>flagMethodShift) & 7; i < len(estimateMethods) {
		return estimateMethods[i]
	}
	return ""
}

func (d *Dataset) parseCompute(raw *Raw) (float64, bool) {
	s := raw.Get(FieldCompute)
	if s == "" {
		return 0, false
	}
	v, ok := ParseNumber(s)
	if !ok && strings.TrimSpace(s) != "" {
		msg, code := "training compute "+strconv.Quote(s)+" is not a number; the model counts as having no compute", ProblemCompute
		if DecimalComma(s) {
			msg, code = "training compute "+strconv.Quote(s)+" has a comma that may be a decimal comma; it is not read, and the model counts as having no compute", ProblemDecimalComma
		}
		d.AddProblem(Problem{File: raw.File, Line: raw.Line, Message: msg, Code: code, Args: []any{strconv.Quote(s)}})
		return 0, false
	}
	return v, ok
}

// ParseNumber reads numbers as Epoch and spreadsheets write them: 1.07e+24,
// 98000000000.0, 1E+24, and 1,000,000 with commas between groups of three
// digits. ok is false for anything else: a comma in any other place (1,2e24
// may be 1.2e24 written with a decimal comma, so it is never guessed; see
// DecimalComma), negative values, NaN or infinities.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if strings.ContainsRune(s, ',') {
		if !thousands(s) {
			return 0, false
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v != v || v > 1e300 {
		return 0, false
	}
	return v, true
}

// thousands reports whether the commas of s only separate groups of three
// digits in its whole part: 1,234 and 12,345,678.5 but not 1,2 or 1,23e4.
func thousands(s string) bool {
	whole := s
	if i := strings.IndexAny(s, ".eE"); i >= 0 {
		whole = s[:i]
		if strings.ContainsRune(s[i:], ',') {
			return false
		}
	}
	groups := strings.Split(whole, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if (i > 0 && len(g) != 3) || strings.Trim(g, "0123456789") != "" {
			return false
		}
	}
	return true
}

// DecimalComma reports whether s would be a number if its one comma were a
// decimal point (1,2e24; 3,5): a number ParseNumber refuses to guess.
func DecimalComma(s string) bool {
	s = strings.TrimSpace(s)
	if strings.Count(s, ",") != 1 || thousands(s) {
		return false
	}
	_, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return err == nil
}

// SplitList splits a multi-valued cell on commas, cleans each value and
// drops blanks and repeats, keeping the first order.
func SplitList(cell string) []string {
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	parts := strings.Split(cell, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = Clean(p); p != "" {
			out = append(out, p)
		}
	}
	return dedupe(out)
}

// dedupe drops repeated values in place, keeping the first of each. Short
// lists (nearly every real cell) are scanned; long ones use a set, so that a
// hostile cell of many thousand values stays linear.
func dedupe(list []string) []string {
	out := list[:0]
	if len(list) <= 16 {
		for _, p := range list {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(list))
	for _, p := range list {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// orgSuffixes are company-form suffixes that Epoch's comma-separated lists
// split off from the name they belong to ("Co., Ltd.").
var orgSuffixes = []string{"ltd", "ltd.", "inc", "inc.", "llc", "co.", "corp.", "gmbh", "s.a.", "limited"}

// SplitOrganizations splits an organization cell like SplitList, but joins a
// split-off company suffix ("Ltd.", "Inc", "Ltd. (APUS)") back onto the name
// before it, and strips stray quotes.
func SplitOrganizations(cell string) []string {
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	parts := strings.Split(cell, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = Clean(strings.Trim(strings.TrimSpace(p), `"`))
		if p == "" {
			continue
		}
		if len(out) > 0 && isOrgSuffix(p) {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	// Repeats are dropped only after joining, so that "A Co., Ltd." and
	// "B Co., Ltd." stay apart.
	return dedupe(out)
}

func isOrgSuffix(p string) bool {
	l := strings.ToLower(p)
	if i := strings.IndexByte(l, '('); i > 0 {
		l = strings.TrimSpace(l[:i])
	}
	for _, s := range orgSuffixes {
		if l == s {
			return true
		}
	}
	return false
}

func appendUniq(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func (d *Dataset) orgCell(cell string) *orgCell {
	if c, ok := d.orgs[cell]; ok {
		return c
	}
	c := &orgCell{}
	var seen map[string]bool // only for cells with many organizations
	for _, raw := range SplitOrganizations(cell) {
		t := d.orgToken(raw)
		if !t.mapped {
			c.unmapped = append(c.unmapped, t.raw)
		}
		if len(c.Organizations) < 16 {
			if slices.Contains(c.Organizations, t.org.Name) {
				continue
			}
		} else {
			if seen == nil {
				seen = make(map[string]bool, 32)
				for _, o := range c.Organizations {
					seen[o] = true
				}
			}
			if seen[t.org.Name] {
				continue
			}
			seen[t.org.Name] = true
		}
		c.Organizations = append(c.Organizations, t.org.Name)
		c.Groups = append(c.Groups, t.org.Group)
		c.Homes = appendUniq(c.Homes, t.org.Country)
		c.GroupHomes = appendUniq(c.GroupHomes, t.groupHome)
	}
	d.orgs[strings.Clone(cell)] = c
	return c
}

// orgTok is one organization value as normalized, cached: the same
// organization recurs in many different cells.
type orgTok struct {
	raw       string
	org       Organization
	groupHome string
	mapped    bool
}

func (d *Dataset) orgToken(raw string) *orgTok {
	if t, ok := d.toks[raw]; ok {
		return t
	}
	raw = strings.Clone(raw) // kept in the cache: do not pin the record
	t := &orgTok{raw: raw}
	t.org, t.mapped = d.rules.Organization(raw)
	if !t.mapped {
		t.org = Organization{Name: raw, Group: raw}
	}
	t.groupHome = t.org.Country
	if g, ok := d.rules.Group(t.org.Group); ok && g.Country != "" {
		t.groupHome = g.Country
	}
	if len(d.toks) < 1<<16 {
		d.toks[raw] = t
	}
	return t
}

func (d *Dataset) countryCell(cell string) *countryCell {
	if c, ok := d.ctry[cell]; ok {
		return c
	}
	c := &countryCell{}
	for _, raw := range SplitList(cell) {
		raw = strings.Clone(raw)
		if co, ok := d.rules.Country(raw); ok {
			c.codes = append(c.codes, co.Code)
			continue
		}
		// An unknown spelling still counts, under its own name, so that
		// nothing silently disappears; it is listed as unmapped.
		c.unmapped = append(c.unmapped, raw)
		c.codes = append(c.codes, raw)
	}
	c.codes = dedupe(c.codes)
	d.ctry[strings.Clone(cell)] = c
	return c
}

func (d *Dataset) domainCell(cell string) *domainCell {
	if c, ok := d.doms[cell]; ok {
		return c
	}
	c := &domainCell{}
	for _, raw := range SplitList(cell) {
		raw = strings.Clone(raw)
		dom, ok := d.rules.Domain(raw)
		if !ok {
			c.unmapped = append(c.unmapped, raw)
			dom = Domain{Name: raw, Group: "Other"}
		}
		c.Domains = append(c.Domains, dom.Name)
		if dom.Name == MultimodalDomain {
			c.Multimodal = true
		}
		c.Groups = appendUniq(c.Groups, dom.Group)
	}
	c.Domains = dedupe(c.Domains)
	if len(c.Groups) == 0 {
		if len(c.Domains) == 0 {
			c.Groups = []string{DomainGroupUnknown}
		} else {
			// Only flag domains (Multimodal): the model still needs a group.
			c.Groups = []string{"Other"}
		}
	}
	d.doms[strings.Clone(cell)] = c
	return c
}

// accessCategory returns the category of an accessibility cell, and its
// value when no rule maps it.
func (d *Dataset) accessCategory(cell string) (uint8, string) {
	c, ok := d.access[cell]
	if !ok {
		if v := Clean(cell); v != "" {
			if cat, known := d.rules.Access(v); known {
				c.category = uint8(slices.Index(accessCategories, cat))
			} else {
				c.unmapped = strings.Clone(v)
			}
		}
		d.access[strings.Clone(cell)] = c
	}
	if c.unmapped != "" {
		d.unmapped(KindAccessibility, []string{c.unmapped})
	}
	return c.category, c.unmapped
}

// fileLine is where a row was read.
type fileLine struct {
	file uint16
	line int32
}

// forgetUnmapped takes a repeated row's values back out of Unmapped: the
// counts are of the rows counted.
func (d *Dataset) forgetUnmapped(r *row) {
	drop := func(kind, v string) {
		m := d.Unmapped[kind]
		if m[v]--; m[v] <= 0 {
			delete(m, v)
		}
	}
	for k, values := range d.combos[r.combo].unmapped {
		for _, v := range values {
			drop(unmappedKinds[k], v)
		}
	}
	if v, ok := d.accessUnmapped[fileLine{r.file, r.line}]; ok {
		drop(KindAccessibility, v)
	}
}

// UnmappedList returns the unmapped values of kind, most rows first.
func (d *Dataset) UnmappedList(kind string) []NameCount {
	var out []NameCount
	for v, n := range d.Unmapped[kind] {
		out = append(out, NameCount{Name: v, Count: float64(n)})
	}
	sortCounts(out)
	return out
}

func sortStrings(s []string) { sort.Strings(s) }
