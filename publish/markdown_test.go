package publish_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/publish/plot"
	"github.com/modelcensus/modelcensus/publish/publishtest"
)

// mdTables parses the Markdown tables under each "## " heading.
func mdTables(md string) map[string][][]string {
	out := map[string][][]string{}
	heading := ""
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "## ") {
			heading = strings.TrimPrefix(line, "## ")
			continue
		}
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") || strings.Contains(line, "---:|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " |")
		for i := range cells {
			cells[i] = strings.TrimSpace(strings.ReplaceAll(cells[i], `\|`, "|"))
		}
		out[heading] = append(out[heading], cells)
	}
	return out
}

// Every figure in the Markdown tables equals the JSON census, and the
// chart SVGs exist beside it.
func TestMarkdownEqualsJSON(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{Attribution: census.AttributionFractional})
		dir := t.TempDir()
		images := map[string][]publish.Image{}
		for _, c := range publish.Charts(d, l) {
			var b bytes.Buffer
			if err := plot.Write(&b, c, publish.ImageSVG, l); err != nil {
				t.Fatal(err)
			}
			name := "r-" + c.ID + ".svg"
			os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
			images[c.Table] = append(images[c.Table], publish.Image{Alt: c.Title, Path: name})
			if !bytes.Contains(b.Bytes(), []byte("<svg")) {
				t.Errorf("%s is not SVG", c.ID)
			}
		}
		var b bytes.Buffer
		if err := publish.WriteMarkdownImages(&b, d.Result, l, images); err != nil {
			t.Fatal(err)
		}
		md := b.String()
		for _, imgs := range images {
			for _, img := range imgs {
				if !strings.Contains(md, "]("+img.Path+")") {
					t.Errorf("%s: the Markdown does not show %s", l, img.Path)
				}
			}
		}
		j := publishtest.ViaJSON(t, d.Result)
		tables := mdTables(md)
		r := d.Result
		py, mm := tables[l.T("h.per_year")], tables[l.T("h.multimodal")]
		for i, y := range j.PerYear {
			if py[i+1][0] != strconv.Itoa(y.Year) || py[i+1][1] != strconv.Itoa(y.Count) || mm[i+1][1] != strconv.Itoa(j.MultimodalPerYear[i].Count) {
				t.Errorf("%s per-year row %v, JSON %+v", l, py[i+1], y)
			}
		}
		ct := tables[l.T("h.countries", r.Period.From, r.Period.To)]
		for i, c := range j.Countries {
			if n, err := strconv.ParseFloat(ct[i+1][2], 64); ct[i+1][0] != c.Code || err != nil || math.Abs(n-float64(c.Count)) > 0.005 { // two decimals
				t.Errorf("%s country row %v, JSON %+v", l, ct[i+1], c)
			}
		}
		ot := tables[l.T("h.orgs_latest", r.Period.To)]
		for i, o := range j.OrganizationsLatest {
			if ot[i+1][0] != publish.MarkdownCell(o.Name) || ot[i+1][1] != publish.FormatCount(o.Count) {
				t.Errorf("%s org row %v, JSON %+v", l, ot[i+1], o)
			}
		}
		for _, c := range []struct {
			title string
			list  []census.NameCount
		}{{l.T("h.domains", r.Period.From, r.Period.To), j.Domains}, {l.T("h.domains_latest", r.Period.To), j.DomainsLatest}} {
			rows := tables[c.title]
			for i, x := range c.list {
				if rows[i+1][0] != publish.MarkdownCell(publish.DomainGroupName(x.Name, l)) || rows[i+1][1] != publish.FormatCount(x.Count) {
					t.Errorf("%s %s row %v, JSON %+v", l, c.title, rows[i+1], x)
				}
			}
		}
		cl := tables[l.T("h.countries_latest", r.Period.To)]
		for i, c := range j.CountriesLatest {
			if cl[i+1][0] != c.Code || cl[i+1][2] != publish.FormatCount(c.Count) {
				t.Errorf("%s latest country row %v, JSON %+v", l, cl[i+1], c)
			}
		}
		tt := tables[l.T("h.top", r.Period.To)]
		for i, m := range j.TopComputeLatest {
			if tt[i+1][1] != publish.MarkdownCell(m.Model) || tt[i+1][4] != publish.FormatFLOP(m.FLOP) {
				t.Errorf("%s top row %v, JSON %+v", l, tt[i+1], m)
			}
		}
	}
}

// Chart images escape text from the data too (SVG can carry script).
func TestChartsEscapeData(t *testing.T) {
	p := filepath.Join(t.TempDir(), "evil.csv")
	os.WriteFile(p, []byte("Model,Publication date,Organization,Country (of organization),Training compute (FLOP)\n"+
		"\"<script>alert(1)</script>\",2024-01-01,\"<script>x</script> Labs\",United States of America,1e25\n"), 0o644)
	d := publishtest.Document(t, p, census.Options{From: 2024, To: 2024})
	for _, c := range publish.Charts(d, i18n.EN) {
		var b bytes.Buffer
		if err := plot.Write(&b, c, publish.ImageSVG, i18n.EN); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b.Bytes(), []byte("<script")) {
			t.Errorf("chart %s carries a <script> element from the data", c.ID)
		}
	}
	var b bytes.Buffer
	publish.WriteMarkdown(&b, d.Result, i18n.EN)
	if strings.Contains(b.String(), "<script") {
		t.Errorf("the Markdown carries raw HTML from the data")
	}
}

// The compute chart's time axis is marked at each 1 January.
func TestYearTicks(t *testing.T) {
	d := publishtest.Document(t, "../testdata/census_fixture.csv", census.Options{})
	var compute publish.Chart
	for _, c := range publish.Charts(d, i18n.EN) {
		if c.ID == "compute" {
			compute = c
		}
	}
	var b bytes.Buffer
	if err := plot.Write(&b, compute, publish.ImageSVG, i18n.EN); err != nil {
		t.Fatal(err)
	}
	// The fixture's models with compute run from 2020-03 to 2024-12.
	for _, y := range []string{">2021<", ">2022<", ">2023<", ">2024<"} {
		if !strings.Contains(b.String(), y) {
			t.Errorf("the compute chart has no %s tick", y)
		}
	}
}
