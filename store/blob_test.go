package store

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// A byte changed anywhere in a stored frame is an error on reading, not
// other bytes: a whole file (large enough to take the stream decoder) and
// a version against it, each with one byte flipped in turn at a dozen
// places.
func TestDamagedFrameFails(t *testing.T) {
	var b bytes.Buffer
	for i := 0; b.Len() < 3<<20; i++ {
		fmt.Fprintf(&b, "Model %d,Organization %d,%d.%de24\n", i, i%97, i%10, i%7)
	}
	whole := b.Bytes()
	next := bytes.Replace(whole, []byte("Model 1000,"), []byte("Model 1000 (edited),"), 1)
	for _, c := range []struct {
		name          string
		content, dict []byte
	}{{"whole", whole, nil}, {"against a dictionary", next, whole}} {
		z, err := compress(c.content, c.dict, 0, zstd.SpeedBetterCompression)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := decompress(z, c.dict, int64(len(c.content)), nil); err != nil || !bytes.Equal(got, c.content) {
			t.Fatalf("%s: does not read back: %v", c.name, err)
		}
		for k := 1; k <= 12; k++ {
			bad := bytes.Clone(z)
			bad[len(bad)*k/13] ^= 0x20
			if got, err := decompress(bad, c.dict, int64(len(c.content)), nil); err == nil {
				t.Errorf("%s: byte %d of %d flipped: no error (same bytes: %v)", c.name, len(bad)*k/13, len(bad), bytes.Equal(got, c.content))
			}
		}
		if _, err := decompress(z, c.dict, int64(len(c.content))-1, nil); err == nil {
			t.Errorf("%s: read with a size one byte short: no error", c.name)
		}
	}
}
