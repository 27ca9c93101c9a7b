package snapshots

import (
	"context"
	"io"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/store"
)

// Read opens the source at location (epoch.Open with opt.OpenOptions)
// and reads it (epoch.Source.Load with opt), as the commands that count a
// source do. An opt.Overlay not brought yet (Brought nil) first gets its
// add entries' rows from that same source (overlay.Bring, with opt's
// encoding and date format). The notes say what the reader should be told
// (the bundled snapshot standing in for a failed download, a cached or
// offline copy); they are set whenever the source could be opened, even
// when reading it then fails. Errors are opening's and reading's.
func Read(ctx context.Context, location string, rules *census.Rules, opt epoch.LoadOptions) (*census.Dataset, epoch.Notes, error) {
	src, err := epoch.Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return nil, epoch.Notes{}, err
	}
	defer src.Close()
	if ov := opt.Overlay; ov != nil && ov.Brought == nil {
		overlay.Bring(ctx, src, rules, epoch.LoadOptions{Now: opt.Now, Encoding: opt.Encoding, DateFormat: opt.DateFormat}, ov)
	}
	ds, err := src.Load(ctx, rules, opt)
	return ds, epoch.NotesOf(location, src), err
}

// ReadStored reads a stored snapshot's subset as Load does, after
// opt.Overlay, when not brought yet (Brought nil), gets its add entries'
// rows from that same snapshot (BringFrom): a report on snap counts what
// a report on the files pulled would.
func ReadStored(ctx context.Context, st *store.Store, snap *census.Snapshot, rules *census.Rules, opt epoch.LoadOptions) (*census.Dataset, error) {
	if ov := opt.Overlay; ov != nil && ov.Brought == nil {
		BringFrom(ctx, st, snap, rules, ov)
	}
	return Load(ctx, st, snap, rules, opt)
}

// SourceFlags are how a command asks for a source to be read: the
// command line's --source, --subset, --date, --cache-dir, --encoding,
// --date-format and --estimate-missing.
type SourceFlags struct {
	Source     string // a file, folder, zip or URL
	Subset     string // the subset read from a bundle ("" for its default)
	Date       string // the snapshot's date, YYYY-MM-DD ("" for the file's)
	CacheDir   string // the download cache ("" for the default)
	Encoding   string // the file's text encoding ("" to detect it)
	DateFormat string // how the file writes dates ("" to detect it)
	// EstimateMissing fills missing training compute (see
	// census.Dataset.EstimateMissing).
	EstimateMissing bool
}

// OpenOptions are how f's source is opened: f's download cache, now as
// the clock, progress for a progress bar (nil for none) and download as
// the downloader.
func (f SourceFlags) OpenOptions(now func() time.Time, progress io.Writer, download func(context.Context, string, epoch.FetchOptions) (*epoch.Fetched, error)) epoch.OpenOptions {
	var opt epoch.OpenOptions
	opt.Fetch.CacheDir, opt.Fetch.Now, opt.Fetch.Progress = f.CacheDir, now, progress
	opt.Download = download
	return opt
}

// Read reads f's source (Read) with open as how it is opened and now as
// the clock; opt's OnRow, RowsOnly and Overlay are kept. Without a
// source of the user's (epoch.DefaultURL), a failed download falls back
// on the snapshot bundled with modelcensus, and the notes say so.
func (f SourceFlags) Read(ctx context.Context, rules *census.Rules, open epoch.OpenOptions, now func() time.Time, opt epoch.LoadOptions) (*census.Dataset, epoch.Notes, error) {
	opt.OpenOptions, opt.Subset, opt.Now = open, f.Subset, now
	opt.Encoding, opt.DateFormat, opt.EstimateMissing = f.Encoding, f.DateFormat, f.EstimateMissing
	opt.Fallback = f.Source == epoch.DefaultURL
	if f.Date != "" {
		opt.Date, _ = time.Parse("2006-01-02", f.Date)
	}
	return Read(ctx, f.Source, rules, opt)
}
