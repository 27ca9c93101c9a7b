package plot

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// decimalYearTicks marks an axis of decimal years at each whole year,
// every second or fifth year when the span is long.
type decimalYearTicks struct{}

// Ticks returns a tick at the start of each year within [min, max].
func (decimalYearTicks) Ticks(min, max float64) []plot.Tick {
	step := 1
	switch span := max - min; {
	case span > 30:
		step = 5
	case span > 12:
		step = 2
	}
	var out []plot.Tick
	for y := int(math.Ceil(min)); float64(y) <= max; y++ {
		if y%step == 0 {
			out = append(out, plot.Tick{Value: float64(y), Label: strconv.Itoa(y)})
		} else {
			out = append(out, plot.Tick{Value: float64(y)})
		}
	}
	return out
}

// trendPlot draws a trend chart (publish.TrendChart) in p, its legend
// inside the plot: the models as points (estimates hollow), the fitted line, the
// interval's two lines dashed, and each threshold as a dotted grey line.
func trendPlot(p *plot.Plot, c publish.Chart, l i18n.Lang) (*plot.Legend, error) {
	d := c.Trend
	p.X.Tick.Marker = decimalYearTicks{}
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: 1}
	p.Y.Label.Text = "FLOP"
	// The legend inside the plot, top left, where the early years leave
	// room.
	legend := &p.Legend
	legend.Top, legend.Left = true, true
	legend.TextStyle.Font.Size = vg.Points(8)
	legend.Padding = vg.Points(2)
	legend.XOffs, legend.YOffs = vg.Points(8), -vg.Points(4)
	p.Add(plotter.NewGrid())
	if d == nil || len(d.Points) == 0 {
		return nil, nil
	}
	xys := make(plotter.XYs, 0, len(d.Points))
	var estimated []bool
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, pt := range d.Points {
		if !(pt.FLOP > 0) {
			continue
		}
		xys = append(xys, plotter.XY{X: pt.Year, Y: pt.FLOP})
		estimated = append(estimated, pt.Estimated)
		lo, hi = math.Min(lo, pt.FLOP), math.Max(hi, pt.FLOP)
	}
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	dot := draw.GlyphStyle{Color: color.NRGBA{0x00, 0x72, 0xb2, 170}, Radius: vg.Points(2.2), Shape: draw.CircleGlyph{}}
	sc.GlyphStyle = dot
	anyEstimated := false
	sc.GlyphStyleFunc = func(k int) draw.GlyphStyle {
		if estimated[k] {
			return draw.GlyphStyle{Color: dot.Color, Radius: dot.Radius, Shape: draw.RingGlyph{}}
		}
		return dot
	}
	for _, e := range estimated {
		anyEstimated = anyEstimated || e
	}
	p.Add(sc)
	legend.Add(d.Points0, sc)
	if anyEstimated {
		legend.Add(d.Estimated, &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: dot.Color, Radius: dot.Radius, Shape: draw.RingGlyph{}}})
	}
	addLine := func(tl publish.TrendLine, col color.Color, width vg.Length, dashes []vg.Length) error {
		ln, err := plotter.NewLine(plotter.XYs{{X: tl.X0, Y: tl.Y0}, {X: tl.X1, Y: tl.Y1}})
		if err != nil {
			return err
		}
		ln.LineStyle.Color, ln.LineStyle.Width, ln.LineStyle.Dashes = col, width, dashes
		p.Add(ln)
		if tl.Name != "" {
			legend.Add(tl.Name, ln)
		}
		return nil
	}
	for i, tl := range d.Lines {
		col, width, dashes := color.Color(palette[1]), vg.Points(2), []vg.Length(nil)
		if i > 0 {
			width, dashes = vg.Points(1), []vg.Length{vg.Points(5), vg.Points(3)}
		}
		if err := addLine(tl, col, width, dashes); err != nil {
			return nil, err
		}
	}
	for i, tl := range d.Thresholds {
		col := []color.Color{color.Gray{Y: 90}, palette[2], palette[3], palette[4]}[i%4]
		if err := addLine(tl, col, vg.Points(1.2), []vg.Length{vg.Points(2), vg.Points(2)}); err != nil {
			return nil, err
		}
		hi = math.Max(hi, tl.Y0)
		lo = math.Min(lo, tl.Y0)
	}
	p.Y.Min, p.Y.Max = lo/math.Pow(10, 0.3), hi*math.Pow(10, 0.3)
	return nil, nil
}
