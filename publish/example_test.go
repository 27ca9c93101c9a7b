package publish_test

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
)

// The format registry is how every command and the API find a writer: by
// name or alias (--format md), or by the output file's extension (-o
// brief.pdf). A new format is one Register call; it walks the census's
// figure registry as the built-in writers do.
func ExampleRegistry() {
	formats := publish.Builtin()
	formats.Register(publish.Format{Name: "tsv", Ext: "tsv", MIME: "text/tab-separated-values",
		Report: func(_ context.Context, w io.Writer, d *publish.Document, o publish.Options) error {
			f, _ := census.FigureByName(census.FigurePerYear)
			fmt.Fprintln(w, f.Title.In(string(o.Lang)))
			for _, row := range f.RowsFor(d.Result) {
				if !row.Total {
					fmt.Fprintf(w, "%g\t%g\n", row.Cells[0].Num, row.Cells[1].Num)
				}
			}
			return nil
		}})
	fmt.Println(formats.Reports())
	md, _ := formats.Lookup("md")
	pdf, _ := formats.ByExt("brief.PDF")
	fmt.Println(md.Name, md.MIME, "|", pdf.Name, "binary:", pdf.Binary)

	// Three models, 2023–2024, counted and written in Korean.
	r, err := rules.Default()
	if err != nil {
		panic(err)
	}
	ds := census.NewDataset(r)
	for i, m := range [][2]string{{"GPT-4", "2023-03-15"}, {"Llama 3.1-405B", "2024-07-23"}, {"EXAONE 3.0", "2024-08-07"}} {
		row := census.Raw{File: "example.csv", Line: i + 2}
		row.Set(census.FieldName, m[0])
		row.Set(census.FieldDate, m[1])
		ds.Add(&row)
	}
	res, err := census.Compute(ds, census.Options{From: 2023, To: 2024})
	if err != nil {
		panic(err)
	}
	tsv, _ := formats.Lookup("TSV")
	if err := tsv.Report(context.Background(), os.Stdout, &publish.Document{Result: res}, publish.Options{Lang: i18n.KO}); err != nil {
		panic(err)
	}
	// Output:
	// [text json csv markdown html pdf tsv]
	// markdown text/markdown; charset=utf-8 | pdf binary: true
	// 연도별 모델 수
	// 2023	1
	// 2024	2
}

// FormatFLOP writes training compute as every document prints it.
func ExampleFormatFLOP() {
	fmt.Println(publish.FormatFLOP(census.LargeScaleFLOP))
	fmt.Println(publish.FormatFLOP(2.1e25))
	fmt.Println(publish.FormatFLOP(9.996e25))
	// Output:
	// 10²³
	// 2.1 × 10²⁵
	// 10²⁶
}
