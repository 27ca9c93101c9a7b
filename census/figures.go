package census

import (
	"strconv"
	"strings"
)

// Text is a label in English and Korean. It may hold placeholders that
// Figure.Text fills from a result: {from} and {to} (the period), {latest}
// (the latest year), {cagr} (the growth, formatted by the caller) and
// {org} ("Group" or "Organization", after --org-level).
type Text struct {
	EN, KO string
}

// In returns the text in a language: "ko" for Korean, anything else for
// English.
func (t Text) In(lang string) string {
	if lang == "ko" {
		return t.KO
	}
	return t.EN
}

// ValueKind tells the renderers what a column holds, so that every output
// formats and translates it alike.
type ValueKind int

// Value kinds.
const (
	ValueText        ValueKind = iota // free text from the data: a model or organization name
	ValueYear                         // a calendar year
	ValueRank                         // 1, 2, 3… in a ranking
	ValueCount                        // a count of models; fractional under fractional attribution
	ValueShare                        // a fraction (0.25 is 25%) of the period's or year's models
	ValueFLOP                         // training compute in FLOP
	ValueDate                         // a publication date, YYYY-MM-DD
	ValueCountryCode                  // an ISO 3166-1 alpha-2 code
	ValueCountry                      // a country name (Value.Text English, Value.Alt Korean)
	ValueDomainGroup                  // a domain group, by its English name
	ValueConfidence                   // Epoch's confidence rating, by its English name
	ValueNote                         // a data-quality note code (Value.Text) and its English message (Value.Alt)
	ValueMethod                       // whose figure a compute is: "" for Epoch's, else the estimate's method (MethodCounting, ...)
)

// Numeric reports whether values of the kind are numbers (aligned right,
// kept as numbers in workbooks).
func (k ValueKind) Numeric() bool {
	return k == ValueRank || k == ValueCount || k == ValueShare || k == ValueFLOP
}

// Column is one column of a figure's table.
type Column struct {
	// ID names the column in machine output; where it is one of the long
	// CSV's columns (year, code, name, count, organization, date, flop,
	// confidence) the value goes there.
	ID    string
	Title Text
	Kind  ValueKind
	// EstimateOnly marks a column shown only in a census that shows
	// estimates (Result.ShowsEstimates): without them, nothing changes.
	EstimateOnly bool
}

// Value is one cell. Numeric kinds use Num; the others Text (and Alt, for
// a second spelling: a country's Korean name, a note's message).
type Value struct {
	Text string
	Alt  string
	Num  float64
	// Missing marks a share with no total to divide by.
	Missing bool
	// Estimated marks a FLOP value that modelcensus estimated (see
	// Model.Estimated): documents show it with EstimateMark.
	Estimated bool
	// Curated marks a model an overlay added or corrected (see
	// Model.Curated): documents show it with CuratedMark.
	Curated bool
}

// CuratedMark follows the name of a model an overlay added or corrected.
const CuratedMark = "†"

// EstimateMark follows an estimated figure in every document, and starts
// the footnote that explains it.
const EstimateMark = "*"

// Row is one row of a figure's table. Total marks the row that sums the
// others.
type Row struct {
	Cells []Value
	Total bool
}

// Chart kinds of a figure.
const (
	ChartNone    = ""
	ChartBar     = "bar"     // vertical bars over years
	ChartHBar    = "hbar"    // horizontal bars over names, largest first
	ChartScatter = "scatter" // the models' training compute against publication date
)

// Layouts of a figure.
const (
	LayoutTable = ""      // a table
	LayoutNotes = "notes" // a list of notes with their items
)

// Figure is one figure of the census, defined once: every renderer (text,
// CSV, Markdown, HTML, the workbook, the charts, the dashboard) walks
// Figures, so that a figure added here appears in all of them.
type Figure struct {
	// ID is stable: the JSON key of the figure in Result, the CSV table,
	// the workbook sheet and the HTML anchor.
	ID      string
	Title   Text
	Columns []Column
	// Chart is how the figure is drawn (ChartNone: not drawn); ChartName
	// is its name for `modelcensus chart` and ChartTitle its title, when
	// they are not ID and Title. Label and Value name the columns a bar
	// chart takes its categories and its values from.
	Chart      string
	ChartName  string
	ChartTitle Text
	Label      string
	Value      string
	// Latest marks a figure of the latest year alone.
	Latest bool
	// Layout is how documents lay it out (LayoutTable or LayoutNotes).
	Layout string
	// Rows gives the figure's rows from a result.
	Rows func(r *Result) []Row
}

// ColumnsFor returns the columns the figure shows for r: all but those
// marked EstimateOnly when r was computed without EstimateMissing.
func (f Figure) ColumnsFor(r *Result) []Column {
	if r.ShowsEstimates() {
		return f.Columns
	}
	out := make([]Column, 0, len(f.Columns))
	for _, c := range f.Columns {
		if !c.EstimateOnly {
			out = append(out, c)
		}
	}
	return out
}

