package census

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RowWarning is an inconsistency or a bad cell found while estimating one
// row: a code, its values (for translations) and an English sentence.
type RowWarning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Args    []any  `json:"-"`
}

// Row warning codes.
const (
	WarnBadCell           = "bad_cell"            // args: column, cell
	WarnUnknownHardware   = "unknown_hardware"    // args: hardware cell
	WarnImpliedUtil       = "implied_utilization" // args: implied utilization
	WarnFinetuneSum       = "finetune_sum"        // args: base, fine-tune, Epoch's figure
	WarnCountingHigh      = "counting_high"       // args: operation count, Epoch's figure
	WarnNoMethod          = "no_method"
	WarnUtilizationAbove1 = "utilization_above_one" // args: cell
)

// RowEstimate is the estimate of one export row from its own columns, beside
// Epoch's figure. Estimate is nil when no method applies.
type RowEstimate struct {
	Name  string  `json:"model"`
	File  string  `json:"file"`
	Line  int     `json:"line"`
	Epoch float64 `json:"epoch_flop,omitempty"` // Epoch's training compute, FLOP; 0 when blank
	// EpochMethod is Epoch's "Training compute estimation method" cell.
	EpochMethod string    `json:"epoch_method,omitempty"`
	Estimate    *Estimate `json:"estimate"`
	// LargeScale is membership by Epoch's large-scale rule (LargeScale).
	LargeScale bool         `json:"large_scale"`
	Warnings   []RowWarning `json:"warnings"`
	// counting: Epoch's method is operation counting alone, and the row
	// carries parameters and a dataset size.
	counting bool
	// countable: the row's own parameters and dataset size allow
	// operation counting, whatever method its estimate took.
	countable bool
}

// Agreement compares estimates with Epoch's figures over a set of rows:
// how many, how many within 2× (|log10 ratio| ≤ log10 2), and the median
// |log10(estimate / Epoch)|.
type Agreement struct {
	Label          string  `json:"label"`
	Rows           int     `json:"rows"`
	Within2x       int     `json:"within_2x"`
	Share          float64 `json:"share_within_2x"`
	MedianAbsLog10 float64 `json:"median_abs_log10_ratio"`
}

// RowEstimates is EstimateRows's answer.
type RowEstimates struct {
	Rows []RowEstimate `json:"rows,omitempty"`
	// ByMethod counts the rows estimable by each method.
	ByMethod map[string]int `json:"by_method"`
	// Agreement is by Epoch's stated method, for the rows that carry one
	// and a figure; Counting is the rows Epoch estimated by operation
	// counting alone that carry parameters and a dataset size.
	Agreement []Agreement `json:"agreement"`
	Counting  Agreement   `json:"counting"`
	// Countable counts the rows whose own parameters and dataset size
	// allow operation counting (6 × parameters × tokens), whatever method
	// their estimate took in the end.
	Countable int `json:"countable"`
	// Warnings counts the rows' warnings other than WarnNoMethod.
	Warnings int `json:"warnings"`
}

// activeInName finds a mixture-of-experts' active parameter count in its
// name, as in "Qwen3-30B-A3B" (3 billion active).
var activeInName = regexp.MustCompile(`(?i)(?:^|[-_ ])A(\d+(?:\.\d+)?)B(?:$|[-_ ])`)

