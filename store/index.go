package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// The model index says which models each stored file holds, by name, with
// their link and a hash of their row, for a model's page ("this model in
// every stored snapshot"), by name and link (a name may be on several
// rows; the link is kept as a hash, LinkHash, a tenth of its size). A
// file's entries are only what differs from the file before it in its
// series (the latest one imported): a model added or edited, and a model
// removed (an empty hash). So a day that edits a dozen rows adds a dozen
// entries, and a file's models are its series' entries up to it, in order.

// entry is a model's row in a file: its name, the hash of its link and
// the hash of its row.
type entry struct{ name, link, hash string }

// key is an entry's name and link.
func (e entry) key() string { return e.name + "\x00" + e.link }

// models are a file's models, by key: its series' entries up to it.
type models map[string]entry

// apply adds an entry of a file to the models of the file before it.
func (m models) apply(e entry) {
	if e.hash == "" {
		delete(m, e.key())
	} else {
		m[e.key()] = e
	}
}

// RowHash identifies a row by its cells: 12 hex digits (48 bits, which
// tell the few versions of a model apart) of the SHA-256 of
// the cells, each followed by a NUL.
func RowHash(cells []string) string {
	h := sha256.New()
	for _, c := range cells {
		h.Write([]byte(c))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// LinkHash is what the model index keeps of a model's link: RowHash of
// the link alone, "" for none.
func LinkHash(link string) string {
	if link == "" {
		return ""
	}
	return RowHash([]string{link})
}

// indexFile writes the model index of file fileID of series.
func (s *Store) indexFile(ctx context.Context, tx *sql.Tx, fileID int64, series string, rows []Row) error {
	prev := models{}
	if err := s.indexEntries(ctx, tx, `f.series = $1 AND f.id < $2`, []any{series, fileID}, func(_ int64, e entry) { prev.apply(e) }); err != nil {
		return err
	}
	cur := map[string]entry{}
	for _, r := range rows {
		if r.Name == "" {
			continue
		}
		e := entry{name: r.Name, link: LinkHash(r.Link), hash: r.Hash}
		if was := cur[e.key()]; was.hash != "" { // rows alike: the hash of their hashes
			e.hash = RowHash([]string{was.hash, e.hash})
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
			changed = append(changed, entry{e.name, e.link, ""})
		}
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i].key() < changed[j].key() })
	for _, e := range changed {
		if _, err := tx.ExecContext(ctx, `INSERT INTO model_row (file_id, name, link_hash, row_hash) VALUES ($1, $2, $3, $4)`,
			fileID, e.name, e.link, e.hash); err != nil {
			return err
		}
	}
	return nil
}

// indexEntries calls fn for each entry of the files matching where (over
// snapshot_file f), in file order.
func (s *Store) indexEntries(ctx context.Context, q querier, where string, args []any, fn func(file int64, e entry)) error {
	rs, err := q.QueryContext(ctx, `SELECT m.file_id, m.name, m.link_hash, m.row_hash FROM model_row m JOIN snapshot_file f ON f.id = m.file_id
		WHERE `+where+` ORDER BY m.file_id`, args...)
	if err != nil {
		return fmt.Errorf("model index: %w", err)
	}
	defer rs.Close()
	for rs.Next() {
		var file int64
		var e entry
		if err := rs.Scan(&file, &e.name, &e.link, &e.hash); err != nil {
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
	// Name is the model's name in the file; RowHash identifies its row
	// (RowHash of its cells).
	Name, RowHash string
}

// ModelSnapshots lists the stored files that hold a model under any of
// its names: named one of names, or with link ("" for none) as its link,
// which a renamed model keeps; oldest snapshot first. It fails with the
// database's error.
func (s *Store) ModelSnapshots(ctx context.Context, names []string, link string) ([]ModelSeen, error) {
	var cond []string
	var args []any
	for _, n := range names {
		args = append(args, n)
		cond = append(cond, fmt.Sprintf("name = $%d", len(args)))
	}
	if link != "" {
		args = append(args, LinkHash(link))
		cond = append(cond, fmt.Sprintf("link_hash = $%d", len(args)))
	}
	if len(cond) == 0 {
		return nil, nil
	}
	// Every entry of every name the model had, by file.
	byFile := map[int64][]entry{}
	err := s.indexEntries(ctx, s.db, `m.name IN (SELECT name FROM model_row WHERE `+strings.Join(cond, " OR ")+`)`, args,
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
			m.Name, m.RowHash = e.name, e.hash
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b ModelSeen) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.SnapshotID, b.SnapshotID), cmp.Compare(a.File, b.File),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.RowHash, b.RowHash))
	})
	return out, wrap(rs.Err(), "model index")
}
