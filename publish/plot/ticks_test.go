package plot

import (
	"math"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
)

// The compute axis is labelled as the documents print compute: 10²², not
// 1e+22, where the font draws it; Liberation Sans has no ⁰ or ⁹, so 10²⁰
// and 10¹⁹ keep plot.LogTicks's own labels rather than show empty boxes.
func TestFLOPTicks(t *testing.T) {
	font.DefaultCache.Add(liberation.Collection())
	ticks := flopTicks{font: font.Font{Typeface: "Liberation", Variant: "Sans"}}.Ticks(1e19, 1e26)
	got := map[int]string{} // power of ten → label
	for _, tk := range ticks {
		if tk.Label != "" {
			got[int(math.Round(math.Log10(tk.Value)))] = tk.Label
		}
	}
	for e, want := range map[int]string{19: "1e+19", 20: "1e+20", 21: "10²¹", 22: "10²²", 23: "10²³", 24: "10²⁴", 25: "10²⁵", 26: "10²⁶"} {
		if got[e] != want {
			t.Errorf("tick 10^%d labelled %q, want %q", e, got[e], want)
		}
	}
}
