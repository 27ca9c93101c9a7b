package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/overlay"
)

func newCurateWriteCmd(io *IOStreams, l i18n.Lang, o *curateOptions, kind census.EntryKind) *cobra.Command {
	cmd := &cobra.Command{
		Use:   string(kind),
		Short: l.T("cmd.curate." + string(kind)),
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return runCurateWrite(cmd, io, o, kind) },
	}
	fs := cmd.Flags()
	fs.StringVar(&o.d.ID, "id", "", l.T("flag.cur.id"))
	fs.StringVar(&o.d.Organization, "organization", "", l.T("flag.cur.organization"))
	if kind == census.EntryAdd {
		fs.StringVar(&o.d.Name, "name", "", l.T("flag.cur.name"))
		fs.StringSliceVar(&o.d.Aliases, "alias", nil, l.T("flag.cur.alias"))
		fs.StringVar(&o.d.Country, "country", "", l.T("flag.cur.country"))
		fs.StringVar(&o.d.Date, "date", "", l.T("flag.cur.date"))
		fs.StringVar(&o.d.Domain, "domain", "", l.T("flag.cur.domain"))
		fs.StringVar(&o.d.Params, "params", "", l.T("flag.est.params"))
		fs.StringVar(&o.d.ActiveParams, "active-params", "", l.T("flag.est.active-params"))
		fs.StringVar(&o.d.Tokens, "tokens", "", l.T("flag.est.tokens"))
		fs.StringVar(&o.d.Compute, "compute", "", l.T("flag.cur.compute"))
		fs.StringVar(&o.d.Hardware, "hardware", "", l.T("flag.est.hardware"))
		fs.StringVar(&o.d.Confidence, "confidence", "", l.T("flag.cur.confidence"))
		fs.StringVar(&o.d.Access, "accessibility", "", l.T("flag.cur.accessibility"))
		fs.StringVar(&o.d.From, "from", "", l.T("flag.cur.from"))
	} else {
		fs.StringVar(&o.d.Model, "model", "", l.T("flag.cur.model"))
	}
	if kind == census.EntryCorrect {
		fs.StringVar(&o.d.Field, "field", "", l.T("flag.cur.field", strings.Join(overlay.FieldNames(), ", ")))
		fs.StringVar(&o.d.Value, "value", "", l.T("flag.cur.value"))
	}
	fs.StringVar(&o.Source, "source", "", l.T("flag.cur.source"))
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset"))
	fs.StringVar(&o.CacheDir, "cache-dir", "", l.T("flag.cache-dir"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.d.SourceURL, "source-url", "", l.T("flag.cur.source-url"))
	fs.StringVar(&o.d.Retrieved, "retrieved", "", l.T("flag.cur.retrieved"))
	fs.StringVar(&o.d.Note, "note", "", l.T("flag.cur.note"))
	fs.StringVar(&o.d.Reason, "reason", "", l.T("flag.cur.reason"))
	fs.StringVar(&o.d.Author, "author", "", l.T("flag.cur.author"))
	return cmd
}

// runCurateWrite builds an entry from the flags, checks it against the
// source where one is named (an add of a model the source lists is
// refused; a correction records the upstream value it replaces), validates
// it and writes it to the overlay folder.
func runCurateWrite(cmd *cobra.Command, io *IOStreams, o *curateOptions, kind census.EntryKind) error {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return err
	}
	dir := overlay.WriteDir(o.Overlay, io.Getenv)
	if dir == "" {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.no_overlay"))}
	}
	e, err := o.d.Entry(kind, io.Now().UTC().Format("2006-01-02"))
	if de := (*overlay.DraftError)(nil); errors.As(err, &de) && de.Flag == "--field" {
		return badValue(l, "--field", de.Value, strings.Join(overlay.FieldNames(), ", "))
	} else if de != nil {
		return &Error{Code: ExitUsage, Msg: l.T("err.bad_number", de.Flag, de.Value, "37e9")}
	}
	if kind != census.EntryAdd || o.Source != "" {
		if o.Source == "" {
			return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.curate_needs_source", kind))}
		}
		if err := o.checkUpstream(cmd, io, l, &e); err != nil {
			return err
		}
	} else {
		// An add with no source is written unchecked: say so, since the
		// model may already be upstream under this or another name.
		fmt.Fprintln(io.ErrOut, l.T("warn.curate_unchecked", e.Model))
	}
	return writeEntry(io, l, dir, e)
}

// writeEntry writes a validated entry to the overlay folder and says
// where; an invalid entry or a taken id is ExitOverlay.
func writeEntry(io *IOStreams, l i18n.Lang, dir string, e census.Entry) error {
	path, err := overlay.Write(dir, e)
	var oe *overlay.Error
	var de *overlay.DuplicateError
	switch {
	case errors.As(err, &oe):
		// The entry was made from flags: name the flag, not a file.
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", overlay.FlagFor(oe.Field)+": "+oe.Message(l)), Err: err}
	case errors.Is(err, overlay.ErrExists):
		return &Error{Code: ExitOverlay, Msg: l.T("err.entry_exists", e.ID, dir), Err: err}
	case errors.As(err, &de):
		return &Error{Code: ExitOverlay, Msg: l.T("err.entry_duplicate", de.Name, de.Other), Err: err}
	case err != nil:
		return &Error{Code: ExitOutput, Msg: err.Error(), Err: err}
	}
	fmt.Fprintln(io.Out, l.T("curate.written", path))
	return nil
}

// checkUpstream reads the source for the entry's model: an add must not
// name a listed model; a correct or exclude must, and a correct records the
// value it replaces.
func (o *curateOptions) checkUpstream(cmd *cobra.Command, io *IOStreams, l i18n.Lang, e *census.Entry) error {
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	onRow, kept := overlay.Upstream(e.Model)
	if _, err := o.loadWith(cmd.Context(), io, l, r, epoch.LoadOptions{OnRow: onRow, RowsOnly: true}); err != nil {
		return err
	}
	found := kept()
	switch {
	case e.Kind == census.EntryAdd && found != nil:
		return &Error{Code: ExitOverlay, Msg: l.T("err.add_exists", e.Model, census.Clean(found.Get(census.FieldName)), o.Source)}
	case e.Kind != census.EntryAdd && found == nil:
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.no_model", e.Model, o.Source))}
	case e.Kind == census.EntryCorrect:
		e.Upstream = census.Clean(found.Get(e.Field))
	}
	return nil
}
