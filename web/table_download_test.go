package web_test

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/xlsx"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
)

// The Tables page's downloads follow its state (the URL's query): the
// workbook behind its Excel link holds the figure the page shows. On the
// fixture's first snapshot, 2020–2024, by hand: US 4 (GPT-X, Gemini Z,
// Blank Country filled from Meta AI, Multi Lab).
func TestTablesPageDownloads(t *testing.T) {
	_, st := storeAndServer(t, func() string { b, _ := os.ReadFile(fixture); return string(b) }())
	reg := publish.Builtin()
	xlsx.Register(reg)
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	cat := web.NewStoreCatalog(r, st)
	srv := httptest.NewServer(web.New(cat, "test", nil).UseFormats(reg).Handler())
	defer srv.Close()
	_, body := get(t, srv, "/tables?snapshot=1&from=2020&to=2024&by=country&filter="+url.QueryEscape("year>=2020"))
	links := map[string]string{}
	for _, m := range regexp.MustCompile(`<a href="([^"]+)" data-download="(\w+)">`).FindAllStringSubmatch(string(body), -1) {
		links[m[2]] = strings.ReplaceAll(m[1], "&amp;", "&")
	}
	for _, f := range []string{"csv", "json", "markdown", "xlsx", "html"} {
		u, err := url.Parse(links[f])
		if err != nil || u.Path != "/api/v1/table" || u.Query().Get("by") != "country" || u.Query().Get("filter") != "year>=2020" || u.Query().Get("format") != f {
			t.Errorf("%s download: %q", f, links[f])
		}
	}
	resp, data := get(t, srv, links["xlsx"])
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("xlsx: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("table")
	found := false
	for _, r := range rows {
		found = found || len(r) >= 3 && r[0] == "US" && r[2] == "4"
	}
	if !found {
		t.Errorf("no US 4 in the workbook: %v", rows)
	}
	if resp, body := get(t, srv, links["html"]); resp.StatusCode != 200 || !strings.Contains(string(body), `<td>US</td><td>United States</td><td class="num" data-value="4">4</td>`) {
		t.Errorf("html: %d %.300s", resp.StatusCode, body)
	}
	if resp, _ := get(t, srv, "/api/v1/table?by=country&format=pdf"); resp.StatusCode != 400 {
		t.Errorf("pdf: %d, want 400", resp.StatusCode)
	}
}
