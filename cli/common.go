package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	stdio "io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/snapshots"
)

// sourceOptions are the flags that choose and read a source.
type sourceOptions struct {
	snapshots.SourceFlags
	RulesDir string
	Lang     string
	// Overlay is --overlay: a curation folder, "none", or "" for the
	// default folder when it exists.
	Overlay string
}

func (o *sourceOptions) addFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.StringVar(&o.Source, "source", epoch.DefaultURL, l.T("flag.source"))
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.Date, "date", "", l.T("flag.date"))
	fs.StringVar(&o.CacheDir, "cache-dir", "", l.T("flag.cache-dir"))
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
}

// addEstimateFlag adds --estimate-missing, for the commands that publish a
// census.
func (o *sourceOptions) addEstimateFlag(fs *pflag.FlagSet, l i18n.Lang) {
	fs.BoolVar(&o.EstimateMissing, "estimate-missing", false, l.T("flag.estimate_missing"))
}

// addReadFlags adds the flags that settle how a file is written, for the
// commands that read a source directly: --encoding and --date-format.
func (o *sourceOptions) addReadFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.StringVar(&o.Encoding, "encoding", "", l.T("flag.encoding"))
	fs.StringVar(&o.DateFormat, "date-format", "", l.T("flag.date-format"))
}

// start is how a command that reads a source begins: the output language
// from --lang (or the locale), and the source flags checked.
func (o *sourceOptions) start(io *IOStreams) (i18n.Lang, error) {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return i18n.EN, err
	}
	return l, o.validate(l)
}

func (o *sourceOptions) validate(l i18n.Lang) error {
	v, err := epoch.CheckRead(epoch.ReadValues{Subset: o.Subset, Date: o.Date, Encoding: o.Encoding, DateFormat: o.DateFormat})
	var oe *census.OptionError
	if errors.As(err, &oe) && oe.Code == census.OptionDate {
		return &Error{Code: ExitUsage, Msg: l.T("err.bad_date", "--"+oe.Option, oe.Value)}
	} else if err != nil {
		return optionError(l, err)
	}
	o.Encoding, o.DateFormat = v.Encoding, v.DateFormat
	return nil
}

// badValue is the usage error for a flag value outside its choices.
func badValue(l i18n.Lang, flag, value, choices string) error {
	return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.bad_value", flag, value, choices))}
}

// optionError is a census option's error (census.OptionError) as the
// usage error of its flag, in l; other errors pass unchanged.
func optionError(l i18n.Lang, err error) error {
	if !errors.As(err, new(*census.OptionError)) {
		return err
	}
	return usageOf(l, err)
}

// usageOf is the usage error of err in l, worded by publish.UsageKey;
// nil for an error it does not word.
func usageOf(l i18n.Lang, err error) error {
	key, args, ok := publish.UsageKey(err)
	if !ok {
		return nil
	}
	return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T(key, args...)), Err: err}
}

// loadRules reads the rules, translating a table error.
func (o *sourceOptions) loadRules(l i18n.Lang) (*census.Rules, error) {
	r, err := rules.Load(o.RulesDir)
	if err != nil {
		return nil, &Error{Code: ExitRules, Msg: l.T("err.rules", err), Err: err}
	}
	return r, nil
}

// openOptions are how the source is opened: the download cache, a
// progress bar on a terminal, and the downloader main wired.
func (o *sourceOptions) openOptions(io *IOStreams) epoch.OpenOptions {
	var progress stdio.Writer
	if io.ErrIsTerminal() {
		progress = io.ErrOut
	}
	return o.SourceFlags.OpenOptions(io.Now, progress, io.Deps.Download)
}

// load opens and reads the source, printing warnings on ErrOut.
func (o *sourceOptions) load(ctx context.Context, io *IOStreams, l i18n.Lang, r *census.Rules, onRow func(*census.Raw)) (*census.Dataset, error) {
	return o.loadWith(ctx, io, l, r, epoch.LoadOptions{OnRow: onRow})
}

// loadWith is load with more options: opt's OnRow, RowsOnly and Overlay
// are kept. Without an Overlay (unless RowsOnly) it reads the overlay in
// use, whose rows snapshots.Read brings from the same source.
func (o *sourceOptions) loadWith(ctx context.Context, io *IOStreams, l i18n.Lang, r *census.Rules, opt epoch.LoadOptions) (*census.Dataset, error) {
	if opt.Overlay == nil && !opt.RowsOnly {
		ov, _, err := o.loadOverlay(io, l)
		if err != nil {
			return nil, err
		}
		opt.Overlay = ov
	}
	ds, notes, err := o.SourceFlags.Read(ctx, r, o.openOptions(io), io.Now, opt)
	reason := func(err error) string { return translate(l, err).Error() }
	for _, line := range publish.ReadingLines(notes, io.Now(), l, reason) {
		fmt.Fprintln(io.ErrOut, line)
	}
	if err != nil {
		return nil, translate(l, err)
	}
	for _, line := range publish.ProblemLines(ds.Problems, 10, l) {
		fmt.Fprintln(io.ErrOut, line)
	}
	return ds, nil
}

// outputError is the error for output that cannot be written
// (publish.OutputMessage).
func outputError(l i18n.Lang, err error) error {
	return &Error{Code: ExitOutput, Msg: publish.OutputMessage(l, err), Err: err}
}

