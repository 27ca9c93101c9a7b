package snapshots

import (
	"os"
	"testing"
)

// A line delta of a development schema is read only by an upgrade, but
// from a database that may be damaged: whatever its bytes, lineDelta
// returns the file's size in bytes or an error, and never panics.
func FuzzLegacyLineDelta(f *testing.F) {
	kf, err1 := os.ReadFile("../testdata/legacy-store/v1.csv")
	delta, err2 := os.ReadFile("../testdata/legacy-store/v2-over-v1.mcd2")
	want, err3 := os.ReadFile("../testdata/legacy-store/v2.csv")
	if err1 != nil || err2 != nil || err3 != nil {
		f.Fatal(err1, err2, err3)
	}
	if got, err := lineDelta(kf, delta, int64(len(want))); err != nil || string(got) != string(want) {
		f.Fatalf("the seed delta rebuilds %d bytes, %v", len(got), err)
	}
	f.Add(kf, delta, int64(len(want)))
	f.Add(kf, delta[:20], int64(len(want)))
	f.Add([]byte("a\nb\n"), []byte("MCD2\x02\x00\x04"), int64(4))
	f.Fuzz(func(t *testing.T, kf, delta []byte, size int64) {
		if size < 0 || size > 1<<20 {
			return
		}
		if b, err := lineDelta(kf, delta, size); err == nil && int64(len(b)) != size {
			t.Errorf("%d bytes, not %d", len(b), size)
		}
	})
}
