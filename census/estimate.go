package census

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Chip is one accelerator of the hardware table, with its peak throughput
// in FLOP/s at each numeric precision (0 where the table has none). Data:
// Epoch AI, "Data on Machine Learning Hardware", CC BY.
type Chip struct {
	Name     string
	Type     string  // GPU, TPU, …
	Tensor16 float64 // tensor FP16/BF16
	TF32     float64
	FP16     float64 // non-tensor FP16
	FP32     float64
}

// Peak is the chip's peak FLOP/s as Epoch chooses it for a hardware-time
// estimate, whatever precision the run used: tensor FP16/BF16, else TF32,
// else FP16 (TPUs only), else FP32 (Epoch's training-cost-trends code,
// hardware.py, get_flop_per_second). ok is false when the chip has none.
func (c Chip) Peak() (flops float64, precision string, ok bool) {
	switch {
	case c.Tensor16 > 0:
		return c.Tensor16, "tensor FP16/BF16", true
	case c.TF32 > 0:
		return c.TF32, "TF32", true
	case c.FP16 > 0 && c.Type == "TPU":
		return c.FP16, "FP16", true
	case c.FP32 > 0:
		return c.FP32, "FP32", true
	}
	return 0, "", false
}

// Default utilizations of a hardware-time estimate when a run's is not
// known: Epoch's 2022 guidance (Sevilla et al., "Estimating training
// compute of deep learning models").
const (
	DefaultUtilizationLanguage = 0.30
	DefaultUtilizationOther    = 0.40
)

// DefaultUtilization is the utilization a hardware-time estimate assumes
// when the run's is not known: DefaultUtilizationLanguage for a language
// model, DefaultUtilizationOther otherwise.
func DefaultUtilization(language bool) float64 {
	if language {
		return DefaultUtilizationLanguage
	}
	return DefaultUtilizationOther
}

// Thresholds of training compute that an estimate reports reaching, in
// FLOP: Epoch's large-scale line (1e23), the EU AI Act's presumption of
// systemic risk (1e25, Article 51(2)) and Korea's AI Basic Act (1e26,
// cumulative). The thresholds command reads its lines, with their laws,
// from the rule table rules/data/thresholds.csv.
var Thresholds = []float64{LargeScaleFLOP, EUSystemicRiskFLOP, KoreaAIBasicActFLOP}

// Estimation methods.
const (
	MethodReported = "reported"  // the developer's figure
	MethodCounting = "counting"  // 6 × active parameters × tokens × epochs
	MethodHardware = "hardware"  // chips × peak × seconds × utilization
	MethodBoth     = "both"      // the geometric mean of counting and hardware time
	MethodFinetune = "fine-tune" // the base model's compute plus the fine-tune's
)

// EstimateInputs are what a training-compute estimate is made from. A zero
// value is unknown. Units: parameters and tokens as counts, hours of wall
// time, chip-hours, utilization as a fraction (0.4 is 40%), FLOP.
type EstimateInputs struct {
	Reported        float64 // FLOP the developer reported
	Params          float64 // total parameters
	ActiveParams    float64 // parameters active per token (mixture of experts)
	Tokens          float64 // training tokens (dataset size)
	Epochs          float64 // passes over the tokens; unknown is 1
	Chip            *Chip   // the training hardware
	Chips           float64 // how many
	Hours           float64 // wall-clock training time
	ChipHours       float64 // chip-hours, in place of Chips × Hours
	Utilization     float64 // model FLOP utilization
	Language        bool    // a language model (for the default utilization)
	BaseCompute     float64 // FLOP of the pretrained base model
	FinetuneCompute float64 // FLOP of the fine-tune alone
}

// Input is one input an estimate used, with its unit.
type Input struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text,omitempty"` // for a named input: the chip
}

// Assumption is one thing an estimate assumed, by code, with its values
// (for translations) and an English sentence.
type Assumption struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Args    []any  `json:"-"`
}

