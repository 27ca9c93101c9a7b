package census

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Field names a column of an Epoch export by its meaning, independent of the
// header spelling used by a particular export version.
type Field string

// The fields modelcensus reads. FieldName and FieldDate are required.
const (
	FieldName                       Field = "name"
	FieldDate                       Field = "date"
	FieldOrganization               Field = "organization"
	FieldCountry                    Field = "country"
	FieldDomain                     Field = "domain"
	FieldTask                       Field = "task"
	FieldCompute                    Field = "compute"
	FieldConfidence                 Field = "confidence"
	FieldAccessibility              Field = "accessibility"
	FieldParameters                 Field = "parameters"
	FieldLink                       Field = "link"
	FieldReference                  Field = "reference"
	FieldOrganizationCategorization Field = "organization_categorization"
	FieldLastModified               Field = "last_modified"
	// The inputs of a training-compute estimate (see EstimateRow).
	FieldParametersNotes  Field = "parameters_notes"
	FieldDatasetSize      Field = "dataset_size"
	FieldEpochs           Field = "epochs"
	FieldTrainingHours    Field = "training_hours"
	FieldHardware         Field = "hardware"
	FieldHardwareQuantity Field = "hardware_quantity"
	FieldUtilization      Field = "utilization"
	FieldChipHours        Field = "chip_hours"
	FieldBaseModel        Field = "base_model"
	FieldFinetuneCompute  Field = "finetune_compute"
	FieldPossiblyLarge    Field = "possibly_large_scale"
	FieldEstimationMethod Field = "estimation_method"
	// FieldHFDeveloper is the model's developer id on the Hugging Face Hub
	// ("LGAI-EXAONE"), which candidate discovery watches.
	FieldHFDeveloper Field = "hf_developer"
)

// Fields lists every Field in a stable order.
var Fields = []Field{
	FieldName, FieldDate, FieldOrganization, FieldCountry, FieldDomain,
	FieldTask, FieldCompute, FieldConfidence, FieldAccessibility,
	FieldParameters, FieldLink, FieldReference,
	FieldOrganizationCategorization, FieldLastModified,
	FieldParametersNotes, FieldDatasetSize, FieldEpochs, FieldTrainingHours,
	FieldHardware, FieldHardwareQuantity, FieldUtilization, FieldChipHours,
	FieldBaseModel, FieldFinetuneCompute, FieldPossiblyLarge, FieldEstimationMethod,
	FieldHFDeveloper,
}

// RequiredFields are the fields without which an export cannot be counted.
var RequiredFields = []Field{FieldName, FieldDate}

// Raw is one row of an export as read, with the cells of the fields that
// modelcensus uses. Cells of absent columns are empty.
type Raw struct {
	File string // file name the row came from
	Line int    // line on which the record starts (1-based, header is line 1)

	Cells [numFields]string
}

// numFields is the number of Fields.
const numFields = 27

// Slot returns the index of f in Raw.Cells, or -1 for an unknown field.
func Slot(f Field) int {
	switch f {
	case FieldName:
		return 0
	case FieldDate:
		return 1
	case FieldOrganization:
		return 2
	case FieldCountry:
		return 3
	case FieldDomain:
		return 4
	case FieldTask:
		return 5
	case FieldCompute:
		return 6
	case FieldConfidence:
		return 7
	case FieldAccessibility:
		return 8
	case FieldParameters:
		return 9
	case FieldLink:
		return 10
	case FieldReference:
		return 11
	case FieldOrganizationCategorization:
		return 12
	case FieldLastModified:
		return 13
	}
	switch f {
	case FieldParametersNotes:
		return 14
	case FieldDatasetSize:
		return 15
	case FieldEpochs:
		return 16
	case FieldTrainingHours:
		return 17
	case FieldHardware:
		return 18
	case FieldHardwareQuantity:
		return 19
	case FieldUtilization:
		return 20
	case FieldChipHours:
		return 21
	case FieldBaseModel:
		return 22
	case FieldFinetuneCompute:
		return 23
	case FieldPossiblyLarge:
		return 24
	case FieldEstimationMethod:
		return 25
	case FieldHFDeveloper:
		return 26
	}
	return -1
}

