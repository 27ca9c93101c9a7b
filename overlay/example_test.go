package overlay_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/rules"
)

// Load reads a curation folder: every valid entry, and one Error for each
// bad one, which never hides the others. census applies the entries
// (Dataset.UseOverlay): an exclude drops its upstream row, an add brings
// in a model the export lacks.
func ExampleLoad() {
	dir, err := os.MkdirTemp("", "overlay-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	files := map[string]string{
		"kr-kanana.toml": `id = "kr-kanana"
kind = "add"
model = "Kanana Flag 32.5B"
organization = "Kakao"
reason = "absent from Epoch"
author = "analyst@example.org"
created = "2026-11-29"
country = "Korea (Republic of)"
date = "2025-02-27"
domain = "Language"
compute = 5.85e23

[[sources]]
url = "https://arxiv.org/abs/2502.18934"
retrieved = "2026-11-29"
`,
		"dup-gpt4.toml": `id = "dup-gpt4"
kind = "exclude"
model = "GPT-4 (copy)"
reason = "a second row of GPT-4"
author = "analyst@example.org"
created = "2026-11-29"

[[sources]]
url = "https://openai.com/research/gpt-4"
retrieved = "2026-11-29"
`,
		"unsigned.toml": `id = "unsigned"
kind = "exclude"
model = "GPT-4"
reason = "no author given"
created = "2026-11-29"

[[sources]]
url = "https://example.org"
retrieved = "2026-11-29"
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			panic(err)
		}
	}
	ov, problems, err := overlay.Load(dir)
	if err != nil {
		panic(err)
	}
	for _, e := range ov.Entries {
		fmt.Println(e.ID, e.Kind, e.Model)
	}
	for _, p := range problems {
		fmt.Println(filepath.Base(p.File), p.Field, p.Code)
	}

	// An export of two rows, one of them the duplicate that dup-gpt4
	// excludes, counted with the overlay over 2023–2025.
	r, err := rules.Default()
	if err != nil {
		panic(err)
	}
	ds := census.NewDataset(r)
	ds.UseOverlay(ov)
	for i, name := range []string{"GPT-4", "GPT-4 (copy)"} {
		row := census.Raw{File: "example.csv", Line: i + 2}
		row.Set(census.FieldName, name)
		row.Set(census.FieldDate, "2023-03-15")
		ds.Add(&row)
	}
	res, err := census.Compute(ds, census.Options{From: 2023, To: 2025})
	if err != nil {
		panic(err)
	}
	fmt.Println("total", res.Total, "per year", res.PerYear)
	for _, st := range res.Overlay.Statuses {
		fmt.Println(st.ID, st.Status)
	}
	// Output:
	// dup-gpt4 exclude GPT-4 (copy)
	// kr-kanana add Kanana Flag 32.5B
	// unsigned.toml author missing
	// total 2 per year [{2023 1} {2024 0} {2025 1}]
	// dup-gpt4 applied
	// kr-kanana applied
}
