package web_test

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
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

// CheckListen refuses a negative poll and an address without a numeric
// port, naming each flag, and lets a loopback address and 0 pass.
func TestCheckListen(t *testing.T) {
	for _, c := range []struct {
		addr   string
		poll   time.Duration
		option string // "" for no error
	}{
		{"127.0.0.1:8080", 5 * time.Second, ""},
		{"127.0.0.1:0", 0, ""},
		{"[::1]:80", time.Minute, ""},
		{"127.0.0.1:8080", -time.Second, "poll"},
		{"nohostport", 0, "addr"},
		{"127.0.0.1:99999x", 0, "addr"},
		{"127.0.0.1:70000", 0, "addr"},
	} {
		err := web.CheckListen(c.addr, c.poll)
		var oe *census.OptionError
		switch {
		case c.option == "" && err != nil:
			t.Errorf("CheckListen(%q, %v) = %v, want nil", c.addr, c.poll, err)
		case c.option != "" && (!errors.As(err, &oe) || oe.Option != c.option):
			t.Errorf("CheckListen(%q, %v) = %v, want an option error of %s", c.addr, c.poll, err, c.option)
		}
	}
}
