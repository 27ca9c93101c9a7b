package overlay

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/modelcensus/modelcensus/census"
)

// cacheVersion changes whenever Parse or census.Entry changes what an
// entry holds, so that an older cache is not read.
const cacheVersion = 1

// cacheFile is one valid entry file as cached: what it was read from and
// what it parsed to.
type cacheFile struct {
	Name    string
	Size    int64
	ModTime int64 // nanoseconds since the epoch
	Sum     [sha256.Size]byte
	Entry   census.Entry
}

type cacheData struct {
	Version int
	Dir     string
	Files   []cacheFile
}

// cachePath is the cache file of overlay folder dir in cacheDir, named by
// the SHA-256 of dir's absolute path.
func cachePath(cacheDir, dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "overlay-"+hex.EncodeToString(sum[:8])+".gob")
}

// readCache returns the cached entries of dir by name; none when there is
// no cache, or it is of another version or folder.
func readCache(cacheDir, dir string) map[string]cacheFile {
	if cacheDir == "" {
		return nil
	}
	f, err := os.Open(cachePath(cacheDir, dir))
	if err != nil {
		return nil
	}
	defer f.Close()
	var c cacheData
	abs, _ := filepath.Abs(dir)
	if gob.NewDecoder(f).Decode(&c) != nil || c.Version != cacheVersion || c.Dir != abs {
		return nil
	}
	out := make(map[string]cacheFile, len(c.Files))
	for _, cf := range c.Files {
		out[cf.Name] = cf
	}
	return out
}

// writeCache replaces the cache of dir, through a temporary file renamed
// into place. A cache that cannot be written is no error: the next run
// parses the files again.
func writeCache(cacheDir, dir string, files []cacheFile) {
	if cacheDir == "" || os.MkdirAll(cacheDir, 0o755) != nil {
		return
	}
	abs, _ := filepath.Abs(dir)
	tmp, err := os.CreateTemp(cacheDir, ".overlay-*.tmp")
	if err != nil {
		return
	}
	defer os.Remove(tmp.Name())
	if gob.NewEncoder(tmp).Encode(cacheData{Version: cacheVersion, Dir: abs, Files: files}) != nil {
		tmp.Close()
		return
	}
	if tmp.Close() == nil {
		_ = os.Rename(tmp.Name(), cachePath(cacheDir, dir))
	}
}
