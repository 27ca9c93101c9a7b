package store

import (
	"bytes"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// Whatever a blob's bytes, decompress gives the size asked for or an
// error, and never panics; compress's output reads back. A kept figure's
// bytes, whatever they are, decode or fail without a panic.
func FuzzBlob(f *testing.F) {
	dict := []byte("Model,Compute\nA,1\nB,2\n")
	z, err := compress([]byte("Model,Compute\nA,1\nB,3\n"), dict, 0, zstd.SpeedBetterCompression)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(z, dict, int64(22))
	f.Add([]byte("not zstd"), []byte(nil), int64(3))
	whole, err := compress(bytes.Repeat([]byte("Model,Compute\nA,1\n"), 1<<16), nil, 0, zstd.SpeedBetterCompression)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(whole, []byte(nil), int64(18<<16))
	f.Fuzz(func(t *testing.T, z, dict []byte, size int64) {
		if size < 0 || size > 2<<20 { // past 1 MiB, a whole file takes the stream decoder
			return
		}
		if b, err := decompress(z, dict, size, nil); err == nil && int64(len(b)) != size {
			t.Errorf("%d bytes, not %d", len(b), size)
		}
		_, _ = decodeFigure(z, frameDict(z), dict)
		if back, err := compress(z, dict, 0, zstd.SpeedBetterCompression); err != nil {
			t.Error(err)
		} else if b, err := decompress(back, dict, int64(len(z)), nil); err != nil || string(b) != string(z) {
			t.Errorf("compressed bytes read back as %q, %v", b, err)
		}
	})
}
