package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
func startRead(ctx context.Context, tx *sql.Tx, prev int64, f FileData) (*pendingRead, error) {
	if f.Read == nil {
		return nil, nil
	}
	var w *storedWhole
	if prev > 0 {
		var err error
		if w, err = wholeReadOf(ctx, tx, prev, f.ReadRules); err != nil {
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
			if base, err := decodeWhole(w.z); err == nil {
				if d, ok, _ := deltaWorthKeeping(base, len(w.z), read); ok {
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

// storedWhole is a read kept whole, as stored.
type storedWhole struct {
	file int64 // the file whose read it is
	z    []byte
}

// wholeReadOf returns the whole read that file's read is kept against (or
// is), as stored, when it was read under rulesVersion; nil when there is
// none.
func wholeReadOf(ctx context.Context, q rowQuerier, file int64, rulesVersion string) (*storedWhole, error) {
	var rv, codec string
	var base int64
	switch err := q.QueryRowContext(ctx, `SELECT rules_version, codec, base FROM file_reads WHERE file_id = $1`, file).Scan(&rv, &codec, &base); {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, err
	}
	if rv != rulesVersion {
		return nil, nil
	}
	if codec == readDelta {
		file = base
	}
	var z []byte
	switch err := q.QueryRowContext(ctx, `SELECT content FROM file_reads WHERE file_id = $1 AND codec = $2`, file, readWhole).Scan(&z); {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, err
	}
	return &storedWhole{file: file, z: z}, nil
}

// decodeWhole decompresses a read kept whole, within maxDeltaSize.
func decodeWhole(z []byte) ([]byte, error) {
	if n, err := s2.DecodedLen(z); err != nil || n > maxDeltaSize {
		return nil, errors.New("malformed stored read")
	}
	return s2.Decode(nil, z)
}

// StoredRead returns what reading a stored file gave at import
// (epoch.EncodeStoredRead), and the version of the rules it was read
// with; nil, with no error, when none was kept (a file stored before
// schema 6, or one with records the reader skipped) or what was kept does
// not decode. It fails with the database's error.
func (s *Store) StoredRead(ctx context.Context, fileID int64) (rulesVersion string, read []byte, err error) {
	var codec string
	var base, size int64
	var z []byte
	switch err := s.db.QueryRowContext(ctx, `SELECT rules_version, codec, base, size, content FROM file_reads WHERE file_id = $1`,
		fileID).Scan(&rulesVersion, &codec, &base, &size, &z); {
	case errors.Is(err, sql.ErrNoRows):
		return "", nil, nil
	case err != nil:
		return "", nil, fmt.Errorf("store: read of file %d: %w", fileID, err)
	}
	switch codec {
	case readWhole:
		if read, err = decodeWhole(z); err != nil || int64(len(read)) != size {
			return "", nil, nil
		}
		return rulesVersion, read, nil
	case readDelta:
		w, err := wholeReadOf(ctx, s.db, base, rulesVersion)
		if err != nil {
			return "", nil, fmt.Errorf("store: read of file %d: %w", fileID, err)
		}
		if w == nil || size < 0 {
			return "", nil, nil
		}
		kb, err := decodeWhole(w.z)
		if err != nil {
			return "", nil, nil
		}
		if read, err = applyDelta(kb, z, uint64(size)); err != nil {
			return "", nil, nil
		}
		return rulesVersion, read, nil
	}
	return "", nil, nil
}
