package plot

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// palette is Okabe and Ito's, whose colours people with any common colour
// blindness tell apart (Okabe & Ito, "Color Universal Design", 2008),
// yellow last as it is faint on white.
var palette = []color.RGBA{
	{0x00, 0x72, 0xb2, 255}, {0xd5, 0x5e, 0x00, 255}, {0x00, 0x9e, 0x73, 255}, {0xcc, 0x79, 0xa7, 255},
	{0xe6, 0x9f, 0x00, 255}, {0x56, 0xb4, 0xe9, 255}, {0x00, 0x00, 0x00, 255}, {0x99, 0x99, 0x99, 255},
	{0xf0, 0xe4, 0x42, 255},
}

// DPI is the pixel density of PNG charts: twice the 96 of a screen, so
// that a chart prints sharp at A4.
const DPI = 192

var (
	cjkMu     sync.Mutex
	cjkLoaded = map[string]string{} // font files registered: path → family name
)

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
	if family, ok := cjkLoaded[p]; ok {
		return family
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
	// Registered under its own family name ("Noto Sans CJK KR"), which an
	// SVG names, so that the SVG and the PNG use the same font.
	family, err := fnt.Name(nil, sfnt.NameIDFamily)
	if err != nil || family == "" {
		family = "sans-serif"
	}
	font.DefaultCache.Add(font.Collection{{Font: font.Font{Typeface: font.Typeface(family)}, Face: fnt}})
	cjkLoaded[p] = family
	return family
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
	if c.Trend != nil {
		for _, s := range append(append([]publish.TrendLine(nil), c.Trend.Lines...), c.Trend.Thresholds...) {
			b.WriteString(s.Name)
		}
		b.WriteString(c.Trend.Points0 + c.Trend.Estimated)
	}
	return b.String()
}

