package publish

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// WriteEstimate writes one estimate of training compute (`modelcensus
// estimate` from its flags) as JSON (format "json": the estimate and an
// empty list of warnings) or as text for a person, in l: the figure, its
// method, confidence and the thresholds it reaches, the inputs with
// their units, and the assumptions made.
func WriteEstimate(w io.Writer, e census.Estimate, format string, l i18n.Lang) error {
	if format == FormatJSON {
		return WriteJSONValue(w, struct {
			census.Estimate
			Warnings []string `json:"warnings"`
		}{e, []string{}})
	}
	var b bytes.Buffer
	b.WriteString(l.T("est.title") + "\n")
	b.WriteString(l.T("est.flop", FormatFLOP(e.FLOP), strconv.FormatFloat(e.FLOP, 'g', 3, 64)) + "\n")
	b.WriteString(l.T("est.method", l.T("method."+e.Method)) + "\n")
	b.WriteString(l.T("est.confidence", ConfidenceName(e.Confidence, l)) + "\n")
	if len(e.Thresholds) == 0 {
		b.WriteString(l.T("est.thresholds.none") + "\n")
	} else {
		var ts []string
		for _, t := range e.Thresholds {
			ts = append(ts, FormatFLOP(t)+" FLOP")
		}
		b.WriteString(l.T("est.thresholds", strings.Join(ts, ", ")) + "\n")
	}
	t := Table{Title: "\n" + l.T("est.inputs"), Headers: []string{l.T("col.input"), l.T("col.value"), l.T("col.unit")},
		Right: []bool{false, true, false}}
	for _, in := range e.Inputs {
		unit := l.T("unit." + in.Unit)
		if in.Text != "" {
			unit += " (" + in.Text + ")"
		}
		t.Rows = append(t.Rows, []string{l.T("input." + in.Name), FormatFLOP(in.Value), unit})
	}
	WriteTable(&b, t, l)
	if len(e.Assumptions) > 0 {
		b.WriteString("\n" + l.T("est.assumptions") + "\n")
		for _, a := range e.Assumptions {
			b.WriteString("- " + l.T("assume."+a.Code, a.Args...) + "\n")
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}
