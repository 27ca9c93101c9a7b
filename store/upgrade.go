package store

import (
	"context"
	"database/sql"
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
	s  *Store
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
			drop, err := old(ctx, &Upgrading{Tx: tx, s: s})
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