// Assumption codes.
const (
	AssumeUtilization = "default_utilization" // args: utilization
	AssumePeak        = "peak_precision"      // args: chip, precision, FLOP/s
	AssumeEpochs      = "one_epoch"
	AssumeDense       = "dense"          // no active parameter count: all parameters active
	AssumeGeoMean     = "geometric_mean" // args: counting, hardware
)

// Estimate is a training-compute estimate by Epoch's method.
type Estimate struct {
	FLOP   float64 `json:"flop"`
	Method string  `json:"method"`
	// Counting and Hardware are each method's figure, where it applied.
	Counting    float64      `json:"counting,omitempty"`
	Hardware    float64      `json:"hardware,omitempty"`
	Inputs      []Input      `json:"inputs"`
	Assumptions []Assumption `json:"assumptions"`
	// Confidence is in Epoch's terms: Confident, Likely, Speculative.
	Confidence string `json:"confidence"`
	// Thresholds lists the lines of Thresholds the figure reaches.
	Thresholds []float64 `json:"thresholds"`
}

// ErrNoMethod is EstimateCompute's error when the inputs allow no method.
var ErrNoMethod = errors.New("no method applies: give a reported figure, parameters and tokens, hardware with its count and time, or a base and a fine-tune compute")

// InputError is a bad input to an estimate: its name and what is wrong.
type InputError struct {
	Input string
	Issue string // "negative", "utilization_above_one", "not_a_number", "unknown_hardware"
	Value string // the value given, where the issue names one
}

// Error names the input.
func (e *InputError) Error() string {
	switch e.Issue {
	case "utilization_above_one":
		return fmt.Sprintf("%s: a utilization is a fraction, at most 1", e.Input)
	case "not_a_number":
		return fmt.Sprintf("%s: %q is not a number such as 1e23", e.Input, e.Value)
	case "unknown_hardware":
		return fmt.Sprintf("%s: %q is not in the hardware table", e.Input, e.Value)
	}
	return fmt.Sprintf("%s: must not be negative", e.Input)
}

// EstimateCompute estimates training compute in FLOP by Epoch's method
// (Epoch AI, "AI models documentation: estimation"; Sevilla et al. 2022):
//   - fine-tune: the base model's compute plus the fine-tune's, when both are
//     given (Epoch records the total);
//   - reported: the developer's figure, when given;
//   - operation counting: 6 × active parameters × tokens × epochs (2 FLOP a
//     multiply-add, forward and backward), all parameters active when no
//     active count is given, one epoch when none is;
//   - hardware time: chips × peak FLOP/s (Chip.Peak) × seconds ×
//     utilization, 0.30 for language models and 0.40 for others when
//     unknown;
//   - both counting and hardware time: their geometric mean.
//
// It fails with an *InputError for a negative input or a utilization
// above 1, and ErrNoMethod when no method applies.
func EstimateCompute(in EstimateInputs) (Estimate, error) {
	for _, v := range []struct {
		name string
		v    float64
	}{{"reported", in.Reported}, {"params", in.Params}, {"active-params", in.ActiveParams}, {"tokens", in.Tokens},
		{"epochs", in.Epochs}, {"chips", in.Chips}, {"hours", in.Hours}, {"chip-hours", in.ChipHours},
		{"utilization", in.Utilization}, {"base-compute", in.BaseCompute}, {"finetune-compute", in.FinetuneCompute}} {
		if v.v < 0 || math.IsNaN(v.v) || math.IsInf(v.v, 0) {
			return Estimate{}, &InputError{Input: v.name, Issue: "negative"}
		}
	}
	if in.Utilization > 1 {
		return Estimate{}, &InputError{Input: "utilization", Issue: "utilization_above_one"}
	}
	// One allocation each, sized for the most any method gives.
	e := Estimate{Inputs: make([]Input, 0, 6), Assumptions: make([]Assumption, 0, 4), Thresholds: make([]float64, 0, len(Thresholds))}
	add := func(name string, v float64, unit string) {
		if v > 0 {
			e.Inputs = append(e.Inputs, Input{Name: name, Value: v, Unit: unit})
		}
	}
	switch {
	case in.BaseCompute > 0 && in.FinetuneCompute > 0:
		add("base-compute", in.BaseCompute, "FLOP")
		add("finetune-compute", in.FinetuneCompute, "FLOP")
		e.FLOP, e.Method, e.Confidence = in.BaseCompute+in.FinetuneCompute, MethodFinetune, "Likely"
	case in.Reported > 0:
		add("reported", in.Reported, "FLOP")
		e.FLOP, e.Method, e.Confidence = in.Reported, MethodReported, "Confident"
	default:
		counting, okC := e.counting(in)
		hardware, okH, defaultUtil := e.hardware(in)
		switch {
		case okC && okH:
			e.Counting, e.Hardware = counting, hardware
			e.FLOP, e.Method = math.Sqrt(counting*hardware), MethodBoth
			e.Assumptions = append(e.Assumptions, Assumption{Code: AssumeGeoMean, Args: []any{counting, hardware},
				Message: fmt.Sprintf("the geometric mean of operation counting (%.3g FLOP) and hardware time (%.3g FLOP)", counting, hardware)})
			e.Confidence = "Likely"
			if r := counting / hardware; r > 3 || r < 1.0/3 {
				e.Confidence = "Speculative" // the two disagree by more than 3×
			}
		case okC:
			e.Counting, e.FLOP, e.Method, e.Confidence = counting, counting, MethodCounting, "Likely"
		case okH:
			e.Hardware, e.FLOP, e.Method, e.Confidence = hardware, hardware, MethodHardware, "Likely"
			if defaultUtil {
				e.Confidence = "Speculative"
			}
		default:
			return Estimate{}, ErrNoMethod
		}
	}
	for _, t := range Thresholds {
		if e.FLOP >= t {
			e.Thresholds = append(e.Thresholds, t)
		}
	}
	return e, nil
}

