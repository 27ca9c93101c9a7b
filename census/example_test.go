package census_test

import (
	"fmt"

	"github.com/modelcensus/modelcensus/census"
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
