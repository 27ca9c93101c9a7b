package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// A store made by the release before the candidates queue (schema 1)
// migrates to schema 2 on open, its snapshots untouched, and the queue
// then works: a new candidate is queued once, and its status is kept.
func TestMigrateToCandidatesQueue(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	v1 := sqlite.Dialect
	v1.Migrations = v1.Migrations[:1]
	old, err := store.New(ctx, db, v1, path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.SchemaVersion(ctx); v != 1 {
		t.Fatalf("old store at version %d", v)
	}
	old.Close()

	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, err := st.SchemaVersion(ctx); err != nil || v != 2 {
		t.Fatalf("migrated to version %d, %v", v, err)
	}
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	c := []store.QueuedCandidate{{ID: "kanana", Name: "Kanana", Reason: "found", Data: []byte(`{}`)}}
	if n, err := st.QueueCandidates(ctx, c, now); err != nil || n != 1 {
		t.Fatalf("queued %d, %v", n, err)
	}
	if err := st.SetCandidateStatus(ctx, "kanana", "rejected", "out of scope"); err != nil {
		t.Fatal(err)
	}
	if n, err := st.QueueCandidates(ctx, c, now.Add(24*time.Hour)); err != nil || n != 0 {
		t.Fatalf("queued again: %d, %v", n, err)
	}
	got, err := st.Candidate(ctx, "kanana")
	if err != nil || got.Status != "rejected" || got.Reason != "out of scope" || !got.LastSeen.After(got.FirstSeen) {
		t.Errorf("candidate %+v, %v", got, err)
	}
}
