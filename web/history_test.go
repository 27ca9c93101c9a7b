package web_test

import (
	"html"
	"strings"
	"testing"
)

// The history page draws the figure over the stored snapshots as a line
// and, for a step, names the models behind it: the second stored
// snapshot of storeServer adds New Model (2024), so the 2024 count goes
// from 4 to 5 (testdata/README.md counts the first).
func TestHistoryPage(t *testing.T) {
	srv := storeServer(t)
	for _, lang := range []string{"en", "ko"} {
		resp, body := get(t, srv, "/history?lang="+lang+"&figure=count&year=2024&step=1")
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", lang, resp.StatusCode)
		}
		page := html.UnescapeString(string(body))
		for _, want := range []string{`"kind":"line"`, `data-step="1"`, "4 → 5 (+1)", "New Model +1", `"links":[`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s history page lacks %q", lang, want)
			}
		}
	}
	// Over a source, not a store, it says what it needs.
	fx := fixtureServer(t)
	defer fx.Close()
	_, body := get(t, fx, "/history?lang=en")
	if !strings.Contains(string(body), "serve --db") {
		t.Error("the history page of a source does not say that it needs a store")
	}
}
