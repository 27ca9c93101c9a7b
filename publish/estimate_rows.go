package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// WriteRowWarnings writes each row's warnings of an estimate of a
// source's rows, one line each in l (file, line, model: what is wrong);
// a row no method estimates is counted in the summary, not warned of.
func WriteRowWarnings(b *bytes.Buffer, res census.RowEstimates, l i18n.Lang) {
	for _, row := range res.Rows {
		for _, w := range row.Warnings {
			if w.Code == census.WarnNoMethod {
				continue
			}
			b.WriteString(l.T("warn.problem", DisplayName(row.File), row.Line, row.Name+": "+l.T("rowwarn."+w.Code, w.Args...)) + "\n")
		}
	}
}

// WriteRowEstimatesJSON writes an estimate of a source's rows as JSON: the
// summary indented and each row on one line of its own, so that a file
// of thousands of rows stays readable and quick.
func WriteRowEstimatesJSON(b *bytes.Buffer, res census.RowEstimates) {
	rows := res.Rows
	res.Rows = nil
	var head bytes.Buffer
	_ = WriteJSONValue(&head, res)
	// The summary's closing brace is replaced by the rows.
	h := bytes.TrimRight(head.Bytes(), "}\n")
	b.Write(h)
	b.WriteString(",\n  \"rows\": [\n")
	// The rows are encoded in as many parts as there are CPUs, then
	// written in order.
	parts := runtime.GOMAXPROCS(0)
	if len(rows) < 512 {
		parts = 1
	}
	bufs := make([]bytes.Buffer, parts)
	var wg sync.WaitGroup
	for p := range bufs {
		lo, hi := p*len(rows)/parts, (p+1)*len(rows)/parts
		wg.Add(1)
		go func(out *bytes.Buffer) {
			defer wg.Done()
			// About 420 bytes a row on real exports: grown once, not
			// doubled and copied as it fills.
			out.Grow((hi - lo) * 448)
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			for i := lo; i < hi; i++ {
				out.WriteString("    ")
				_ = enc.Encode(&rows[i])
				if i < len(rows)-1 {
					out.Truncate(out.Len() - 1)
					out.WriteString(",\n")
				}
			}
		}(&bufs[p])
	}
	wg.Wait()
	n := 0
	for p := range bufs {
		n += bufs[p].Len()
	}
	b.Grow(n + 16)
	for p := range bufs {
		b.Write(bufs[p].Bytes())
	}
	b.WriteString("  ]\n}\n")
}

// WriteLargeScale lists the large-scale models (census.LargeScaleMembers)
// as JSON when format is "json", else as a table in l with the rule below.
func WriteLargeScale(b *bytes.Buffer, list []census.LargeScaleMember, format string, l i18n.Lang) {
	if format == "json" {
		_ = WriteJSONValue(b, list)
		return
	}
	t := Table{Title: l.T("est.large.title", len(list)), Headers: []string{l.T("col.model"), l.T("col.flop"), l.T("col.base_model"), l.T("col.finetune")},
		Right: []bool{false, true, false, true}}
	for _, m := range list {
		c := l.T("est.possibly")
		if m.FLOP > 0 {
			c = FormatFLOP(m.FLOP)
		}
		ft := ""
		if m.Finetune > 0 {
			ft = FormatFLOP(m.Finetune)
		}
		t.Rows = append(t.Rows, []string{m.Model, c, m.Base, ft})
	}
	WriteTable(b, t, l)
	b.WriteString(l.T("est.large.rule") + "\n")
}

// WriteRowEstimates writes each estimated row beside Epoch's figure, then
// the summary: rows per method, the rows no method estimates, and how
// often the estimate is within a factor of two of Epoch's.
func WriteRowEstimates(b *bytes.Buffer, res census.RowEstimates, l i18n.Lang) {
	t := Table{Title: l.T("est.rows.title"), Headers: []string{l.T("col.model"), l.T("col.epoch_flop"), l.T("col.estimate"), l.T("col.method"), l.T("col.ratio")},
		Right: []bool{false, true, true, false, true}}
	none := 0
	methods := map[string]string{}
	for _, row := range res.Rows {
		if row.Estimate == nil {
			none++
			continue
		}
		ep, ratio := "", ""
		if row.Epoch > 0 {
			ep = FormatFLOP(row.Epoch)
			ratio = fmt.Sprintf("%.2f", row.Estimate.FLOP/row.Epoch)
		}
		m, ok := methods[row.Estimate.Method]
		if !ok {
			m = l.T("methodshort." + row.Estimate.Method)
			methods[row.Estimate.Method] = m
		}
		t.Rows = append(t.Rows, []string{row.Name, ep, FormatFLOP(row.Estimate.FLOP), m, ratio})
	}
	WriteTable(b, t, l)
	b.WriteString("\n" + l.T("est.summary") + "\n")
	for _, m := range []string{census.MethodCounting, census.MethodHardware, census.MethodBoth, census.MethodFinetune} {
		b.WriteString(l.T("est.summary.method", l.T("methodshort."+m), res.ByMethod[m]) + "\n")
	}
	b.WriteString(l.T("est.summary.none", none) + "\n")
	b.WriteString(l.T("est.summary.countable", res.Countable) + "\n")
	if a := res.Counting; a.Rows > 0 {
		b.WriteString(l.T("est.summary.counting", a.Within2x, a.Rows, 100*a.Share, a.MedianAbsLog10, math.Pow(10, a.MedianAbsLog10)) + "\n")
	} else {
		b.WriteString(l.T("est.summary.counting.none") + "\n")
	}
	if len(res.Agreement) > 0 {
		at := Table{Title: "\n" + l.T("est.agreement"), Headers: []string{l.T("col.epoch_method"), l.T("col.rows"), l.T("col.within_2x"), l.T("col.median_log10")},
			Right: []bool{false, true, true, true}}
		for _, a := range res.Agreement {
			at.Rows = append(at.Rows, []string{EpochMethodName(a.Label, l), fmt.Sprint(a.Rows), fmt.Sprintf("%d (%.1f%%)", a.Within2x, 100*a.Share), fmt.Sprintf("%.3f", a.MedianAbsLog10)})
		}
		WriteTable(b, at, l)
	}
	b.WriteString(l.T("est.summary.warnings", res.Warnings) + "\n")
}

// WriteSourceEstimates writes what s gathered: the large-scale rows in
// format (WriteLargeScale) on out, or each row's warnings on warn, one
// line each, then the estimates in format ("json" or text) on out, files
// named as DisplayName shows them.
func WriteSourceEstimates(out, warn io.Writer, s *census.SourceEstimator, format string, l i18n.Lang) error {
	var b bytes.Buffer
	if s.LargeScale {
		WriteLargeScale(&b, s.Members(), format, l)
		_, err := out.Write(b.Bytes())
		return err
	}
	res := s.Estimates()
	for i := range res.Rows {
		res.Rows[i].File = DisplayName(res.Rows[i].File)
	}
	WriteRowWarnings(&b, res, l)
	if _, err := warn.Write(b.Bytes()); err != nil {
		return err
	}
	b.Reset()
	if format == "json" {
		WriteRowEstimatesJSON(&b, res)
	} else {
		WriteRowEstimates(&b, res, l)
	}
	_, err := out.Write(b.Bytes())
	return err
}
