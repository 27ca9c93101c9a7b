package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The model index says which models each stored file holds, for a model's
// page ("this model in every stored snapshot"), by name and by link (a
// renamed model keeps its link), with the row each one has there. It keeps
// keys, not text: the first 48 bits of a SHA-256 as an integer (RowKey,
// TextKey), which tell apart the names, links and versions of a row (for
// ten thousand names, the odds that two share a key are one in five
// million), in six bytes each where SQLite writes an integer. A file's entries are only
// what differs from the file before it in its series (the latest one
// imported): a model added or edited, and a model removed (row key 0). So
// a day that edits a dozen rows adds a dozen entries, and a file's models
// are its series' entries up to it, in order.

// entry is a model's row in a file: the keys of its name, link and row.
type entry struct{ name, link, row int64 }

// key is an entry's model: its name and link.
func (e entry) key() [2]int64 { return [2]int64{e.name, e.link} }

// models are a file's models, by key: its series' entries up to it.
type models map[[2]int64]entry

// apply adds an entry of a file to the models of the file before it.
func (m models) apply(e entry) {
	if e.row == 0 {
		delete(m, e.key())
	} else {
		m[e.key()] = e
	}
}

// RowKey identifies a row by its cells: the first 48 bits of the SHA-256
// of the cells, each followed by a NUL, as an integer (1 for a row whose
// key would be 0, which means none).
func RowKey(cells ...string) int64 {
	h := sha256.New()
	for _, c := range cells {
		h.Write([]byte(c))
		h.Write([]byte{0})
	}
	var b [8]byte
	copy(b[2:], h.Sum(nil)[:6])
	return max(int64(binary.BigEndian.Uint64(b[:])), 1)
}

// TextKey is what the model index keeps of a model's name or link: RowKey
// of the text alone, 0 for none ("").
func TextKey(s string) int64 {
	if s == "" {
		return 0
	}
	return RowKey(s)
}

// indexFile writes the model index of file fileID of series.
func (s *Store) indexFile(ctx context.Context, tx *sql.Tx, fileID int64, series string, rows []Row) error {
	prev := models{}
	if err := s.indexEntries(ctx, tx, `f.series = $1 AND f.id < $2`, []any{series, fileID}, func(_ int64, e entry) { prev.apply(e) }); err != nil {
		return err
	}
	cur := models{}
	for _, r := range rows {
		if r.Name == 0 {
			continue
		}
		e := entry{r.Name, r.Link, r.Row}
		if was := cur[e.key()]; was.row != 0 { // rows alike: the key of their keys
			e.row = RowKey(strconv.FormatInt(was.row, 10), strconv.FormatInt(e.row, 10))
		}
		cur[e.key()] = e
	}
	var changed []entry
	for k, e := range cur {
		if prev[k] != e {
			changed = append(changed, e)
		}
	}
	for k, e := range prev {
		if _, ok := cur[k]; !ok {
			changed = append(changed, entry{e.name, e.link, 0})
		}
	}
	slices.SortFunc(changed, func(a, b entry) int { return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.link, b.link)) })
	for _, e := range changed {
		if _, err := tx.ExecContext(ctx, `INSERT INTO model_index (file_id, name_key, link_key, row_key) VALUES ($1, $2, $3, $4)`,
			fileID, e.name, e.link, e.row); err != nil {
			return err
		}
	}
	return nil
}

// indexEntries calls fn for each entry of the files matching where (over
// snapshot_file f), in file order.
func (s *Store) indexEntries(ctx context.Context, q querier, where string, args []any, fn func(file int64, e entry)) error {
	rs, err := q.QueryContext(ctx, `SELECT m.file_id, m.name_key, m.link_key, m.row_key FROM model_index m JOIN snapshot_file f ON f.id = m.file_id
		WHERE `+where+` ORDER BY m.file_id`, args...)
	if err != nil {
		return fmt.Errorf("model index: %w", err)
	}
	defer rs.Close()
	for rs.Next() {
		var file int64
		var e entry
		if err := rs.Scan(&file, &e.name, &e.link, &e.row); err != nil {
			return fmt.Errorf("model index: %w", err)
		}
		fn(file, e)
	}
	return rs.Err()
}

// ModelSeen is a model in a stored file, from the model index.
type ModelSeen struct {
	SnapshotID, FileID int64
	Date               time.Time
	File               string
	// Name is the key of the model's name in the file (TextKey), Row that
	// of its row (RowKey of its cells).
	Name, Row int64
}

// ModelSnapshots lists the stored files that hold a model under any of
// its names: named one of names, or with link ("" for none) as its link,
// which a renamed model keeps; oldest snapshot first. It fails with the
// database's error.
func (s *Store) ModelSnapshots(ctx context.Context, names []string, link string) ([]ModelSeen, error) {
	var cond []string
	var args []any
	for _, n := range names {
		args = append(args, TextKey(n))
		cond = append(cond, fmt.Sprintf("name_key = $%d", len(args)))
	}
	if link != "" {
		args = append(args, TextKey(link))
		cond = append(cond, fmt.Sprintf("link_key = $%d", len(args)))
	}
	if len(cond) == 0 {
		return nil, nil
	}
	// Every entry of every name the model had, by file.
	byFile := map[int64][]entry{}
	err := s.indexEntries(ctx, s.db, `m.name_key IN (SELECT name_key FROM model_index WHERE `+strings.Join(cond, " OR ")+`)`, args,
		func(file int64, e entry) { byFile[file] = append(byFile[file], e) })
	if err != nil || len(byFile) == 0 {
		return nil, err
	}
	rs, err := s.db.QueryContext(ctx, `SELECT f.id, f.series, f.name, s.id, s.taken_on FROM snapshot_file f JOIN snapshot s ON s.id = f.snapshot_id ORDER BY f.id`)
	if err != nil {
		return nil, fmt.Errorf("store: model index: %w", err)
	}
	defer rs.Close()
	state := map[string]models{} // by series
	var out []ModelSeen
	for rs.Next() {
		var m ModelSeen
		var series, taken string
		if err := rs.Scan(&m.FileID, &series, &m.File, &m.SnapshotID, &taken); err != nil {
			return nil, fmt.Errorf("store: model index: %w", err)
		}
		m.Date, _ = time.Parse("2006-01-02", taken)
		if state[series] == nil {
			state[series] = models{}
		}
		for _, e := range byFile[m.FileID] {
			state[series].apply(e)
		}
		for _, e := range state[series] {
			m.Name, m.Row = e.name, e.row
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b ModelSeen) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.SnapshotID, b.SnapshotID), cmp.Compare(a.File, b.File),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.Row, b.Row))
	})
	return out, wrap(rs.Err(), "model index")
}
