package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"

	"github.com/klauspost/compress/zstd"
)

// A line delta writes a file as the lines of a keyframe it reuses and the
// lines it adds. A daily export differs from one a few weeks older in a
// few hundred of its thousands of lines, and an edited row differs from
// its old version in a cell or two: so the added lines are compressed
// with the keyframe's lines that the file no longer has (the old versions
// of the edited rows) as zstd's dictionary. On the synthetic year the
// delta of a day over a keyframe 30 days older is about 25 kB, made in
// about 10 ms. zstd with the whole keyframe as its dictionary finds the
// same reuse at about 170 ms a file (its tables for a 6 MB dictionary),
// and without one the added lines take six times the space.
//
// The delta's bytes: "MCD2"; the number of operations (uvarint); each
// operation, a copy as 2×offset (uvarint, even) then the length, an
// insert as 2×length+1 (odd); then the inserted bytes, in order, as one
// zstd frame compressed with the dictionary (or none when the keyframe has
// no unused line).

// deltaMagic starts every line delta.
var deltaMagic = []byte("MCD2")

// maxDeltaSize bounds what a delta may rebuild (a file over 4 GiB is not
// an export): a malformed delta cannot make applyDelta allocate more.
const maxDeltaSize = 1 << 32

// lineDelta writes content as a delta over base.
func lineDelta(base, content []byte) ([]byte, error) {
	// Lines are found by a hash of their bytes (no copy of each line as a
	// map key), then compared.
	seed := maphash.MakeSeed()
	at := make(map[uint64]int, bytes.Count(base, []byte{'\n'})+1)
	for off := 0; off < len(base); {
		end := lineEnd(base, off)
		if h := maphash.Bytes(seed, base[off:end]); !hasKey(at, h) {
			at[h] = off
		}
		off = end
	}
	find := func(line []byte) (int, bool) {
		b, ok := at[maphash.Bytes(seed, line)]
		if ok && len(base)-b >= len(line) && bytes.Equal(base[b:b+len(line)], line) {
			return b, true
		}
		return 0, false
	}
	var ops []uint64
	var lits []byte
	copyOff, copyLen, insLen := -1, 0, 0
	flush := func() {
		if copyLen > 0 {
			ops = append(ops, uint64(copyOff)*2, uint64(copyLen))
			copyOff, copyLen = -1, 0
		}
		if insLen > 0 {
			ops = append(ops, uint64(insLen)*2+1)
			insLen = 0
		}
	}
	for off := 0; off < len(content); {
		end := lineEnd(content, off)
		line := content[off:end]
		// The line that follows the copy so far in base continues it, even
		// when the same text (a blank line of an abstract) is first met
		// elsewhere.
		if next := copyOff + copyLen; copyLen > 0 && bytes.HasPrefix(base[next:], line) && (len(line) > 0 && line[len(line)-1] == '\n' || next+len(line) == len(base)) {
			copyLen += len(line)
			off = end
			continue
		}
		if b, ok := find(line); ok {
			if insLen > 0 || (copyLen > 0 && copyOff+copyLen != b) {
				flush()
			}
			if copyLen == 0 {
				copyOff = b
			}
			copyLen += len(line)
		} else {
			if copyLen > 0 {
				flush()
			}
			lits = append(lits, line...)
			insLen += len(line)
		}
		off = end
	}
	flush()
	out := make([]byte, 0, len(deltaMagic)+binary.MaxVarintLen64*(len(ops)+1)+len(lits)/4)
	out = append(out, deltaMagic...)
	out = binary.AppendUvarint(out, uint64(len(ops)))
	for _, op := range ops {
		out = binary.AppendUvarint(out, op)
	}
	dict := unusedLines(base, ops)
	// The window spans the dictionary and the inserted lines, no more:
	// zstd's default window (8 MiB, with as much history again) is
	// allocated and cleared for every encoder, and took most of a delta's
	// time.
	window := zstd.MinWindowSize
	for window < len(dict)+len(lits) && window < zstd.MaxWindowSize {
		window <<= 1
	}
	opts := []zstd.EOption{zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1),
		zstd.WithWindowSize(window), zstd.WithLowerEncoderMem(true)}
	if len(dict) > 0 {
		opts = append(opts, zstd.WithEncoderDictRaw(1, dict))
	}
	enc, err := zstd.NewWriter(nil, opts...)
	if err != nil {
		return nil, fmt.Errorf("delta encoder: %w", err)
	}
	defer enc.Close()
	return enc.EncodeAll(lits, out), nil
}

// hasKey reports whether m has k.
func hasKey(m map[uint64]int, k uint64) bool {
	_, ok := m[k]
	return ok
}

