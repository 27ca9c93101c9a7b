package snapshots

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

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/store"
)

// Legacy reads back a store written by a development schema of
// modelcensus (versions 1 to 7 of its table schema_migrations), for the
// store to upgrade it (store.Registry.Legacy): each snapshot's files'
// bytes, as the schema kept them, checked against their SHA-256 and read
// again under the rules that rules gives, as a pull reads them; the review
// queue (schemas 2 to 7) and the kept figures (5 to 7). This is the only
// code that knows the development layouts, and it only reads them.
func Legacy(rules func() (*census.Rules, error)) store.Legacy {
	return func(ctx context.Context, u *store.Upgrading) ([]string, error) {
		r, err := rules()
		if err != nil {
			return nil, err
		}
		if u.IndexOnly {
			// Version 1 as first written: its model index, as text, is
			// made again from the files' rows.
			return []string{"model_row"}, u.IndexFiles(ctx, func(name string, b []byte) ([]store.Row, error) { return readModels(r, name, b) })
		}
		return importLegacy(ctx, u, r)
	}
}

func importLegacy(ctx context.Context, u *store.Upgrading, rules *census.Rules) ([]string, error) {
	tx := u.Tx
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return nil, err
	}
	var snaps []*census.Snapshot
	rs, err := tx.QueryContext(ctx, `SELECT id, taken_on, date_basis, date_path, source, kind, etag, retrieved_at, content_sha256,
		tool_version, rules_version FROM snapshots ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rs.Next() {
		var s census.Snapshot
		var taken, retrieved string
		if err := rs.Scan(&s.ID, &taken, &s.DateBasis, &s.DatePath, &s.Source, &s.Kind, &s.ETag, &retrieved,
			&s.ContentSHA256, &s.ToolVersion, &s.RulesVersion); err != nil {
			rs.Close()
			return nil, err
		}
		s.Date, _ = time.Parse("2006-01-02", taken)
		s.RetrievedAt, _ = time.Parse(time.RFC3339Nano, retrieved)
		snaps = append(snaps, &s)
	}
	rs.Close()
	files := map[int64][]census.FileInfo{}
	rs, err = tx.QueryContext(ctx, `SELECT snapshot_id, id, name, subset, size, sha256, header_version, encoding, columns, mod_time FROM files ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rs.Next() {
		var f census.FileInfo
		var snap int64
		var mod string
		if err := rs.Scan(&snap, &f.ID, &f.Name, &f.Subset, &f.Size, &f.SHA256, &f.HeaderVersion, &f.Encoding, &f.Columns, &mod); err != nil {
			rs.Close()
			return nil, err
		}
		f.ModTime, _ = time.Parse(time.RFC3339Nano, mod)
		files[snap] = append(files[snap], f)
	}
	rs.Close()
	for _, snap := range snaps {
		var contents []store.Content
		for _, f := range files[snap.ID] {
			b, err := legacyBytes(ctx, tx, version, f)
			if sum := sha256.Sum256(b); err == nil && hex.EncodeToString(sum[:]) != f.SHA256 {
				err = errors.New("the bytes read back do not have their SHA-256")
			}
			var models []store.Row
			if err == nil {
				models, err = readModels(rules, f.Name, b)
			}
			if err != nil {
				return nil, fmt.Errorf("snapshot %d, %s: %w", snap.ID, f.Name, err)
			}
			f.Rows = len(models)
			snap.Files = append(snap.Files, f)
			contents = append(contents, store.Content{Bytes: b, Models: models})
		}
		if err := u.Import(ctx, *snap, contents); err != nil {
			return nil, fmt.Errorf("snapshot %d: %w", snap.ID, err)
		}
	}
	if version >= 2 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO candidate (id, name, status, reason, first_seen, last_seen, data)
			SELECT id, name, status, reason, first_seen, last_seen, data FROM candidates`); err != nil {
			return nil, err
		}
	}
	if version >= 5 {
		if err := copyFigures(ctx, u); err != nil {
			return nil, err
		}
	}
	return []string{"file_reads", "figure_cache", "file_refs", "rows", "file_rows", "row_versions", "blobs", "candidates", "files", "snapshots", "schema_migrations"}, nil
}

// copyFigures copies the figure cache of schemas 5 to 7.
func copyFigures(ctx context.Context, u *store.Upgrading) error {
	rs, err := u.Tx.QueryContext(ctx, `SELECT snapshot_id, key, value FROM figure_cache`)
	if err != nil {
		return err
	}
	type figure struct {
		id         int64
		key, value string
	}
	var all []figure
	for rs.Next() {
		var f figure
		if err := rs.Scan(&f.id, &f.key, &f.value); err != nil {
			rs.Close()
			return err
		}
		all = append(all, f)
	}
	rs.Close()
	for _, f := range all {
		if err := u.PutFigure(ctx, f.key, f.id, []byte(f.value)); err != nil {
			return err
		}
	}
	return rs.Err()
}

// legacyBytes reads a file's bytes as a development schema kept them:
// gzipped in files.content (schemas 1 and 2) or in blobs (3), or in blobs
// with their codec (4 to 7): gzip, zstd, or a line delta over a zstd
// blob (base).
func legacyBytes(ctx context.Context, q *sql.Tx, version int, f census.FileInfo) ([]byte, error) {
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
	case "zstd", "lines":
		dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstd.MaxWindowSize),
			zstd.WithDecoderMaxMemory(uint64(max(f.Size, 0))+8<<20))
		if err != nil {
			return nil, err
		}
		defer dec.Close()
		if codec == "zstd" {
			return dec.DecodeAll(z, nil)
		}
		var kz []byte
		if err := q.QueryRowContext(ctx, `SELECT content FROM blobs WHERE sha256 = $1 AND codec = 'zstd'`, base).Scan(&kz); err != nil {
			return nil, fmt.Errorf("keyframe %s: %w", base, err)
		}
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
