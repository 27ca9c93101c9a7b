package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"path"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// period bounds the chains of dictionaries: the versions of a series are
// numbered (blob.seq), version n is compressed against version n minus
// the lowest set bit of n mod period (n-1 for an odd n, n-2 for n = 2 mod
// 4, …), and every period-th version is kept whole. Reading any version
// then decodes one whole file and at most log2(period) = 6 others, and a
// version's dictionary is a few days older than it, never months: on the
// synthetic year a whole file is 1.6 MB and a day against a day or two
// before it 2 to 5 kB (docs/store.md).
const period = 64

// level is the compression level: zstd's "better" finds the matches in
// a dictionary of a whole export (its default level, with the same
// dictionary, keeps most of the file).
const level = zstd.SpeedBetterCompression

// Series names the line of versions a file belongs to, whose previous
// version is its dictionary: its subset, else its base name.
func Series(f File) string {
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
	if m := n % period; m != 0 {
		err := tx.QueryRowContext(ctx, `SELECT sha256 FROM blob WHERE series = $1 AND seq = $2`, series, n-m&-m).Scan(&base)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if base != "" {
			if dict, err = s.blobBytes(ctx, tx, base, 0); err != nil {
				return err
			}
		}
	}
	z, err := compress(content, dict)
	if err != nil {
		return err
	}
	if back, err := decompress(z, dict, int64(len(content))); err != nil || !bytes.Equal(back, content) {
		return fmt.Errorf("the compressed bytes do not read back (%v)", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO blob (sha256, series, seq, base, size, content) VALUES ($1, $2, $3, $4, $5, $6)`,
		sum, series, n, base, len(content), z); err != nil {
		return err
	}
	return nil
}

// Content returns a stored file's bytes as they were read, checked
// against their SHA-256.
func (s *Store) Content(ctx context.Context, fileID int64) ([]byte, error) {
	var sum string
	if err := s.db.QueryRowContext(ctx, `SELECT sha256 FROM snapshot_file WHERE id = $1`, fileID).Scan(&sum); err != nil {
		return nil, fmt.Errorf("store: content of file %d: %w", fileID, err)
	}
	b, err := s.blobBytes(ctx, s.db, sum, 0)
	if err != nil {
		return nil, fmt.Errorf("store: content of file %d: %w", fileID, err)
	}
	if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != sum {
		return nil, fmt.Errorf("store: content of file %d: the bytes read back do not have their SHA-256 %s", fileID, sum)
	}
	return b, nil
}

// blobBytes decodes the blob sum, and the blobs it is compressed
// against, first; depth counts them.
func (s *Store) blobBytes(ctx context.Context, q rowQuerier, sum string, depth int) ([]byte, error) {
	if depth > bits.Len(period) {
		return nil, errors.New("a chain of dictionaries longer than the schema makes")
	}
	var base string
	var size int64
	var z []byte
	if err := q.QueryRowContext(ctx, `SELECT base, size, content FROM blob WHERE sha256 = $1`, sum).Scan(&base, &size, &z); err != nil {
		return nil, fmt.Errorf("blob %s: %w", sum, err)
	}
	var dict []byte
	if base != "" {
		var err error
		if dict, err = s.blobBytes(ctx, q, base, depth+1); err != nil {
			return nil, err
		}
	}
	b, err := decompress(z, dict, size)
	if err != nil {
		return nil, fmt.Errorf("blob %s: %w", sum, err)
	}
	return b, nil
}

// compress is content zstd-compressed, against dict as a raw dictionary
// when it is not empty.
func compress(content, dict []byte) ([]byte, error) {
	opts := []zstd.EOption{zstd.WithEncoderLevel(level), zstd.WithEncoderConcurrency(1)}
	if len(dict) > 0 {
		// The window reaches back over the whole dictionary.
		w := 1 << bits.Len(uint(len(dict)+len(content)))
		opts = append(opts, zstd.WithEncoderDictRaw(0, dict), zstd.WithWindowSize(min(max(w, zstd.MinWindowSize), zstd.MaxWindowSize)))
	}
	enc, err := zstd.NewWriter(nil, opts...)
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	return enc.EncodeAll(content, make([]byte, 0, len(content)/4)), nil
}

// decompress reverses compress, for bytes that must be size long: a
// damaged blob cannot make it allocate more.
func decompress(z, dict []byte, size int64) ([]byte, error) {
	if size < 0 {
		return nil, fmt.Errorf("a size of %d bytes", size)
	}
	opts := []zstd.DOption{zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstd.MaxWindowSize),
		zstd.WithDecoderMaxMemory(uint64(size) + 1<<20)}
	if len(dict) > 0 {
		opts = append(opts, zstd.WithDecoderDictRaw(0, dict))
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	b, err := dec.DecodeAll(z, make([]byte, 0, size))
	if err == nil && int64(len(b)) != size {
		err = fmt.Errorf("%d bytes, not %d", len(b), size)
	}
	return b, err
}
