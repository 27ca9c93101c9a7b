package census_test

import (
	"fmt"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/rules"
)

func ExampleCAGR() {
	// 10 models in 2020 and 160 in 2024: doubling every year.
	g, ok := census.CAGR(10, 160, 5)
	fmt.Printf("%.2f %v\n", g, ok)
	// No models in the first year: growth is undefined.
	_, ok = census.CAGR(0, 7, 5)
	fmt.Println(ok)
	// Output:
	// 1.00 true
	// false
}

func ExampleSplitOrganizations() {
	fmt.Printf("%q\n", census.SplitOrganizations("Alibaba,Alibaba,Beijing Lingxin Intelligent Technology Co., Ltd."))
	fmt.Printf("%q\n", census.SplitList("United States of America,United States of America"))
	// Output:
	// ["Alibaba" "Beijing Lingxin Intelligent Technology Co., Ltd."]
	// ["United States of America"]
}

// exampleRow is one export row, written field by field.
func exampleRow(line int, kv ...string) census.Raw {
	r := census.Raw{File: "example.csv", Line: line}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Set(census.Field(kv[i]), kv[i+1])
	}
	return r
}

// exampleDataset is a hand-made export of five models, 2023–2024: three
// from the United States (one with the United Kingdom too), two from Korea,
// one of them without a training compute figure.
func exampleDataset(rows ...census.Raw) *census.Dataset {
	r, err := rules.Default()
	if err != nil {
		panic(err)
	}
	if rows == nil {
		us, kr := "United States of America", "Korea (Republic of)"
		rows = []census.Raw{
			exampleRow(2, "name", "GPT-4", "date", "2023-03-15", "organization", "OpenAI", "country", us, "compute", "2.1e25", "domain", "Language"),
			exampleRow(3, "name", "HyperCLOVA X", "date", "2023-08-24", "organization", "NAVER", "country", kr, "domain", "Language"),
			exampleRow(4, "name", "Gemini 1.0 Ultra", "date", "2023-12-06", "organization", "Google DeepMind",
				"country", us+",United Kingdom of Great Britain and Northern Ireland", "compute", "5e25", "domain", "Multimodal,Language,Vision"),
			exampleRow(5, "name", "Llama 3.1-405B", "date", "2024-07-23", "organization", "Meta AI", "country", us, "compute", "3.8e25", "domain", "Language"),
			exampleRow(6, "name", "EXAONE 3.0", "date", "2024-08-07", "organization", "LG AI Research", "country", kr, "compute", "4e23", "domain", "Language"),
		}
	}
	ds := census.NewDataset(r)
	for i := range rows {
		ds.Add(&rows[i])
	}
	return ds
}

// Compute counts a dataset under the counting rules: here 2023–2024, each
// country of a model counted once (the default, full attribution).
func ExampleCompute() {
	res, err := census.Compute(exampleDataset(), census.Options{From: 2023, To: 2024})
	if err != nil {
		panic(err)
	}
	fmt.Println("total", res.Total, "per year", res.PerYear)
	for _, c := range res.Countries {
		fmt.Printf("%s %s %g\n", c.Code, c.NameKo, c.Count)
	}
	for _, m := range res.TopComputeLatest {
		fmt.Printf("%d: %s %.1e\n", res.LatestYear, m.Model, m.FLOP)
	}
	// Output:
	// total 5 per year [{2023 3} {2024 2}]
	// US 미국 3
	// KR 대한민국 2
	// GB 영국 1
	// 2024: Llama 3.1-405B 3.8e+25
	// 2024: EXAONE 3.0 4.0e+23
}

// Every renderer walks the figure registry (figures.go): a figure's
// titles in both languages, its columns and its rows from a result.
func ExampleFigureByName() {
	res, err := census.Compute(exampleDataset(), census.Options{From: 2023, To: 2024})
	if err != nil {
		panic(err)
	}
	f, ok := census.FigureByName(census.FigurePerYear)
	if !ok {
		panic("no per_year figure")
	}
	fmt.Println(f.Title.In("en"), "/", f.Title.In("ko"), "/ chart:", f.Chart)
	for _, row := range f.RowsFor(res) {
		fmt.Println(row.Total, row.Cells[0].Num, row.Cells[1].Num)
	}
	c, _ := census.FigureByName(census.FigureCountries)
	fmt.Println(c.Text(c.Title, "ko", res, ""))
	// Output:
	// Models per year / 연도별 모델 수 / chart: bar
	// false 2023 3
	// false 2024 2
	// true 0 5
	// 국가별 모델 수(2023–2024년)
}

