package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/store"
)

// snapshotsOptions are the flags of `modelcensus snapshots`.
type snapshotsOptions struct {
	dbOptions
	Lang   string
	Format string
}

// SnapshotEntry is one snapshot in `snapshots --format json`.
type SnapshotEntry struct {
	ID     int64             `json:"id"`
	Date   string            `json:"date"`
	Source string            `json:"source"`
	Files  []census.FileInfo `json:"files"`
	Rows   int               `json:"rows"`
	// Provenance beyond the documented four keys.
	Kind          string `json:"kind"`
	DateBasis     string `json:"date_basis"`
	ETag          string `json:"etag,omitempty"`
	RetrievedAt   string `json:"retrieved_at"`
	ContentSHA256 string `json:"content_sha256"`
	ToolVersion   string `json:"modelcensus_version"`
	RulesVersion  string `json:"rules_version"`
}

func newSnapshotsCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &snapshotsOptions{}
	cmd := &cobra.Command{
		Use:     "snapshots",
		Short:   l.T("cmd.snapshots.short"),
		Example: "  modelcensus snapshots\n  modelcensus snapshots --format json",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runSnapshots(cmd.Context(), io, o) },
	}
	fs := cmd.Flags()
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Lang, "lang", "", l.T("flag.lang"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.rules"))
	return cmd
}

// langFlag is the language a --lang value names, else the locale's. A
// value that names neither language is a usage error said in the
// locale's language.
func langFlag(io *IOStreams, v string) (i18n.Lang, error) {
	env := i18n.FromEnv(io.Getenv)
	if v == "" {
		return env, nil
	}
	l, err := i18n.Parse(v)
	if err != nil {
		return env, &Error{Code: ExitUsage, Msg: env.T("err.usage", env.T("err.lang", v)), Err: err}
	}
	return l, nil
}

func runSnapshots(ctx context.Context, io *IOStreams, o *snapshotsOptions) error {
	l, err := langFlag(io, o.Lang)
	if err != nil {
		return err
	}
	if o.Format != "text" && o.Format != "json" && o.Format != "csv" {
		return badValue(l, "--format", o.Format, "text, json, csv")
	}
	var snaps []*census.Snapshot
	location := o.dsn(io)
	st, err := o.openExisting(ctx, io, l)
	switch {
	case errors.Is(err, errNoStore):
		// Nothing pulled yet: an empty list, as for an empty store.
	case err != nil:
		return err
	default:
		defer st.Close()
		location = st.Location
		if snaps, err = st.Snapshots(ctx); err != nil {
			return storeError(l, err)
		}
	}
	entries := make([]SnapshotEntry, 0, len(snaps))
	for _, s := range snaps {
		entries = append(entries, SnapshotEntry{
			ID: s.ID, Date: s.DateString(), Source: s.Source, Files: s.Files, Rows: s.Rows,
			Kind: s.Kind, DateBasis: s.DateBasis, ETag: s.ETag, RetrievedAt: s.RetrievedAt.Format("2006-01-02T15:04:05Z07:00"),
			ContentSHA256: s.ContentSHA256, ToolVersion: s.ToolVersion, RulesVersion: s.RulesVersion,
		})
	}
	var b bytes.Buffer
	switch o.Format {
	case "json":
		_ = publish.WriteJSONValue(&b, entries)
	case "csv":
		w := publish.NewCSVWriter(&b)
		_ = w.Write([]string{"id", "date", "source", "files", "rows", "content_sha256"})
		for _, e := range entries {
			_ = w.Write([]string{strconv.FormatInt(e.ID, 10), e.Date, e.Source, strconv.Itoa(len(e.Files)), strconv.Itoa(e.Rows), e.ContentSHA256})
		}
		_ = w.Flush()
	default:
		if len(entries) == 0 {
			fmt.Fprintln(&b, l.T("snap.none", location))
			break
		}
		t := publish.Table{
			Headers: []string{l.T("col.id"), l.T("col.snapshot_date"), l.T("col.files"), l.T("col.subsets"), l.T("col.rows"), l.T("col.source")},
			Right:   []bool{true, false, true, false, true, false},
		}
		for _, e := range entries {
			t.Rows = append(t.Rows, []string{strconv.FormatInt(e.ID, 10), e.Date, strconv.Itoa(len(e.Files)), subsets(e.Files), strconv.Itoa(e.Rows), e.Source})
		}
		publish.WriteTable(&b, t, l)
	}
	_, err = io.Out.Write(b.Bytes())
	return err
}

func subsets(files []census.FileInfo) string { return strings.Join(census.Subsets(files), ",") }

// snapshotArg reads a snapshot id argument.
func snapshotArg(ctx context.Context, st *store.Store, l i18n.Lang, arg string) (*census.Snapshot, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return nil, &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.snapshot_id", arg))}
	}
	snap, err := st.Snapshot(ctx, id)
	if err != nil {
		return nil, storeError(l, err)
	}
	return snap, nil
}
