package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// Blob codecs: how a file's bytes are kept in blobs.content.
const (
	// codecGzip is schema 3's: the bytes, gzipped.
	codecGzip = "gzip"
	// codecZstd is a keyframe: the bytes, zstd-compressed.
	codecZstd = "zstd"
	// codecDelta is a line delta over a keyframe (lineDelta; blobs.base
	// names the keyframe): a download that changed a few rows since costs
	// a few kilobytes.
	codecDelta = "lines"
)

// maxDeltaShare bounds a delta: one larger than 1/maxDeltaShare of its
// keyframe's stored size is stored as a new keyframe instead. A delta
// grows as the data drifts from its keyframe (about 0.6 kB a day on the
// synthetic year, against a 1.7 MB keyframe); a new keyframe once the
// delta passes 1/32 of it keeps the sum of the keyframe and the deltas,
// per day, near its least (a keyframe every two to three months).
const maxDeltaShare = 32

// plainDecoder decodes keyframes; it is safe for concurrent DecodeAll.
var plainDecoder = sync.OnceValues(func() (*zstd.Decoder, error) {
	return zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxWindow(1<<30))
})

// encoder compresses blobs; it is safe for concurrent EncodeAll.
var encoder = sync.OnceValues(func() (*zstd.Encoder, error) {
	return zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault))
})

// encodeBlob compresses content for the blobs table: as a delta over the
// keyframe kf (its sha256, stored size and bytes) when one is given and
// the delta is small enough, else as a keyframe. It returns the codec, the
// base ("" for a keyframe) and the stored bytes.
func encodeBlob(content []byte, kf *keyframe) (codec, base string, out []byte, err error) {
	enc, err := encoder()
	if err != nil {
		return "", "", nil, fmt.Errorf("store: encoder: %w", err)
	}
	if kf != nil {
		d, ok, err := deltaWorthKeeping(kf.bytes, kf.stored, content)
		if err != nil {
			return "", "", nil, fmt.Errorf("store: %w", err)
		}
		if ok {
			return codecDelta, kf.sha, d, nil
		}
	}
	return codecZstd, "", enc.EncodeAll(content, make([]byte, 0, len(content)/3)), nil
}

// keyframe is a keyframe blob, decoded.
type keyframe struct {
	sha    string
	stored int // its compressed size
	bytes  []byte
}

// keyframeCache keeps the keyframe a store's last import used or made,
// decoded: the next day's file is stored against the same keyframe, which
// is then neither read from the database nor decompressed again (about a
// tenth of a day's import, on the synthetic year). A keyframe is named by
// its bytes' sha256, so an entry is never stale.
type keyframeCache struct {
	mu sync.Mutex
	kf *keyframe
}

// get is the cached keyframe whose sha256 is sha, or nil.
func (c *keyframeCache) get(sha string) *keyframe {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.kf != nil && c.kf.sha == sha {
		return c.kf
	}
	return nil
}

// put caches kf in place of the last one.
func (c *keyframeCache) put(kf *keyframe) {
	c.mu.Lock()
	c.kf = kf
	c.mu.Unlock()
}

// storedKeyframe is a keyframe blob as stored: its sha256 and
// compressed bytes, or the keyframe already decoded (from the cache).
type storedKeyframe struct {
	sha     string
	z       []byte
	decoded *keyframe
}

// decode decompresses the keyframe.
func (k *storedKeyframe) decode() (*keyframe, error) {
	if k.decoded != nil {
		return k.decoded, nil
	}
	dec, err := plainDecoder()
	if err != nil {
		return nil, err
	}
	b, err := dec.DecodeAll(k.z, nil)
	if err != nil {
		return nil, fmt.Errorf("store: decode keyframe %s: %w", k.sha, err)
	}
	return &keyframe{sha: k.sha, stored: len(k.z), bytes: b}, nil
}

// keyframeFor finds the latest stored file with the same base name as
// name (its id, 0 for none) and, when want is set, the keyframe a new
// version of it is best stored against: the keyframe that file was stored
// against, or itself, as stored; nil when there is none (the first
// download, or one stored by schema 3). A keyframe in cache is not read.
func keyframeFor(ctx context.Context, tx *sql.Tx, cache *keyframeCache, name string, want bool) (prev int64, kf *storedKeyframe, err error) {
	// The files alone first: a blob's row is read only for the one file.
	rs, err := tx.QueryContext(ctx, `SELECT id, name, sha256 FROM files ORDER BY id DESC LIMIT 64`)
	if err != nil {
		return 0, nil, fmt.Errorf("store: find keyframe: %w", err)
	}
	base := baseName(name)
	var prevSum string
	for rs.Next() {
		var id int64
		var n, sum string
		if err := rs.Scan(&id, &n, &sum); err != nil {
			rs.Close()
			return 0, nil, fmt.Errorf("store: find keyframe: %w", err)
		}
		if baseName(n) == base {
			prev, prevSum = id, sum
			break
		}
	}
	rs.Close()
	if err := rs.Err(); err != nil || prev == 0 || !want {
		return prev, nil, err
	}
	var codec, kfBase, sha string
	if err := tx.QueryRowContext(ctx, `SELECT codec, base FROM blobs WHERE sha256 = $1`, prevSum).Scan(&codec, &kfBase); err != nil {
		return 0, nil, fmt.Errorf("store: find keyframe: %w", err)
	}
	switch codec {
	case codecZstd:
		sha = prevSum
	case codecDelta:
		sha = kfBase
	default:
		return prev, nil, nil // schema 3's gzip: a new keyframe
	}
	if kf := cache.get(sha); kf != nil {
		return prev, &storedKeyframe{sha: sha, decoded: kf}, nil
	}
	var z []byte
	if err := tx.QueryRowContext(ctx, `SELECT content FROM blobs WHERE sha256 = $1`, sha).Scan(&z); err != nil {
		return 0, nil, fmt.Errorf("store: read keyframe: %w", err)
	}
	return prev, &storedKeyframe{sha: sha, z: z}, nil
}

// baseName is a stored file name's last element ("all_ai_models.csv"),
// whatever the folder or archive it came from.
func baseName(name string) string { return path.Base(strings.ReplaceAll(name, `\`, "/")) }

// decodeBlob returns a blob's bytes, which must be size bytes long (the
// file's stored size); base fetches a keyframe's stored bytes by SHA-256,
// for a delta.
func decodeBlob(codec string, z []byte, size uint64, base func() ([]byte, error)) ([]byte, error) {
	switch codec {
	case codecGzip, "":
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(zr)
	case codecZstd:
		dec, err := plainDecoder()
		if err != nil {
			return nil, err
		}
		return dec.DecodeAll(z, nil)
	case codecDelta:
		kz, err := base()
		if err != nil {
			return nil, err
		}
		dec, err := plainDecoder()
		if err != nil {
			return nil, err
		}
		kb, err := dec.DecodeAll(kz, nil)
		if err != nil {
			return nil, fmt.Errorf("keyframe: %w", err)
		}
		return applyDelta(kb, z, size)
	}
	return nil, errors.New("unknown blob codec " + codec)
}
