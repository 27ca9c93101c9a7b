package xlsx_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish/publishtest"
	"github.com/modelcensus/modelcensus/publish/xlsx"
)

// The workbook's text prints compute as every document does (10²³, not
// 1e+23): the method sheet's minimum compute, and no text cell of any
// sheet in computer notation. Compute itself stays a number in a number
// format; the models sheet's raw columns are Epoch's cells as read, and
// are left out.
func TestWorkbookTextPrintsFLOPOneWay(t *testing.T) {
	sci := regexp.MustCompile(`(?:^|[^0-9A-Za-z.])[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]`) // e-notation, not a hex rules version
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		d := publishtest.Document(t, "../../testdata/census_fixture.csv", census.Options{MinCompute: 1e23})
		var b bytes.Buffer
		if err := xlsx.Write(&b, d, l, "test"); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		models := xlsx.SheetModels
		if l == i18n.KO {
			models = "모델"
		}
		found := false
		for _, sheet := range f.GetSheetList() {
			if sheet == models {
				continue
			}
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for r, row := range rows {
				for c, v := range row {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						continue
					}
					if sci.MatchString(v) {
						t.Errorf("%s: %s!%s prints %q", l, sheet, cell, v)
					}
					found = found || strings.Contains(v, "10²³")
				}
			}
		}
		if !found {
			t.Errorf("%s: no text cell states the minimum compute as 10²³", l)
		}
	}
}
