package snapshots

import (
	"bytes"
	"context"
	"io"
	"sort"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// modelRows are the rows of a file's records for the store's model index:
// each record's model name (cleaned) and link, by the header's columns
// under rules, and its cells.
func modelRows(rules *census.Rules, header []string, recs [][]string) []store.Row {
	nameCol, linkCol := -1, -1
	for i, h := range header {
		switch fld, ok := rules.Column(h); {
		case ok && fld == census.FieldName && nameCol < 0:
			nameCol = i
		case ok && fld == census.FieldLink && linkCol < 0:
			linkCol = i
		}
	}
	rows := make([]store.Row, len(recs))
	for i, rec := range recs {
		rows[i].Cells = rec
		if nameCol >= 0 && nameCol < len(rec) {
			rows[i].Name = census.Clean(rec[nameCol])
		}
		if linkCol >= 0 && linkCol < len(rec) {
			rows[i].Link = census.Clean(rec[linkCol])
		}
	}
	return rows
}

// readRecords reads a file's bytes through the reader, as a pull does:
// its header and every record, as read.
func readRecords(rules *census.Rules, name string, content []byte) (header []string, recs [][]string, err error) {
	rd := &epoch.Reader{Rules: rules, Record: func(_ int, rec []string) {
		recs = append(recs, append([]string(nil), rec...))
	}}
	open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(content)), nil }
	r, err := rd.Read(name, open, census.NewDataset(rules), func(*census.Raw) {})
	if err != nil {
		return nil, nil, err
	}
	return r.Header, recs, nil
}

// RowReader reads a stored file's model rows again from its bytes, as a
// pull reads them, under rules: the store upgrades a store written by a
// development schema through it (store.Registry.Reread).
func RowReader(rules *census.Rules) store.RowReader {
	return func(f store.File, content []byte) ([]store.Row, error) {
		header, recs, err := readRecords(rules, f.Name, content)
		if err != nil {
			return nil, err
		}
		return modelRows(rules, header, recs), nil
	}
}

// ModelRow is a model's row in a stored snapshot: the snapshot, the file
// and its header, the model's name there and the row's cells.
type ModelRow struct {
	SnapshotID int64
	Date       time.Time
	File       string
	Header     []string
	Name       string
	Cells      []string
}

// ModelRows lists a model's rows in every stored snapshot that holds it,
// under any of its names: named one of names, or with link as its link
// (a renamed model keeps it; "" for none), oldest snapshot first. The
// store's model index says where; each distinct row is read once, from
// the latest file holding it. Errors are the store's and the reader's.
func ModelRows(ctx context.Context, st *store.Store, rules *census.Rules, names []string, link string) ([]ModelRow, error) {
	seen, err := st.ModelSnapshots(ctx, names, link)
	if err != nil {
		return nil, err
	}
	// The latest file holding each row, and the rows each of them gives.
	from := map[string]int64{}
	for _, m := range seen {
		from[m.Name+"\x00"+m.RowHash] = m.FileID
	}
	files := map[int64]bool{}
	for _, id := range from {
		files[id] = true
	}
	ids := make([]int64, 0, len(files))
	for id := range files {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	type row struct {
		header, cells []string
	}
	rows := map[string]row{}
	for _, id := range ids {
		var name string
		for _, m := range seen {
			if m.FileID == id {
				name = m.File
				break
			}
		}
		content, err := st.Content(ctx, id)
		if err != nil {
			return nil, err
		}
		header, recs, err := readRecords(rules, name, content)
		if err != nil {
			return nil, err
		}
		for _, r := range modelRows(rules, header, recs) {
			if _, want := from[r.Name+"\x00"+store.RowHash(r.Cells)]; want {
				rows[r.Name+"\x00"+store.RowHash(r.Cells)] = row{header, r.Cells}
			}
		}
	}
	out := make([]ModelRow, 0, len(seen))
	for _, m := range seen {
		r := rows[m.Name+"\x00"+m.RowHash] // a name on several rows: none
		out = append(out, ModelRow{SnapshotID: m.SnapshotID, Date: m.Date, File: m.File, Header: r.header, Name: m.Name, Cells: r.cells})
	}
	return out, nil
}
