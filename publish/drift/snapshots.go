package drift

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

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

// WriteSnapshots lists the snapshots of the store at location, in format
// "json" (SnapshotEntry), "csv" (id, date, source, files, rows,
// content_sha256) or text (a table in l, or a line saying the store at
// location holds none).
func WriteSnapshots(b *bytes.Buffer, snaps []*census.Snapshot, location, format string, l i18n.Lang) {
	entries := make([]SnapshotEntry, 0, len(snaps))
	for _, s := range snaps {
		entries = append(entries, SnapshotEntry{
			ID: s.ID, Date: s.DateString(), Source: s.Source, Files: s.Files, Rows: s.Rows,
			Kind: s.Kind, DateBasis: s.DateBasis, ETag: s.ETag, RetrievedAt: s.RetrievedAt.Format("2006-01-02T15:04:05Z07:00"),
			ContentSHA256: s.ContentSHA256, ToolVersion: s.ToolVersion, RulesVersion: s.RulesVersion,
		})
	}
	switch format {
	case "json":
		_ = publish.WriteJSONValue(b, entries)
	case "csv":
		w := publish.NewCSVWriter(b)
		_ = w.Write([]string{"id", "date", "source", "files", "rows", "content_sha256"})
		for _, e := range entries {
			_ = w.Write([]string{strconv.FormatInt(e.ID, 10), e.Date, e.Source, strconv.Itoa(len(e.Files)), strconv.Itoa(e.Rows), e.ContentSHA256})
		}
		_ = w.Flush()
	default:
		if len(entries) == 0 {
			fmt.Fprintln(b, l.T("snap.none", location))
			return
		}
		t := publish.Table{
			Headers: []string{l.T("col.id"), l.T("col.snapshot_date"), l.T("col.files"), l.T("col.subsets"), l.T("col.rows"), l.T("col.source")},
			Right:   []bool{true, false, true, false, true, false},
		}
		for _, e := range entries {
			t.Rows = append(t.Rows, []string{strconv.FormatInt(e.ID, 10), e.Date, strconv.Itoa(len(e.Files)), strings.Join(census.Subsets(e.Files), ","), strconv.Itoa(e.Rows), e.Source})
		}
		publish.WriteTable(b, t, l)
	}
}