// Write draws a chart as SVG or PNG, for pasting into documents: one font
// family for both (the installed CJK font, which draws Latin too, else
// gonum's Liberation Sans), sizes legible at A4, Okabe and Ito's palette,
// values on the bars, the compute chart's legend beside the plot, and PNG
// at 2× pixel density (DPI). A PNG with Korean text and no font to draw it
// is refused (publish.NoCJKFontError).
func Write(w io.Writer, c publish.Chart, format string, l i18n.Lang) error {
	if format != publish.ImageSVG && format != publish.ImagePNG {
		return fmt.Errorf("chart format %q: want svg or png", format)
	}
	family := loadCJK()
	if family == "" && format == publish.ImagePNG && publish.HasCJK(chartText(c)) {
		// Without a font, Korean would be drawn as empty boxes.
		return publish.NoCJKFontError{}
	}
	fnt := font.Font{Typeface: "Liberation", Variant: "Sans"}
	if family != "" {
		fnt = font.Font{Typeface: font.Typeface(family)}
	}
	plot.DefaultFont = fnt
	p := plot.New()
	p.Title.Text = c.Title
	p.Title.TextStyle.Font.Size = vg.Points(14)
	p.Title.Padding = vg.Points(10)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Label.Font.Size = vg.Points(10)
		a.Label.TextStyle.Font.Size = vg.Points(10)
		a.Padding = vg.Points(6) // Korean labels clear of the axis
	}
	width, height := 18*vg.Centimeter, 10*vg.Centimeter
	var legend *plot.Legend
	switch c.Kind {
	case "trend":
		if _, err := trendPlot(p, c, l); err != nil {
			return err
		}
		height = 12 * vg.Centimeter
	case "scatter":
		lg, err := scatterPlot(p, c, l)
		if err != nil {
			return err
		}
		legend = lg
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
		// Bars as wide as the room allows, up to 36 pt.
		room := width
		if horizontal {
			room = height
		}
		barWidth := vg.Length(math.Min(36, 0.55*float64(room.Points())/float64(max(len(vals), 1))))
		bars, err := plotter.NewBarChart(vals, vg.Points(float64(barWidth)))
		if err != nil {
			return err
		}
		bars.Color = palette[0]
		bars.LineStyle.Width = 0
		bars.Horizontal = horizontal
		// Grid lines along the values only, not through the bars.
		grid := plotter.NewGrid()
		if horizontal {
			grid.Horizontal.Color = nil
		} else {
			grid.Vertical.Color = nil
		}
		p.Add(grid, bars)
		top := 0.0
		for _, v := range vals {
			top = math.Max(top, v)
		}
		// Each bar's value at its end.
		pts := make(plotter.XYs, len(vals))
		texts := make([]string, len(vals))
		for i, v := range vals {
			if horizontal {
				pts[i] = plotter.XY{X: v, Y: float64(i)}
			} else {
				pts[i] = plotter.XY{X: float64(i), Y: v}
			}
			texts[i] = publish.FormatCount(v)
		}
		values, err := plotter.NewLabels(plotter.XYLabels{XYs: pts, Labels: texts})
		if err != nil {
			return err
		}
		for i := range values.TextStyle {
			values.TextStyle[i].Font = fnt
			values.TextStyle[i].Font.Size = vg.Points(9)
			if horizontal {
				values.TextStyle[i].YAlign = draw.YCenter
			} else {
				values.TextStyle[i].XAlign = draw.XCenter
			}
		}
		if horizontal {
			values.Offset = vg.Point{X: vg.Points(3)}
		} else {
			values.Offset = vg.Point{Y: vg.Points(3)}
		}
		p.Add(values)
		// Half a bar's room at both ends, so that none touches the frame.
		n := float64(len(vals))
		if horizontal {
			p.NominalY(labels...)
			p.X.Min, p.X.Max = 0, math.Max(1, top*1.12)
			p.Y.Min, p.Y.Max = -0.6, n-0.4
		} else {
			p.NominalX(labels...)
			p.Y.Min, p.Y.Max = 0, math.Max(1, top*1.12)
			p.X.Min, p.X.Max = -0.6, n-0.4
		}
	}
	var canvas vg.CanvasWriterTo
	if format == publish.ImagePNG {
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(DPI))}
	} else {
		cv, err := draw.NewFormattedCanvas(width, height, format)
		if err != nil {
			return err
		}
		canvas = cv
	}
	// A margin all round, so that no label touches the edge of the image;
	// the compute chart's legend in a column of its own on the right.
	margin := vg.Points(8)
	dc := draw.Crop(draw.New(canvas), margin, -margin, margin, -margin)
	if legend != nil {
		side := 4.2 * vg.Centimeter
		p.Draw(draw.Crop(dc, 0, -side, 0, 0))
		legend.Draw(draw.Crop(dc, dc.Max.X-dc.Min.X-side+vg.Points(6), 0, 0, -vg.Points(34)))
	} else {
		p.Draw(dc)
	}
	if format != publish.ImageSVG {
		_, err := canvas.WriteTo(w)
		return err
	}
	// An SVG names its font; a reader without it falls back on the other
	// fonts that draw Korean, then on any sans-serif.
	var b bytes.Buffer
	if _, err := canvas.WriteTo(&b); err != nil {
		return err
	}
	name := string(fnt.Typeface)
	if family == "" {
		name = "Liberation Sans"
	}
	_, err := w.Write(bytes.ReplaceAll(b.Bytes(), []byte("font-family:"+name+";"), []byte("font-family:"+SVGFontFamily(name)+";")))
	return err
}