// ShowsEstimates reports whether the census shows whose each compute figure
// is: under --estimate-missing, or when an overlay's added model carries an
// estimate in the ranking.
func (r *Result) ShowsEstimates() bool {
	if r.Settings.EstimateMissing {
		return true
	}
	for _, m := range r.TopComputeLatest {
		if m.Estimated != nil {
			return true
		}
	}
	return false
}

// RowsFor returns the figure's rows for r with a cell for each of
// ColumnsFor's columns.
func (f Figure) RowsFor(r *Result) []Row {
	rows := f.Rows(r)
	if r.ShowsEstimates() {
		return rows
	}
	for i := range rows {
		cells := make([]Value, 0, len(rows[i].Cells))
		for j, v := range rows[i].Cells {
			if j >= len(f.Columns) || !f.Columns[j].EstimateOnly {
				cells = append(cells, v)
			}
		}
		rows[i].Cells = cells
	}
	return rows
}

// Name is the figure's chart name.
func (f Figure) Name() string {
	if f.ChartName != "" {
		return f.ChartName
	}
	return f.ID
}

// Text fills a label's placeholders for result r in lang ("en" or "ko");
// cagr is the growth as the caller prints it.
func (f Figure) Text(t Text, lang string, r *Result, cagr string) string {
	org := Text{"Group", "그룹"}
	if r.Settings.OrgLevel == OrgLevelOrganization {
		org = Text{"Organization", "기관"}
	}
	period := strconv.Itoa(r.Period.From) + "–" + strconv.Itoa(r.Period.To)
	if r.Period.From == r.Period.To {
		period = strconv.Itoa(r.Period.From) // one year, not "2023–2023"
	}
	return strings.NewReplacer(
		"{from}–{to}", period,
		"{from}", strconv.Itoa(r.Period.From), "{to}", strconv.Itoa(r.Period.To),
		"{latest}", strconv.Itoa(r.LatestYear), "{cagr}", cagr, "{org}", org.In(lang),
	).Replace(t.In(lang))
}

// Column titles shared by several figures.
var (
	colYear    = Column{"year", Text{"Year", "연도"}, ValueYear, false}
	colCount   = Column{"count", Text{"Models", "모델 수"}, ValueCount, false}
	colShare   = Column{"share", Text{"Share", "비중"}, ValueShare, false}
	colCode    = Column{"code", Text{"Code", "코드"}, ValueCountryCode, false}
	colCountry = Column{"name", Text{"Country", "국가"}, ValueCountry, false}
	colDomain  = Column{"name", Text{"Domain group", "분야"}, ValueDomainGroup, false}
)

// Figure ids.
const (
	FigurePerYear             = "per_year"
	FigureCountries           = "countries"
	FigureCountriesLatest     = "countries_latest"
	FigureOrganizationsLatest = "organizations_latest"
	FigureDomains             = "domains"
	FigureDomainsLatest       = "domains_latest"
	FigureMultimodalPerYear   = "multimodal_per_year"
	FigureTopComputeLatest    = "top_compute_latest"
	FigureNotes               = "notes"
)

