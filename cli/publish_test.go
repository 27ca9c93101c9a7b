package cli

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/publish"
)

func TestPublishFormats(t *testing.T) {
	dir := t.TempDir()
	args := func(extra ...string) []string {
		return append([]string{"report", "--source", fixture, "--date", "2025-03-01"}, extra...)
	}
	// HTML to standard output or a file.
	code, out, errOut := run(t, nil, args("--format", "html")...)
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `data-figure="total">7<`) {
		t.Fatalf("html: exit %d %s", code, errOut)
	}
	// Markdown with its charts beside it.
	md := filepath.Join(dir, "brief.md")
	if code, _, errOut = run(t, nil, args("--format", "markdown", "-o", md)...); code != 0 {
		t.Fatalf("markdown: %d %s", code, errOut)
	}
	body, _ := os.ReadFile(md)
	for _, id := range census.ChartNames() {
		svg := filepath.Join(dir, "brief-"+id+".svg")
		if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte("<svg")) {
			t.Errorf("markdown chart %s: %v", svg, err)
		}
		if !strings.Contains(string(body), "(brief-"+id+".svg)") {
			t.Errorf("the Markdown does not show brief-%s.svg", id)
		}
	}
	// The workbook needs a file.
	if code, _, errOut = run(t, nil, args("--format", "xlsx")...); code != ExitUsage || !strings.Contains(errOut, "-o FILE") {
		t.Errorf("xlsx to stdout: exit %d %q", code, errOut)
	}
	x := filepath.Join(dir, "census.xlsx")
	if code, _, errOut = run(t, nil, args("--format", "xlsx", "-o", x)...); code != 0 {
		t.Fatalf("xlsx: %d %s", code, errOut)
	}
	if b, _ := os.ReadFile(x); !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("the workbook is not a zip")
	}
	// chart NAME -o FILE.svg|png
	for _, f := range []string{"per_year.svg", "compute.png"} {
		p := filepath.Join(dir, f)
		name := strings.TrimSuffix(f, filepath.Ext(f))
		if code, _, errOut = run(t, nil, "chart", name, "--source", fixture, "--date", "2025-03-01", "-o", p); code != 0 {
			t.Fatalf("chart %s: %d %s", f, code, errOut)
		}
		b, _ := os.ReadFile(p)
		if (filepath.Ext(f) == ".png" && !bytes.HasPrefix(b, []byte("\x89PNG"))) || (filepath.Ext(f) == ".svg" && !bytes.Contains(b, []byte("<svg"))) {
			t.Errorf("chart %s has the wrong format", f)
		}
	}
	if code, _, _ = run(t, nil, "chart", "pie", "--source", fixture, "-o", filepath.Join(dir, "x.svg")); code != ExitUsage {
		t.Errorf("unknown chart: exit %d", code)
	}
	// Without -o the chart goes to standard output, SVG unless --format png.
	if code, out, errOut := run(t, nil, "chart", "per_year", "--source", fixture, "--date", "2025-03-01"); code != 0 || !strings.Contains(out, "<svg") {
		t.Errorf("chart to stdout: exit %d %.80q %s", code, out, errOut)
	}
	// PNG is binary: like xlsx and pdf, it needs -o (a terminal would
	// print bytes).
	if code, out, errOut := run(t, nil, "chart", "per_year", "--source", fixture, "--date", "2025-03-01", "--format", "png"); code != ExitUsage || out != "" || !strings.Contains(errOut, "-o") {
		t.Errorf("png to stdout: exit %d %.8q %s", code, out, errOut)
	}
	if code, _, _ = run(t, nil, "chart", "per_year", "--source", fixture, "-o", filepath.Join(dir, "x.svg"), "--format", "png"); code != ExitUsage {
		t.Errorf("--format against -o's extension: exit %d", code)
	}
	if code, _, _ = run(t, nil, "chart", "per_year", "--source", fixture, "-o", filepath.Join(dir, "x.gif")); code != ExitUsage {
		t.Errorf("unknown image format: exit %d", code)
	}
}

