package i18n

import (
	"strings"
	"testing"
)

// estimateWord is the Korean word for modelcensus's estimate (추정, "an
// estimate"); Epoch's confidence levels must use other words, or a model
// page reads "modelcensus 추정" over "신뢰도 추정" and the low-confidence
// caveat of Speculative is lost.
const estimateWord = "추정"

// The Korean confidence names never reuse the estimate word, are told
// apart from each other, and no Korean string about an estimate (English
// "estimat…") holds a confidence name: the two vocabularies stay apart
// everywhere.
func TestConfidenceWordsApartFromEstimate(t *testing.T) {
	// The estimate word is the one the estimate's own strings use.
	for _, k := range []string{"est.title", "page.est.ours", "col.estimate"} {
		if !strings.Contains(catalog()[k][1], estimateWord) {
			t.Fatalf("%s: %q does not use %q: the estimate word has changed", k, catalog()[k][1], estimateWord)
		}
	}
	names := map[string]string{} // Korean name → key
	for _, level := range []string{"Confident", "Likely", "Speculative", "Unknown", "Unverified", "Wrong"} {
		k := "conf." + level
		ko, ok := catalog()[k]
		if !ok {
			t.Errorf("no %s in the catalog", k)
			continue
		}
		if strings.Contains(ko[1], estimateWord) {
			t.Errorf("%s: Korean %q reuses the estimate word %q", k, ko[1], estimateWord)
		}
		if other, dup := names[ko[1]]; dup {
			t.Errorf("%s and %s are both %q in Korean", k, other, ko[1])
		}
		names[ko[1]] = k
	}
	for k, v := range catalog() {
		if strings.HasPrefix(k, "conf.") || !strings.Contains(strings.ToLower(v[0]), "estimat") {
			continue
		}
		for name, ck := range names {
			if strings.Contains(v[1], name) {
				t.Errorf("%s: the Korean of an estimate string, %q, holds %q, the Korean of %s", k, v[1], name, ck)
			}
		}
	}
	// A model page shows both: they must read differently.
	if EN.T("conf.Speculative") != "Speculative" || KO.T("conf.Speculative") == KO.T("page.est.ours") {
		t.Errorf("Speculative is %q / %q", EN.T("conf.Speculative"), KO.T("conf.Speculative"))
	}
}