// activeInNotes finds "37B active" or "3 billion activated" in a
// parameters note.
var activeInNotes = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)\s*(B|billion|M|million)\s+(?:active|activated)`)

// ActiveParams returns a model's active parameter count as its name (the
// "-A3B" convention) or its parameters note states it, or 0.
func ActiveParams(name, notes string) float64 {
	// Cheap tests first: most names and notes hold neither.
	if hasActiveName(name) {
		if m := activeInName.FindStringSubmatch(name); m != nil {
			v, _ := strconv.ParseFloat(m[1], 64)
			return v * 1e9
		}
	}
	// A note can be long: the pattern is tried only on the few bytes
	// before each "activ", which is where a count that it qualifies sits.
	for off := 0; off < len(notes); {
		i := indexFold(notes[off:], "activ")
		if i < 0 {
			break
		}
		at := off + i
		lo := max(0, at-24)
		for lo > 0 && !utf8.RuneStart(notes[lo]) {
			lo--
		}
		if m := activeInNotes.FindStringSubmatch(notes[lo:min(len(notes), at+10)]); m != nil {
			v, _ := strconv.ParseFloat(m[1], 64)
			if u := strings.ToLower(m[2]); u[0] == 'b' {
				return v * 1e9
			}
			return v * 1e6
		}
		off = at + 5
	}
	return 0
}

// indexFold is the index of the ASCII word sub in s, in any case, or -1.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if c := s[i] | 0x20; c == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// hasActiveName reports whether name has an "A" or "a" followed by a digit.
func hasActiveName(name string) bool {
	for i := 0; i+1 < len(name); i++ {
		if (name[i] == 'A' || name[i] == 'a') && name[i+1] >= '0' && name[i+1] <= '9' {
			return true
		}
	}
	return false
}

// truthy reads a checkbox cell as Airtable exports it.
func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "checked", "1", "y":
		return true
	}
	return false
}

// LargeScale reports whether an export row is large-scale by the rule of
// Epoch's large-scale file (Epoch AI, "Large-scale AI models" data
// documentation): training compute of at least 1e23 FLOP, or compute
// unknown and the row flagged "Possibly over 1e23 FLOP"; and for a model
// with a base model, its own fine-tune compute at least 1e23 FLOP.
func LargeScale(raw *Raw) bool {
	c, okC := ParseNumber(raw.Get(FieldCompute))
	return largeScale(raw, c, okC)
}

// largeScale is LargeScale with the training compute cell already read.
func largeScale(raw *Raw, c float64, okC bool) bool {
	big := okC && c >= LargeScaleFLOP || !okC && truthy(raw.Get(FieldPossiblyLarge))
	if !big {
		return false
	}
	if strings.TrimSpace(raw.Get(FieldBaseModel)) != "" {
		ft, ok := ParseNumber(raw.Get(FieldFinetuneCompute))
		return ok && ft >= LargeScaleFLOP
	}
	return true
}

// EstimateRows estimates the training compute of every row from its own
// columns (parameters, dataset size, epochs, hardware, count, hours,
// chip-hours, utilization, base model and fine-tune compute), never from
// Epoch's figure, and compares the results with Epoch's. A base model's
// compute is its row's figure in the same rows. A bad cell gives the row a
// warning and the estimate is made without it; the other rows are not
// affected. Inconsistencies are warnings too: an implied utilization
// outside 0.05–0.7, a fine-tune total that does not add up (off by more
// than 10%), an operation count over 3× Epoch's figure (which suggests a
// mixture of experts). It is a RowEstimator given every row, then
// finished.
func EstimateRows(raws []Raw, r *Rules) RowEstimates {
	e := NewRowEstimator(r)
	for i := range raws {
		e.Add(&raws[i])
	}
	return e.Finish()
}

// RowEstimator estimates rows as they are read: Add does the work that
// needs only the row, and Finish, once every row is in, adds the base
// models' compute and sums up. It is not safe for concurrent use.
type RowEstimator struct {
	rules  *Rules
	rows   []RowEstimate
	pend   []pending          // the rows with a base model, to finish once every row is in
	byName map[string]float64 // lower-cased model name → Epoch's FLOP
}

// pending is what Finish needs of a row with a base model.
type pending struct {
	row   int // index in rows
	own   Estimate
	ownOK bool
	bases []string
	ft    float64
}

// NewRowEstimator returns an estimator that uses r's hardware table.
func NewRowEstimator(r *Rules) *RowEstimator {
	return &RowEstimator{rules: r, byName: map[string]float64{}}
}

// Add estimates one row as far as it can alone. raw may be reused by the
// caller afterwards.
func (e *RowEstimator) Add(raw *Raw) {
	re, p := estimateOwn(raw, e.rules)
	if re.Epoch > 0 {
		e.byName[strings.ToLower(re.Name)] = re.Epoch
	}
	if len(p.bases) == 0 {
		// No base model to wait for: finished now, beside the parser.
		finishRow(&re, &p, nil)
	} else {
		p.row = len(e.rows)
		e.pend = append(e.pend, p)
	}
	e.rows = append(e.rows, re)
}

// lookup is the Epoch figure of a model added, by name.
func (e *RowEstimator) lookup(name string) float64 { return e.byName[strings.ToLower(Clean(name))] }

// EstimateRow estimates one row alone, as EstimateRows does each row: a
// base model's compute comes from baseCompute (FLOP, 0 when unknown), which
// may be nil.
func EstimateRow(raw *Raw, r *Rules, baseCompute func(name string) float64) RowEstimate {
	re, p := estimateOwn(raw, r)
	if baseCompute == nil {
		baseCompute = func(string) float64 { return 0 }
	}
	finishRow(&re, &p, baseCompute)
	return re
}

// Finish completes every row (a derivative's base compute, from the rows
// added) and sums up. The estimator must not be used afterwards.
func (e *RowEstimator) Finish() RowEstimates {
	out := RowEstimates{Rows: e.rows, ByMethod: map[string]int{}, Agreement: []Agreement{}}
	if out.Rows == nil {
		out.Rows = []RowEstimate{}
	}
	ratios := map[string][]float64{}
	keys := map[string]string{} // Epoch's method cell → methodKey: few distinct cells
	var counting []float64
	for i := range e.pend {
		finishRow(&e.rows[e.pend[i].row], &e.pend[i], e.lookup)
	}
	for i := range e.rows {
		re := &e.rows[i]
		if re.countable {
			out.Countable++
		}
		if re.Estimate == nil {
			out.Warnings += len(re.Warnings) - 1 // no method is not a fault
			continue
		}
		out.Warnings += len(re.Warnings)
		out.ByMethod[re.Estimate.Method]++
		if re.Epoch <= 0 || re.EpochMethod == "" {
			continue
		}
		ratio := math.Abs(math.Log10(re.Estimate.FLOP / re.Epoch))
		key, ok := keys[re.EpochMethod]
		if !ok {
			key = methodKey(re.EpochMethod)
			keys[re.EpochMethod] = key
		}
		ratios[key] = append(ratios[key], ratio)
		if re.counting {
			counting = append(counting, ratio)
		}
	}
	e.pend = nil
	labels := make([]string, 0, len(ratios))
	for k := range ratios {
		labels = append(labels, k)
	}
	sort.Slice(labels, func(i, j int) bool {
		if len(ratios[labels[i]]) != len(ratios[labels[j]]) {
			return len(ratios[labels[i]]) > len(ratios[labels[j]])
		}
		return labels[i] < labels[j]
	})
	for _, k := range labels {
		out.Agreement = append(out.Agreement, agreement(k, ratios[k]))
	}
	out.Counting = agreement("Operation counting", counting)
	return out
}

// methodKey is Epoch's method cell as a sorted, comma-joined set.
func methodKey(cell string) string {
	parts := SplitList(cell)
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// agreement sums up |log10 ratio| values.
func agreement(label string, v []float64) Agreement {
	a := Agreement{Label: label, Rows: len(v)}
	if len(v) == 0 {
		return a
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	for _, x := range s {
		if x <= math.Log10(2)+1e-12 {
			a.Within2x++
		}
	}
	a.Share = float64(a.Within2x) / float64(len(s))
	if n := len(s); n%2 == 1 {
		a.MedianAbsLog10 = s[n/2]
	} else {
		a.MedianAbsLog10 = (s[n/2-1] + s[n/2]) / 2
	}
	return a
}

// estimateOwn estimates one row from its own cells: everything but the
// base model's compute.
func estimateOwn(raw *Raw, r *Rules) (RowEstimate, pending) {
	compute, okC := ParseNumber(raw.Get(FieldCompute))
	re := RowEstimate{Name: Clean(raw.Get(FieldName)), File: raw.File, Line: raw.Line,
		EpochMethod: strings.TrimSpace(raw.Get(FieldEstimationMethod)), LargeScale: largeScale(raw, compute, okC), Warnings: []RowWarning{}}
	if okC && compute > 0 {
		re.Epoch = compute
	}
	warn := func(code, msg string, args ...any) {
		re.Warnings = append(re.Warnings, RowWarning{Code: code, Message: msg, Args: args})
	}
	num := func(f Field, col string) float64 {
		cell := strings.TrimSpace(raw.Get(f))
		if cell == "" {
			return 0
		}
		v, ok := ParseNumber(cell)
		if !ok || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			warn(WarnBadCell, col+": "+strconv.Quote(cell)+" is not a non-negative number; left out", col, cell)
			return 0
		}
		return v
	}
	in := EstimateInputs{
		Params:    num(FieldParameters, "Parameters"),
		Tokens:    num(FieldDatasetSize, "Training dataset size"),
		Epochs:    num(FieldEpochs, "Epochs"),
		Chips:     num(FieldHardwareQuantity, "Hardware quantity"),
		Hours:     num(FieldTrainingHours, "Training time (hours)"),
		ChipHours: num(FieldChipHours, "Training chip-hours"),
		Language:  indexFold(raw.Get(FieldDomain), "language") >= 0,
	}
	if u := num(FieldUtilization, "Hardware utilization"); u > 1 {
		warn(WarnUtilizationAbove1, "Hardware utilization: "+strconv.FormatFloat(u, 'g', -1, 64)+" is above 1; left out", u)
	} else {
		in.Utilization = u
	}
	in.ActiveParams = ActiveParams(re.Name, raw.Get(FieldParametersNotes))
	if in.ActiveParams >= in.Params {
		in.ActiveParams = 0
	}
	// Hardware: one chip type only; a run on several has no single peak.
	if hw := splitFew(raw.Get(FieldHardware)); len(hw) == 1 {
		if c, ok := r.HardwareChip(hw[0]); ok {
			in.Chip = &c
		} else {
			warn(WarnUnknownHardware, "Training hardware: "+strconv.Quote(hw[0])+" is not in the hardware table", hw[0])
		}
	}
	var p pending
	var err error
	p.own, err = EstimateCompute(in)
	p.ownOK = err == nil
	p.bases = splitFew(raw.Get(FieldBaseModel))
	p.ft = num(FieldFinetuneCompute, "Finetune compute (FLOP)")
	re.counting = re.EpochMethod == "Operation counting" && in.Params > 0 && in.Tokens > 0
	re.countable = p.ownOK && p.own.Counting > 0
	if re.Epoch > 0 {
		if p.own.Hardware > 0 && in.Chip != nil {
			util := in.Utilization
			if util == 0 {
				util = DefaultUtilization(in.Language)
			}
			if implied := re.Epoch / (p.own.Hardware / util); implied < 0.05 || implied > 0.7 {
				warn(WarnImpliedUtil, "Epoch's figure implies a utilization of "+strconv.FormatFloat(implied, 'f', 3, 64)+" on this hardware, outside 0.05–0.7", implied)
			}
		}
		if dense := 6 * in.Params * in.Tokens * math.Max(in.Epochs, 1); len(p.bases) == 0 && in.ActiveParams == 0 && dense > 3*re.Epoch {
			warn(WarnCountingHigh, "the operation count "+fmtFLOP(dense)+" is over 3× Epoch's "+fmtFLOP(re.Epoch)+": perhaps a mixture of experts", dense, re.Epoch)
		}
	}
	return re, p
}

// splitFew is SplitList, without its allocations for the usual cell of no
// comma.
func splitFew(cell string) []string {
	if strings.IndexByte(cell, ',') >= 0 {
		return SplitList(cell)
	}
	if c := Clean(cell); c != "" {
		return []string{c}
	}
	return nil
}

// finishRow completes a row with its base models' compute from lookup.
func finishRow(re *RowEstimate, p *pending, lookup func(name string) float64) {
	var base float64
	for _, b := range p.bases {
		base += lookup(b)
	}
	own, ft := p.own, p.ft
	switch {
	case len(p.bases) > 0 && base > 0 && (ft > 0 || p.ownOK):
		ftc := ft
		if ftc == 0 {
			ftc = own.FLOP
		}
		e, err := EstimateCompute(EstimateInputs{BaseCompute: base, FinetuneCompute: ftc})
		if err == nil {
			if p.ownOK && ft == 0 {
				e.Inputs = append(own.Inputs, e.Inputs...)
				e.Assumptions = append(own.Assumptions, e.Assumptions...)
			}
			re.Estimate = &e
		}
	case p.ownOK:
		re.Estimate = &own
	case len(p.bases) > 0 && ft > 0:
		// The base model's compute is not in these rows: the fine-tune
		// alone, which is what Epoch's large-scale rule weighs.
		e, err := EstimateCompute(EstimateInputs{Reported: ft})
		if err == nil {
			e.Method = MethodFinetune
			re.Estimate = &e
		}
	}
	if re.Epoch > 0 && base > 0 && ft > 0 && math.Abs(base+ft-re.Epoch) > 0.1*re.Epoch {
		re.Warnings = append(re.Warnings, RowWarning{Code: WarnFinetuneSum, Args: []any{base, ft, re.Epoch},
			Message: "base " + fmtFLOP(base) + " + fine-tune " + fmtFLOP(ft) + " does not add up to Epoch's " + fmtFLOP(re.Epoch)})
	}
	if re.Estimate == nil {
		re.Warnings = append(re.Warnings, RowWarning{Code: WarnNoMethod, Message: "no estimation method applies to this row's columns"})
	}
}

// fmtFLOP prints a FLOP figure for a warning.
func fmtFLOP(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) + " FLOP" }
