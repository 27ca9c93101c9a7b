package web

import (
	"context"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// ServeSource sets c to serve the source at location, read once at start
// (Run) with load, less its progress bar (a server draws none); date, a
// YYYY-MM-DD already checked (epoch.CheckRead), dates the snapshot, ""
// leaving the files' own dates. First it brings, from that source, the
// rows of c.Overlay's add entries with From (overlay.BringFrom, with c.Rules
// and load's reading of the files): a source that cannot be opened brings
// nothing, and Run then reports it.
func (c *Config) ServeSource(ctx context.Context, location string, load epoch.LoadOptions, date string) {
	load.Fetch.Progress = nil
	if c.Overlay != nil {
		bring := epoch.LoadOptions{OpenOptions: load.OpenOptions, Now: load.Now, Encoding: load.Encoding, DateFormat: load.DateFormat}
		overlay.BringFrom(ctx, location, c.Rules, bring, c.Overlay)
	}
	if date != "" {
		load.Date, _ = time.Parse("2006-01-02", date)
	}
	c.Source, c.Load = location, load
}

// ServeStore sets c to serve st, having brought the rows of c.Overlay's
// add entries with From from st's newest snapshot (snapshots.Bring, with
// c.Rules). Its error is the store's; an empty store brings nothing.
func (c *Config) ServeStore(ctx context.Context, st *store.Store) error {
	if err := snapshots.Bring(ctx, st, c.Rules, c.Overlay); err != nil {
		return err
	}
	c.Source, c.Store = "", st
	return nil
}

// CheckListen checks, before anything is read, how a server is to run:
// poll (Config.Poll) must not be negative, and addr must be HOST:PORT
// with a numeric port (ValidAddr). Its error is a *census.OptionError
// (OptionChoice) naming the flag (poll, addr) and, as its one choice,
// what is wanted.
func CheckListen(addr string, poll time.Duration) error {
	if poll < 0 {
		return &census.OptionError{Option: "poll", Value: poll.String(), Code: census.OptionChoice, Choices: []string{"a duration such as 5s"}}
	}
	if !ValidAddr(addr) {
		return &census.OptionError{Option: "addr", Value: addr, Code: census.OptionChoice, Choices: []string{"HOST:PORT"}}
	}
	return nil
}