// SVGFontFamily is the font-family an SVG chart names: the font it was
// drawn with, then fonts that draw Korean and Latin on the common systems
// (Noto Sans CJK KR, Apple SD Gothic Neo, Malgun Gothic), then
// sans-serif.
func SVGFontFamily(drawn string) string {
	fams := []string{drawn}
	for _, f := range []string{"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"} {
		if f != drawn {
			fams = append(fams, f)
		}
	}
	for i, f := range fams {
		fams[i] = "'" + f + "'"
	}
	return strings.Join(fams, ", ") + ", sans-serif"
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

// flopTicks marks a log axis of FLOP as plot.LogTicks does, labelled as
// every document prints compute (publish.FormatFLOP): 10²⁴, not 1e+24.
// A label the chart's font cannot draw whole (Liberation Sans has no ⁰ or
// ⁹) keeps LogTicks's own, rather than show empty boxes.
type flopTicks struct{ font font.Font }

// Ticks returns plot.LogTicks's ticks with their labels rewritten.
func (f flopTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.LogTicks{Prec: 1}.Ticks(min, max)
	face := font.DefaultCache.Lookup(f.font, vg.Points(10)).Face
	for i := range ts {
		if ts[i].Label == "" {
			continue
		}
		if s := publish.FormatFLOP(ts[i].Value); draws(face, s) {
			ts[i].Label = s
		}
	}
	return ts
}

// draws reports whether face has a glyph for every rune of s.
func draws(face *opentype.Font, s string) bool {
	if face == nil {
		return false
	}
	var b sfnt.Buffer
	for _, r := range s {
		if i, err := face.GlyphIndex(&b, r); err != nil || (i == 0 && r != ' ') {
			return false
		}
	}
	return true
}

// scatterPlot draws the compute chart in p and returns its legend, to be
// drawn beside the plot.
func scatterPlot(p *plot.Plot, c publish.Chart, l i18n.Lang) (*plot.Legend, error) {
	p.X.Tick.Marker = yearTicks{}
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = flopTicks{font: plot.DefaultFont}
	p.Y.Label.Text = "FLOP"
	legend := plot.NewLegend()
	legend.Top, legend.Left = true, true
	legend.TextStyle.Font.Size = vg.Points(9)
	lo, hi := math.Inf(1), math.Inf(-1)
	top := 0.0
	anyEstimated := false
	for i, s := range c.Scatter {
		xys := make(plotter.XYs, 0, len(s.Points))
		var estimated []bool
		for _, pt := range s.Points {
			t, err := time.Parse("2006-01-02", pt.Date)
			if err != nil || pt.FLOP <= 0 {
				continue
			}
			x := float64(t.Unix())
			xys = append(xys, plotter.XY{X: x, Y: pt.FLOP})
			estimated = append(estimated, pt.Estimated)
			anyEstimated = anyEstimated || pt.Estimated
			lo, hi = math.Min(lo, x), math.Max(hi, x)
			top = math.Max(top, pt.FLOP)
		}
		if len(xys) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle.Color = palette[i%len(palette)]
		sc.GlyphStyle.Shape = draw.CircleGlyph{} // filled
		sc.GlyphStyle.Radius = vg.Points(2.8)
		filled := sc.GlyphStyle
		sc.GlyphStyleFunc = func(k int) draw.GlyphStyle {
			if estimated[k] {
				// An estimate (--estimate-missing) is drawn hollow.
				return draw.GlyphStyle{Color: filled.Color, Radius: filled.Radius, Shape: draw.RingGlyph{}}
			}
			return filled
		}
		p.Add(sc)
		legend.Add(s.Name, sc)
	}
	if anyEstimated {
		ring := &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: color.Gray{Y: 60}, Radius: vg.Points(2.8), Shape: draw.RingGlyph{}}}
		legend.Add(l.T("chart.estimated_legend"), ring)
	}
	if !math.IsInf(lo, 0) {
		line, err := plotter.NewLine(plotter.XYs{{X: lo, Y: census.LargeScaleFLOP}, {X: hi, Y: census.LargeScaleFLOP}})
		if err != nil {
			return nil, err
		}
		line.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		line.LineStyle.Color = color.Gray{Y: 60}
		p.Add(line)
		legend.Add(l.T("chart.threshold", publish.FormatFLOP(census.LargeScaleFLOP)), line)
	}
	p.Add(plotter.NewGrid())
	if top > 0 {
		// A little room above the largest run: the legend is beside the
		// plot, not over it.
		p.Y.Max = top * math.Pow(10, 0.25)
	}
	return &legend, nil
}

// Register adds the chart formats SVG and PNG to r.
func Register(r *publish.Registry) {
	r.Register(publish.Format{Name: publish.ImageSVG, Ext: "svg", MIME: "image/svg+xml",
		Chart: func(w io.Writer, c publish.Chart, l i18n.Lang) error { return Write(w, c, publish.ImageSVG, l) }})
	r.Register(publish.Format{Name: publish.ImagePNG, Ext: "png", MIME: "image/png", Binary: true,
		Chart: func(w io.Writer, c publish.Chart, l i18n.Lang) error { return Write(w, c, publish.ImagePNG, l) }})
}
