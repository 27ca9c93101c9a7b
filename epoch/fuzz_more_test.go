package epoch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/modelcensus/modelcensus/epoch"
)

// FuzzOpenZip feeds arbitrary bytes, saved as ai_models.zip, to the
// source opener and the reader: nothing may panic, and a failure is an
// *InputError.
func FuzzOpenZip(f *testing.F) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("large_scale_ai_models.csv")
	w.Write(fixtureBytes(f))
	w, _ = zw.Create("__MACOSX/._large_scale_ai_models.csv")
	w.Write([]byte("\x00\x05\x16\x07"))
	zw.Close()
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:b.Len()/2]) // truncated
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte("PK\x03\x04"))
	r := defaultRules(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "ai_models.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, subset := range []string{"", epoch.SubsetNotable} {
			_, err := epoch.Load(context.Background(), p, r, epoch.LoadOptions{Subset: subset})
			var ie *epoch.InputError
			if err != nil && !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
		}
	})
}
