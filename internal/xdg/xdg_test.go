package xdg

import "testing"

func TestDirs(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		env         map[string]string
		data, cache string
	}{
		{map[string]string{"HOME": "/h"}, "/h/.local/share/modelcensus", "/h/.cache/modelcensus"},
		{map[string]string{"HOME": "/h", "XDG_DATA_HOME": "/d", "XDG_CACHE_HOME": "/c"}, "/d/modelcensus", "/c/modelcensus"},
		{map[string]string{}, "", ""},
	} {
		if got := DataDir(env(c.env)); got != c.data {
			t.Errorf("DataDir(%v) = %q, want %q", c.env, got, c.data)
		}
		if got := CacheDir(env(c.env)); got != c.cache {
			t.Errorf("CacheDir(%v) = %q, want %q", c.env, got, c.cache)
		}
	}
}
