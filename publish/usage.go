package publish

import (
	"errors"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
)

// UsageKey words a typed error of the packages below as a command line's
// usage error, once for every command: the message's key in package i18n
// and its arguments, naming each option as its flag (--from). It covers a
// census option (*census.OptionError, but for a trend's span, which
// names no one value), a country the rules do not know
// (*census.UnknownCountryError), a figure (FigureErrorKey) and its counting rules
// (*census.CountingError), an estimate's inputs (*census.InputError,
// census.ErrNoMethod), a trend with too few models
// (*census.TooFewModelsError), a chart of a table of two dimensions
// (ErrTableChart), and a format outside the choices or one that needs a
// file (*ChoiceError, *NeedsOutputError). ok is false for any other
// error.
func UsageKey(err error) (key string, args []any, ok bool) {
	if _, key, args, ok := FigureErrorKey(err); ok {
		return key, args, true
	}
	var oe *census.OptionError
	var ce *census.CountingError
	var ie *census.InputError
	var tf *census.TooFewModelsError
	var ch *ChoiceError
	var no *NeedsOutputError
	var uc *census.UnknownCountryError
	switch {
	case errors.As(err, &uc):
		return "err.unknown_country", []any{uc.Value}, true
	case errors.As(err, &ch):
		return "err.bad_value", []any{ch.Flag, ch.Value, ch.Choices}, true
	case errors.As(err, &no):
		return "err.needs_output", []any{no.Format}, true
	case errors.As(err, &oe):
		return optionKey(oe)
	case errors.As(err, &ce):
		return "err.bad_value", []any{"--" + ce.Rule, ce.Value, ce.Choices}, true
	case errors.As(err, &ie):
		switch ie.Issue {
		case "utilization_above_one":
			return "err.est_utilization", nil, true
		case "not_a_number":
			return "err.est_number", []any{"--" + ie.Input, ie.Value}, true
		case "unknown_hardware":
			return "err.est_hardware", []any{ie.Value}, true
		}
		return "err.est_negative", []any{ie.Input}, true
	case errors.Is(err, census.ErrNoMethod):
		return "err.est_no_method", nil, true
	case errors.As(err, &tf) && tf.OneDate:
		return "err.trend_one_date", []any{tf.N}, true
	case errors.As(err, &tf):
		return "err.trend_too_few", []any{tf.N, tf.Required}, true
	case errors.Is(err, ErrTableChart):
		return "err.table_chart", nil, true
	}
	return "", nil, false
}

// optionKey is UsageKey of a census option's error.
func optionKey(oe *census.OptionError) (key string, args []any, ok bool) {
	flag := "--" + oe.Option
	switch oe.Code {
	case census.OptionSpan:
		return "", nil, false
	case census.OptionChoice:
		return "err.bad_value", []any{flag, oe.Value, strings.Join(oe.Choices, ", ")}, true
	case census.OptionFLOP:
		return "err.bad_number", []any{flag, oe.Value, "1e23"}, true
	case census.OptionYear:
		y, _ := strconv.Atoi(oe.Value)
		return "err.bad_year", []any{y}, true
	case census.OptionPeriod:
		return "err.bad_period", oe.Args, true
	case census.OptionDate:
		return "err.bad_date", []any{flag, oe.Value}, true
	case census.OptionSnapshotID:
		return "err.snapshot_id", []any{oe.Value}, true
	case census.OptionExclusive:
		return "err.snapshot_flags", nil, true
	}
	n, _ := strconv.Atoi(oe.Value)
	return "err.bad_count", []any{flag, n}, true
}
