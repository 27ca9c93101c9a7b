package synth

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Churn is how a synthetic year moves from one daily download to the next,
// after what Epoch's daily exports show: a few models added each day,
// about 0.5 % of rows edited, a model renamed now and then, one removed a
// week, and once in a while a column renamed (Epoch's own renames:
// "System" ↔ "Model", "Country (from Organization)" ↔ "Country (of
// organization)").
type Churn struct {
	AddedPerDay  int     // at most, each day (1 at least)
	EditedShare  float64 // share of rows edited each day
	RenameEvery  int     // days between two model renames
	RemoveEvery  int     // days between two removals
	ColumnsEvery int     // days between two column renames
}

// DefaultChurn is the issue's: up to 5 added a day, 0.5 % edited, a model
// renamed every 10 days, one removed a week, a column renamed every 90 days.
var DefaultChurn = Churn{AddedPerDay: 5, EditedShare: 0.005, RenameEvery: 10, RemoveEvery: 7, ColumnsEvery: 90}

// columnRenames are the header spellings a column renamed takes in turn.
var columnRenames = [][2]string{{"Model", "System"}, {"Country (of organization)", "Country (from Organization)"}}

// Year writes days daily downloads into dir, one folder per day named by
// its date (start, start+1, …), each holding all_ai_models.csv: the first
// is base (a header and its rows, as encoding/csv reads them), each next
// one the previous with a day's churn. Rows keep their link when renamed,
// as Epoch's do. It returns the folders written.
func Year(dir string, base [][]string, start time.Time, days int, churn Churn, seed uint64) ([]string, error) {
	if len(base) < 2 {
		return nil, fmt.Errorf("synth year: the base export has no rows")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	header := slices.Clone(base[0])
	rows := make([][]string, len(base)-1)
	for i, r := range base[1:] {
		rows[i] = slices.Clone(r)
	}
	col := func(names ...string) int {
		for i, h := range header {
			for _, n := range names {
				if h == n {
					return i
				}
			}
		}
		return -1
	}
	nameCol := col("Model", "System")
	dateCol := col("Publication date")
	computeCol := col("Training compute (FLOP)")
	if nameCol < 0 || dateCol < 0 {
		return nil, fmt.Errorf("synth year: the base export has no Model or Publication date column")
	}
	var out []string
	serial := 0
	for d := 0; d < days; d++ {
		day := start.AddDate(0, 0, d)
		if d > 0 {
			// Added: clones of random rows, new names, published today.
			for k := 1 + rng.IntN(max(churn.AddedPerDay, 1)); k > 0; k-- {
				r := slices.Clone(rows[rng.IntN(len(rows))])
				serial++
				r[nameCol] = fmt.Sprintf("Synthetic Model %d", serial)
				r[dateCol] = day.Format("2006-01-02")
				rows = append(rows, r)
			}
			// Edited: compute revised or a date corrected.
			for k := int(float64(len(rows))*churn.EditedShare + 0.5); k > 0; k-- {
				r := rows[rng.IntN(len(rows))]
				if computeCol >= 0 && rng.IntN(2) == 0 {
					if v, err := strconv.ParseFloat(strings.TrimSpace(r[computeCol]), 64); err == nil {
						r[computeCol] = strconv.FormatFloat(v*(0.8+0.4*rng.Float64()), 'g', 4, 64)
						continue
					}
				}
				if t, err := time.Parse("2006-01-02", strings.TrimSpace(r[dateCol])); err == nil {
					r[dateCol] = t.AddDate(0, 0, rng.IntN(61)-30).Format("2006-01-02")
				}
			}
			if churn.RenameEvery > 0 && d%churn.RenameEvery == 0 {
				r := rows[rng.IntN(len(rows))]
				r[nameCol] = strings.TrimSpace(r[nameCol]) + " (renamed)"
			}
			if churn.RemoveEvery > 0 && d%churn.RemoveEvery == 0 && len(rows) > 1 {
				i := rng.IntN(len(rows))
				rows = append(rows[:i], rows[i+1:]...)
			}
			if churn.ColumnsEvery > 0 && d%churn.ColumnsEvery == 0 {
				pair := columnRenames[(d/churn.ColumnsEvery)%len(columnRenames)]
				for i, h := range header {
					switch h {
					case pair[0]:
						header[i] = pair[1]
					case pair[1]:
						header[i] = pair[0]
					}
				}
			}
		}
		folder := filepath.Join(dir, day.Format("2006-01-02"))
		if err := writeExport(filepath.Join(folder, "all_ai_models.csv"), header, rows); err != nil {
			return out, err
		}
		out = append(out, folder)
	}
	return out, nil
}

// writeExport writes one export, through a temporary file renamed into
// place.
func writeExport(path string, header []string, rows [][]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".export-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := writeCSV(f, header, rows); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
