package publish_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"math"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

// The estimates of testdata/estimate_missing_fixture.csv, worked by hand in
// testdata/README.md, in ranking order.
var fixtureTop = []struct {
	model, method string
	flop          float64
}{
	{"Tuned", census.MethodFinetune, 5e24 + 1e23},
	{"Reported", "", 5e24},
	{"Timed", census.MethodHardware, 1000 * 989.4e12 * 100 * 3600 * 0.40},
	{"Counted", census.MethodCounting, 6 * 1e9 * 1e10},
}

const estimateFixture = "../testdata/estimate_missing_fixture.csv"

// Every output marks an estimated figure, with its method, and says how
// many were filled.
func TestEstimatedFiguresAreMarkedEverywhere(t *testing.T) {
	d := publishtest.EstimatedDocument(t, estimateFixture, census.Options{})

	// JSON: "estimated" and "method" on every ranked model.
	var b bytes.Buffer
	if err := publish.WriteJSON(&b, d.Result); err != nil {
		t.Fatal(err)
	}
	var j struct {
		Top []struct {
			Model     string  `json:"model"`
			FLOP      float64 `json:"flop"`
			Estimated *bool   `json:"estimated"`
			Method    string  `json:"method"`
		} `json:"top_compute_latest"`
		Notes []census.Note `json:"notes"`
	}
	if err := json.Unmarshal(b.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Top) != len(fixtureTop) {
		t.Fatalf("JSON ranks %d models, want %d", len(j.Top), len(fixtureTop))
	}
	for i, w := range fixtureTop {
		g := j.Top[i]
		if g.Model != w.model || math.Abs(g.FLOP-w.flop) > 1e-9*w.flop || g.Estimated == nil || *g.Estimated != (w.method != "") || g.Method != w.method {
			t.Errorf("JSON top %d = %+v, want %s %g %q", i+1, g, w.model, w.flop, w.method)
		}
	}
	counts := map[string]int{}
	for _, n := range j.Notes {
		counts[n.Code] = n.Count
	}
	if counts[census.NoteComputeEstimated] != 3 || counts[census.NoteMissingCompute] != 1 {
		t.Errorf("notes count %d filled and %d missing, want 3 and 1", counts[census.NoteComputeEstimated], counts[census.NoteMissingCompute])
	}

	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		footnote := publish.EstimateFootnote(l)
		// Text and Markdown: the Figure column, the mark and the footnote.
		for name, write := range map[string]func(*bytes.Buffer) error{
			"text":     func(b *bytes.Buffer) error { return publish.WriteText(b, d.Result, l) },
			"markdown": func(b *bytes.Buffer) error { return publish.WriteMarkdown(b, d.Result, l) },
			"html":     func(b *bytes.Buffer) error { return publish.WriteHTML(b, d, l, "test") },
		} {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			switch name {
			case "markdown":
				out = strings.ReplaceAll(out, `\`, "")
			case "html":
				out = html.UnescapeString(out)
			}
			for _, want := range []string{
				publish.FormatFLOP(5.1e24) + census.EstimateMark,
				publish.FormatFLOP(6e19) + census.EstimateMark,
				publish.MethodName(census.MethodHardware, l),
				publish.MethodName("", l),
				l.T("note.compute_estimated", 3),
			} {
				if !strings.Contains(out, want) {
					t.Errorf("%s %s lacks %q", l, name, want)
				}
			}
			if name == "html" {
				if !strings.Contains(out, `data-footnote="top_compute_latest"`) || !strings.Contains(out, footnote) {
					t.Errorf("%s html lacks the footnote", l)
				}
			} else if !strings.Contains(out, footnote) {
				t.Errorf("%s %s lacks the footnote %q", l, name, footnote)
			}
			if strings.Contains(out, publish.FormatFLOP(5e24)+census.EstimateMark) {
				t.Errorf("%s %s marks Epoch's own figure", l, name)
			}
		}
	}

	// CSV: a method column, empty for Epoch's figure.
	b.Reset()
	if err := publish.WriteCSV(&b, d.Result, i18n.EN); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), publish.UTF8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := recs[0]; h[len(h)-1] != "method" {
		t.Fatalf("CSV header %v does not end in method", h)
	}
	var got []string
	for _, r := range recs[1:] {
		if r[0] == census.FigureTopComputeLatest {
			got = append(got, r[3]+"="+r[len(r)-1])
		}
	}
	want := "Tuned=fine-tune Reported= Timed=hardware Counted=counting"
	if strings.Join(got, " ") != want {
		t.Errorf("CSV top compute %q, want %q", strings.Join(got, " "), want)
	}
}

// Without --estimate-missing the outputs are as before: no mark, no
// column, no footnote.
func TestNoEstimateNoMarks(t *testing.T) {
	d := publishtest.Document(t, estimateFixture, census.Options{})
	var b bytes.Buffer
	if err := publish.WriteText(&b, d.Result, i18n.EN); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{census.EstimateMark, publish.EstimateFootnote(i18n.EN), "Figure"} {
		if strings.Contains(out, bad) {
			t.Errorf("text without the flag holds %q", bad)
		}
	}
	b.Reset()
	if err := publish.WriteCSV(&b, d.Result, i18n.EN); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(strings.TrimPrefix(b.String(), publish.UTF8BOM), "\n"); strings.TrimSpace(first) != strings.Join(publish.CSVHeader, ",") {
		t.Errorf("CSV header %q changed without the flag", first)
	}
}
