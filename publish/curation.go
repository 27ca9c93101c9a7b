package publish

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// WriteStatuses writes each overlay entry's status against a snapshot
// (census.Dataset.OverlayStatuses), of the overlay folder path: as JSON
// when format is "json" (id, kind, model, status, detail in l), else as a
// table in l.
func WriteStatuses(b *bytes.Buffer, statuses []census.EntryStatus, path, format string, l i18n.Lang) {
	if format == "json" {
		type item struct {
			ID     string           `json:"id"`
			Kind   census.EntryKind `json:"kind"`
			Model  string           `json:"model"`
			Status string           `json:"status"`
			Detail string           `json:"detail"`
		}
		list := []item{}
		for _, s := range statuses {
			list = append(list, item{s.ID, s.Kind, s.Model, s.Status, StatusDetail(s, l)})
		}
		_ = WriteJSONValue(b, list)
		return
	}
	t := Table{Whole: true, Title: l.T("curate.check.title", path, len(statuses)),
		Headers: []string{"id", l.T("col.kind"), l.T("col.model"), l.T("col.status"), l.T("col.detail")}}
	for _, s := range statuses {
		t.Rows = append(t.Rows, []string{s.ID, l.T("entry." + string(s.Kind)), s.Model, l.T("status." + s.Status), StatusDetail(s, l)})
	}
	WriteTable(b, t, l)
}

// WriteEntries writes an overlay's entries: as JSON when format is
// "json", else as a table in l, each with what it does in a few words
// (EntrySummary).
func WriteEntries(b *bytes.Buffer, ov *census.Overlay, format string, l i18n.Lang) {
	if format == "json" {
		_ = WriteJSONValue(b, ov.Entries)
		return
	}
	t := Table{Title: l.T("curate.list.title", ov.Path, len(ov.Entries), census.ShortHash(ov.Hash)),
		Headers: []string{"id", l.T("col.kind"), l.T("col.model"), l.T("col.detail"), l.T("col.created"), l.T("col.author"), l.T("col.sources")}}
	for _, e := range ov.Entries {
		t.Rows = append(t.Rows, []string{e.ID, l.T("entry." + string(e.Kind)), e.Model, EntrySummary(e, l), e.Created, e.Author, strconv.Itoa(len(e.Sources))})
	}
	WriteTable(b, t, l)
}

// EntrySummary is what an overlay entry does, in a few words in l: a
// correction's field, upstream and new value; an addition's date and the
// subset it is brought from; an exclusion's reason.
func EntrySummary(e census.Entry, l i18n.Lang) string {
	switch e.Kind {
	case census.EntryCorrect:
		return fmt.Sprintf("%s: %q → %q", FieldName(string(e.Field), l), e.Upstream, e.Value)
	case census.EntryAdd:
		s := e.Cells[census.FieldDate]
		if e.From != "" {
			s = strings.TrimSpace(s + " ← " + e.From) // the subset's own name, as in the file
		}
		return s
	}
	return e.Reason
}