// counting is the operation count, when parameters and tokens are known.
func (e *Estimate) counting(in EstimateInputs) (float64, bool) {
	params := in.ActiveParams
	if params == 0 {
		params = in.Params
	}
	if params == 0 || in.Tokens == 0 {
		return 0, false
	}
	if in.ActiveParams > 0 {
		e.Inputs = append(e.Inputs, Input{Name: "active-params", Value: in.ActiveParams, Unit: "parameters"})
		if in.Params > 0 {
			e.Inputs = append(e.Inputs, Input{Name: "params", Value: in.Params, Unit: "parameters"})
		}
	} else {
		e.Inputs = append(e.Inputs, Input{Name: "params", Value: in.Params, Unit: "parameters"})
		e.Assumptions = append(e.Assumptions, Assumption{Code: AssumeDense,
			Message: "no active parameter count: every parameter is taken as active (a dense model)"})
	}
	e.Inputs = append(e.Inputs, Input{Name: "tokens", Value: in.Tokens, Unit: "tokens"})
	epochs := in.Epochs
	if epochs == 0 {
		epochs = 1
		e.Assumptions = append(e.Assumptions, Assumption{Code: AssumeEpochs, Message: "one pass over the tokens (no epoch count given)"})
	} else {
		e.Inputs = append(e.Inputs, Input{Name: "epochs", Value: epochs, Unit: "epochs"})
	}
	return 6 * params * in.Tokens * epochs, true
}