func TestPDF(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "brief.pdf")
	if publish.FindChrome() != "" {
		// The English brief too, kept as pictures.
		en := filepath.Join(t.TempDir(), "brief-en.pdf")
		if code, _, errOut := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "pdf", "-o", en); code != 0 {
			t.Fatalf("pdf en: exit %d %s", code, errOut)
		}
		if _, err := exec.LookPath("pdftoppm"); err == nil {
			art := os.Getenv("MODELCENSUS_ARTIFACTS")
			if art == "" {
				art = filepath.Join("..", "artifacts")
			}
			os.MkdirAll(art, 0o755)
			exec.Command("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", en, filepath.Join(art, "brief-en-pdf")).Run()
		}
		code, _, errOut := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "pdf", "--lang", "ko", "-o", pdf)
		if code != 0 {
			t.Fatalf("pdf: exit %d %s", code, errOut)
		}
		if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Errorf("not a PDF")
		}
		// The Korean glyphs are there: Chromium embeds Noto CJK's as
		// Type 3 fonts (or a CJK font by name); without a CJK font the
		// command refuses (TestKoreanWithoutCJKFont). The first page is
		// kept as a picture.
		if pf, err := exec.LookPath("pdffonts"); err == nil {
			out, err := exec.Command(pf, pdf).Output()
			if err != nil || !(strings.Contains(string(out), "CJK") || strings.Contains(string(out), "Type 3")) {
				t.Errorf("no CJK glyphs embedded in the Korean PDF:\n%s", out)
			}
			art := os.Getenv("MODELCENSUS_ARTIFACTS")
			if art == "" {
				art = filepath.Join("..", "artifacts")
			}
			os.MkdirAll(art, 0o755)
			if err := exec.Command("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", pdf, filepath.Join(art, "brief-ko-pdf")).Run(); err != nil {
				t.Errorf("pdftoppm: %v", err)
			}
		} else if os.Getenv("CI") != "" {
			t.Error("CI must check the PDF's fonts: install poppler-utils")
		}
	}
	// Where no browser is installed, a clear message.
	t.Setenv("PATH", t.TempDir())
	t.Setenv("MODELCENSUS_CHROME", "")
	code, _, errOut := run(t, nil, "report", "--source", fixture, "--format", "pdf", "-o", pdf)
	if code != ExitOutput || !strings.Contains(errOut, "Chromium") || !strings.Contains(errOut, "--format html") {
		t.Errorf("no browser: exit %d %q", code, errOut)
	}
}

// A model named like a formula comes out of the CSV as text: every cell
// that a spreadsheet would run starts with an apostrophe.
func TestCSVFormulasNeutralised(t *testing.T) {
	data := "Model,Publication date,Organization,Country (of organization),Training compute (FLOP)\n" +
		"\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",2024-01-01,@SUM(A1),United States of America,1e24\n" +
		"+cmd,2024-02-01,OpenAI,United States of America,2e24\n"
	p := filepath.Join(t.TempDir(), "evil.csv")
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, nil, "report", "--source", p, "--date", "2025-03-01", "--format", "csv")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range recs {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+@\t\r", rune(c[0])) {
				t.Errorf("cell %q would run as a formula", c)
			}
			if strings.HasPrefix(c, "'=HYPERLINK(") || c == "'+cmd" || c == "'@SUM(A1)" {
				seen++
			}
		}
	}
	if seen < 3 {
		t.Errorf("the names are not all in the CSV as text (%d):\n%s", seen, out)
	}
}

// Every heading names the subset, and a --min-compute; the Markdown has a
// summary; JSON notes say how many items they left out.
func TestHeadingsNameSubsetAndThreshold(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--source", "bundled", "--subset", "notable"}, "Notable AI models census"},
		{[]string{"--source", "bundled"}, "Large-scale AI models census"},
		{[]string{"--source", "bundled", "--min-compute", "1e24"}, "Large-scale AI models census, at least 10²⁴ FLOP"},
		{[]string{"--source", "bundled", "--subset", "notable", "--lang", "ko"}, "주목할 만한 AI 모델 현황"},
	} {
		for _, format := range []string{"text", "markdown"} {
			code, out, errOut := run(t, nil, append([]string{"report", "--format", format}, tc.args...)...)
			if code != ExitOK || !strings.Contains(strings.SplitN(out, "\n", 2)[0], tc.want) {
				t.Errorf("%v %s: exit %d, first line %q, want %q %s", tc.args, format, code, strings.SplitN(out, "\n", 2)[0], tc.want, errOut)
			}
		}
	}
	_, md, _ := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "markdown")
	if !strings.Contains(md, "\n## Summary\n\n") || !strings.Contains(md, "7") {
		t.Errorf("no summary:\n%.600s", md)
	}
}

// On a machine whose font path has no CJK font, a Korean PDF, HTML brief
// and PNG chart are refused with a message naming the font package, never
// shown or printed as empty boxes.
func TestKoreanWithoutCJKFont(t *testing.T) {
	if _, err := exec.LookPath("fc-list"); err != nil {
		t.Skip("fontconfig is not installed")
	}
	conf := filepath.Join(t.TempDir(), "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>`), 0o644)
	t.Setenv("FONTCONFIG_FILE", conf)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report", "--source", fixture, "--date", "2025-03-01", "--lang", "ko", "--format", "pdf", "-o", filepath.Join(dir, "b.pdf")},
		{"report", "--source", fixture, "--date", "2025-03-01", "--lang", "ko", "--format", "html", "-o", filepath.Join(dir, "b.html")},
		{"chart", "per_year", "--source", fixture, "--date", "2025-03-01", "--lang", "ko", "-o", filepath.Join(dir, "c.png")},
	} {
		code, _, errOut := run(t, nil, args...)
		if code != ExitOutput || !strings.Contains(errOut, "fonts-noto-cjk") {
			t.Errorf("%v: exit %d: %s", args[:2], code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "b.pdf")); err == nil {
		t.Error("a PDF was written")
	}
	// English charts need no CJK font.
	if code, _, errOut := run(t, nil, "chart", "countries", "--source", fixture, "--date", "2025-03-01", "-o", filepath.Join(dir, "en.png")); code != ExitOK {
		t.Errorf("English PNG: exit %d: %s", code, errOut)
	}
}

// Documents name files by their names, with the date and its evidence,
// never by the folders of the machine that made them, nor by header ids.
func TestDocumentsNameNoLocalPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deep", "2025-03-01")
	os.MkdirAll(dir, 0o755)
	fx, _ := os.ReadFile(fixture)
	p := filepath.Join(dir, "large_scale_ai_models.csv")
	os.WriteFile(p, fx, 0o644)
	for _, format := range []string{"text", "markdown", "html"} {
		for _, lang := range []string{"en", "ko"} {
			code, out, errOut := run(t, nil, "report", "--source", p, "--format", format, "--lang", lang)
			if code != ExitOK {
				t.Fatalf("%s %s: %d %s", format, lang, code, errOut)
			}
			if strings.Contains(out, filepath.Dir(dir)) || strings.Contains(out, " cols/") {
				t.Errorf("%s %s names a local path or a header id", format, lang)
			}
			out = strings.ReplaceAll(out, `\_`, "_") // Markdown escapes underscores
			if !strings.Contains(out, "large_scale_ai_models.csv") || !strings.Contains(out, "2025-03-01") {
				t.Errorf("%s %s lacks the file name or the date", format, lang)
			}
		}
	}
}

