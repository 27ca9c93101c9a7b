package overlay_test

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/rules"
)

// An add entry with From takes its model's row from that subset of the
// same source: here the notable file's row of Brought-LM, whose
// organization and compute the entry need not repeat.
func ExampleBring() {
	const notable = "Model,Organization,Publication date,Training compute (FLOP)\n" +
		"Other-LM,OpenAI,2024-05-01,2e+24\n" +
		"Brought-LM,Naver,2024-06-01,3e+23\n"
	src := &epoch.Source{Location: "memory", Files: []epoch.File{{Name: "notable_ai_models.csv", Subset: epoch.SubsetNotable,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(notable)), nil }}}}
	ov := &census.Overlay{Entries: []census.Entry{{ID: "add-brought", Kind: census.EntryAdd, Model: "Brought-LM", From: epoch.SubsetNotable}}}
	r, err := rules.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	overlay.Bring(context.Background(), src, r, epoch.LoadOptions{}, ov)
	row := ov.Brought["add-brought"]
	fmt.Println(row.Get(census.FieldOrganization), row.Get(census.FieldCompute))
	// Output: Naver 3e+23
}
