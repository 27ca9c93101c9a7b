package snapshots_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/synth"
	"github.com/modelcensus/modelcensus/snapshots"
)

// TestKillChild is not a test of its own: TestKillDuringImport runs the
// test binary again with this test alone, as a process that pulls ever new
// snapshots into a store until it is killed.
func TestKillChild(t *testing.T) {
	dsn := os.Getenv("MODELCENSUS_KILL_DSN")
	if os.Getenv("MODELCENSUS_KILL_CHILD") != "1" || dsn == "" {
		t.Skip("a helper process for TestKillDuringImport")
	}
	ctx := context.Background()
	var b backend
	for _, c := range backends(t) {
		if c.name == os.Getenv("MODELCENSUS_KILL_BACKEND") {
			b = c
		}
	}
	st, err := b.open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	r := defaultRules(t)
	// The parent's folder: a killed child cannot remove a folder of its
	// own, and the parent's is removed when its test ends.
	dir, err := os.MkdirTemp(os.Getenv("MODELCENSUS_KILL_DIR"), "child")
	if err != nil {
		t.Fatal(err)
	}
	for i := uint64(1); ; i++ {
		folder := filepath.Join(dir, fmt.Sprintf("2026-01-%02d", 1+i%28))
		os.MkdirAll(folder, 0o755)
		f, err := os.Create(filepath.Join(folder, "large_scale_ai_models.csv"))
		if err != nil {
			t.Fatal(err)
		}
		synth.Write(f, 20000, uint64(time.Now().UnixNano())+i)
		f.Close()
		if _, err := snapshots.Pull(ctx, st, r, folder, snapshots.PullOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKillDuringImport kills an importing process (SIGKILL) at random
// points many times. After each kill the store opens, every snapshot that
// was there before is whole and unchanged, and no partial snapshot is
// visible: each visible snapshot has all its files and rows.
func TestKillDuringImport(t *testing.T) {
	if os.Getenv("MODELCENSUS_KILL_CHILD") == "1" {
		t.Skip("running as the helper process")
	}
	if testing.Short() {
		t.Skip("kills 20 imports per store; skipped with -short")
	}
	ctx := context.Background()
	r := defaultRules(t)
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			st, err := b.open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := snapshots.Pull(ctx, st, r, fixtureFolder(t, t.TempDir(), "2025-03-01", ""), snapshots.PullOptions{}); err != nil {
				t.Fatal(err)
			}
			st.Close()
			work := t.TempDir()
			seen := map[int64]*census.Snapshot{}
			rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
			const kills = 20
			for i := 0; i < kills; i++ {
				cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), "MODELCENSUS_KILL_CHILD=1", "MODELCENSUS_KILL_DSN="+dsn, "MODELCENSUS_KILL_BACKEND="+b.name, "MODELCENSUS_KILL_DIR="+work)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				// Every fifth kill waits for the child to commit one more
				// snapshot first, so that commits happen between kills
				// however slow the machine is; the others come at random.
				if i%5 == 4 {
					waitForCommit(t, ctx, b, dsn, len(seen))
				}
				time.Sleep(time.Duration(50+rng.IntN(2000)) * time.Millisecond)
				cmd.Process.Signal(syscall.SIGKILL)
				cmd.Wait()
				checkWhole(t, ctx, b, dsn, seen)
			}
			if len(seen) < 3 {
				t.Errorf("only %d snapshots were ever committed: the kills came too early to test much", len(seen))
			}
			t.Logf("%d kills, %d snapshots committed in between", kills, len(seen))
		})
	}
}

// waitForCommit polls the store until it holds more than had snapshots, for
// at most two minutes (a child that never commits fails the test later).
func waitForCommit(t *testing.T, ctx context.Context, b backend, dsn string, had int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if st, err := b.open(ctx, dsn); err == nil {
			list, err := st.Snapshots(ctx)
			st.Close()
			if err == nil && len(list) > had {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func checkWhole(t *testing.T, ctx context.Context, b backend, dsn string, seen map[int64]*census.Snapshot) {
	t.Helper()
	st, err := b.open(ctx, dsn)
	if err != nil {
		t.Fatalf("the store does not open after a kill: %v", err)
	}
	defer st.Close()
	if b.name == "sqlite" {
		var ok string
		if err := st.DB().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
			t.Fatalf("integrity check: %q %v", ok, err)
		}
	}
	list, err := st.Snapshots(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var all int
	if err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM snapshot`).Scan(&all); err != nil || all != len(list) {
		t.Errorf("%d snapshots stored, %d listed with their files (%v)", all, len(list), err)
	}
	now := map[int64]*census.Snapshot{}
	for _, s := range list {
		now[s.ID] = s
		rows := 0
		for _, f := range s.Files {
			rows += f.Rows
		}
		var n int
		err := st.DB().QueryRowContext(ctx, `SELECT COALESCE(SUM(rows), 0) FROM snapshot_file WHERE snapshot_id = $1`, s.ID).Scan(&n)
		if err != nil || len(s.Files) == 0 || n != s.Rows || rows != s.Rows {
			t.Errorf("snapshot %d is partial: %d files, %d rows stored, %d in its files, %d recorded", s.ID, len(s.Files), n, rows, s.Rows)
		}
	}
	for id, before := range seen {
		after := now[id]
		if after == nil || after.ContentSHA256 != before.ContentSHA256 || after.Rows != before.Rows {
			t.Errorf("snapshot %d changed or vanished after a kill", id)
		}
	}
	for id, s := range now {
		seen[id] = s
	}
}
