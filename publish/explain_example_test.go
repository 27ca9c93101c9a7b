package publish_test

import (
	"bytes"
	"fmt"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// The explanation of a diff, as `diff --explain` writes it: the total of
// the period went from 10 to 11 models, because one model was added.
func ExampleWriteExplanations() {
	list := []census.Explanation{{
		Figure: census.FigureTotal, Before: 10, After: 11, Delta: 1,
		Causes: []census.Cause{{Cause: census.CauseAdded, Model: "Kanana", Contribution: 1}},
	}}
	var b bytes.Buffer
	publish.WriteExplanations(&b, list, census.Period{From: 2023, To: 2024}, nil, i18n.EN, "")
	fmt.Print(b.String())
	// Output:
	// Models in the period, 2023–2024
	//   10 → 11 (+1)
	//     added: Kanana +1
}
