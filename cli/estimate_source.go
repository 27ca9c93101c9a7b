package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// runEstimateSource estimates every row of a source from its own columns,
// or, with --large-scale, lists the rows that are large-scale by Epoch's
// rule. Row warnings go to ErrOut, one line each; no row stops the others.
func runEstimateSource(cmd *cobra.Command, io *IOStreams, o *estimateOptions, l i18n.Lang, r *census.Rules) error {
	if err := o.validate(l); err != nil {
		return err
	}
	var raws []census.Raw
	est := census.NewRowEstimator(r)
	var onRow func(*census.Raw)
	var done func()
	if o.LargeScale {
		onRow = func(raw *census.Raw) { raws = append(raws, *raw) }
	} else {
		onRow, done = pipeline(est.Add)
	}
	_, err := o.loadWith(cmd.Context(), io, l, r, epoch.LoadOptions{OnRow: onRow, RowsOnly: true})
	if done != nil {
		done()
	}
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if o.LargeScale {
		writeLargeScale(&b, raws, o.Format, l)
		_, err := io.Out.Write(b.Bytes())
		return err
	}
	res := est.Finish()
	for i := range res.Rows {
		res.Rows[i].File = publish.DisplayName(res.Rows[i].File)
	}
	var warn bytes.Buffer
	for _, row := range res.Rows {
		for _, w := range row.Warnings {
			if w.Code == census.WarnNoMethod {
				continue // not estimable is counted in the summary, not a fault
			}
			warn.WriteString(l.T("warn.problem", publish.DisplayName(row.File), row.Line, row.Name+": "+l.T("rowwarn."+w.Code, w.Args...)) + "\n")
		}
	}
	if _, err := io.ErrOut.Write(warn.Bytes()); err != nil {
		return err
	}
	if o.Format == "json" {
		writeRowEstimatesJSON(&b, res)
	} else {
		writeRowEstimates(&b, res, l)
	}
	_, err = io.Out.Write(b.Bytes())
	return err
}

// pipelineBatch is how many rows the reader hands the estimator at a time.
const pipelineBatch = 256

// pipeline runs add on its own goroutine, so that rows are estimated while
// the next ones are parsed: it returns the function to give each row to
// (it copies the row, which the reader reuses) and the one to call once
// the last row is in, which waits for add to see it.
func pipeline(add func(*census.Raw)) (onRow func(*census.Raw), done func()) {
	ch := make(chan []census.Raw, 4)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for batch := range ch {
			for i := range batch {
				add(&batch[i])
			}
		}
	}()
	batch := make([]census.Raw, 0, pipelineBatch)
	onRow = func(r *census.Raw) {
		batch = append(batch, *r)
		if len(batch) == pipelineBatch {
			ch <- batch
			batch = make([]census.Raw, 0, pipelineBatch)
		}
	}
	done = func() {
		if len(batch) > 0 {
			ch <- batch
		}
		close(ch)
		wg.Wait()
	}
	return onRow, done
}

// writeRowEstimatesJSON writes the summary indented and each row on one
// line of its own: a file of thousands of rows stays readable and quick.
func writeRowEstimatesJSON(b *bytes.Buffer, res census.RowEstimates) {
	rows := res.Rows
	res.Rows = nil
	var head bytes.Buffer
	_ = publish.WriteJSONValue(&head, res)
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

// writeLargeScale lists the large-scale rows, in file order.
func writeLargeScale(b *bytes.Buffer, raws []census.Raw, format string, l i18n.Lang) {
	type member struct {
		Model    string  `json:"model"`
		FLOP     float64 `json:"flop,omitempty"`
		Base     string  `json:"base_model,omitempty"`
		Finetune float64 `json:"finetune_flop,omitempty"`
		Possibly bool    `json:"possibly_over_1e23"`
	}
	list := []member{}
	seen := map[string]bool{}
	for i := range raws {
		raw := &raws[i]
		name := census.Clean(raw.Get(census.FieldName))
		if name == "" || seen[name] || !census.LargeScale(raw) {
			continue
		}
		seen[name] = true
		m := member{Model: name, Base: census.Clean(raw.Get(census.FieldBaseModel))}
		m.FLOP, _ = census.ParseNumber(raw.Get(census.FieldCompute))
		m.Finetune, _ = census.ParseNumber(raw.Get(census.FieldFinetuneCompute))
		m.Possibly = m.FLOP == 0
		list = append(list, m)
	}
	if format == "json" {
		_ = publish.WriteJSONValue(b, list)
		return
	}
	t := publish.Table{Title: l.T("est.large.title", len(list)), Headers: []string{l.T("col.model"), l.T("col.flop"), l.T("col.base_model"), l.T("col.finetune")},
		Right: []bool{false, true, false, true}}
	for _, m := range list {
		c := l.T("est.possibly")
		if m.FLOP > 0 {
			c = publish.FormatFLOP(m.FLOP)
		}
		ft := ""
		if m.Finetune > 0 {
			ft = publish.FormatFLOP(m.Finetune)
		}
		t.Rows = append(t.Rows, []string{m.Model, c, m.Base, ft})
	}
	publish.WriteTable(b, t, l)
	b.WriteString(l.T("est.large.rule") + "\n")
}

// writeRowEstimates prints each estimated row beside Epoch's figure, then
// the summary.
func writeRowEstimates(b *bytes.Buffer, res census.RowEstimates, l i18n.Lang) {
	t := publish.Table{Title: l.T("est.rows.title"), Headers: []string{l.T("col.model"), l.T("col.epoch_flop"), l.T("col.estimate"), l.T("col.method"), l.T("col.ratio")},
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
			ep = publish.FormatFLOP(row.Epoch)
			ratio = fmt.Sprintf("%.2f", row.Estimate.FLOP/row.Epoch)
		}
		m, ok := methods[row.Estimate.Method]
		if !ok {
			m = l.T("methodshort." + row.Estimate.Method)
			methods[row.Estimate.Method] = m
		}
		t.Rows = append(t.Rows, []string{row.Name, ep, publish.FormatFLOP(row.Estimate.FLOP), m, ratio})
	}
	publish.WriteTable(b, t, l)
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
		at := publish.Table{Title: "\n" + l.T("est.agreement"), Headers: []string{l.T("col.epoch_method"), l.T("col.rows"), l.T("col.within_2x"), l.T("col.median_log10")},
			Right: []bool{false, true, true, true}}
		for _, a := range res.Agreement {
			at.Rows = append(at.Rows, []string{publish.EpochMethodName(a.Label, l), fmt.Sprint(a.Rows), fmt.Sprintf("%d (%.1f%%)", a.Within2x, 100*a.Share), fmt.Sprintf("%.3f", a.MedianAbsLog10)})
		}
		publish.WriteTable(b, at, l)
	}
	b.WriteString(l.T("est.summary.warnings", res.Warnings) + "\n")
}
