package store

import (
	"context"
	"fmt"
)

// CachedFigures returns the values kept under key (see PutFigure), by
// snapshot id. It fails with the database's error.
func (s *Store) CachedFigures(ctx context.Context, key string) (map[int64][]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT snapshot_id, value FROM figure WHERE key = $1`, key)
	if err != nil {
		return nil, fmt.Errorf("store: figure cache: %w", err)
	}
	defer rows.Close()
	out := map[int64][]byte{}
	for rows.Next() {
		var id int64
		var v string
		if err := rows.Scan(&id, &v); err != nil {
			return nil, fmt.Errorf("store: figure cache: %w", err)
		}
		out[id] = []byte(v)
	}
	return out, rows.Err()
}

// PutFigure keeps value (JSON) for a snapshot under key, a hash of what
// the value depends on besides the snapshot. A value already kept stays.
// It fails with the database's error (a read-only store, for one).
func (s *Store) PutFigure(ctx context.Context, key string, snapshotID int64, value []byte) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO figure (snapshot_id, key, value) VALUES ($1, $2, $3)
		ON CONFLICT (key, snapshot_id) DO NOTHING`, snapshotID, key, string(value)); err != nil {
		return fmt.Errorf("store: figure cache: %w", err)
	}
	return nil
}
