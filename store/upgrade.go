package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/klauspost/compress/zstd"
)

// RowReader reads a stored file's model rows from its bytes, as a pull
// reads them (snapshots.RowReader gives one).
type RowReader func(f File, content []byte) ([]Row, error)

// Upgrade brings a store written by a development schema (New's
// ErrUpgradeNeeded) to the schema of this release, in one transaction:
// every snapshot is imported afresh under its id, its files' bytes read
// back (and checked against their SHA-256) and their model rows read again
// with read; the figures kept and the review queue are copied, and the
// development schema's tables dropped. A crash leaves the store as it was.
func (s *Store) Upgrade(ctx context.Context, read RowReader) error {
	if read == nil {
		return fmt.Errorf("store %s: %w (no reader was given)", s.Location, ErrUpgradeNeeded)
	}
	if err := s.create(ctx, read); err != nil {
		return fmt.Errorf("store %s: upgrade: %w", s.Location, err)
	}
	return nil
}

// importLegacy imports the development schema's snapshots into the new
// tables, in tx, and drops its tables.
func (s *Store) importLegacy(ctx context.Context, tx *sql.Tx, read RowReader) error {
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return err
	}
	var snaps []*Snapshot
	rs, err := tx.QueryContext(ctx, `SELECT `+snapshotColumns+` FROM snapshots ORDER BY id`)
	if err != nil {
		return err
	}
	for rs.Next() {
		snap, err := scanSnapshot(rs)
		if err != nil {
			rs.Close()
			return err
		}
		snaps = append(snaps, snap)
	}
	rs.Close()
	files := map[int64][]File{}
	rs, err = tx.QueryContext(ctx, `SELECT snapshot_id, id, name, subset, size, sha256, header_version, encoding, columns, mod_time FROM files ORDER BY id`)
	if err != nil {
		return err
	}
	for rs.Next() {
		var f File
		var snap int64
		var mod string
		if err := rs.Scan(&snap, &f.ID, &f.Name, &f.Subset, &f.Size, &f.SHA256, &f.HeaderVersion, &f.Encoding, &f.Columns, &mod); err != nil {
			rs.Close()
			return err
		}
		f.ModTime, _ = time.Parse(time.RFC3339Nano, mod)
		files[snap] = append(files[snap], f)
	}
	rs.Close()
	for _, snap := range snaps {
		var data []FileData
		for _, f := range files[snap.ID] {
			b, err := legacyBytes(ctx, tx, version, f)
			if sum := sha256.Sum256(b); err == nil && hex.EncodeToString(sum[:]) != f.SHA256 {
				err = errors.New("the bytes read back do not have their SHA-256")
			}
			if err != nil {
				return fmt.Errorf("snapshot %d, %s: %w", snap.ID, f.Name, err)
			}
			rows, err := read(f, b)
			if err != nil {
				return fmt.Errorf("snapshot %d, %s: %w", snap.ID, f.Name, err)
			}
			data = append(data, FileData{File: f, Content: b, Rows: rows})
		}
		if _, err := s.insertSnapshot(ctx, tx, snap.ID, *snap, data); err != nil {
			return fmt.Errorf("snapshot %d: %w", snap.ID, err)
		}
	}
	if version >= 2 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO candidate (id, name, status, reason, first_seen, last_seen, data)
			SELECT id, name, status, reason, first_seen, last_seen, data FROM candidates`); err != nil {
			return err
		}
	}
	if version >= 5 {
		if err := copyFigures(ctx, tx); err != nil {
			return err
		}
	}
	for _, name := range []string{"file_reads", "figure_cache", "file_refs", "rows", "file_rows", "row_versions", "blobs", "candidates", "files", "snapshots", "schema_migrations"} {
		kind, err := s.relation(ctx, tx, name)
		if err == nil && kind != "" {
			_, err = tx.ExecContext(ctx, "DROP "+kind+" "+name)
		}
		if err != nil {
			return err
		}
	}
	if s.d.ResetIDs != "" {
		_, err = tx.ExecContext(ctx, s.d.ResetIDs)
	}
	return err
}

// copyFigures copies the figure cache of schemas 5 to 7, compressed.
func copyFigures(ctx context.Context, tx *sql.Tx) error {
	rs, err := tx.QueryContext(ctx, `SELECT snapshot_id, key, value FROM figure_cache`)
	if err != nil {
		return err
	}
	var vals [][]any
	for rs.Next() {
		var id int64
		var key, value string
		if err := rs.Scan(&id, &key, &value); err != nil {
			rs.Close()
			return err
		}
		z, err := compress([]byte(value), nil, zstd.SpeedBestCompression)
		if err != nil {
			rs.Close()
			return err
		}
		vals = append(vals, []any{id, key, z})
	}
	rs.Close()
	for _, v := range vals {
		if _, err := tx.ExecContext(ctx, `INSERT INTO figure (snapshot_id, key, value) VALUES ($1, $2, $3)`, v...); err != nil {
			return err
		}
	}
	return rs.Err()
}

// legacyBytes reads a file's bytes as a development schema kept them:
// gzipped in files.content (schemas 1 and 2) or in blobs (3), or in blobs
// with their codec (4 to 7): gzip, zstd, or a line delta over a zstd
// blob (base).
func legacyBytes(ctx context.Context, q rowQuerier, version int, f File) ([]byte, error) {
	var codec, base string
	var z []byte
	var err error
	switch {
	case version <= 2:
		codec, err = "gzip", q.QueryRowContext(ctx, `SELECT content FROM files WHERE id = $1`, f.ID).Scan(&z)
	case version == 3:
		codec, err = "gzip", q.QueryRowContext(ctx, `SELECT content FROM blobs WHERE sha256 = $1`, f.SHA256).Scan(&z)
	default:
		err = q.QueryRowContext(ctx, `SELECT codec, base, content FROM blobs WHERE sha256 = $1`, f.SHA256).Scan(&codec, &base, &z)
	}
	if err != nil {
		return nil, err
	}
	switch codec {
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(io.LimitReader(zr, f.Size+1))
	case "zstd":
		return decompress(z, nil, f.Size, nil)
	case "lines":
		var kz []byte
		if err := q.QueryRowContext(ctx, `SELECT content FROM blobs WHERE sha256 = $1 AND codec = 'zstd'`, base).Scan(&kz); err != nil {
			return nil, fmt.Errorf("keyframe %s: %w", base, err)
		}
		dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstd.MaxWindowSize))
		if err != nil {
			return nil, err
		}
		defer dec.Close()
		kf, err := dec.DecodeAll(kz, nil)
		if err != nil {
			return nil, err
		}
		return lineDelta(kf, z, f.Size)
	}
	return nil, errors.New("unknown codec " + codec)
}

// lineDelta rebuilds a file of size bytes from a keyframe and a line
// delta of schemas 4 to 7: "MCD2", the number of operations (uvarint),
// each a copy (2×offset, then the length) or an insert (2×length+1), then
// the inserted bytes as one zstd frame whose dictionary is the keyframe's
// lines that no copy covers. Nothing writes this format any more.
func lineDelta(kf, delta []byte, size int64) ([]byte, error) {
	bad := errors.New("malformed line delta")
	p, ok := bytes.CutPrefix(delta, []byte("MCD2"))
	n, k := binary.Uvarint(p)
	if !ok || k <= 0 || n > uint64(len(p)) {
		return nil, bad
	}
	p = p[k:]
	ops := make([]uint64, n)
	for i := range ops {
		if ops[i], k = binary.Uvarint(p); k <= 0 {
			return nil, bad
		}
		p = p[k:]
	}
	// The dictionary: the keyframe's lines whose start no copy covers.
	covered := make([]bool, len(kf))
	for i := 0; i < len(ops); i++ {
		if ops[i]%2 == 1 {
			continue
		}
		if i+1 >= len(ops) || ops[i]/2 > uint64(len(kf)) || ops[i+1] > uint64(len(kf))-ops[i]/2 || ops[i+1] > uint64(size) {
			return nil, bad
		}
		for j := ops[i] / 2; j < ops[i]/2+ops[i+1]; j++ {
			covered[j] = true
		}
		i++
	}
	var dict []byte
	for off := 0; off < len(kf); {
		end := off + bytes.IndexByte(kf[off:], '\n') + 1
		if end == off {
			end = len(kf)
		}
		if !covered[off] {
			dict = append(dict, kf[off:end]...)
		}
		off = end
	}
	opts := []zstd.DOption{zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(size) + 8<<20)}
	if len(dict) > 0 {
		opts = append(opts, zstd.WithDecoderDictRaw(1, dict))
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	lits, err := dec.DecodeAll(p, nil)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, size)
	for i := 0; i < len(ops); i++ {
		if ops[i]%2 == 1 {
			l := ops[i] / 2
			if l > uint64(len(lits)) {
				return nil, bad
			}
			out, lits = append(out, lits[:l]...), lits[l:]
			continue
		}
		if i+1 >= len(ops) {
			return nil, bad
		}
		off, l := ops[i]/2, ops[i+1]
		i++
		out = append(out, kf[off:off+l]...)
		if int64(len(out)) > size {
			return nil, bad
		}
	}
	if int64(len(out)) != size || len(lits) != 0 {
		return nil, bad
	}
	return out, nil
}
