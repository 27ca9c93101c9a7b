package publish

import (
	"bytes"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "미국": 4, "대한민국 X": 10, "": 0, "é": 1} {
		if got := DisplayWidth(s); got != want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	in := "<script>alert(1)</script> | *bold* [link](x) `code`\nnext"
	got := MarkdownEscape(in)
	for _, bad := range []string{"<script>", "\n", " | ", "[link]"} {
		if strings.Contains(got, bad) {
			t.Errorf("escaped %q still holds %q", got, bad)
		}
	}
}

func TestFormatting(t *testing.T) {
	for v, want := range map[float64]string{3: "3", 2.8333333: "2.83", 0: "0"} {
		if got := FormatCount(v); got != want {
			t.Errorf("FormatCount(%v) = %q", v, got)
		}
	}
	if got := FormatFLOP(5.18e25); got != "5.18 × 10²⁵" {
		t.Errorf("FormatFLOP = %q", got)
	}
	if got := FormatPercent(0.41421); got != "+41.4%" {
		t.Errorf("FormatPercent = %q", got)
	}
}

// Korean columns line up by display width, not by bytes or runes.
func TestTextAlignmentKorean(t *testing.T) {
	var b bytes.Buffer
	WriteTable(&b, Table{Headers: []string{"국가", "모델 수"}, Right: []bool{false, true},
		Rows: [][]string{{"미국", "219"}, {"아랍에미리트", "8"}}}, i18n.KO)
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	w := DisplayWidth(lines[0])
	for _, l := range lines[1:] {
		if DisplayWidth(l) != w {
			t.Errorf("line %q is %d wide, header %d", l, DisplayWidth(l), w)
		}
	}
}

// The built-in registry holds the formats of this package, found by name,
// alias and extension; an unknown name is not found.
func TestBuiltinRegistry(t *testing.T) {
	r := Builtin()
	want := []string{FormatText, FormatJSON, FormatCSV, FormatMarkdown, FormatHTML, FormatPDF}
	if got := r.Reports(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("reports %v, want %v", got, want)
	}
	if f, ok := r.Lookup("MD"); !ok || f.Name != FormatMarkdown {
		t.Errorf("md: %v %v", f, ok)
	}
	if f, ok := r.ByExt("brief.HTML"); !ok || f.Name != FormatHTML {
		t.Errorf("brief.HTML: %v %v", f, ok)
	}
	if _, ok := r.Lookup("docx"); ok {
		t.Error("docx found")
	}
	if f, _ := r.Lookup("pdf"); !f.Binary {
		t.Error("pdf is not marked binary")
	}
	if len(r.Charts()) != 0 {
		t.Errorf("charts %v: publish draws none itself", r.Charts())
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\",\"y\")": "'=HYPERLINK(\"http://x\",\"y\")",
		"@SUM(A1:A9)":                    "'@SUM(A1:A9)",
		"+cmd":                           "'+cmd",
		"-2+3":                           "'-2+3",
		"\tx":                            "'\tx",
		"\rx":                            "'\rx",
		"-1":                             "-1",
		"+3e24":                          "+3e24",
		"GPT-4":                          "GPT-4",
		"":                               "",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatPowerOfTen(t *testing.T) {
	for v, want := range map[float64]string{5e26: "5 × 10²⁶", 1.2e25: "1.2 × 10²⁵", 1e23: "10²³", 3.8e26: "3.8 × 10²⁶",
		9.999e24: "10²⁵", 5.18e25: "5.18 × 10²⁵", 1000: "1000"} {
		if got := FormatPowerOfTen(v); got != want {
			t.Errorf("FormatPowerOfTen(%g) = %q, want %q", v, got, want)
		}
	}
}

// The summary says what a reader needs: the latest year's leader where it
// differs, the peak year where it is not the last, Epoch's confidence
// beside an uncertain compute figure, compute as a power of ten.
func TestProseFacts(t *testing.T) {
	r := &census.Result{
		Period: census.Period{From: 2022, To: 2024}, LatestYear: 2024, Total: 18,
		PerYear:           []census.YearCount{{Year: 2022, Count: 5}, {Year: 2023, Count: 9}, {Year: 2024, Count: 4}},
		MultimodalPerYear: []census.YearCount{{Year: 2022}, {Year: 2023}, {Year: 2024, Count: 1}},
		Countries:         []census.CountryCount{{Code: "US", Name: "United States", NameKo: "미국", Count: 10}, {Code: "CN", Name: "China", NameKo: "중국", Count: 8}},
		CountriesLatest:   []census.CountryCount{{Code: "CN", Name: "China", NameKo: "중국", Count: 3}, {Code: "US", Name: "United States", NameKo: "미국", Count: 1}},
		TopComputeLatest:  []census.TopModel{{Model: "Big", Organization: "Lab", Date: "2024-05-01", FLOP: 5e26, Confidence: "Speculative"}},
		Settings:          census.Settings{Subset: "large-scale"},
	}
	for l, want := range map[i18n.Lang][]string{
		i18n.EN: {"In 2024 alone, China led, with 3 models.", "The yearly count peaked in 2023, at 9 models.", "5 × 10²⁶ FLOP (Epoch rates this figure Speculative)."},
		i18n.KO: {"2024년만 보면 중국에서 3개로 가장 많았습니다.", "연간 공개 수는 2023년에 9개로 가장 많았습니다.", "5 × 10²⁶ FLOP, Epoch 신뢰도 추측)입니다."},
	} {
		prose, _ := HeadlineProse(r, l)
		var all []string
		for _, p := range prose {
			all = append(all, ProseText(p))
		}
		text := strings.Join(all, "\n")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s summary lacks %q:\n%s", l, w, text)
			}
		}
	}
	// A Confident figure, the same leader and a last-year peak: none of it.
	r.TopComputeLatest[0].Confidence = "Confident"
	r.CountriesLatest[0], r.CountriesLatest[1] = r.CountriesLatest[1], r.CountriesLatest[0]
	r.PerYear[2].Count = 12
	prose, _ := HeadlineProse(r, i18n.EN)
	for _, p := range prose {
		if s := ProseText(p); strings.Contains(s, "alone") || strings.Contains(s, "peaked") || strings.Contains(s, "rates") {
			t.Errorf("unneeded: %q", s)
		}
	}
}

