package xdg

import "path/filepath"

// DataDir is $XDG_DATA_HOME/modelcensus, else
// $HOME/.local/share/modelcensus; "" when neither variable is set.
func DataDir(getenv func(string) string) string {
	return dir(getenv, "XDG_DATA_HOME", ".local", "share")
}

// CacheDir is $XDG_CACHE_HOME/modelcensus, else $HOME/.cache/modelcensus;
// "" when neither variable is set.
func CacheDir(getenv func(string) string) string {
	return dir(getenv, "XDG_CACHE_HOME", ".cache")
}

func dir(getenv func(string) string, env string, underHome ...string) string {
	base := getenv(env)
	if base == "" {
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		base = filepath.Join(append([]string{home}, underHome...)...)
	}
	return filepath.Join(base, "modelcensus")
}
