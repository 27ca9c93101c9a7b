package overlay

import "os"

// None is the --overlay value that turns the overlay off.
const None = "none"

// InUse is the overlay folder a run reads for the folder named (the
// --overlay value): none ("") for None, the folder named when one is,
// else the default folder (DefaultDir) when it exists as a folder.
func InUse(named string, getenv func(string) string) string {
	switch named {
	case None:
		return ""
	case "":
		d := DefaultDir(getenv)
		if st, err := os.Stat(d); d != "" && err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	return named
}

// CacheDir is the folder LoadCached keeps parsed entries in: named (a
// --cache-dir), else DefaultCacheDir.
func CacheDir(named string, getenv func(string) string) string {
	if named != "" {
		return named
	}
	return DefaultCacheDir(getenv)
}
