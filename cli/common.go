package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/rules"
)

// sourceOptions are the flags that choose and read a source.
type sourceOptions struct {
	Source   string
	Subset   string
	RulesDir string
	Date     string
	CacheDir string
	Lang     string
}

func (o *sourceOptions) addFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.StringVar(&o.Source, "source", epoch.DefaultURL, l.T("flag.source"))
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.Date, "date", "", l.T("flag.date"))
	fs.StringVar(&o.CacheDir, "cache-dir", "", l.T("flag.cache-dir"))
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
}

func (o *sourceOptions) lang(io *IOStreams) (i18n.Lang, error) {
	if o.Lang == "" {
		return i18n.FromEnv(io.Getenv), nil
	}
	return i18n.Parse(o.Lang)
}

// start is how a command that reads a source begins: the output language
// from --lang (or the locale), and the source flags checked.
func (o *sourceOptions) start(io *IOStreams) (i18n.Lang, error) {
	l, err := o.lang(io)
	if err != nil {
		return i18n.EN, usageError("en", err)
	}
	return l, o.validate(l)
}

func (o *sourceOptions) validate(l i18n.Lang) error {
	switch o.Subset {
	case "", epoch.SubsetAll, epoch.SubsetNotable, epoch.SubsetLargeScale, epoch.SubsetFrontier:
	default:
		return badValue(l, "--subset", o.Subset, "all, notable, large-scale, frontier")
	}
	if o.Date != "" {
		if _, err := time.Parse("2006-01-02", o.Date); err != nil {
			return &Error{Code: ExitUsage, Msg: l.T("err.bad_date", "--date", o.Date)}
		}
	}
	return nil
}

// badValue is the usage error for a flag value outside its choices.
func badValue(l i18n.Lang, flag, value, choices string) error {
	return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.bad_value", flag, value, choices))}
}

// loadRules reads the rules, translating a table error.
func (o *sourceOptions) loadRules(l i18n.Lang) (*census.Rules, error) {
	r, err := rules.Load(o.RulesDir)
	if err != nil {
		return nil, &Error{Code: ExitRules, Msg: l.T("err.rules", err), Err: err}
	}
	return r, nil
}

// startRules is loadRules for a command that reads a source next: the
// embedded tables load while the source is parsed (see rules.Start). Call
// rulesDone once the dataset is read.
func (o *sourceOptions) startRules(l i18n.Lang) (*census.Rules, error) {
	r, err := rules.Start(o.RulesDir)
	if err != nil {
		return nil, &Error{Code: ExitRules, Msg: l.T("err.rules", err), Err: err}
	}
	return r, nil
}

// rulesDone reports an error of rules loaded in the background.
func rulesDone(l i18n.Lang, r *census.Rules) error {
	if err := r.Wait(); err != nil {
		return &Error{Code: ExitRules, Msg: l.T("err.rules", err), Err: err}
	}
	return nil
}

// openOptions are how the source is opened: the download cache, a
// progress bar on a terminal, and the downloader, which only
// modelcensus-full links (a URL source in this binary hands off to it).
func (o *sourceOptions) openOptions(io *IOStreams) (epoch.OpenOptions, error) {
	var opt epoch.OpenOptions
	opt.Fetch.CacheDir = o.CacheDir
	opt.Fetch.Now = io.Now
	if io.ErrIsTerminal() {
		opt.Fetch.Progress = io.ErrOut
	}
	if epoch.IsURL(o.Source) || o.Source == "" {
		if io.Parts == nil {
			return opt, errNeedsFull
		}
		opt.Download = io.Parts.Download
	}
	return opt, nil
}

// load opens and reads the source, printing warnings on ErrOut.
func (o *sourceOptions) load(ctx context.Context, io *IOStreams, l i18n.Lang, r *census.Rules, onRow func(*census.Raw)) (*census.Dataset, error) {
	open, err := o.openOptions(io)
	if err != nil {
		return nil, err
	}
	opt := epoch.LoadOptions{OpenOptions: open, Subset: o.Subset, Now: io.Now, OnRow: onRow}
	if o.Date != "" {
		opt.Date, _ = time.Parse("2006-01-02", o.Date)
	}
	src, err := epoch.Open(ctx, o.Source, opt.OpenOptions)
	if err != nil {
		return nil, translate(l, err)
	}
	defer src.Close()
	if f := src.Fetched; f != nil {
		if f.Offline {
			fmt.Fprintln(io.ErrOut, l.T("warn.offline", f.URL, roundAge(f.Age(io.Now())), f.RetrievedAt.Format(time.RFC3339)))
		} else if f.FromCache {
			fmt.Fprintln(io.ErrOut, l.T("warn.cached", f.URL, f.RetrievedAt.Format(time.RFC3339)))
		}
	}
	ds, err := src.Load(ctx, r, opt)
	if err != nil {
		return nil, translate(l, err)
	}
	const shown = 10
	for i, p := range ds.Problems {
		if i == shown {
			fmt.Fprintln(io.ErrOut, l.T("warn.more_problems", len(ds.Problems)-shown))
			break
		}
		fmt.Fprintln(io.ErrOut, l.T("warn.problem", p.File, p.Line, p.Message))
	}
	return ds, nil
}

func roundAge(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return strconv.Itoa(int(d.Hours()/24)) + "d"
	case d >= time.Hour:
		return d.Round(time.Hour).String()
	default:
		return d.Round(time.Second).String()
	}
}

// writeOutput writes data to path atomically (a temporary file in the same
// folder, then a rename), or to out when path is "" or "-".
func writeOutput(out interface{ Write([]byte) (int, error) }, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := out.Write(data)
		return err
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return &folderError{path}
		}
		if !st.Mode().IsRegular() {
			// A device or a pipe (-o /dev/null, -o /dev/stdout): write to
			// it; renaming a file over it would replace the device.
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			if _, err := f.Write(data); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		}
		mode = st.Mode().Perm() // overwriting keeps the file's permissions
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &noFolderError{dir}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// folderError is an -o that names a folder.
type folderError struct{ path string }

func (e *folderError) Error() string { return e.path + " is a folder: give a file name" }

// noFolderError is an -o in a folder that does not exist.
type noFolderError struct{ dir string }

func (e *noFolderError) Error() string { return "folder " + e.dir + " does not exist" }

// outputError is the error for output that cannot be written.
func outputError(l i18n.Lang, err error) error {
	var fo *folderError
	var nf *noFolderError
	switch {
	case errors.As(err, &fo):
		return &Error{Code: ExitOutput, Msg: l.T("err.write", l.T("err.is_folder", fo.path)), Err: err}
	case errors.As(err, &nf):
		return &Error{Code: ExitOutput, Msg: l.T("err.write", l.T("err.no_folder", nf.dir)), Err: err}
	}
	return &Error{Code: ExitOutput, Msg: l.T("err.write", err), Err: err}
}

func joinOr(list []string) string { return strings.Join(list, " / ") }

func quoteAll(list []string) string {
	if len(list) == 0 {
		return "-"
	}
	const max = 12
	q := make([]string, 0, max+1)
	for i, s := range list {
		if i == max {
			q = append(q, fmt.Sprintf("… (%d)", len(list)))
			break
		}
		q = append(q, strconv.Quote(s))
	}
	return strings.Join(q, ", ")
}
