package cli

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/publish"
)

// curateOptions are the flags of `modelcensus curate` and its commands.
type curateOptions struct {
	sourceOptions
	Format string
	// d is the entry written by add, correct and exclude.
	d overlay.Draft
}

func newCurateCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &curateOptions{}
	cmd := &cobra.Command{
		Use:   "curate",
		Short: l.T("cmd.curate.short"),
		Long:  l.T("long.curate"),
		Example: `  modelcensus curate check --source ai_models.zip --overlay examples/overlay-kr
  modelcensus curate add --name Kanana --organization Kakao --country "Korea (Republic of)" --date 2025-02-27 \
      --params 32.5e9 --tokens 3e12 --source-url https://arxiv.org/abs/2502.18934 --author me@example.org --reason "absent from Epoch"
  modelcensus curate correct --model "A.X K1" --source ai_models.zip --subset notable --field compute --value 1.98e24 \
      --source-url https://huggingface.co/skt/A.X-K1 --author me@example.org --reason "no figure upstream"
  modelcensus curate list
  modelcensus curate retire add-kanana`,
		Args: cobra.NoArgs,
	}
	pf := cmd.PersistentFlags()
	pf.StringVar(&o.Overlay, "overlay", "", l.T("flag.overlay"))
	pf.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
	cmd.AddCommand(newCurateCheckCmd(io, l, o), newCurateListCmd(io, l, o), newCurateRetireCmd(io, l, o))
	for _, kind := range []census.EntryKind{census.EntryAdd, census.EntryCorrect, census.EntryExclude} {
		cmd.AddCommand(newCurateWriteCmd(io, l, o, kind))
	}
	cmd.AddCommand(newCurateQueueCmds(io, l, o)...)
	return cmd
}

func newCurateCheckCmd(io *IOStreams, l i18n.Lang, o *curateOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check",
		Short: l.T("cmd.curate.check"),
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return runCurateCheck(cmd, io, o) },
	}
	fs := cmd.Flags()
	fs.StringVar(&o.Source, "source", epoch.DefaultURL, l.T("flag.source"))
	fs.StringVar(&o.Subset, "subset", "", l.T("flag.subset"))
	fs.StringVar(&o.RulesDir, "rules", "", l.T("flag.rules"))
	fs.StringVar(&o.CacheDir, "cache-dir", "", l.T("flag.cache-dir"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.estimate"))
	return cmd
}

// runCurateCheck prints each entry's status against the source; bad
// entries are one message each, and make the exit code ExitOverlay.
func runCurateCheck(cmd *cobra.Command, io *IOStreams, o *curateOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if o.Format != "text" && o.Format != "json" {
		return badValue(l, "--format", o.Format, "text, json")
	}
	if o.overlayDir(io) == "" {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.no_overlay"))}
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	ov, problems, err := o.loadOverlay(io, l)
	if err != nil {
		return err
	}
	o.bring(cmd.Context(), io, r, ov)
	ds, err := o.loadWith(cmd.Context(), io, l, r, epoch.LoadOptions{Overlay: ov})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	publish.WriteStatuses(&b, ds.OverlayStatuses(), ov.Path, o.Format, l)
	return writeCurated(io, l, b.Bytes(), problems, ov.Path)
}

// writeCurated writes a curate command's output; entries that could not
// be read (already reported, one message each) make the exit code
// ExitOverlay.
func writeCurated(io *IOStreams, l i18n.Lang, out []byte, problems []*overlay.Error, dir string) error {
	if _, err := io.Out.Write(out); err != nil {
		return outputError(l, err)
	}
	if n := overlay.Files(problems); n > 0 {
		return &Error{Code: ExitOverlay, Msg: l.T("err.overlay_bad", n, dir)}
	}
	return nil
}

func newCurateListCmd(io *IOStreams, l i18n.Lang, o *curateOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "list",
		Short: l.T("cmd.curate.list"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, _, err := o.langAndDir(io)
			if err != nil {
				return err
			}
			ov, problems, err := o.loadOverlay(io, l)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			publish.WriteEntries(&b, ov, o.Format, l)
			return writeCurated(io, l, b.Bytes(), problems, ov.Path)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "text", l.T("flag.format.estimate"))
	return cmd
}

// langAndDir is how list and retire begin: the language, and the overlay
// folder, which must be named or exist.
func (o *curateOptions) langAndDir(io *IOStreams) (i18n.Lang, string, error) {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return i18n.EN, "", err
	}
	dir := o.overlayDir(io)
	if dir == "" {
		return l, "", &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.no_overlay"))}
	}
	return l, dir, nil
}

func newCurateRetireCmd(io *IOStreams, l i18n.Lang, o *curateOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "retire ID",
		Short: l.T("cmd.curate.retire"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, dir, err := o.langAndDir(io)
			if err != nil {
				return err
			}
			to, err := overlay.Retire(dir, args[0])
			if errors.Is(err, overlay.ErrNoEntry) {
				return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.no_entry", args[0], dir)), Err: err}
			} else if err != nil {
				return &Error{Code: ExitOutput, Msg: err.Error(), Err: err}
			}
			fmt.Fprintln(io.Out, l.T("curate.retired", args[0], to))
			return nil
		},
	}
}
