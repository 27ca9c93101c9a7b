package overlay

import (
	"os"
	"path/filepath"
	"testing"
)

// none is off; a folder named is that folder, even one that does not
// exist (reading it then says so); unnamed is the default folder only
// when it exists.
func TestInUse(t *testing.T) {
	data := t.TempDir()
	env := func(k string) string {
		if k == "XDG_DATA_HOME" {
			return data
		}
		return ""
	}
	if got := InUse(None, env); got != "" {
		t.Errorf("none: %q", got)
	}
	if got := InUse("/no/such/dir", env); got != "/no/such/dir" {
		t.Errorf("named: %q", got)
	}
	if got := InUse("", env); got != "" {
		t.Errorf("no default folder yet: %q", got)
	}
	def := filepath.Join(data, "modelcensus", "overlay")
	if err := os.MkdirAll(def, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := InUse("", env); got != def {
		t.Errorf("default: %q, want %q", got, def)
	}
}
