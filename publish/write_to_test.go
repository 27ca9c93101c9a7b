package publish

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteTo checks where WriteTo writes, the options write is given,
// and that only a failure to write the output is a *WriteError.
func TestWriteTo(t *testing.T) {
	var out bytes.Buffer
	write := func(b *bytes.Buffer, opt Options) error {
		b.WriteString(opt.Output + "|")
		b.WriteByte(byte('0' + opt.Width))
		return nil
	}
	if err := WriteTo(&out, "-", 7, Options{}, write); err != nil || out.String() != "|7" {
		t.Errorf("to out: %q, %v", out.String(), err)
	}
	path := filepath.Join(t.TempDir(), "x.txt")
	if err := WriteTo(&out, path, 7, Options{}, write); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != path+"|0" {
		t.Errorf("to file: %q", b)
	}
	bad := errors.New("cannot make it")
	if err := WriteTo(&out, path, 0, Options{}, func(*bytes.Buffer, Options) error { return bad }); err != bad {
		t.Errorf("write's error = %v, want it as it is", err)
	}
	err := WriteTo(&out, filepath.Join(t.TempDir(), "missing", "x.txt"), 0, Options{}, write)
	if !errors.As(err, new(*WriteError)) {
		t.Errorf("writing into a missing folder: %v, want a *WriteError", err)
	}
}