// Get returns the cell of field f.
func (r *Raw) Get(f Field) string {
	i := Slot(f)
	if i < 0 {
		return ""
	}
	return r.Cells[i]
}

// Set stores v as the cell of field f.
func (r *Raw) Set(f Field, v string) {
	if i := Slot(f); i >= 0 {
		r.Cells[i] = v
	}
}

// Date is a publication date whose month and day may be unknown (zero), as
// Epoch sometimes gives only YYYY-MM or YYYY.
type Date struct {
	Year, Month, Day int
}

// ParseDate reads YYYY-MM-DD, YYYY-MM or YYYY (separators '-', '/' or '.';
// a time after the date is ignored). ok is false for anything else, and
// for a day the month does not have (2024-02-30). Day-first and
// month-first spreadsheet dates are turned into these forms by the reader
// (package epoch), which knows the whole column.
func ParseDate(s string) (d Date, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " T"); i >= 0 {
		s = s[:i]
	}
	var n [3]int
	parts := 0
	digits := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if digits == 4 || (parts > 0 && digits == 2) {
				return Date{}, false
			}
			n[parts] = n[parts]*10 + int(s[i]-'0')
			digits++
			continue
		}
		if i < len(s) && s[i] != '-' && s[i] != '/' && s[i] != '.' {
			return Date{}, false
		}
		if digits == 0 || (parts == 0 && digits != 4) {
			return Date{}, false
		}
		parts++
		digits = 0
		if parts == 3 && i < len(s) {
			return Date{}, false
		}
	}
	d = Date{Year: n[0], Month: n[1], Day: n[2]}
	if d.Year < 1000 || d.Month > 12 || (parts > 1 && d.Month == 0) || d.Day > DaysIn(d.Year, d.Month) || (parts > 2 && d.Day == 0) {
		return Date{}, false // 2024-02-30 is no date
	}
	return d, true
}

// DaysIn is the number of days of a month of the Gregorian calendar (31
// for month 0, an unknown month).
func DaysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// String formats d as YYYY-MM-DD, YYYY-MM or YYYY, as precise as it is known.
func (d Date) String() string {
	var b strings.Builder
	b.WriteString(pad(d.Year, 4))
	if d.Month > 0 {
		b.WriteByte('-')
		b.WriteString(pad(d.Month, 2))
		if d.Day > 0 {
			b.WriteByte('-')
			b.WriteString(pad(d.Day, 2))
		}
	}
	return b.String()
}

// Before reports whether d is earlier than e, unknown parts counting as 0.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