// figures is the registry, in report order.
var figures = []Figure{
	{
		ID: FigurePerYear, Title: Text{"Models per year", "연도별 모델 수"},
		Columns: []Column{colYear, colCount},
		Chart:   ChartBar, ChartTitle: Text{"Models per year (compound annual growth {cagr})", "연도별 모델 수(연평균 증가율 {cagr})"},
		Label: "year", Value: "count",
		Rows: func(r *Result) []Row {
			var out []Row
			for _, y := range r.PerYear {
				out = append(out, Row{Cells: []Value{{Num: float64(y.Year)}, {Num: float64(y.Count)}}})
			}
			return append(out, Row{Total: true, Cells: []Value{{}, {Num: float64(r.Total)}}})
		},
	},
	{
		ID: FigureCountries, Title: Text{"Countries, {from}–{to}", "국가별 모델 수({from}–{to}년)"},
		Columns: []Column{colCode, colCountry, colCount, colShare},
		Chart:   ChartHBar, Label: "name", Value: "count",
		Rows: func(r *Result) []Row { return countryRows(r.Countries, r.Total) },
	},
	{
		ID: FigureCountriesLatest, Title: Text{"Countries, {latest}", "국가별 모델 수({latest}년)"},
		Columns: []Column{colCode, colCountry, colCount, colShare},
		Chart:   ChartHBar, Label: "name", Value: "count", Latest: true,
		Rows: func(r *Result) []Row { return countryRows(r.CountriesLatest, r.latestCount()) },
	},
	{
		ID: FigureOrganizationsLatest, Title: Text{"Organizations, {latest}", "기관별 모델 수({latest}년)"},
		Columns: []Column{{"name", Text{"{org}", "{org}"}, ValueText, false}, colCount},
		Chart:   ChartHBar, Label: "name", Value: "count", Latest: true,
		Rows: func(r *Result) []Row { return nameRows(r.OrganizationsLatest) },
	},
	{
		ID: FigureDomains, Title: Text{"Domain groups, {from}–{to}", "분야별 모델 수({from}–{to}년)"},
		Columns: []Column{colDomain, colCount},
		Chart:   ChartHBar, Label: "name", Value: "count",
		Rows: func(r *Result) []Row { return nameRows(r.Domains) },
	},
	{
		ID: FigureDomainsLatest, Title: Text{"Domain groups, {latest}", "분야별 모델 수({latest}년)"},
		Columns: []Column{colDomain, colCount},
		Chart:   ChartHBar, Label: "name", Value: "count", Latest: true,
		Rows: func(r *Result) []Row { return nameRows(r.DomainsLatest) },
	},
	{
		ID: FigureMultimodalPerYear, Title: Text{"Multimodal models per year", "연도별 멀티모달 모델 수"},
		Columns: []Column{colYear, {"count", Text{"Multimodal", "멀티모달"}, ValueCount, false},
			{"all", Text{"All models", "전체 모델"}, ValueCount, false}, colShare},
		Chart: ChartBar, ChartName: "multimodal", Label: "year", Value: "count",
		Rows: func(r *Result) []Row {
			var out []Row
			total := 0
			for i, y := range r.MultimodalPerYear {
				all := 0
				if i < len(r.PerYear) {
					all = r.PerYear[i].Count
				}
				total += y.Count
				out = append(out, Row{Cells: []Value{{Num: float64(y.Year)}, {Num: float64(y.Count)}, {Num: float64(all)}, share(float64(y.Count), all)}})
			}
			return append(out, Row{Total: true, Cells: []Value{{}, {Num: float64(total)}, {Num: float64(r.Total)}, share(float64(total), r.Total)}})
		},
	},
	{
		ID: FigureTopComputeLatest, Title: Text{"Largest training compute, {latest}", "학습 연산량 상위 모델({latest}년)"},
		Columns: []Column{{"rank", Text{"#", "순위"}, ValueRank, false}, {"name", Text{"Model", "모델"}, ValueText, false},
			{"organization", Text{"Organization", "기관"}, ValueText, false}, {"date", Text{"Date", "공개일"}, ValueDate, false},
			{"flop", Text{"Training compute (FLOP)", "학습 연산량(FLOP)"}, ValueFLOP, false},
			{"confidence", Text{"Confidence", "신뢰도"}, ValueConfidence, false},
			{"method", Text{"Figure", "수치 출처"}, ValueMethod, true}},
		Chart: ChartScatter, ChartName: "compute",
		ChartTitle: Text{"Training compute by publication date (log scale)", "공개일별 학습 연산량(로그 눈금)"},
		Latest:     true,
		Rows: func(r *Result) []Row {
			var out []Row
			for i, m := range r.TopComputeLatest {
				est := m.Estimated != nil && *m.Estimated
				out = append(out, Row{Cells: []Value{{Num: float64(i + 1)}, {Text: m.Model, Curated: m.Curated != nil}, {Text: m.Organization},
					{Text: m.Date}, {Num: m.FLOP, Estimated: est}, {Text: m.Confidence}, {Text: m.Method}}})
			}
			return out
		},
	},
	{
		ID: FigureNotes, Title: Text{"Data-quality notes", "데이터 품질 참고사항"},
		Columns: []Column{{"code", Text{"Note", "참고사항"}, ValueNote, false}, colCount},
		Layout:  LayoutNotes,
		Rows: func(r *Result) []Row {
			var out []Row
			for _, n := range r.Notes {
				out = append(out, Row{Cells: []Value{{Text: n.Code, Alt: n.Message}, {Num: float64(n.Count)}}})
			}
			return out
		},
	},
}

// Figures returns the census's figures, in report order. The slice is a
// copy; the figures' functions are shared.
func Figures() []Figure { return append([]Figure(nil), figures...) }

// FigureByName finds a figure by its id or its chart name.
func FigureByName(name string) (Figure, bool) {
	for _, f := range figures {
		if f.ID == name || f.Name() == name {
			return f, true
		}
	}
	return Figure{}, false
}

// ChartNames lists the names of the figures that are drawn.
func ChartNames() []string {
	var out []string
	for _, f := range figures {
		if f.Chart != ChartNone {
			out = append(out, f.Name())
		}
	}
	return out
}

func (r *Result) latestCount() int {
	if n := len(r.PerYear); n > 0 {
		return r.PerYear[n-1].Count
	}
	return 0
}

func share(n float64, total int) Value {
	if total <= 0 {
		return Value{Missing: true}
	}
	return Value{Num: n / float64(total)}
}

func countryRows(list []CountryCount, total int) []Row {
	out := make([]Row, 0, len(list))
	for _, c := range list {
		out = append(out, Row{Cells: []Value{{Text: c.Code}, {Text: c.Name, Alt: c.NameKo}, {Num: c.Count}, share(c.Count, total)}})
	}
	return out
}

func nameRows(list []NameCount) []Row {
	out := make([]Row, 0, len(list))
	for _, x := range list {
		out = append(out, Row{Cells: []Value{{Text: x.Name}, {Num: x.Count}}})
	}
	return out
}
