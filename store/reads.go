package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/s2"
)

// Read codecs: how what reading a file gave is kept in file_reads.
const (
	// readWhole is a read kept whole, S2-compressed (decoded many times
	// faster than zstd: it is read by every report of its snapshot).
	readWhole = "s2"
	// readDelta is a line delta (lineDelta) over the whole read of an
	// earlier file of the same name (file_reads.base).
	readDelta = "lines"
)

// pendingRead is what reading a file gave, being encoded for file_reads
// on another goroutine.
type pendingRead struct {
	name, rules string
	// done is closed when codec, base, size, out and err are set.
	done       chan struct{}
	codec      string
	base, size int64
	out        []byte
	err        error
}

// startRead starts encoding what reading a file gave (f.Read) on another
// goroutine: as a line delta over the whole read that the read of prev
// (the latest earlier file of the same name) is kept against, when there
// is one for the same rules and the delta is small enough (as encodeBlob
// decides for the bytes), else whole. store writes it. It is nil for a
// file with no read to keep.
func (s *Store) startRead(ctx context.Context, tx *sql.Tx, prev int64, f FileData) (*pendingRead, error) {
	if f.Read == nil {
		return nil, nil
	}
	var w *storedWhole
	if prev > 0 {
		var err error
		if w, err = s.wholeReadOf(ctx, tx, prev, f.ReadRules); err != nil {
			return nil, fmt.Errorf("store: insert file %s: %w", f.Name, err)
		}
	}
	p := &pendingRead{name: f.Name, rules: f.ReadRules, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		read, err := f.Read()
		if err != nil {
			p.err = fmt.Errorf("store: insert file %s: %w", f.Name, err)
			return
		}
		p.size = int64(len(read))
		if w != nil {
			if base, err := w.decode(); err == nil {
				if d, ok, _ := deltaWorthKeeping(base, w.stored, read); ok {
					p.codec, p.base, p.out = readDelta, w.file, d
					return
				}
			}
		}
		p.codec, p.out = readWhole, s2.Encode(nil, read)
	}()
	return p, nil
}

// wait waits for the encoding to end.
func (p *pendingRead) wait() {
	if p != nil {
		<-p.done
	}
}