func pad(v, width int) string {
	s := strconv.Itoa(v)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// Affiliation is the normalized organization cell of a model. Models with
// the same cell share one Affiliation; treat it as read-only.
type Affiliation struct {
	// Organizations are canonical organization names, in the export's
	// order, each once. Groups holds the parent group of each, at the same
	// index.
	Organizations []string
	Groups        []string
	// Homes are the distinct home countries of the organizations, and
	// GroupHomes those of their groups.
	Homes      []string
	GroupHomes []string
}

// Topics is the normalized domain cell of a model, shared like Affiliation.
type Topics struct {
	Domains    []string // Epoch's domain values, each once
	Groups     []string // distinct domain groups
	Multimodal bool
}

var (
	noAffiliation = &Affiliation{}
	noTopics      = &Topics{}
)

// Model is one normalized model: every value mapped through the rules. It
// is kept small, since a census may hold millions: the organization and
// domain cells are shared between models.
type Model struct {
	Name string
	Date Date

	Affiliation *Affiliation
	// Countries are the distinct country codes of the export's country cell,
	// in order; when that cell is blank, the home countries of the
	// organizations, and CountryFilled is set.
	Countries     []string
	CountryFilled bool
	Topics        *Topics

	Compute    float64 // training compute in FLOP, when HasCompute
	HasCompute bool
	// Estimated marks a Compute that modelcensus estimated by Epoch's method
	// (Dataset.EstimateMissing) because the export had none; Method is the
	// estimate's method (MethodCounting, MethodHardware, ...).
	Estimated bool
	Method    string
	// Curated names the overlay entries that added or corrected the model,
	// or is nil.
	Curated    *Curated
	Confidence string
	Access     string // accessibility category; see the rules
	// Params is the parameter count, when HasParams.
	Params    float64
	HasParams bool
	// Categorization is Epoch's "Organization categorization" cell as read
	// (Industry, Academia, ...; comma-separated for several organizations).
	Categorization string

	File string
	Line int
}

// countedOrganizations are the names a model counts once each for in the
// organizations figure: its groups, or its organizations at
// OrgLevelOrganization.
func (m *Model) countedOrganizations(level OrgLevel) []string {
	names := m.Groups()
	if level == OrgLevelOrganization {
		names = m.Organizations()
	}
	if len(names) < 2 {
		return names
	}
	out := make([]string, 0, len(names))
	for i, n := range names {
		if !slices.Contains(names[:i], n) {
			out = append(out, n)
		}
	}
	return out
}

// Organizations returns the model's canonical organizations.
func (m *Model) Organizations() []string { return m.affiliation().Organizations }

// Groups returns the parent group of each organization.
func (m *Model) Groups() []string { return m.affiliation().Groups }

// GroupCountries returns the distinct home countries of the model's
// organizations' groups, or its own countries where no group has one.
func (m *Model) GroupCountries() []string {
	if g := m.affiliation().GroupHomes; len(g) > 0 {
		return g
	}
	return m.Countries
}

// Domains returns Epoch's domain values of the model.
func (m *Model) Domains() []string { return m.topics().Domains }

// DomainGroups returns the model's distinct domain groups.
func (m *Model) DomainGroups() []string { return m.topics().Groups }

// Multimodal reports whether Epoch tags the model Multimodal.
func (m *Model) Multimodal() bool { return m.topics().Multimodal }

func (m *Model) affiliation() *Affiliation {
	if m.Affiliation == nil {
		return noAffiliation
	}
	return m.Affiliation
}

func (m *Model) topics() *Topics {
	if m.Topics == nil {
		return noTopics
	}
	return m.Topics
}

// Snapshot describes the data a census was computed from: where it came from,
// the files read and when the export was taken.
type Snapshot struct {
	// Source is the URL, path or archive the data was read from.
	Source string `json:"location"`
	// Kind is "file", "zip", "folder" or "url".
	Kind string `json:"kind"`
	// Subset is the subset counted: all, notable, large-scale, frontier, or
	// "file" when a single CSV was taken whole.
	Subset string `json:"subset"`
	// Date is the date of the snapshot; DateBasis says how it was found.
	Date      time.Time `json:"-"`
	DateBasis string    `json:"date_basis"`
	DatePath  string    `json:"date_path,omitempty"`
	// Files are the files read.
	Files []FileInfo `json:"files"`
	// ID is the stored snapshot id, when the data came from a store.
	ID int64 `json:"id,omitempty"`
	// AgeDays, for the snapshot bundled with modelcensus (Kind
	// "bundled"), is its age in days on the day it was read.
	AgeDays int `json:"age_days,omitempty"`
	// IgnoredCopies are the files of a folder left out as copies of the
	// same export as a file read (see IgnoredCopy).
	IgnoredCopies []IgnoredCopy `json:"ignored_copies,omitempty"`

	// What the snapshot store keeps of a download besides (zero for data
	// read from a source): the download's ETag and when it was retrieved,
	// ContentSHA256 (the SHA-256 of its files' sorted SHA-256s), the
	// versions of modelcensus and of the rules that pulled it, and the
	// rows of its files.
	ETag          string    `json:"etag,omitempty"`
	RetrievedAt   time.Time `json:"retrieved_at,omitzero"`
	ContentSHA256 string    `json:"content_sha256,omitempty"`
	ToolVersion   string    `json:"modelcensus_version,omitempty"`
	RulesVersion  string    `json:"rules_version,omitempty"`
	Rows          int       `json:"rows,omitempty"`
}

// DateString is the snapshot's date as YYYY-MM-DD.
func (s *Snapshot) DateString() string { return s.Date.Format("2006-01-02") }

// ContentHash identifies a snapshot by its files' contents alone: the
// SHA-256 of their sorted SHA-256s (FileInfo.SHA256), in hex.
func (s *Snapshot) ContentHash() string {
	sums := make([]string, 0, len(s.Files))
	for _, f := range s.Files {
		sums = append(sums, f.SHA256)
	}
	slices.Sort(sums)
	h := sha256.Sum256([]byte(strings.Join(sums, "\n")))
	return hex.EncodeToString(h[:])
}

// Subsets lists the subsets of files (large-scale, notable, …), sorted,
// each once; files of no known subset are left out.
func Subsets(files []FileInfo) []string {
	var out []string
	for _, f := range files {
		if f.Subset != "" && !slices.Contains(out, f.Subset) {
			out = append(out, f.Subset)
		}
	}
	slices.Sort(out)
	return out
}

// Dialect is how a file was written, as the reader found it: its encoding
// and why, its delimiter, a spreadsheet's "sep=" line, bare CR line ends,
// and the order of day and month in its publication dates.
type Dialect struct {
	Encoding      string `json:"encoding"`
	EncodingBasis string `json:"encoding_basis"`
	// Evidence, for an encoding chosen by evidence, is what decided it.
	Evidence  EncodingEvidence `json:"evidence,omitzero"`
	Delimiter string           `json:"delimiter"`
	SepLine   bool             `json:"sep_line,omitempty"`
	BareCR    bool             `json:"bare_cr,omitempty"`
	// DateFormat is "ymd" (ISO, Epoch's own), "mdy" or "dmy"; DateBasis
	// says whether the values or --date-format decided it, and
	// DateExample is a value that decided it.
	DateFormat  string `json:"date_format,omitempty"`
	DateBasis   string `json:"date_basis,omitempty"`
	DateExample string `json:"date_example,omitempty"`
	// Serial marks publication dates stored as spreadsheet day numbers.
	Serial bool `json:"serial_dates,omitempty"`
	// MissingCells counts the cells read as blank because they held a
	// spelling of a missing value (R's NA, pandas' nan, Excel's #N/A, …);
	// MissingSpellings are those spellings, the most frequent first.
	MissingCells     int      `json:"missing_cells,omitempty"`
	MissingSpellings []string `json:"missing_spellings,omitempty"`
	// CountryNA counts the country cells "NA" read as Namibia's ISO code,
	// in a file that writes no NA outside its country column.
	CountryNA int `json:"country_na,omitempty"`
	// HeaderLine, when the header is not the first line, is its line:
	// the lines above it (a title, a source line, notes) were skipped.
	HeaderLine int `json:"header_line,omitempty"`
}

// EncodingEvidence is why bytes that are not UTF-8 were read as CP949,
// Windows-1252 or Mac Roman: whether the chosen encoding
// decodes them without error, how many of the organization and country
// values in the start of the file the rules map under it and under the
// best other (Other), and how many words read as words under each.
type EncodingEvidence struct {
	Valid        bool   `json:"valid"`
	Mapped       int    `json:"mapped"`
	Values       int    `json:"values"`
	Other        string `json:"other"`
	OtherMapped  int    `json:"other_mapped"`
	OtherInvalid bool   `json:"other_invalid,omitempty"`
	// Words and OddWords count the words with characters past ASCII that
	// read as words under the encoding chosen (letters of one script,
	// cased as words are) and those that do not; OtherWords and
	// OtherOddWords the same under Other. Example is the first word that
	// the two read differently, as the encoding chosen reads it, and
	// OtherExample as Other does.
	Words         int    `json:"words,omitempty"`
	OddWords      int    `json:"odd_words,omitempty"`
	OtherWords    int    `json:"other_words,omitempty"`
	OtherOddWords int    `json:"other_odd_words,omitempty"`
	Example       string `json:"example,omitempty"`
	OtherExample  string `json:"other_example,omitempty"`
	// Tied, when nothing confirmed the encoding (EncodingFromNone), lists
	// the encodings that read the file differently and as well; for
	// EncodingFromValid, those that do not decode it.
	Tied []string `json:"tied,omitempty"`
}

// How an encoding was found (Dialect.EncodingBasis).
const (
	EncodingFromOption   = "option"   // --encoding
	EncodingFromBOM      = "bom"      // a byte-order mark
	EncodingFromNUL      = "nul"      // the NUL bytes of UTF-16 without a mark
	EncodingFromUTF8     = "utf8"     // the bytes are valid UTF-8
	EncodingFromEvidence = "evidence" // not UTF-8: see EncodingEvidence
	EncodingFromLater    = "later"    // valid UTF-8 at the start, other bytes further on
	EncodingFromWords    = "words"    // not UTF-8: the words its characters make (EncodingEvidence.Words)
	EncodingFromNone     = "none"     // not UTF-8, and nothing told the encodings apart: the first tried
	EncodingFromValid    = "valid"    // not UTF-8, and the only legacy encoding that decodes it
)

// FileInfo is the provenance of one file read.
type FileInfo struct {
	Name          string `json:"name"`
	Subset        string `json:"subset"`
	HeaderVersion string `json:"header_version"`
	Columns       int    `json:"columns"`
	Rows          int    `json:"rows"`
	Size          int64  `json:"size"`
	SHA256        string `json:"sha256,omitempty"`
	Encoding      string `json:"encoding"`
	// Dialect is how the file was written (see Dialect); the store does
	// not keep it.
	Dialect Dialect `json:"dialect,omitzero"`
	// ID is the file's id in the snapshot store (0 for a file read from a
	// source); ModTime its modification time, or its zip member's.
	ID      int64     `json:"-"`
	ModTime time.Time `json:"-"`
}

// KindBundled is the Snapshot.Kind of the snapshot bundled with
// modelcensus.
const KindBundled = "bundled"

// How a snapshot's date was found (Snapshot.DateBasis).
const (
	DateFromOption       = "option"        // the --date option
	DateFromDownload     = "download"      // the time of the download
	DateFromPath         = "path"          // a YYYY-MM-DD date in the folder path (DatePath)
	DateFromName         = "name"          // a date in a file's name (DatePath holds the name)
	DateFromZip          = "zip"           // the newest member time in a zip
	DateFromLastModified = "last_modified" // the newest "Last modified" value
	DateFromModTime      = "mtime"         // the file's modification time
	DateFromToday        = "today"         // nothing better: today's date
	DateFromStore        = "store"         // the date stored with the snapshot
	DateFromBundled      = "bundled"       // the date of the snapshot bundled with modelcensus
)

// DateBasisText describes a date basis in English.
func DateBasisText(basis, path string) string {
	switch basis {
	case DateFromOption:
		return "the --date option"
	case DateFromDownload:
		return "the download time"
	case DateFromPath:
		return "the date in the path " + path
	case DateFromName:
		return "the date in the file name " + path
	case DateFromZip:
		return "the time of the newest file in the zip"
	case DateFromLastModified:
		return `the newest "Last modified" value`
	case DateFromModTime:
		return "the file's modification time"
	case DateFromToday:
		return "today's date"
	case DateFromStore:
		return "the stored snapshot"
	case DateFromBundled:
		return "the snapshot bundled with modelcensus"
	}
	return basis
}
