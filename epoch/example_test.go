package epoch_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/rules"
)

func ExampleReadCSV() {
	// An old export: "System" and "Country (from Organization)", a name
	// ending in a newline and a repeated country.
	data := "System,Publication date,Organization,Country (from Organization)\n" +
		"\"GPT-3 175B (davinci)\n\",2020-05-28,OpenAI,\"United States of America,United States of America\"\n"
	r, err := rules.Default()
	if err != nil {
		panic(err)
	}
	ds := census.NewDataset(r)
	open := func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(data)), nil }
	res, err := epoch.ReadCSV("old.csv", open, r, ds, ds.Add)
	if err != nil {
		panic(err)
	}
	ds.Finish()
	m := ds.Model(0)
	fmt.Printf("%d row, %q %v %v\n", res.Info.Rows, m.Name, m.Date, m.Countries)
	// Output:
	// 1 row, "GPT-3 175B (davinci)" 2020-05-28 [US]
}
