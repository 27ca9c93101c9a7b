package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"path"
	"strconv"
	"strings"

	"github.com/klauspost/compress/zstd"

	"github.com/modelcensus/modelcensus/census"
)

// period and radix bound the chains of dictionaries. The versions of a
// series are numbered (blob.seq); every period-th is kept whole, and
// version n is compressed against version n less the lowest non-zero
// digit of n mod period written in base radix (with 64 and 8: version 13,
// 15 in octal, against 8; version 8 against 0; version 59, 73 in octal,
// against 56 and 56 against 0). Reading any version then decodes one
// whole file and at most log_radix(period) = 2 others, and a version's
// dictionary is a week or so older than it: on the synthetic year a
// whole file is 1.6 MB and a day against a week before it about 10 kB
// (docs/store.md).
const (
	period = 64
	radix  = 8
)

// baseSeq is the version that version n is compressed against, or -1 for
// a version kept whole.
func baseSeq(n int64) int64 {
	m := n % period
	if m == 0 {
		return -1
	}
	p := int64(1)
	for m%(p*radix) == 0 {
		p *= radix
	}
	return n - m%(p*radix)
}

// series names the line of versions a file belongs to, whose earlier
// versions are its dictionaries: its subset, else its base name.
func series(f census.FileInfo) string {
	if f.Subset != "" {
		return f.Subset
	}
	return strings.ToLower(path.Base(strings.ReplaceAll(f.Name, `\`, "/")))
}

// putBlob stores content (whose SHA-256 is sum) as the next version of
// series, unless bytes of that SHA-256 are stored already, and checks
// that it reads back.
func (s *Store) putBlob(ctx context.Context, tx *sql.Tx, series, sum string, content []byte) error {
	var have int
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM blob WHERE sha256 = $1), (SELECT COALESCE(MAX(seq), -1) + 1 FROM blob WHERE series = $2)`,
		sum, series).Scan(&have, &n); err != nil || have > 0 {
		return err
	}
	var base string
	var dict []byte
	if b := baseSeq(n); b >= 0 {
		var err error
		if dict, base, err = s.blobBytes(ctx, tx, `b.series = $1 AND b.seq = $2`, series, b); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	// zstd's "better" finds the matches in a dictionary of a whole export
	// (its default level, with the same dictionary, keeps most of the file).
	z, err := compress(content, dict, 0, zstd.SpeedBetterCompression)
	if err != nil {
		return err
	}
	if back, err := decompress(z, dict, int64(len(content)), nil); err != nil || !bytes.Equal(back, content) {
		return fmt.Errorf("the compressed bytes do not read back (%v)", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO blob (sha256, series, seq, base, size, content) VALUES ($1, $2, $3, $4, $5, $6)`,
		sum, series, n, base, len(content), z)
	return err
}

// Content returns a stored file's bytes as they were read.
func (s *Store) Content(ctx context.Context, fileID int64) ([]byte, error) {
	b, _, err := s.blobBytes(ctx, s.db, byFile, fileID)
	return b, wrap(err, "content of file %d", fileID)
}

// byFile picks the blob of the stored file $1 (over blob b).
const byFile = `b.sha256 = (SELECT sha256 FROM snapshot_file WHERE id = $1)`

// blobBytes decodes the blob that where picks (over blob b, with args),
// after the blobs it is compressed against, all read in one query, into
// two buffers in turn: each version is the dictionary of the next, and
// no more memory is touched than two files' worth. It returns the bytes
// and their SHA-256, and fails with sql.ErrNoRows when there is no blob.
func (s *Store) blobBytes(ctx context.Context, q querier, where string, args ...any) ([]byte, string, error) {
	type link struct {
		sum, base string
		size      int64
		z         []byte // compressed
	}
	// The chain carries no bytes, which are read once each, unsorted.
	rs, err := q.QueryContext(ctx, `WITH RECURSIVE chain (sha256, base, depth) AS (SELECT b.sha256, b.base, 0 FROM blob b WHERE `+where+`
		UNION ALL SELECT b.sha256, b.base, c.depth + 1 FROM blob b JOIN chain c ON b.sha256 = c.base WHERE c.depth < `+strconv.Itoa(bits.Len(period))+`)
		SELECT c.depth, b.sha256, b.base, b.size, b.content FROM chain c JOIN blob b ON b.sha256 = c.sha256`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rs.Close()
	var chain []link // by depth: the blob asked for first
	for rs.Next() {
		var l link
		var depth int
		if err := rs.Scan(&depth, &l.sum, &l.base, &l.size, &l.z); err != nil {
			return nil, "", err
		}
		chain = append(chain, make([]link, max(depth+1-len(chain), 0))...)
		chain[depth] = l
	}
	switch {
	case rs.Err() != nil:
		return nil, "", rs.Err()
	case len(chain) == 0:
		return nil, "", sql.ErrNoRows
	case chain[len(chain)-1].base != "": // longer than the schema makes, or broken: damaged
		return nil, "", fmt.Errorf("blob %s: a dictionary under it is missing", chain[0].sum)
	}
	var bufs [2][]byte
	var dict []byte
	for i := len(chain) - 1; i >= 0; i-- {
		b, err := decompress(chain[i].z, dict, chain[i].size, bufs[i%2][:0])
		if err != nil {
			return nil, "", fmt.Errorf("blob %s: %w", chain[i].sum, err)
		}
		bufs[i%2], dict = b, b
	}
	return dict, chain[0].sum, nil
}

// compress is content zstd-compressed at level, against dict as a raw
// dictionary when it is not empty, named in the frame by dictID (0: not
// named).
func compress(content, dict []byte, dictID uint32, level zstd.EncoderLevel) ([]byte, error) {
	opts := []zstd.EOption{zstd.WithEncoderLevel(level), zstd.WithEncoderConcurrency(1)}
	if len(dict) > 0 {
		// The window reaches back over the whole dictionary.
		w := 1 << bits.Len(uint(len(dict)+len(content)))
		opts = append(opts, zstd.WithEncoderDictRaw(dictID, dict), zstd.WithWindowSize(min(max(w, zstd.MinWindowSize), zstd.MaxWindowSize)))
	}
	enc, err := zstd.NewWriter(nil, opts...)
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	return enc.EncodeAll(content, make([]byte, 0, len(content)/4)), nil
}

// decompress reverses compress, for bytes that must be size long, into
// dst (appended to): a damaged blob cannot make it allocate more. The
// frame's XXH64 is checked.
func decompress(z, dict []byte, size int64, dst []byte) ([]byte, error) {
	if int64(cap(dst)-len(dst)) < size {
		dst = append(make([]byte, 0, int64(len(dst))+max(size, 0)), dst...)
	}
	if len(dict) > 0 || size < 1<<20 {
		dec, err := zstd.NewReader(nil, decoderOptions(dict, size, 1)...)
		if err != nil {
			return nil, err
		}
		defer dec.Close()
		b, err := dec.DecodeAll(z, dst)
		if err == nil && int64(len(b)-len(dst)) != size {
			err = fmt.Errorf("%d bytes, not %d", len(b)-len(dst), size)
		}
		return b, err
	}
	// A whole file decodes faster through zstd's stream decoder,
	// whose stages overlap on goroutines of their own.
	dec, err := zstd.NewReader(bytes.NewReader(z), decoderOptions(nil, size, 4)...)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	b := dst[:int64(len(dst))+size]
	if _, err = io.ReadFull(dec, b[len(dst):]); err == nil {
		if n, end := dec.Read(make([]byte, 1)); n > 0 || end != io.EOF {
			err = fmt.Errorf("not %d bytes (%v)", size, end)
		}
	}
	return b, err
}

// decoderOptions are those of a decoder of size bytes against dict, with
// concurrency goroutines: its window (which compress makes the power of
// two that covers the dictionary and the bytes) and what it decodes are
// bounded by what the bytes and their dictionary need.
func decoderOptions(dict []byte, size int64, concurrency int) []zstd.DOption {
	win := min(max(uint64(1)<<bits.Len64(uint64(max(size, 0))+uint64(len(dict))), zstd.MinWindowSize), zstd.MaxWindowSize)
	opts := []zstd.DOption{zstd.WithDecoderConcurrency(concurrency), zstd.WithDecoderMaxWindow(win), zstd.WithDecoderMaxMemory(win + 1<<20)}
	if len(dict) > 0 {
		opts = append(opts, zstd.WithDecoderDictRaw(0, dict))
	}
	return opts
}
