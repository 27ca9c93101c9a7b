package store

import (
	"context"
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// CachedFigures returns the values kept under key (see PutFigure), by
// snapshot id. It fails with the database's error.
func (s *Store) CachedFigures(ctx context.Context, key string) (map[int64][]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT snapshot_id, value FROM figure WHERE key = $1`, key)
	if err != nil {
		return nil, fmt.Errorf("store: figure cache: %w", err)
	}
	defer rows.Close()
	// A kept value is a few kB of JSON: 16 MiB bounds a damaged one.
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(16<<20))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	out := map[int64][]byte{}
	for rows.Next() {
		var id int64
		var z []byte
		if err := rows.Scan(&id, &z); err != nil {
			return nil, fmt.Errorf("store: figure cache: %w", err)
		}
		// A value that does not decompress is left out, and counted again.
		if v, err := dec.DecodeAll(z, nil); err == nil {
			out[id] = v
		}
	}
	return out, rows.Err()
}

// PutFigure keeps value (JSON) for a snapshot under key, a hash of what
// the value depends on besides the snapshot, zstd-compressed at its best
// level (a few kB, compressed in a millisecond). A value
// already kept stays. It fails with the database's error (a read-only
// store, for one).
func (s *Store) PutFigure(ctx context.Context, key string, snapshotID int64, value []byte) error {
	return putFigure(ctx, s.db, key, snapshotID, value)
}

func putFigure(ctx context.Context, q querier, key string, snapshotID int64, value []byte) error {
	z, err := compress(value, nil, zstd.SpeedBestCompression)
	if err != nil {
		return fmt.Errorf("store: figure cache: %w", err)
	}
	_, err = q.ExecContext(ctx, `INSERT INTO figure (snapshot_id, key, value) VALUES ($1, $2, $3)
		ON CONFLICT (key, snapshot_id) DO NOTHING`, snapshotID, key, z)
	return wrap(err, "figure cache")
}
