package publish_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// UsageKey words each typed error by its flag; wrapped errors too, and
// nothing else.
func TestUsageKey(t *testing.T) {
	for _, c := range []struct {
		err  error
		key  string
		args []any
	}{
		{&census.OptionError{Option: "attribution", Value: "x", Code: census.OptionChoice, Choices: []string{"full", "fractional"}},
			"err.bad_value", []any{"--attribution", "x", "full, fractional"}},
		{&census.OptionError{Option: "min-compute", Value: "lots", Code: census.OptionFLOP}, "err.bad_number", []any{"--min-compute", "lots", "1e23"}},
		{&census.OptionError{Option: "from", Value: "1800", Code: census.OptionYear}, "err.bad_year", []any{1800}},
		{&census.OptionError{Option: "top", Value: "0", Code: census.OptionCount}, "err.bad_count", []any{"--top", 0}},
		{&census.OptionError{Option: "since", Value: "2020-13", Code: census.OptionDate}, "err.bad_date", []any{"--since", "2020-13"}},
		{&census.CountingError{Rule: "duplicates", Value: "x", Choices: "merge, keep"}, "err.bad_value", []any{"--duplicates", "x", "merge, keep"}},
		{&census.InputError{Input: "params", Issue: "not_a_number", Value: "x"}, "err.est_number", []any{"--params", "x"}},
		{&census.InputError{Input: "utilization", Issue: "utilization_above_one"}, "err.est_utilization", nil},
		{&census.InputError{Input: "tokens", Issue: "negative"}, "err.est_negative", []any{"tokens"}},
		{fmt.Errorf("estimate: %w", census.ErrNoMethod), "err.est_no_method", nil},
		{&census.TooFewModelsError{N: 2, Required: 3}, "err.trend_too_few", []any{2, 3}},
		{&census.TooFewModelsError{N: 4, OneDate: true}, "err.trend_one_date", []any{4}},
		{fmt.Errorf("draw: %w", publish.ErrTableChart), "err.table_chart", nil},
	} {
		key, args, ok := publish.UsageKey(c.err)
		if !ok || key != c.key || !reflect.DeepEqual(args, c.args) {
			t.Errorf("%v: %q %v %v; want %q %v", c.err, key, args, ok, c.key, c.args)
		}
	}
	for _, err := range []error{errors.New("other"), &census.OptionError{Option: "since", Code: census.OptionSpan}} {
		if key, _, ok := publish.UsageKey(err); ok {
			t.Errorf("%v: worded as %q; want none", err, key)
		}
	}
}

// ReadingLines: a fallback says the location, the reason and the bundled
// date; an offline copy its age; a cached one its time; none says nothing.
func TestReadingLines(t *testing.T) {
	got := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	reason := func(err error) string { return "because " + err.Error() }
	lines := publish.ReadingLines(epoch.Notes{Location: "https://x/ai.zip", Fallback: errors.New("offline"), Date: time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)},
		got, i18n.EN, reason)
	if len(lines) != 1 || lines[0] != i18n.EN.T("warn.bundled", "https://x/ai.zip", "because offline", "2026-04-02") {
		t.Errorf("fallback: %q", lines)
	}
	off := &epoch.Fetched{URL: "https://x/ai.zip", Offline: true, RetrievedAt: got.Add(-72 * time.Hour)}
	lines = publish.ReadingLines(epoch.Notes{Fetched: off}, got, i18n.KO, reason)
	if len(lines) != 1 || lines[0] != i18n.KO.T("warn.offline", off.URL, i18n.KO.T("age.days", 3), off.RetrievedAt.Format(time.RFC3339)) {
		t.Errorf("offline: %q", lines)
	}
	cached := &epoch.Fetched{URL: "https://x/ai.zip", FromCache: true, RetrievedAt: got}
	if lines = publish.ReadingLines(epoch.Notes{Fetched: cached}, got, i18n.EN, reason); len(lines) != 1 || lines[0] != i18n.EN.T("warn.cached", cached.URL, got.Format(time.RFC3339)) {
		t.Errorf("cached: %q", lines)
	}
	if lines = publish.ReadingLines(epoch.Notes{}, got, i18n.EN, reason); len(lines) != 0 {
		t.Errorf("nothing to say: %q", lines)
	}
}

// A country the rules do not know is named as given.
func TestUsageKeyCountry(t *testing.T) {
	key, args, ok := publish.UsageKey(fmt.Errorf("select: %w", &census.UnknownCountryError{Value: "XX"}))
	if !ok || key != "err.unknown_country" || !reflect.DeepEqual(args, []any{"XX"}) {
		t.Errorf("%q %v %v", key, args, ok)
	}
}