// addCensusFlags adds the counting flags that report, diff, history and
// chart share, under the same names as the API's parameters.
func (o *reportOptions) addCensusFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.IntVar(&o.From, "from", 0, l.T("flag.from"))
	fs.IntVar(&o.To, "to", 0, l.T("flag.to"))
	fs.StringVar(&o.Attribution, "attribution", "full", l.T("flag.attribution"))
	fs.StringVar(&o.CountryBy, "country-by", "organization", l.T("flag.country-by"))
	fs.StringVar(&o.OrgLevel, "org-level", "group", l.T("flag.org-level"))
	fs.StringVar(&o.MinCompute, "min-compute", "", l.T("flag.min-compute"))
}

// addCountingFlags adds the flags of the commands that count a source or
// a stored snapshot: the source's with --encoding and --date-format,
// --estimate-missing, --overlay, with census the counting flags
// (addCensusFlags), --format (its default and its help's key), -o,
// --snapshot, --as-of and the store's --db.
func (o *reportOptions) addCountingFlags(fs *pflag.FlagSet, l i18n.Lang, census bool, format, formatKey string) {
	o.sourceOptions.addFlags(fs, l)
	o.sourceOptions.addReadFlags(fs, l)
	o.addEstimateFlag(fs, l)
	o.addOverlayFlag(fs, l)
	if census {
		o.addCensusFlags(fs, l)
	}
	fs.StringVar(&o.Format, "format", format, l.T(formatKey))
	fs.StringVarP(&o.Output, "output", "o", "", l.T("flag.output"))
	fs.StringVar(&o.Choice.Snapshot, "snapshot", "", l.T("flag.snapshot"))
	fs.StringVar(&o.Choice.AsOf, "as-of", "", l.T("flag.as-of"))
	o.dbOptions.addFlags(fs, l)
}

// startCensus is how a command that counts stored snapshots begins: the
// language and the source flags (start), then the counting flags.
func (o *reportOptions) startCensus(io *IOStreams) (i18n.Lang, census.Options, error) {
	l, err := o.start(io)
	if err != nil {
		return l, census.Options{}, err
	}
	copt, err := o.censusOptions(l)
	if err != nil {
		return l, copt, asUsage(l, err)
	}
	return l, copt, nil
}

// optionValues are the counting flags as census.ParseOptions reads them.
func (o *reportOptions) optionValues() census.OptionValues {
	v := census.OptionValues{Attribution: o.Attribution, CountryBy: o.CountryBy, OrgLevel: o.OrgLevel, MinCompute: o.MinCompute}
	return v.WithNumbers(o.From, o.To, o.Top)
}

// censusOptions checks the counting flags with census's one parser
// (census.ParseOptions), with messages in l.
func (o *reportOptions) censusOptions(l i18n.Lang) (census.Options, error) {
	opt, err := census.ParseOptions(o.optionValues())
	return opt, optionError(l, err)
}

// writeWith writes what write makes to path (atomically), or to standard
// output when path is "" or "-" (publish.WriteTo), translating its
// errors in l.
func writeWith(io *IOStreams, l i18n.Lang, path string, write func(*bytes.Buffer, publish.Options) error) error {
	opt := publish.Options{Lang: l, Version: Version, Formats: io.Deps.Formats}
	return translate(l, publish.WriteTo(io.Out, path, io.OutWidth(), opt, write))
}

// checkChoice refuses --snapshot with --as-of, and either with --source
// (snapshots.Choice.Check), in the --lang language (English when --lang
// is invalid).
func (o *reportOptions) checkChoice(cmd *cobra.Command, io *IOStreams) error {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		l = i18n.EN
	}
	o.Choice.SourceSet = cmd.Flags().Changed("source")
	return usageOf(l, o.Choice.Check())
}

// read loads the rules and reads the dataset (dataset).
func (o *reportOptions) read(ctx context.Context, io *IOStreams, l i18n.Lang, onRow func(*census.Raw)) (*census.Rules, *census.Dataset, error) {
	r, err := o.loadRules(l)
	if err != nil {
		return nil, nil, err
	}
	ds, err := o.dataset(ctx, io, l, r, onRow)
	return r, ds, err
}

// dataset reads the source, or the stored snapshot chosen by --snapshot
// or --as-of (snapshots.Choice).
func (o *reportOptions) dataset(ctx context.Context, io *IOStreams, l i18n.Lang, r *census.Rules, onRow func(*census.Raw)) (*census.Dataset, error) {
	if !o.Choice.Stored() {
		return o.load(ctx, io, l, r, onRow)
	}
	st, err := o.openExisting(ctx, io, l)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	snap, err := o.Choice.Pick(ctx, st, o.Subset)
	if e := usageOf(l, err); e != nil {
		return nil, e
	} else if err != nil {
		return nil, storeError(l, err)
	}
	ov, _, err := o.loadOverlay(io, l)
	if err != nil {
		return nil, err
	}
	ds, err := snapshots.ReadStored(ctx, st, snap, r, epoch.LoadOptions{Subset: o.Subset, OnRow: onRow, EstimateMissing: o.EstimateMissing, Overlay: ov})
	if err != nil {
		return nil, storeOrInput(l, err)
	}
	return ds, nil
}