// lineEnd is the end of the line starting at off: after its '\n', or the
// end of b.
func lineEnd(b []byte, off int) int {
	if i := bytes.IndexByte(b[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(b)
}

// unusedLines is the dictionary of a delta: base's lines that no copy
// operation of ops covers, in base's order.
func unusedLines(base []byte, ops []uint64) []byte {
	// Copies are sorted by offset to sweep base once.
	type span struct{ lo, hi uint64 }
	var spans []span
	for i := 0; i+1 < len(ops); i++ {
		if ops[i]%2 == 0 {
			spans = append(spans, span{ops[i] / 2, ops[i]/2 + ops[i+1]})
			i++
		}
	}
	if !slices.IsSortedFunc(spans, func(a, b span) int { return cmp.Compare(a.lo, b.lo) }) {
		slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	}
	// The unused lines are found as runs, then copied into one
	// allocation of their size.
	var runs []span
	size := 0
	s := 0
	for off := 0; off < len(base); {
		end := lineEnd(base, off)
		for s < len(spans) && spans[s].hi <= uint64(off) {
			s++
		}
		if s >= len(spans) || uint64(off) < spans[s].lo {
			if n := len(runs); n > 0 && runs[n-1].hi == uint64(off) {
				runs[n-1].hi = uint64(end)
			} else {
				runs = append(runs, span{uint64(off), uint64(end)})
			}
			size += end - off
		}
		off = end
	}
	if size == 0 {
		return nil
	}
	dict := make([]byte, 0, size)
	for _, r := range runs {
		dict = append(dict, base[r.lo:r.hi]...)
	}
	return dict
}

// deltaWorthKeeping writes content as a line delta over base, whose
// stored (compressed) size is stored, and tells whether it is worth
// keeping instead of a new whole copy: no larger than 1/maxDeltaShare of
// base's stored size (a small file's delta whatever its share), and
// rebuilding content exactly, for the delta is checked before it is
// trusted with the file. Its error is lineDelta's.
func deltaWorthKeeping(base []byte, stored int, content []byte) (delta []byte, ok bool, err error) {
	d, err := lineDelta(base, content)
	if err != nil {
		return nil, false, err
	}
	if len(d)*maxDeltaShare > stored && (len(d) > 1024 || len(d) >= stored) {
		return nil, false, nil
	}
	if back, err := applyDelta(base, d, uint64(len(content))); err != nil || !bytes.Equal(back, content) {
		return nil, false, nil
	}
	return d, true, nil
}

// applyDelta rebuilds a file of want bytes (its stored size) from base and
// a line delta. It fails on a delta that is not one, that reaches outside
// base or its own bytes, or that would rebuild any other length: a damaged
// delta never makes it copy more than the file.
func applyDelta(base, delta []byte, want uint64) ([]byte, error) {
	bad := errors.New("malformed line delta")
	if !bytes.HasPrefix(delta, deltaMagic) {
		return nil, bad
	}
	p := delta[len(deltaMagic):]
	read := func() (uint64, error) {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, bad
		}
		p = p[n:]
		return v, nil
	}
	n, err := read()
	if err != nil || n > uint64(len(p)) {
		return nil, bad
	}
	ops := make([]uint64, 0, n)
	for i := uint64(0); i < n; i++ {
		op, err := read()
		if err != nil {
			return nil, bad
		}
		ops = append(ops, op)
	}
	size, inserted := uint64(0), uint64(0)
	for i := 0; i < len(ops); i++ {
		if ops[i]%2 == 1 {
			inserted += ops[i] / 2
			size += ops[i] / 2
		} else if i+1 < len(ops) {
			size += ops[i+1]
			i++
		}
		if size > want || size > maxDeltaSize {
			return nil, fmt.Errorf("%w: more than the file's %d bytes", bad, want)
		}
	}
	if size != want {
		return nil, fmt.Errorf("%w: %d bytes, not the file's %d", bad, size, want)
	}
	// The inserted bytes bound what the frame may decode to (a malformed
	// frame cannot ask for more), with room for zstd's own tables.
	opts := []zstd.DOption{zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(inserted + 8<<20)}
	if dict := unusedLines(base, ops); len(dict) > 0 {
		opts = append(opts, zstd.WithDecoderDictRaw(1, dict))
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	// Room is made for what the operations claim, within reason: a
	// malformed delta does not get gigabytes for nothing.
	lits, err := dec.DecodeAll(p, make([]byte, 0, min(inserted, 64<<20)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", bad, err)
	}
	out := make([]byte, 0, size)
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		if op%2 == 1 {
			l := op / 2
			if l > uint64(len(lits)) {
				return nil, fmt.Errorf("%w: insert of %d bytes past the end", bad, l)
			}
			out = append(out, lits[:l]...)
			lits = lits[l:]
			continue
		}
		if i+1 >= len(ops) {
			return nil, bad
		}
		off, l := op/2, ops[i+1]
		i++
		if off > uint64(len(base)) || l > uint64(len(base))-off {
			return nil, fmt.Errorf("%w: copy of %d bytes at %d outside the keyframe", bad, l, off)
		}
		out = append(out, base[off:off+l]...)
	}
	if len(lits) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", bad, len(lits))
	}
	return out, nil
}
