package discover

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// Cache keeps pages with their ETags between runs, so that a page the
// server says is unchanged (304) is not downloaded again next time.
type Cache interface {
	// Load returns the ETag and body kept for url, if any.
	Load(url string) (etag string, body []byte, ok bool)
	// Store keeps a page; an error means only that it was not kept.
	Store(url, etag string, body []byte) error
}

// DirCache is a Cache in a folder: one file per URL, named by the SHA-256
// of the URL, holding the ETag on its first line and the body after it.
// Each file is written to a temporary file and renamed, so a reader never
// sees half of one. The folder is made when first needed.
type DirCache string

// path is the file of url.
func (d DirCache) path(url string) string {
	sum := sha256.Sum256([]byte(url))
	return filepath.Join(string(d), hex.EncodeToString(sum[:]))
}

// Load reads url's file; a missing or unreadable one is no entry.
func (d DirCache) Load(url string) (string, []byte, bool) {
	if d == "" {
		return "", nil, false
	}
	b, err := os.ReadFile(d.path(url))
	if err != nil {
		return "", nil, false
	}
	etag, body, ok := bytes.Cut(b, []byte("\n"))
	if !ok || len(etag) == 0 {
		return "", nil, false
	}
	return string(etag), body, true
}

// Store writes url's file. It fails when the folder cannot be made or
// written.
func (d DirCache) Store(url, etag string, body []byte) error {
	if d == "" || etag == "" || bytes.ContainsAny([]byte(etag), "\r\n") {
		return nil
	}
	if err := os.MkdirAll(string(d), 0o755); err != nil {
		return fmt.Errorf("discovery cache: %w", err)
	}
	f, err := os.CreateTemp(string(d), ".page-*")
	if err != nil {
		return fmt.Errorf("discovery cache: %w", err)
	}
	_, err = f.WriteString(etag + "\n")
	if err == nil {
		_, err = f.Write(body)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), d.path(url))
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("discovery cache: %w", err)
	}
	return nil
}