// A MODELCENSUS_CHROME that names no program is said, not passed over for
// another browser, in both languages.
func TestPDFBadChromeEnv(t *testing.T) {
	t.Setenv("MODELCENSUS_CHROME", "/nonexistent/chromium")
	for _, lang := range []string{"en", "ko"} {
		pdf := filepath.Join(t.TempDir(), "brief.pdf")
		code, _, errOut := run(t, nil, "report", "--source", fixture, "--date", "2025-03-01", "--format", "pdf", "--lang", lang, "-o", pdf)
		if code != ExitOutput || !strings.Contains(errOut, `MODELCENSUS_CHROME`) || !strings.Contains(errOut, `"/nonexistent/chromium"`) {
			t.Errorf("%s: exit %d, %q; want exit %d naming the variable and its value", lang, code, errOut, ExitOutput)
		}
		if lang == "ko" && !strings.Contains(errOut, "실행할 수 있는 프로그램이 아닙니다") {
			t.Errorf("ko: %q is not in Korean", errOut)
		}
		if _, err := os.Stat(pdf); err == nil {
			t.Errorf("%s: a PDF was written", lang)
		}
	}
}

// A chart drawn alone names its font with fallbacks that draw Korean, and
// says how many of a long list it shows without sending the reader to a
// table it does not have; the HTML brief, which has the table, still does.
func TestChartAlone(t *testing.T) {
	code, out, errOut := run(t, nil, "chart", "organizations_latest", "--source", "bundled")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "'Noto Sans CJK KR'") || !strings.Contains(out, "sans-serif;") {
		t.Errorf("the SVG names no fallback font: %.300s", out[strings.Index(out, "font-family"):])
	}
	if !strings.Contains(out, "the first 15 of") || strings.Contains(out, "table") {
		t.Errorf("the chart alone does not say it shows the first 15, or mentions a table")
	}
	html := filepath.Join(t.TempDir(), "b.html")
	if code, _, errOut := run(t, nil, "report", "--source", "bundled", "--format", "html", "-o", html); code != 0 {
		t.Fatalf("html: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(html); !strings.Contains(string(b), "; the table lists all") {
		t.Error("the brief's chart no longer points to its table")
	}
}

// The default brief prints on pages that are at least half full, but for
// the last, in both languages: each page of the PDF is turned into a
// picture and the lowest row with ink is found.
func TestPDFPagesFull(t *testing.T) {
	if publish.FindChrome() == "" {
		t.Skip("no Chromium or Chrome here: apt-get install chromium")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must picture the PDF: install poppler-utils")
		}
		t.Skip("no pdftoppm here: apt-get install poppler-utils")
	}
	for _, lang := range []string{"en", "ko"} {
		dir := t.TempDir()
		pdf := filepath.Join(dir, "brief.pdf")
		if code, _, errOut := run(t, nil, "report", "--source", "bundled", "--format", "pdf", "--lang", lang, "-o", pdf); code != 0 {
			t.Fatalf("%s: exit %d %s", lang, code, errOut)
		}
		if err := exec.Command("pdftoppm", "-png", "-gray", "-r", "24", pdf, filepath.Join(dir, "page")).Run(); err != nil {
			t.Fatalf("pdftoppm: %v", err)
		}
		pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
		sort.Strings(pages)
		if len(pages) < 2 {
			t.Fatalf("%s: %d pages", lang, len(pages))
		}
		for i, p := range pages[:len(pages)-1] {
			f, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			lowest := b.Min.Y
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					if r, _, _, _ := img.At(x, y).RGBA(); r < 0xd000 {
						lowest = y
						break
					}
				}
			}
			if fill := float64(lowest-b.Min.Y) / float64(b.Dy()); fill < 0.5 {
				t.Errorf("%s: page %d of %d is %.0f%% full", lang, i+1, len(pages), 100*fill)
			}
		}
	}
}
