package web_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/web"
)

// ServeSource serves the source named, dated as asked, with no progress
// bar; without an overlay it brings nothing and opens nothing.
func TestServeSource(t *testing.T) {
	var c web.Config
	load := epoch.LoadOptions{Subset: "notable", Encoding: "utf-8"}
	load.Fetch.Progress = io.Discard
	c.ServeSource(context.Background(), "../testdata/census_fixture.csv", load, "2025-03-01")
	if c.Source != "../testdata/census_fixture.csv" || c.Store != nil {
		t.Errorf("serves source %q, store %v", c.Source, c.Store)
	}
	if want := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC); !c.Load.Date.Equal(want) {
		t.Errorf("date %v, want %v", c.Load.Date, want)
	}
	if c.Load.Fetch.Progress != nil || c.Load.Subset != "notable" || c.Load.Encoding != "utf-8" {
		t.Errorf("load options %+v: want the progress bar dropped and the rest kept", c.Load)
	}
	c = web.Config{}
	c.ServeSource(context.Background(), "../testdata/census_fixture.csv", epoch.LoadOptions{}, "")
	if !c.Load.Date.IsZero() {
		t.Errorf("date %v without one asked", c.Load.Date)
	}
}
