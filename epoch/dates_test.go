package epoch

import (
	"testing"

	"github.com/modelcensus/modelcensus/census"
)

func TestNormalizeDate(t *testing.T) {
	for _, tc := range []struct {
		in, order string
		slashes   bool
		want      string
	}{
		{"12/31/2025", DateMonth, true, "2025-12-31"},
		{"31/12/2025", DateDay, true, "2025-12-31"},
		{"1/2/2024", DateMonth, true, "2024-01-02"},
		{"1/2/2024", DateDay, true, "2024-02-01"},
		{"1/2/2024", DateDay, false, "1/2/2024"}, // a stray slash date is left for the census to refuse
		{"31.12.2025", "", false, "2025-12-31"},
		{"1-2-2024", DateMonth, true, "2024-01-02"},
		{"45657", "", false, "2024-12-31"},
		{"45657.75", "", false, "2024-12-31"},
		{"2024-05-01", DateMonth, true, "2024-05-01"},
		{"2024", DateDay, true, "2024"},
		{"12345", "", false, "12345"}, // not a day number of 1950–2119
		{"soon", DateDay, true, "soon"},
	} {
		if got := normalizeDate(tc.in, tc.order, tc.slashes); got != tc.want {
			t.Errorf("normalizeDate(%q, %s) = %q, want %q", tc.in, tc.order, got, tc.want)
		}
	}
}

// FuzzDates feeds arbitrary text to the date shapes, the spreadsheet date
// normalizer and the census's date parser: nothing may panic, and a date
// the census accepts is a calendar day.
func FuzzDates(f *testing.F) {
	for _, s := range []string{"2024-05-01", "12/31/2025", "31.12.2025", "45657", "2024-02-30", "1/2/3", "99/99/9999", "", "-", "2024-09", "0000-00-00", "45657.", "1.1.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dateShape(s)
		for _, order := range []string{DateISO, DateMonth, DateDay} {
			out := normalizeDate(s, order, true)
			if d, ok := census.ParseDate(out); ok {
				if d.Month > 12 || d.Day > census.DaysIn(d.Year, d.Month) || (d.Month == 0 && d.Day != 0) {
					t.Fatalf("%q → %q → %+v is no calendar day", s, out, d)
				}
			}
		}
	})
}
