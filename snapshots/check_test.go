package snapshots_test

import (
	"context"
	"errors"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// Check: an unknown figure and a year out of range are option errors; a
// figure without its year or country says which flag it needs.
func TestHistoryCheck(t *testing.T) {
	for _, c := range []struct {
		opt          snapshots.HistoryOptions
		option, flag string
	}{
		{snapshots.HistoryOptions{Figure: "per-year"}, "", ""},
		{snapshots.HistoryOptions{Figure: "count", Year: 2023}, "", ""},
		{snapshots.HistoryOptions{Figure: "country", Year: 2024, Country: "KR"}, "", ""},
		{snapshots.HistoryOptions{Figure: "median"}, "figure", ""},
		{snapshots.HistoryOptions{Figure: "count", Year: 1899}, "year", ""},
		{snapshots.HistoryOptions{Figure: "top", Year: 2201}, "year", ""},
		{snapshots.HistoryOptions{Figure: "top"}, "", "--year"},
		{snapshots.HistoryOptions{Figure: "country", Year: 2024}, "", "--country"},
	} {
		err := c.opt.Check()
		var oe *census.OptionError
		var ne *snapshots.NeedsError
		switch {
		case c.option != "":
			if !errors.As(err, &oe) || oe.Option != c.option {
				t.Errorf("%+v: %v, want an option error of %s", c.opt, err, c.option)
			}
		case c.flag != "":
			if !errors.As(err, &ne) || ne.Flag != c.flag {
				t.Errorf("%+v: %v, want a figure needing %s", c.opt, err, c.flag)
			}
		case err != nil:
			t.Errorf("%+v: %v, want none", c.opt, err)
		}
	}
}

// ArgRef opens the store only for an id, and passes its failure on; a
// file is read directly.
func TestArgRef(t *testing.T) {
	opened := 0
	failing := errors.New("no store here")
	open := func() (*store.Store, error) { opened++; return nil, failing }
	ref, err := snapshots.ArgRef(context.Background(), "../testdata/census_fixture.csv", open, epoch.OpenOptions{})
	if err != nil || ref == nil || ref.Location != "../testdata/census_fixture.csv" || opened != 0 {
		t.Errorf("file: ref %v, err %v, store opened %d times", ref, err, opened)
	}
	if _, err := snapshots.ArgRef(context.Background(), "12", open, epoch.OpenOptions{}); !errors.Is(err, failing) || opened != 1 {
		t.Errorf("id: err %v, store opened %d times, want the opener's error once", err, opened)
	}
}
