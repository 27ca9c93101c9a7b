package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/internal/limits"
	"github.com/modelcensus/modelcensus/overlay"
)

// addOverlayFlag adds --overlay, for the commands that count.
func (o *sourceOptions) addOverlayFlag(fs *pflag.FlagSet, l i18n.Lang) {
	fs.StringVar(&o.Overlay, "overlay", "", l.T("flag.overlay"))
}

// overlayDir is the overlay folder in use (overlay.InUse); "" for none.
func (o *sourceOptions) overlayDir(io *IOStreams) string { return overlay.InUse(o.Overlay, io.Getenv) }

// loadOverlay reads the overlay in use, or returns nil for none. Each bad
// entry is one warning on ErrOut (file, line, field, what is wrong); the
// good entries are kept. A named folder that cannot be read is an input
// error.
func (o *sourceOptions) loadOverlay(io *IOStreams, l i18n.Lang) (*census.Overlay, []*overlay.Error, error) {
	dir := o.overlayDir(io)
	if dir == "" {
		return nil, nil, nil
	}
	ov, problems, err := overlay.LoadCached(dir, overlay.CacheDir(o.CacheDir, io.Getenv))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, &Error{Code: ExitOverlay, Msg: l.T("err.overlay_dir", dir), Err: err}
		}
		if errors.Is(err, overlay.ErrTooManyEntries) {
			return nil, nil, &Error{Code: ExitOverlay, Msg: l.T("err.overlay_too_many", dir, limits.OverlayEntries), Err: err}
		}
		return nil, nil, &Error{Code: ExitOverlay, Msg: l.T("err.overlay_dir", dir) + ": " + err.Error(), Err: err}
	}
	for _, p := range problems {
		fmt.Fprintln(io.ErrOut, l.T("warn.overlay_entry", p.Text(l)))
	}
	return ov, problems, nil
}

// bring reads, for each add entry with From, its model's row from that
// subset of the same source (overlay.Bring).
func (o *sourceOptions) bring(ctx context.Context, io *IOStreams, r *census.Rules, ov *census.Overlay) {
	opt := epoch.LoadOptions{OpenOptions: o.openOptions(io), Now: io.Now, Encoding: o.Encoding, DateFormat: o.DateFormat}
	opt.OpenOptions.Fetch.Progress = nil
	overlay.BringFrom(ctx, o.Source, r, opt, ov)
}
