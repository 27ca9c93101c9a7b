package rules_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/modelcensus/modelcensus/rules"
)

// A folder given with --rules replaces the embedded tables file by file:
// here thresholds.csv alone, with one line of an institute's own; every
// other table stays the embedded one. The rules' version changes with
// their content.
func ExampleLoad() {
	dir, err := os.MkdirTemp("", "rules-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	table := "id,flop,cumulative,law,law_ko,triggers,triggers_ko,source\n" +
		"inst-5e24,5e24,no,Institute watch list,연구소 관찰 목록,a closer look,정밀 검토,internal guideline\n"
	if err := os.WriteFile(filepath.Join(dir, "thresholds.csv"), []byte(table), 0o644); err != nil {
		panic(err)
	}
	embedded, err := rules.Default()
	if err != nil {
		panic(err)
	}
	own, err := rules.Load(dir)
	if err != nil {
		panic(err)
	}
	for _, th := range own.Thresholds {
		fmt.Println(th.ID, th.FLOP, th.LawKo)
	}
	fmt.Println(len(embedded.Thresholds), "embedded lines")
	c, _ := own.Country("Korea (Republic of)")
	fmt.Println(c.Code, own.Version != embedded.Version)
	// Output:
	// inst-5e24 5e+24 연구소 관찰 목록
	// 3 embedded lines
	// KR true
}
