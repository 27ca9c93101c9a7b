package synth_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/internal/synth"
)

// Ten days from a 200-row base: each day's rows counted with encoding/csv
// are the day before's plus the additions minus the removals; a column is
// renamed on the churn's schedule.
func TestYear(t *testing.T) {
	base := [][]string{{"Model", "Publication date", "Training compute (FLOP)", "Country (of organization)", "Link"}}
	for i := 0; i < 200; i++ {
		base = append(base, []string{"M" + string(rune('a'+i%26)) + string(rune('a'+i/26)), "2025-06-01", "1e23", "China", "https://example.org/" + string(rune('a'+i%26))})
	}
	dir := t.TempDir()
	churn := synth.Churn{AddedPerDay: 3, EditedShare: 0.01, RenameEvery: 4, RemoveEvery: 5, ColumnsEvery: 6}
	folders, err := synth.Year(dir, base, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 10, churn, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(folders) != 10 || filepath.Base(folders[9]) != "2026-01-10" {
		t.Fatalf("folders %v", folders)
	}
	prev := 0
	for d, f := range folders {
		fh, err := os.Open(filepath.Join(f, "all_ai_models.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		n := len(rows) - 1
		if d == 0 && n != 200 {
			t.Errorf("day 0: %d rows, want the base's 200", n)
		}
		if d > 0 {
			removed := 0
			if d%5 == 0 {
				removed = 1
			}
			if added := n - prev + removed; added < 1 || added > 3 {
				t.Errorf("day %d: %d rows after %d: %d added, want 1–3", d, n, prev, added)
			}
		}
		// Day 6 is the first column rename (every 6 days): the country
		// column takes Epoch's older spelling.
		if want := map[bool]string{true: "Country (from Organization)", false: "Country (of organization)"}[d >= 6]; rows[0][3] != want || rows[0][0] != "Model" {
			t.Errorf("day %d: header %q, want %q", d, rows[0], want)
		}
		prev = n
	}
}