// store writes the encoded read of file fileID.
func (p *pendingRead) store(ctx context.Context, tx *sql.Tx, fileID int64) error {
	if p == nil {
		return nil
	}
	p.wait()
	if p.err != nil {
		return p.err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO file_reads (file_id, rules_version, codec, base, size, content) VALUES ($1, $2, $3, $4, $5, $6)`,
		fileID, p.rules, p.codec, p.base, p.size, p.out); err != nil {
		return fmt.Errorf("store: insert file %s: %w", p.name, err)
	}
	return nil
}

// storedWhole is a read kept whole, as stored: the file whose read it is,
// its rules version and stored (compressed) size, and either its
// compressed bytes or, from the cache, its decoded bytes.
type storedWhole struct {
	file    int64
	rules   string
	stored  int
	z       []byte
	decoded []byte
	cache   *wholeCache
}

// decode is the read's bytes, decompressed (within maxDeltaSize) and
// cached, or from the cache. They are shared: nothing may modify them.
func (w *storedWhole) decode() ([]byte, error) {
	if w.decoded != nil {
		return w.decoded, nil
	}
	if n, err := s2.DecodedLen(w.z); err != nil || n > maxDeltaSize {
		return nil, errors.New("malformed stored read")
	}
	b, err := s2.Decode(nil, w.z)
	if err != nil {
		return nil, err
	}
	w.decoded = b
	w.cache.put(w)
	return b, nil
}

// wholeCacheSize is how many whole reads a store keeps decoded: the
// latest bases of a snapshot's four files, and of the snapshots before.
const wholeCacheSize = 8

// wholeCache keeps the whole reads a store last decoded. Each is the base
// of the line deltas of the files after it (a month of daily files, on the
// synthetic year), so that a report of any of them, or a diff or history
// across them, reads and decodes only the file's own delta. A read is
// found by its file, its rules version and its stored size: a file's read
// is written once and never changed, and the size tells a store emptied
// and filled again.
type wholeCache struct {
	mu     sync.Mutex
	recent []*storedWhole // the newest first
}

// get is the decoded read of file under rules, stored in stored bytes, or
// nil.
func (c *wholeCache) get(file int64, rules string, stored int) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, w := range c.recent {
		if w.file == file && w.rules == rules && w.stored == stored {
			copy(c.recent[1:i+1], c.recent[:i])
			c.recent[0] = w
			return w.decoded
		}
	}
	return nil
}

// put keeps w, decoded, as the newest, dropping the oldest beyond
// wholeCacheSize.
func (c *wholeCache) put(w *storedWhole) {
	if c == nil {
		return
	}
	kept := &storedWhole{file: w.file, rules: w.rules, stored: w.stored, decoded: w.decoded}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.recent = append([]*storedWhole{kept}, c.recent...)
	if len(c.recent) > wholeCacheSize {
		c.recent = c.recent[:wholeCacheSize]
	}
}

// wholeReadOf returns the whole read that file's read is kept against (or
// is), when it was read under rulesVersion: from the cache, else as
// stored; nil when there is none. Its error is the database's.
func (s *Store) wholeReadOf(ctx context.Context, q rowQuerier, file int64, rulesVersion string) (*storedWhole, error) {
	// The whole read and its stored size first: its bytes are read only
	// when the cache does not have it.
	var base int64
	var stored int
	switch err := q.QueryRowContext(ctx, `SELECT w.file_id, length(w.content) FROM file_reads r JOIN file_reads w
		ON w.file_id = CASE WHEN r.codec = $2 THEN r.base ELSE r.file_id END AND w.codec = $3
		WHERE r.file_id = $1 AND r.rules_version = $4 AND w.rules_version = $4`,
		file, readDelta, readWhole, rulesVersion).Scan(&base, &stored); {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, err
	}
	w := &storedWhole{file: base, rules: rulesVersion, stored: stored, cache: &s.wholes}
	if w.decoded = s.wholes.get(base, rulesVersion, stored); w.decoded != nil {
		return w, nil
	}
	switch err := q.QueryRowContext(ctx, `SELECT content FROM file_reads WHERE file_id = $1`, base).Scan(&w.z); {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, err
	}
	return w, nil
}

// StoredRead returns what reading a stored file gave at import
// (epoch.EncodeStoredRead), and the version of the rules it was read
// with; nil, with no error, when none was kept (a file stored before
// schema 6, or one with records the reader skipped) or what was kept does
// not decode. It fails with the database's error.
func (s *Store) StoredRead(ctx context.Context, fileID int64) (rulesVersion string, read []byte, err error) {
	var codec string
	var base, size int64
	var delta []byte
	// A delta's bytes with its row; a whole read's through the cache.
	switch err := s.db.QueryRowContext(ctx, `SELECT rules_version, codec, base, size, CASE WHEN codec = $2 THEN content END FROM file_reads WHERE file_id = $1`,
		fileID, readDelta).Scan(&rulesVersion, &codec, &base, &size, &delta); {
	case errors.Is(err, sql.ErrNoRows):
		return "", nil, nil
	case err != nil:
		return "", nil, fmt.Errorf("store: read of file %d: %w", fileID, err)
	}
	if codec != readWhole && codec != readDelta || size < 0 {
		return "", nil, nil
	}
	w, err := s.wholeReadOf(ctx, s.db, fileID, rulesVersion)
	if err != nil {
		return "", nil, fmt.Errorf("store: read of file %d: %w", fileID, err)
	}
	if w == nil {
		return "", nil, nil
	}
	whole, err := w.decode()
	if err != nil {
		return "", nil, nil
	}
	if codec == readWhole {
		if int64(len(whole)) != size {
			return "", nil, nil
		}
		// A copy: the cache's bytes are shared.
		return rulesVersion, bytes.Clone(whole), nil
	}
	if read, err = applyDelta(whole, delta, uint64(size)); err != nil {
		return "", nil, nil
	}
	return rulesVersion, read, nil
}