// The source block says a file's encoding and, where it is not plain
// UTF-8, how it was told.
func TestSourceLineEncoding(t *testing.T) {
	r := &census.Result{Source: census.Source{Snapshot: census.Snapshot{Files: []census.FileInfo{
		{Name: "/home/me/x.txt", Rows: 3, Columns: 4, Encoding: "utf-16le", Dialect: census.Dialect{Encoding: "utf-16le", EncodingBasis: census.EncodingFromBOM}},
	}}}}
	lines := strings.Join(SourceLines(r, i18n.KO), "\n")
	if !strings.Contains(lines, "x.txt — 3행, 4열, utf-16le(바이트 순서 표시로 판단)") || strings.Contains(lines, "/home/me") {
		t.Errorf("source block:\n%s", lines)
	}
}

// Epoch's estimation methods are named in the reader's language, each of a
// combination.
func TestEpochMethodName(t *testing.T) {
	for _, c := range []struct{ in, en, ko string }{
		{"Hardware,Operation counting", "Hardware, Operation counting", "하드웨어 시간, 연산 수 계산"},
		{"Third-party estimation", "Third-party estimation", "제3자 추정"},
		{"Something new", "Something new", "Something new"},
	} {
		if got := EpochMethodName(c.in, i18n.EN); got != c.en {
			t.Errorf("en %q: %q", c.in, got)
		}
		if got := EpochMethodName(c.in, i18n.KO); got != c.ko {
			t.Errorf("ko %q: %q", c.in, got)
		}
	}
}

// A long name is cut at 48 columns where the terminal's width is not
// known, and kept whole on a terminal wide enough for it.
func TestLongNamesFitTheTerminal(t *testing.T) {
	long := strings.Repeat("Organization ", 6) // 78 columns
	tb := Table{Headers: []string{"Name", "Models"}, Right: []bool{false, true}, Rows: [][]string{{long, "3"}}}
	var b bytes.Buffer
	WriteTable(&b, tb, i18n.EN)
	if strings.Contains(b.String(), long) || !strings.Contains(b.String(), "…") {
		t.Errorf("no width: the name is not cut at 48 columns:\n%s", b.String())
	}
	b.Reset()
	tb.Width = 120
	WriteTable(&b, tb, i18n.EN)
	if !strings.Contains(b.String(), long) {
		t.Errorf("a 120-column terminal cuts the name:\n%s", b.String())
	}
	b.Reset()
	tb.Width = 60 // narrower than the name: cut to fit the line in 60
	WriteTable(&b, tb, i18n.EN)
	if line := strings.Split(b.String(), "\n")[2]; DisplayWidth(line) > 60 || !strings.Contains(line, "…") {
		t.Errorf("a 60-column terminal: %q", line)
	}
	b.Reset()
	tb.Width = 30 // too narrow for anything: never cut below 48
	WriteTable(&b, tb, i18n.EN)
	if line := strings.Split(b.String(), "\n")[2]; !strings.Contains(line, long[:47]) {
		t.Errorf("a 30-column terminal: %q", line)
	}
}
