// Package plot draws the report's charts as static SVG or PNG with
// gonum/plot, for pasting into documents and beside Markdown reports.
package plot

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

var palette = []color.RGBA{
	{0x2f, 0x5a, 0xa8, 255}, {0xd0, 0x59, 0x3b, 255}, {0x3a, 0x9a, 0x6a, 255}, {0x8a, 0x5c, 0xb8, 255},
	{0xc4, 0x9a, 0x1b, 255}, {0x3f, 0x8f, 0xb5, 255}, {0xb5, 0x48, 0x6e, 255}, {0x6b, 0x72, 0x80, 255},
	{0x94, 0xa3, 0xb8, 255},
}

var (
	cjkMu     sync.Mutex
	cjkLoaded = map[string]bool{} // font files registered, by path
)

// cjkTypeface is the typeface name a CJK font file is registered under.
const cjkTypeface = "modelcensus-cjk"

// loadCJK registers the installed font that draws Korean (see
// publish.CJKFont; each file is parsed once) and returns its typeface
// name, or "" when there is none.
func loadCJK() string {
	p, ok := publish.CJKFont()
	if !ok {
		return ""
	}
	cjkMu.Lock()
	defer cjkMu.Unlock()
	if cjkLoaded[p] {
		return cjkTypeface
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	var fnt *opentype.Font
	if coll, err := opentype.ParseCollection(data); err == nil && coll.NumFonts() > 0 {
		fnt, _ = coll.Font(0)
	} else if f, err := opentype.Parse(data); err == nil {
		fnt = f
	}
	if fnt == nil {
		return ""
	}
	font.DefaultCache.Add(font.Collection{{Font: font.Font{Typeface: cjkTypeface}, Face: fnt}})
	cjkLoaded[p] = true
	return cjkTypeface
}

// chartText is every label of a chart, to tell whether it needs a CJK
// font.
func chartText(c publish.Chart) string {
	var b strings.Builder
	b.WriteString(c.Title)
	for _, s := range c.Categories {
		b.WriteString(s)
	}
	for _, s := range c.Series {
		b.WriteString(s.Name)
	}
	for _, s := range c.Scatter {
		b.WriteString(s.Name)
	}
	return b.String()
}

// Write draws a chart as SVG or PNG, for pasting into documents.
func Write(w io.Writer, c publish.Chart, format string, l i18n.Lang) error {
	if format != publish.ImageSVG && format != publish.ImagePNG {
		return fmt.Errorf("chart format %q: want svg or png", format)
	}
	if format == publish.ImagePNG || l == i18n.KO {
		if face := loadCJK(); face != "" {
			plot.DefaultFont = font.Font{Typeface: font.Typeface(face)}
		} else if format == publish.ImagePNG && publish.HasCJK(chartText(c)) {
			// Without a font, Korean would be drawn as empty boxes.
			return publish.NoCJKFontError{}
		}
	}
	p := plot.New()
	p.Title.Text = c.Title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.Title.Padding = vg.Points(10)
	width, height := 18*vg.Centimeter, 10*vg.Centimeter
	switch c.Kind {
	case "scatter":
		if err := scatterPlot(p, c, l); err != nil {
			return err
		}
		height = 12 * vg.Centimeter
	default:
		if len(c.Series) == 0 || len(c.Series[0].Values) == 0 {
			p.Add(plotter.NewGrid())
			break
		}
		s := c.Series[0]
		vals := make(plotter.Values, len(s.Values))
		copy(vals, s.Values)
		labels := append([]string(nil), c.Categories...)
		horizontal := c.Kind == "hbar"
		if horizontal {
			// The first (largest) at the top.
			for i, j := 0, len(vals)-1; i < j; i, j = i+1, j-1 {
				vals[i], vals[j] = vals[j], vals[i]
				labels[i], labels[j] = labels[j], labels[i]
			}
			height = vg.Length(math.Max(8, 0.7*float64(len(vals))+2)) * vg.Centimeter
		}
		bars, err := plotter.NewBarChart(vals, vg.Points(14))
		if err != nil {
			return err
		}
		bars.Color = palette[0]
		bars.LineStyle.Width = 0
		bars.Horizontal = horizontal
		p.Add(bars, plotter.NewGrid())
		top := 0.0
		for _, v := range vals {
			top = math.Max(top, v)
		}
		if horizontal {
			p.NominalY(labels...)
			p.X.Min, p.X.Max = 0, math.Max(1, top*1.08)
		} else {
			p.NominalX(labels...)
			p.Y.Min, p.Y.Max = 0, math.Max(1, top*1.08)
		}
	}
	// A margin all round, so that no label touches the edge of the image.
	canvas, err := draw.NewFormattedCanvas(width, height, format)
	if err != nil {
		return err
	}
	margin := vg.Points(6)
	p.Draw(draw.Crop(draw.New(canvas), margin, -margin, margin, -margin))
	_, err = canvas.WriteTo(w)
	return err
}

// yearTicks marks the time axis at each 1 January, labelled with the year.
type yearTicks struct{}

// Ticks returns a tick at the start of each year within [min, max].
func (yearTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	first := time.Unix(int64(min), 0).UTC().Year()
	last := time.Unix(int64(max), 0).UTC().Year()
	for y := first; y <= last+1; y++ {
		t := float64(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
		if t >= min && t <= max {
			out = append(out, plot.Tick{Value: t, Label: fmt.Sprint(y)})
		}
	}
	return out
}

func scatterPlot(p *plot.Plot, c publish.Chart, l i18n.Lang) error {
	p.X.Tick.Marker = yearTicks{}
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: 1}
	p.Y.Label.Text = "FLOP"
	p.Legend.Top = true
	p.Legend.Left = true
	lo, hi := math.Inf(1), math.Inf(-1)
	top := 0.0
	entries := 0 // in the legend
	for i, s := range c.Scatter {
		xys := make(plotter.XYs, 0, len(s.Points))
		for _, pt := range s.Points {
			t, err := time.Parse("2006-01-02", pt.Date)
			if err != nil || pt.FLOP <= 0 {
				continue
			}
			x := float64(t.Unix())
			xys = append(xys, plotter.XY{X: x, Y: pt.FLOP})
			lo, hi = math.Min(lo, x), math.Max(hi, x)
			top = math.Max(top, pt.FLOP)
		}
		if len(xys) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		sc.GlyphStyle.Color = palette[i%len(palette)]
		sc.GlyphStyle.Radius = vg.Points(2.2)
		p.Add(sc)
		p.Legend.Add(s.Name, sc)
		entries++
	}
	if !math.IsInf(lo, 0) {
		line, err := plotter.NewLine(plotter.XYs{{X: lo, Y: 1e23}, {X: hi, Y: 1e23}})
		if err != nil {
			return err
		}
		line.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		line.LineStyle.Color = color.Gray{Y: 60}
		p.Add(line)
		p.Legend.Add(l.T("chart.threshold"), line)
		entries++
	}
	p.Add(plotter.NewGrid())
	if top > 0 {
		// Room above the largest run for the legend, which sits top left,
		// and so that no point sits on the frame.
		p.Y.Max = top * math.Pow(10, 0.3+0.2*float64(entries))
	}
	return nil
}

// Register adds the chart formats SVG and PNG to r.
func Register(r *publish.Registry) {
	r.Register(publish.Format{Name: publish.ImageSVG, Ext: "svg", MIME: "image/svg+xml",
		Chart: func(w io.Writer, c publish.Chart, l i18n.Lang) error { return Write(w, c, publish.ImageSVG, l) }})
	r.Register(publish.Format{Name: publish.ImagePNG, Ext: "png", MIME: "image/png", Binary: true,
		Chart: func(w io.Writer, c publish.Chart, l i18n.Lang) error { return Write(w, c, publish.ImagePNG, l) }})
}
