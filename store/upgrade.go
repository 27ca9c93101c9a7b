package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/modelcensus/modelcensus/census"
)

// Legacy reads back a store written by a development schema, in u's
// transaction, and imports each of its snapshots afresh with u.Import
// (snapshots.Legacy gives one). It returns the development schema's
// tables and views, to be dropped.
type Legacy func(ctx context.Context, u *Upgrading) (drop []string, err error)

// Upgrading is an upgrade under way: Tx, the transaction it runs in, from
// which Legacy reads the development tables, and the store's writers in it.
type Upgrading struct {
	Tx *sql.Tx
	// IndexOnly says the store is of version 1 as first written, which
	// kept the model index as text: only the index is made again
	// (IndexFiles), and model_row dropped.
	IndexOnly bool
	s         *Store
}

// IndexFiles makes the model index again, of every stored file in turn,
// from the rows that read gives of its name and bytes.
func (u *Upgrading) IndexFiles(ctx context.Context, read func(name string, content []byte) ([]Row, error)) error {
	var files []census.FileInfo
	rs, err := u.Tx.QueryContext(ctx, `SELECT id, series, name FROM snapshot_file ORDER BY id`)
	for err == nil && rs.Next() {
		var f census.FileInfo
		err = rs.Scan(&f.ID, &f.Subset, &f.Name) // Subset holds the series
		files = append(files, f)
	}
	if rs != nil {
		err = errors.Join(err, rs.Err(), rs.Close())
	}
	for _, f := range files {
		var b []byte
		var rows []Row
		if err == nil {
			b, _, err = u.s.blobBytes(ctx, u.Tx, byFile, f.ID)
		}
		if err == nil {
			rows, err = read(f.Name, b)
		}
		if err == nil {
			err = u.s.indexFile(ctx, u.Tx, f.ID, f.Subset, rows)
		}
		if err != nil {
			return fmt.Errorf("file %d, %s: %w", f.ID, f.Name, err)
		}
	}
	return err
}

// Import stores a snapshot read back from a development schema, under its
// id and with its content hash (see Store.Import).
func (u *Upgrading) Import(ctx context.Context, snap census.Snapshot, contents []Content) error {
	_, err := u.s.insertSnapshot(ctx, u.Tx, snap.ID, snap, contents)
	return err
}

// PutFigure keeps a figure that the development schema kept (see
// Store.PutFigure).
func (u *Upgrading) PutFigure(ctx context.Context, key string, snapshotID int64, value []byte) error {
	return putFigure(ctx, u.Tx, key, snapshotID, value)
}

// Upgrade brings a store written by a development schema (New's
// ErrUpgradeNeeded) to the schema of this release, in one transaction
// under the import lock: it creates the schema, has old import every
// snapshot afresh, drops the tables old names and, on PostgreSQL, moves
// the ids on. A crash leaves the store as it was.
func (s *Store) Upgrade(ctx context.Context, old Legacy) error {
	err := fmt.Errorf("%w (no reader was given)", ErrUpgradeNeeded)
	if old != nil {
		err = s.create(ctx, func(tx *sql.Tx) error {
			legacy, err := s.relation(ctx, tx, "schema_migrations")
			text, err2 := s.relation(ctx, tx, "model_row")
			if err = errors.Join(err, err2); err != nil || legacy == "" && text == "" {
				return err // or another process upgraded it meanwhile
			}
			drop, err := old(ctx, &Upgrading{Tx: tx, IndexOnly: legacy == "", s: s})
			for _, name := range drop {
				var kind string
				if kind, err = s.relation(ctx, tx, name); err == nil && kind != "" {
					_, err = tx.ExecContext(ctx, "DROP "+kind+" "+name)
				}
				if err != nil {
					return err
				}
			}
			if err == nil && s.d.ResetIDs != "" {
				_, err = tx.ExecContext(ctx, s.d.ResetIDs)
			}
			return err
		})
	}
	if err != nil {
		return fmt.Errorf("store %s: upgrade: %w", s.Location, err)
	}
	return nil
}