// hardware is the hardware-time figure, when the chip, its count and the
// time are known; defaultUtil reports that the utilization was assumed.
func (e *Estimate) hardware(in EstimateInputs) (flop float64, ok, defaultUtil bool) {
	if in.Chip == nil {
		return 0, false, false
	}
	peak, precision, ok := in.Chip.Peak()
	chipHours := in.ChipHours
	if chipHours == 0 {
		chipHours = in.Chips * in.Hours
	}
	if !ok || chipHours == 0 {
		return 0, false, false
	}
	e.Inputs = append(e.Inputs, Input{Name: "hardware", Value: peak, Unit: "FLOP/s", Text: in.Chip.Name})
	if in.ChipHours > 0 {
		e.Inputs = append(e.Inputs, Input{Name: "chip-hours", Value: in.ChipHours, Unit: "chip-hours"})
	} else {
		e.Inputs = append(e.Inputs, Input{Name: "chips", Value: in.Chips, Unit: "chips"}, Input{Name: "hours", Value: in.Hours, Unit: "hours"})
	}
	e.Assumptions = append(e.Assumptions, Assumption{Code: AssumePeak, Args: []any{in.Chip.Name, precision, peak},
		Message: fmt.Sprintf("the peak of %s at %s, %.4g FLOP/s, as Epoch takes it whatever precision the run used", in.Chip.Name, precision, peak)})
	util := in.Utilization
	if util == 0 {
		defaultUtil = true
		util = DefaultUtilization(in.Language)
		e.Assumptions = append(e.Assumptions, Assumption{Code: AssumeUtilization, Args: []any{util},
			Message: fmt.Sprintf("a utilization of %.2f, Epoch's default for %s", util, map[bool]string{true: "language models", false: "models other than language models"}[in.Language])})
	} else {
		e.Inputs = append(e.Inputs, Input{Name: "utilization", Value: util, Unit: "fraction"})
	}
	return chipHours * 3600 * peak * util, true, defaultUtil
}

// EstimateParams are the names of an estimate's inputs, as the estimate
// command's flags and the /api/v1/estimate parameters spell them. All but
// "hardware" and "domain" are numbers (see EstimateInputs for units).
var EstimateParams = []string{"params", "active-params", "tokens", "epochs", "hardware", "chips", "hours", "chip-hours",
	"utilization", "base-compute", "finetune-compute", "reported", "domain"}

// RowInputGiven is the first of EstimateParams but "domain" that given
// reports given, "" for none: the inputs an estimate of a source's rows
// takes from each row, not from the command line.
func RowInputGiven(given func(name string) bool) string {
	for _, n := range EstimateParams {
		if n != "domain" && given(n) {
			return n
		}
	}
	return ""
}

// ParseEstimateInputs reads an estimate's inputs by name through get (""
// when not given): numbers as ParseNumber reads them ("1e23", "175e9",
// "1,000"), the hardware through r's hardware table, the domain through r's
// domain table (a language model gets the language default utilization;
// "" is Language). It fails with an *InputError: Issue "not_a_number"
// (with Value), "negative", or "unknown_hardware" (with Value). Range
// checks beyond the sign are EstimateCompute's.
func ParseEstimateInputs(get func(name string) string, r *Rules) (EstimateInputs, error) {
	var in EstimateInputs
	nums := map[string]*float64{
		"params": &in.Params, "active-params": &in.ActiveParams, "tokens": &in.Tokens, "epochs": &in.Epochs,
		"chips": &in.Chips, "hours": &in.Hours, "chip-hours": &in.ChipHours, "utilization": &in.Utilization,
		"base-compute": &in.BaseCompute, "finetune-compute": &in.FinetuneCompute, "reported": &in.Reported,
	}
	for _, name := range EstimateParams {
		dst, ok := nums[name]
		if !ok {
			continue
		}
		s := Clean(get(name))
		if s == "" {
			continue
		}
		v, ok := ParseNumber(strings.TrimPrefix(s, "-"))
		if !ok || math.IsInf(v, 0) || math.IsNaN(v) {
			return in, &InputError{Input: name, Issue: "not_a_number", Value: s}
		}
		if strings.HasPrefix(s, "-") && v != 0 {
			return in, &InputError{Input: name, Issue: "negative", Value: s}
		}
		*dst = v
	}
	domain := Clean(get("domain"))
	if domain == "" {
		domain = "Language"
	}
	if d, ok := r.Domain(domain); ok {
		in.Language = d.Group == "Language"
	} else {
		in.Language = strings.EqualFold(domain, "language")
	}
	if hw := Clean(get("hardware")); hw != "" {
		c, ok := r.HardwareChip(hw)
		if !ok {
			return in, &InputError{Input: "hardware", Issue: "unknown_hardware", Value: hw}
		}
		in.Chip = &c
	}
	return in, nil
}
