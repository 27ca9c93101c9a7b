package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// ref is one line of a stored file and the row version it holds.
type ref struct {
	line    int
	version int64
}

// encodeRefs writes a file's references as one value: their count, then
// each line as the step from the previous one and each version id as the
// signed step from the previous one (uvarint, varint), zstd-compressed. A
// day's file of 3,300 rows takes a few kilobytes, not 3,300 table rows.
func encodeRefs(refs []ref) ([]byte, error) {
	b := binary.AppendUvarint(nil, uint64(len(refs)))
	line, version := 0, int64(0)
	for _, r := range refs {
		b = binary.AppendUvarint(b, uint64(r.line-line))
		b = binary.AppendVarint(b, r.version-version)
		line, version = r.line, r.version
	}
	enc, err := encoder()
	if err != nil {
		return nil, err
	}
	return enc.EncodeAll(b, nil), nil
}

// decodeRefs reads what encodeRefs wrote. It fails on a value that is not
// one.
func decodeRefs(z []byte) ([]ref, error) {
	dec, err := plainDecoder()
	if err != nil {
		return nil, err
	}
	b, err := dec.DecodeAll(z, nil)
	if err != nil {
		return nil, fmt.Errorf("references: %w", err)
	}
	bad := errors.New("malformed references")
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, bad
	}
	b = b[k:]
	out := make([]ref, 0, n)
	line, version := 0, int64(0)
	for i := uint64(0); i < n; i++ {
		dl, k := binary.Uvarint(b)
		if k <= 0 || dl > 1<<31 {
			return nil, bad
		}
		b = b[k:]
		dv, k := binary.Varint(b)
		if k <= 0 {
			return nil, bad
		}
		b = b[k:]
		line += int(dl)
		version += dv
		out = append(out, ref{line, version})
	}
	return out, nil
}

// fileRefs reads a file's references, in line order.
func fileRefs(ctx context.Context, q rowQuerier, fileID int64) ([]ref, error) {
	var z []byte
	if err := q.QueryRowContext(ctx, `SELECT refs FROM file_refs WHERE file_id = $1`, fileID).Scan(&z); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return nil, err
	}
	return decodeRefs(z)
}

// versionRow is a stored row version.
type versionRow struct{ hash, name, cells string }

// versionsByID reads row versions by id, many per query.
func versionsByID(ctx context.Context, q querier, d Dialect, ids []int64) (map[int64]versionRow, error) {
	uniq := uniqueSorted(ids)
	out := make(map[int64]versionRow, len(uniq))
	err := queryIn(ctx, q, d, `SELECT id, hash, name, cells FROM row_versions WHERE id IN `, uniq, func(rs *sql.Rows) error {
		var id int64
		var v versionRow
		if err := rs.Scan(&id, &v.hash, &v.name, &v.cells); err != nil {
			return err
		}
		out[id] = v
		return nil
	})
	return out, err
}

// uniqueSorted is ids without repeats, in increasing order.
func uniqueSorted(ids []int64) []int64 {
	uniq := slices.Clone(ids)
	slices.Sort(uniq)
	return slices.Compact(uniq)
}

// hashesByID reads the hashes of row versions by id, many per query.
func hashesByID(ctx context.Context, q querier, d Dialect, ids []int64) (map[int64]string, error) {
	uniq := uniqueSorted(ids)
	out := make(map[int64]string, len(uniq))
	err := queryIn(ctx, q, d, `SELECT id, hash FROM row_versions WHERE id IN `, uniq, func(rs *sql.Rows) error {
		var id int64
		var h string
		if err := rs.Scan(&id, &h); err != nil {
			return err
		}
		out[id] = h
		return nil
	})
	return out, err
}

// moveToV4 writes each file's references (schema 3's file_rows, one row
// per line, by hash) as its file_refs value, by the new version ids. Files
// are read one at a time, so that no result set is open while inserting.
func moveToV4(ctx context.Context, tx *sql.Tx, d Dialect) error {
	var files []int64
	rs, err := tx.QueryContext(ctx, `SELECT id FROM files ORDER BY id`)
	if err != nil {
		return err
	}
	for rs.Next() {
		var id int64
		if err := rs.Scan(&id); err != nil {
			rs.Close()
			return err
		}
		files = append(files, id)
	}
	rs.Close()
	for _, f := range files {
		rs, err := tx.QueryContext(ctx, `SELECT fr.line, v.id FROM file_rows fr JOIN row_versions_v4 v ON v.hash = fr.hash
			WHERE fr.file_id = $1 ORDER BY fr.line`, f)
		if err != nil {
			return err
		}
		var refs []ref
		for rs.Next() {
			var r ref
			if err := rs.Scan(&r.line, &r.version); err != nil {
				rs.Close()
				return err
			}
			refs = append(refs, r)
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return err
		}
		z, err := encodeRefs(refs)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO file_refs (file_id, refs) VALUES ($1, $2)`, f, z); err != nil {
			return err
		}
	}
	return nil
}
