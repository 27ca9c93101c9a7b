package xlsx_test

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish/publishtest"
	"github.com/modelcensus/modelcensus/publish/xlsx"
)

// The workbook opens with excelize and holds the sheets, a native chart on
// each table's sheet, and the census's numbers as numbers.
func TestXLSX(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		d := publishtest.Document(t, "../../testdata/census_fixture.csv", census.Options{Attribution: census.AttributionFractional})
		var b bytes.Buffer
		if err := xlsx.Write(&b, d, l, "test"); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		// Sheets are named by figure id in English, by the figure's
		// Korean title in Korean.
		sheetOf := func(id string) string {
			if l == i18n.EN {
				return id
			}
			f, _ := census.FigureByName(id)
			return f.Text(f.Title, "ko", d.Result, "")
		}
		models, method := xlsx.SheetModels, xlsx.SheetMethod
		if l == i18n.KO {
			models, method = "모델", "방법"
		}
		var want []string
		for _, id := range []string{"per_year", "countries", "countries_latest", "organizations_latest",
			"domains", "domains_latest", "multimodal_per_year", "top_compute_latest", "notes"} {
			want = append(want, sheetOf(id))
		}
		want = append(want, models, method)
		if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: sheets %v, want %v", l, got, want)
		}
		if l == i18n.KO {
			// Every header of the Korean models sheet is Korean: no
			// English word but the unit FLOP.
			hdr, _ := f.GetRows(models)
			for _, h := range hdr[0] {
				for _, w := range strings.FieldsFunc(h, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
					if len(w) > 1 && w != "FLOP" {
						t.Errorf("the Korean models sheet's header %q has the English word %q", h, w)
					}
				}
			}
		}
		j := publishtest.ViaJSON(t, d.Result)
		number := func(sheet, cell string) float64 {
			t.Helper()
			typ, err := f.GetCellType(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
				t.Errorf("%s!%s = %q (type %v) is not a number", sheet, cell, v, typ)
			}
			return x
		}
		for i, y := range j.PerYear {
			row := strconv.Itoa(i + 3)
			if number(sheetOf("per_year"), "A"+row) != float64(y.Year) || number(sheetOf("per_year"), "B"+row) != float64(y.Count) ||
				number(sheetOf("multimodal_per_year"), "C"+row) != float64(y.Count) || number(sheetOf("multimodal_per_year"), "B"+row) != float64(j.MultimodalPerYear[i].Count) {
				t.Errorf("%s per_year row %s differs from %+v", l, row, y)
			}
		}
		for i, c := range j.Countries {
			row := strconv.Itoa(i + 3)
			code, _ := f.GetCellValue(sheetOf("countries"), "A"+row)
			if code != c.Code || number(sheetOf("countries"), "C"+row) != c.Count {
				t.Errorf("%s countries row %s: %s %v, JSON %s %v", l, row, code, number(sheetOf("countries"), "C"+row), c.Code, c.Count)
			}
		}
		for sheet, list := range map[string][]census.NameCount{sheetOf("domains"): j.Domains, sheetOf("domains_latest"): j.DomainsLatest} {
			for i, x := range list {
				if number(sheet, "B"+strconv.Itoa(i+3)) != x.Count {
					t.Errorf("%s %s %s differs", l, sheet, x.Name)
				}
			}
		}
		for i, c := range j.CountriesLatest {
			if number(sheetOf("countries_latest"), "C"+strconv.Itoa(i+3)) != c.Count {
				t.Errorf("%s latest country %s differs", l, c.Code)
			}
		}
		for i, y := range j.MultimodalPerYear {
			if number(sheetOf("multimodal_per_year"), "B"+strconv.Itoa(i+3)) != float64(y.Count) {
				t.Errorf("%s multimodal %d differs", l, y.Year)
			}
		}
		for i, o := range j.OrganizationsLatest {
			if number(sheetOf("organizations_latest"), "B"+strconv.Itoa(i+3)) != o.Count {
				t.Errorf("%s organization %s differs", l, o.Name)
			}
		}
		for i, m := range j.TopComputeLatest {
			row := strconv.Itoa(i + 3)
			name, _ := f.GetCellValue(sheetOf("top_compute_latest"), "B"+row)
			if name != m.Model || number(sheetOf("top_compute_latest"), "E"+row) != m.FLOP {
				t.Errorf("%s top %s: %s", l, row, name)
			}
			// Full dates are dates: a serial number shown with a date
			// format. A partial date (2024-09) stays text.
			raw, _ := f.GetCellValue(sheetOf("top_compute_latest"), "D"+row, excelize.Options{RawCellValue: true})
			if _, err := strconv.ParseFloat(raw, 64); (err != nil) != (len(m.Date) != 10) {
				t.Errorf("%s top %s date %q is not a date serial", l, row, raw)
			}
		}
		rows, _ := f.GetRows(models)
		if len(rows) != len(d.Models)+1 || rows[1][0] != "GPT-X" {
			t.Errorf("%s models sheet has %d rows, want %d", l, len(rows), len(d.Models)+1)
		}
		f.Close()

		// A native chart on each table's sheet.
		zr, _ := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		charts := 0
		for _, zf := range zr.File {
			if strings.HasPrefix(zf.Name, "xl/charts/chart") && strings.HasSuffix(zf.Name, ".xml") {
				charts++
			}
		}
		if charts != 8 {
			t.Errorf("%s: %d charts, want 8 (one per figure sheet but the notes)", l, charts)
		}
	}
}

// The Korean workbook is Korean: the models sheet's headers, domain
// groups, confidence and categories, and the sheet names.
func TestKoreanWorkbook(t *testing.T) {
	d := publishtest.Document(t, "../../testdata/census_fixture.csv", census.Options{})
	var b bytes.Buffer
	if err := xlsx.Write(&b, d, i18n.KO, "test"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("모델")
	if err != nil {
		t.Fatal(err)
	}
	hdr := rows[0]
	if hdr[0] != "모델" || hdr[9] != "신뢰도" || hdr[10] != "범주" {
		t.Errorf("headers %q", hdr)
	}
	for _, r := range rows[1:] {
		if r[0] == "GPT-X" && (r[6] != "언어" || r[9] != "확실" || r[10] != "API") {
			t.Errorf("GPT-X row %q", r)
		}
	}
	for _, s := range f.GetSheetList() {
		if s == "models" || s == "method" || s == "per_year" {
			t.Errorf("English sheet %s in the Korean workbook", s)
		}
	}
}

// The workbooks, English and Korean, as LibreOffice prints them: their
// first pages are kept as pictures (test artifacts).
func TestWorkbookPictures(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must picture the workbooks: install libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (apt-get install poppler-utils)")
	}
	art := os.Getenv("MODELCENSUS_ARTIFACTS")
	if art == "" {
		art = filepath.Join("..", "..", "artifacts")
	}
	os.MkdirAll(art, 0o755)
	d := publishtest.Document(t, "../../testdata/census_fixture.csv", census.Options{})
	dir := t.TempDir()
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		var b bytes.Buffer
		if err := xlsx.Write(&b, d, l, "test"); err != nil {
			t.Fatal(err)
		}
		book := filepath.Join(dir, "census-"+string(l)+".xlsx")
		os.WriteFile(book, b.Bytes(), 0o644)
		cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, book)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		pdf := strings.TrimSuffix(book, ".xlsx") + ".pdf"
		if err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", pdf, filepath.Join(art, "workbook-"+string(l))).Run(); err != nil {
			t.Errorf("pdftoppm: %v", err)
		}
	}
}
