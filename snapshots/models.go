package snapshots

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// modelRows are the rows of a file's records for the store's model index:
// each record's model name (cleaned) and link, by the header's columns
// under rules, and its cells.
func modelRows(rules *census.Rules, header []string, recs [][]string) []store.Row {
	cols := modelCols(rules, header)
	rows := make([]store.Row, len(recs))
	for i, rec := range recs {
		rows[i] = cols.row(rec)
	}
	return rows
}

// indexCols are the columns of a header that the model index reads: the
// first the rules map to the name and to the link (-1: none).
type indexCols struct{ name, link int }

func modelCols(rules *census.Rules, header []string) indexCols {
	c := indexCols{-1, -1}
	for i, h := range header {
		switch fld, ok := rules.Column(h); {
		case ok && fld == census.FieldName && c.name < 0:
			c.name = i
		case ok && fld == census.FieldLink && c.link < 0:
			c.link = i
		}
	}
	return c
}

// row is a record's model index row, its cells being rec.
func (c indexCols) row(rec []string) store.Row {
	r := store.Row{Cells: rec}
	if c.name >= 0 && c.name < len(rec) {
		r.Name = census.Clean(rec[c.name])
	}
	if c.link >= 0 && c.link < len(rec) {
		r.Link = census.Clean(rec[c.link])
	}
	return r
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
	return modelRowsWith(ctx, st, rules, names, link, func(ctx context.Context, id int64, name string) (map[string]row, error) {
		return fileRows(ctx, st, rules, id, name, nil)
	})
}

// Memo keeps values costly to build by key: it returns the value kept
// under key, or the one build makes (a server passes its bounded cache).
type Memo func(ctx context.Context, key string, build func(context.Context) (any, error)) (any, error)

// ModelRowsOf is ModelRows keeping of each row only the columns that rules
// map to one of fields (Header and Cells cut alike), so that what memo
// keeps of a file (every row of it, for the next model asked for) is
// small. A nil memo keeps nothing. Errors are ModelRows's.
func ModelRowsOf(ctx context.Context, st *store.Store, rules *census.Rules, names []string, link string, fields []census.Field, memo Memo) ([]ModelRow, error) {
	return modelRowsWith(ctx, st, rules, names, link, func(ctx context.Context, id int64, name string) (map[string]row, error) {
		if memo == nil {
			return fileRows(ctx, st, rules, id, name, fields)
		}
		v, err := memo(ctx, fmt.Sprintf("modelrows/%d/%v", id, fields), func(ctx context.Context) (any, error) {
			return fileRows(ctx, st, rules, id, name, fields)
		})
		if err != nil {
			return nil, err
		}
		return v.(map[string]row), nil
	})
}

// row is a stored row's header and cells.
type row struct {
	header, cells []string
}

// fileRows reads a stored file's rows, by name and row hash; with fields,
// only their columns are kept, copied out of the file's records.
func fileRows(ctx context.Context, st *store.Store, rules *census.Rules, id int64, name string, fields []census.Field) (map[string]row, error) {
	content, err := st.Content(ctx, id)
	if err != nil {
		return nil, err
	}
	header, recs, err := readRecords(rules, name, content)
	if err != nil {
		return nil, err
	}
	var cols []int
	var cut []string
	if fields != nil {
		for i, h := range header {
			if f, ok := rules.Column(h); ok && slices.Contains(fields, f) {
				cols = append(cols, i)
				cut = append(cut, strings.Clone(h))
			}
		}
	}
	rows := map[string]row{}
	for _, r := range modelRows(rules, header, recs) {
		k := r.Name + "\x00" + store.RowHash(r.Cells)
		if fields == nil {
			rows[k] = row{header, r.Cells}
			continue
		}
		cells := make([]string, len(cols))
		for j, i := range cols {
			if i < len(r.Cells) {
				cells[j] = strings.Clone(r.Cells[i])
			}
		}
		rows[strings.Clone(k)] = row{cut, cells}
	}
	return rows, nil
}

func modelRowsWith(ctx context.Context, st *store.Store, rules *census.Rules, names []string, link string,
	read func(ctx context.Context, id int64, name string) (map[string]row, error)) ([]ModelRow, error) {
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
	rows := map[string]row{}
	for _, id := range ids {
		var name string
		for _, m := range seen {
			if m.FileID == id {
				name = m.File
				break
			}
		}
		fr, err := read(ctx, id, name)
		if err != nil {
			return nil, err
		}
		for k := range from {
			if r, ok := fr[k]; ok {
				rows[k] = r
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
