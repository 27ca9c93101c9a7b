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

// row is a record's model index row (the keys of its model's name and
// link, cleaned, and of its cells) and its model's name.
func (c indexCols) row(rec []string) (store.Row, string) {
	r, name := store.Row{Row: store.RowKey(rec...)}, ""
	if c.name >= 0 && c.name < len(rec) {
		name = census.Clean(rec[c.name])
		r.Name = store.TextKey(name)
	}
	if c.link >= 0 && c.link < len(rec) {
		r.Link = store.TextKey(census.Clean(rec[c.link]))
	}
	return r, name
}

// readFile reads a file's bytes through the reader, as a report does,
// calling header (when not nil) with its header and record with each
// record as read (rec and model are only valid during the call), its model
// index row and its model's name; ds collects the rows that cannot be read.
func readFile(rules *census.Rules, name string, content []byte, ds *census.Dataset, header func([]string), record func(rec []string, r store.Row, model string)) (*epoch.ReadResult, error) {
	var cols indexCols
	rd := &epoch.Reader{Rules: rules, Header: func(h []string) {
		cols = modelCols(rules, h)
		if header != nil {
			header(h)
		}
	}, Record: func(_ int, rec []string) {
		r, model := cols.row(rec)
		record(rec, r, model)
	}}
	open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(content)), nil }
	return rd.Read(name, open, ds, func(*census.Raw) {})
}

// readModels reads a file's model index rows from its bytes, as a pull
// reads them.
func readModels(rules *census.Rules, name string, content []byte) ([]store.Row, error) {
	var rows []store.Row
	_, err := readFile(rules, name, content, census.NewDataset(rules), nil, func(_ []string, r store.Row, _ string) { rows = append(rows, r) })
	return rows, err
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
	return modelRowsWith(ctx, st, rules, names, link, func(ctx context.Context, id int64, name string) (map[[2]int64]row, error) {
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
	return modelRowsWith(ctx, st, rules, names, link, func(ctx context.Context, id int64, name string) (map[[2]int64]row, error) {
		if memo == nil {
			return fileRows(ctx, st, rules, id, name, fields)
		}
		v, err := memo(ctx, fmt.Sprintf("modelrows/%d/%v", id, fields), func(ctx context.Context) (any, error) {
			return fileRows(ctx, st, rules, id, name, fields)
		})
		if err != nil {
			return nil, err
		}
		return v.(map[[2]int64]row), nil
	})
}

// row is a stored row's header, cells and model name.
type row struct {
	header, cells []string
	name          string
}

// fileRows reads a stored file's rows, by the keys of their name and row
// (store.Row), and each name, under its key and row key 0; with fields,
// only their columns are kept, copied out of the file's records.
func fileRows(ctx context.Context, st *store.Store, rules *census.Rules, id int64, name string, fields []census.Field) (map[[2]int64]row, error) {
	content, err := st.Content(ctx, id)
	if err != nil {
		return nil, err
	}
	var header []string
	var cols []int
	rows := map[[2]int64]row{}
	_, err = readFile(rules, name, content, census.NewDataset(rules), func(h []string) {
		header = slices.Clone(h)
		if fields != nil {
			header = nil
			for i, c := range h {
				if f, ok := rules.Column(c); ok && slices.Contains(fields, f) {
					cols, header = append(cols, i), append(header, strings.Clone(c))
				}
			}
		}
	}, func(rec []string, r store.Row, model string) {
		model = strings.Clone(model)
		rows[[2]int64{r.Name, 0}] = row{name: model}
		cells := slices.Clone(rec)
		if fields != nil {
			cells = make([]string, len(cols))
			for j, i := range cols {
				if i < len(rec) {
					cells[j] = strings.Clone(rec[i])
				}
			}
		}
		rows[[2]int64{r.Name, r.Row}] = row{header, cells, model}
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func modelRowsWith(ctx context.Context, st *store.Store, rules *census.Rules, names []string, link string,
	read func(ctx context.Context, id int64, name string) (map[[2]int64]row, error)) ([]ModelRow, error) {
	seen, err := st.ModelSnapshots(ctx, names, link)
	if err != nil {
		return nil, err
	}
	// The latest file holding each row, and the rows each of them gives.
	from := map[[2]int64]int64{}
	for _, m := range seen {
		from[[2]int64{m.Name, m.Row}] = m.FileID
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
	rows := map[[2]int64]row{}
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
			if r, ok := fr[[2]int64{k[0], 0}]; ok {
				rows[[2]int64{k[0], 0}] = r
			}
		}
	}
	out := make([]ModelRow, 0, len(seen))
	for _, m := range seen {
		r := rows[[2]int64{m.Name, m.Row}] // a name on several rows: none
		out = append(out, ModelRow{SnapshotID: m.SnapshotID, Date: m.Date, File: m.File, Header: r.header, Name: rows[[2]int64{m.Name, 0}].name, Cells: r.cells})
	}
	return out, nil
}
