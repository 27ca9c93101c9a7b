package store

import (
	"context"
	"fmt"
	"time"
)

// QueuedCandidate is a candidate model in the review queue: its stable id,
// name, status (new, accepted, rejected, snoozed), the reason of its last
// status or finding, when it was first and last seen, and its data as the
// discover package encodes it (JSON).
type QueuedCandidate struct {
	ID, Name, Status, Reason string
	FirstSeen, LastSeen      time.Time
	Data                     []byte
}

// QueueCandidates adds the candidates not yet queued, with status "new",
// and refreshes the data and last-seen time of those queued; a candidate's
// status and first-seen date are never changed here, so that nothing found
// is lost and a rejected one does not come back. All in one transaction.
// It returns the candidates newly queued.
func (s *Store) QueueCandidates(ctx context.Context, list []QueuedCandidate, now time.Time) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: queue candidates: %w", err)
	}
	defer tx.Rollback()
	added := 0
	day := now.UTC().Format(time.RFC3339)
	for _, c := range list {
		res, err := tx.ExecContext(ctx, `INSERT INTO candidate (id, name, status, reason, first_seen, last_seen, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (id) DO NOTHING`, c.ID, c.Name, "new", c.Reason, day, day, string(c.Data))
		var n int64
		if err == nil {
			n, err = res.RowsAffected()
		}
		if err == nil && n == 0 {
			_, err = tx.ExecContext(ctx, `UPDATE candidate SET last_seen = $1, data = $2 WHERE id = $3`, day, string(c.Data), c.ID)
		}
		if err != nil {
			return 0, fmt.Errorf("store: queue %s: %w", c.ID, err)
		}
		added += int(n)
	}
	return added, wrap(tx.Commit(), "queue candidates")
}

// Candidates lists the queue, by name; status "" lists every status.
func (s *Store) Candidates(ctx context.Context, status string) ([]QueuedCandidate, error) {
	return s.candidates(ctx, `$1 = '' OR status = $1`, status)
}

func (s *Store) candidates(ctx context.Context, where, arg string) ([]QueuedCandidate, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, status, reason, first_seen, last_seen, data FROM candidate
		WHERE `+where+` ORDER BY name, id`, arg)
	if err != nil {
		return nil, fmt.Errorf("store: candidates: %w", err)
	}
	defer rows.Close()
	var out []QueuedCandidate
	for rows.Next() {
		var c QueuedCandidate
		var first, last, data string
		if err := rows.Scan(&c.ID, &c.Name, &c.Status, &c.Reason, &first, &last, &data); err != nil {
			return nil, fmt.Errorf("store: candidates: %w", err)
		}
		c.FirstSeen, _ = time.Parse(time.RFC3339, first)
		c.LastSeen, _ = time.Parse(time.RFC3339, last)
		c.Data = []byte(data)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Candidate returns one queued candidate, or ErrNotFound.
func (s *Store) Candidate(ctx context.Context, id string) (*QueuedCandidate, error) {
	list, err := s.candidates(ctx, `id = $1`, id)
	if err == nil && len(list) == 0 {
		err = fmt.Errorf("candidate %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return &list[0], nil
}

// SetCandidateStatus sets a queued candidate's status and, when not empty,
// its reason. It returns ErrNotFound for an id not queued.
func (s *Store) SetCandidateStatus(ctx context.Context, id, status, reason string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE candidate SET status = $1, reason = CASE WHEN $2 = '' THEN reason ELSE $2 END WHERE id = $3`, status, reason, id)
	if err != nil {
		return fmt.Errorf("store: candidate %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("candidate %s: %w", id, ErrNotFound)
	}
	return nil
}