// EvaluateThresholds counts the models at or above each line of the rules'
// thresholds table (Epoch's 1e23, the EU AI Act's 1e25, Korea's AI Basic
// Act's cumulative 1e26), with their developers and the first to cross.
func ExampleEvaluateThresholds() {
	res, err := census.EvaluateThresholds(exampleDataset(), census.ThresholdOptions{})
	if err != nil {
		panic(err)
	}
	for _, th := range res.Thresholds {
		first := "none"
		if th.First != nil {
			first = th.First.Model
		}
		var near []string
		for _, m := range th.Approaching {
			near = append(near, m.Model)
		}
		fmt.Printf("%g: %d models, %d developers, first %s, approaching %v\n", th.FLOP, th.Total, th.Developers, first, near)
	}
	// Output:
	// 1e+23: 4 models, 4 developers, first GPT-4, approaching []
	// 1e+25: 3 models, 3 developers, first GPT-4, approaching []
	// 1e+26: 0 models, 0 developers, first none, approaching [Gemini 1.0 Ultra]
}

// FitTrend fits log10(training compute) on the publication date: compute
// ten times larger each year is a growth of 10× a year, doubling every
// 12·log10(2) ≈ 3.6 months.
func ExampleFitTrend() {
	ds := exampleDataset(
		exampleRow(2, "name", "A", "date", "2020", "compute", "1e22"),
		exampleRow(3, "name", "B", "date", "2021", "compute", "1e23"),
		exampleRow(4, "name", "C", "date", "2022", "compute", "1e24"),
		exampleRow(5, "name", "D", "date", "2023", "compute", "1e25"),
		exampleRow(6, "name", "E", "date", "2023"), // no compute: not fitted
	)
	tr, err := census.FitTrend(ds, census.TrendOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d models, slope %.3f, growth %.1f× a year (90%%: %.1f–%.1f), doubling %.2f months\n",
		tr.N, tr.Slope, tr.GrowthPerYear, tr.CI90[0], tr.CI90[1], *tr.DoublingMonths)
	// Output:
	// 4 models, slope 1.000, growth 10.0× a year (90%: 10.0–10.0), doubling 3.61 months
}

// Explain tells, for each figure and key that changed between two
// datasets, which models moved it and why; the causes add up to the
// change.
func ExampleExplain() {
	us, kr := "United States of America", "Korea (Republic of)"
	before := exampleDataset(
		exampleRow(2, "name", "M1", "date", "2023-11-20", "country", us),
		exampleRow(3, "name", "M2", "date", "2024-02-01", "country", kr),
	)
	after := exampleDataset(
		exampleRow(2, "name", "M1", "date", "2024-01-10", "country", us), // redated
		exampleRow(3, "name", "M2", "date", "2024-02-01", "country", kr),
		exampleRow(4, "name", "M3", "date", "2024-05-01", "country", kr), // added
	)
	list, err := census.Explain(before, after, census.Options{From: 2023, To: 2024}, nil)
	if err != nil {
		panic(err)
	}
	for _, e := range list {
		if e.Figure != census.FigureTotal && e.Figure != census.FigurePerYear && e.Figure != census.FigureCountries {
			continue
		}
		name := e.Figure
		if e.Key != "" {
			name += " " + e.Key
		}
		fmt.Printf("%s: %g → %g", name, e.Before, e.After)
		for _, c := range e.Causes {
			fmt.Printf("; %s %s %+g", c.Model, c.Cause, c.Contribution)
		}
		fmt.Println()
	}
	fmt.Printf("sum check: %q\n", census.ExplainSum(list))
	// Output:
	// total: 2 → 3; M3 added +1
	// per_year 2023: 1 → 0; M1 redated -1
	// per_year 2024: 1 → 3; M3 added +1; M1 redated +1
	// countries KR: 1 → 2; M3 added +1
	// sum check: ""
}
