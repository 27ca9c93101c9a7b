package store

import (
	"context"
	"fmt"
	"math"

	"github.com/klauspost/compress/zstd"
)

// The figure cache keeps each snapshot's value of a key zstd-compressed,
// as a whole frame or, when that is smaller by half, against the value of
// the latest earlier snapshot kept whole (a raw dictionary, whose
// snapshot id the frame names in its Dictionary_ID field): a day's
// figures differ from a month before in a few counts, so a value of 3 kB
// is kept in a few hundred bytes. No read decodes more than two frames.

// CachedFigures returns the values kept under key (see PutFigure), by
// snapshot id. It fails with the database's error.
func (s *Store) CachedFigures(ctx context.Context, key string) (map[int64][]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT snapshot_id, value FROM figure WHERE key = $1`, key)
	if err != nil {
		return nil, fmt.Errorf("store: figure cache: %w", err)
	}
	defer rows.Close()
	kept := map[int64][]byte{}
	for rows.Next() {
		var id int64
		var z []byte
		if err := rows.Scan(&id, &z); err != nil {
			return nil, fmt.Errorf("store: figure cache: %w", err)
		}
		kept[id] = z
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: figure cache: %w", err)
	}
	// Whole frames first, then each other frame against its dictionary. A
	// value that does not decompress is left out, and counted again.
	out := map[int64][]byte{}
	for _, whole := range []bool{true, false} {
		for id, z := range kept {
			if base := frameDict(z); (base == 0) == whole {
				if dict, ok := out[base]; whole || ok {
					if v, err := decodeFigure(z, base, dict); err == nil {
						out[id] = v
					}
				}
			}
		}
	}
	return out, nil
}

// frameDict is the Dictionary_ID a zstd frame names: for a kept figure,
// the snapshot whose value is its dictionary (0 for none, or not a frame).
func frameDict(z []byte) int64 {
	var h zstd.Header
	if h.Decode(z) != nil {
		return 0
	}
	return int64(h.DictionaryID)
}

// decodeFigure decompresses a kept figure, against dict (the value of
// snapshot base) when base is not 0. A kept value is a few kB of JSON:
// 16 MiB bounds a damaged one.
func decodeFigure(z []byte, base int64, dict []byte) ([]byte, error) {
	opts := []zstd.DOption{zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(16 << 20)}
	if base != 0 {
		opts = append(opts, zstd.WithDecoderDictRaw(uint32(base), dict))
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	return dec.DecodeAll(z, nil)
}

// PutFigure keeps value (JSON) for a snapshot under key, a hash of what
// the value depends on besides the snapshot, zstd-compressed at its best
// level (a few kB, compressed in a millisecond), against the latest
// earlier value kept whole where that halves it. A value already kept
// stays. It fails with the database's error (a read-only store, for one).
func (s *Store) PutFigure(ctx context.Context, key string, snapshotID int64, value []byte) error {
	return putFigure(ctx, s.db, key, snapshotID, value)
}

func putFigure(ctx context.Context, q querier, key string, snapshotID int64, value []byte) error {
	z, err := compress(value, nil, 0, zstd.SpeedBestCompression)
	if err == nil {
		var base int64
		var dict []byte
		if base, dict, err = wholeFigureBefore(ctx, q, key, snapshotID); err == nil && base > 0 && base <= math.MaxUint32 {
			if d, err := compress(value, dict, uint32(base), zstd.SpeedBestCompression); err == nil && 2*len(d) <= len(z) {
				z = d
			}
		}
	}
	if err != nil {
		return fmt.Errorf("store: figure cache: %w", err)
	}
	_, err = q.ExecContext(ctx, `INSERT INTO figure (snapshot_id, key, value) VALUES ($1, $2, $3)
		ON CONFLICT (key, snapshot_id) DO NOTHING`, snapshotID, key, z)
	return wrap(err, "figure cache")
}

// wholeFigureBefore returns the latest value of key kept whole before
// snapshot id, and its snapshot (0 for none).
func wholeFigureBefore(ctx context.Context, q querier, key string, id int64) (int64, []byte, error) {
	rows, err := q.QueryContext(ctx, `SELECT snapshot_id, value FROM figure WHERE key = $1 AND snapshot_id < $2 ORDER BY snapshot_id DESC`, key, id)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var base int64
		var z []byte
		if err := rows.Scan(&base, &z); err != nil {
			return 0, nil, err
		}
		if frameDict(z) == 0 {
			v, err := decodeFigure(z, 0, nil)
			return base, v, err
		}
	}
	return 0, nil, rows.Err()
}
