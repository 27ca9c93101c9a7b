package snapshots

import (
	"errors"
	"testing"

	"github.com/modelcensus/modelcensus/census"
)

func TestChoiceCheck(t *testing.T) {
	for _, tc := range []struct {
		c      Choice
		stored bool
		bad    bool
	}{
		{Choice{}, false, false},
		{Choice{SourceSet: true}, false, false},
		{Choice{Snapshot: "3"}, true, false},
		{Choice{AsOf: "2025-01-01"}, true, false},
		{Choice{Snapshot: "3", AsOf: "2025-01-01"}, true, true},
		{Choice{Snapshot: "3", SourceSet: true}, true, true},
		{Choice{AsOf: "2025-01-01", SourceSet: true}, true, true},
	} {
		err := tc.c.Check()
		var oe *census.OptionError
		if tc.c.Stored() != tc.stored || (err != nil) != tc.bad || tc.bad && (!errors.As(err, &oe) || oe.Code != census.OptionExclusive) {
			t.Errorf("%+v: stored %v, check %v", tc.c, tc.c.Stored(), err)
		}
	}
}

// A --snapshot that is not a number and an --as-of that is not a date are
// refused before the store is asked.
func TestChoicePickBadValues(t *testing.T) {
	for _, tc := range []struct {
		c    Choice
		code string
	}{
		{Choice{Snapshot: "x"}, census.OptionSnapshotID},
		{Choice{AsOf: "May 2025"}, census.OptionDate},
	} {
		_, err := tc.c.Pick(t.Context(), nil, "")
		var oe *census.OptionError
		if !errors.As(err, &oe) || oe.Code != tc.code {
			t.Errorf("%+v: %v, want code %s", tc.c, err, tc.code)
		}
	}
}
