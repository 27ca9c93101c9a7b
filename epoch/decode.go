package epoch

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/transform"
)

// autoDecoder passes UTF-8 through while checking it, in one pass. If
// everything before the first invalid byte was ASCII, the file is CP949
// (Korean Excel's encoding, of which ASCII is a subset), and from there on
// it decodes CP949. Otherwise invalid bytes pass through as they are.
type autoDecoder struct {
	src     io.Reader
	buf     []byte
	chunk   int // bytes asked of src at a time
	start   int
	end     int
	hold    []byte // an incomplete rune at the end of a chunk, not yet passed on
	ascii   bool   // every byte passed on so far was ASCII
	err     error  // the source's error, returned once buf is drained
	decoded io.Reader
	// Switched reports that the rest of the stream was decoded as CP949.
	Switched bool
}

// newAutoDecoder reads src, whose size is size bytes (or -1 if unknown).
func newAutoDecoder(src io.Reader, size int64) *autoDecoder {
	chunk := 1 << 16
	if size >= 0 && size < int64(chunk) {
		chunk = int(size) + 1 // one more, to see the end in one read
	}
	return &autoDecoder{src: src, buf: make([]byte, chunk+utf8.UTFMax), chunk: chunk, ascii: true}
}

func (a *autoDecoder) Read(p []byte) (int, error) {
	for {
		if a.decoded != nil {
			return a.decoded.Read(p)
		}
		if a.start < a.end {
			n := copy(p, a.buf[a.start:a.end])
			a.start += n
			return n, nil
		}
		if a.err != nil {
			if len(a.hold) > 0 {
				// The stream ended inside a rune: that is not UTF-8.
				if a.ascii {
					a.switchTo(a.hold, nil)
					a.hold = nil
					continue
				}
				a.start, a.end = 0, copy(a.buf, a.hold)
				a.hold = nil
				continue
			}
			return 0, a.err
		}
		k := copy(a.buf, a.hold)
		a.hold = a.hold[:0]
		n, err := a.src.Read(a.buf[k : k+a.chunk])
		a.err = err
		end := k + n
		cut := end
		for i := 1; i <= utf8.UTFMax && i <= end; i++ {
			if utf8.RuneStart(a.buf[end-i]) {
				if !utf8.FullRune(a.buf[end-i : end]) {
					cut = end - i
				}
				break
			}
		}
		chunk := a.buf[:cut]
		if isASCII(chunk) {
			a.hold = append(a.hold, a.buf[cut:end]...)
			a.start, a.end = 0, cut
			continue
		}
		if !utf8.Valid(chunk) && a.ascii {
			rest := append([]byte(nil), a.buf[:end]...)
			var more io.Reader
			if err == nil {
				more = a.src
			}
			a.switchTo(rest, more)
			continue
		}
		a.ascii = false
		a.hold = append(a.hold, a.buf[cut:end]...)
		a.start, a.end = 0, cut
	}
}

// isASCII reports whether b holds only ASCII bytes, eight at a time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (a *autoDecoder) switchTo(pending []byte, more io.Reader) {
	var r io.Reader = bytes.NewReader(pending)
	if more != nil {
		r = io.MultiReader(r, more)
	}
	a.decoded = transform.NewReader(r, korean.EUCKR.NewDecoder())
	a.Switched = true
}

// meter counts the bytes read through it and, when asked, hashes them.
type meter struct {
	r    io.Reader
	n    int64
	hash hash.Hash
}

func newMeter(r io.Reader, checksum bool) *meter {
	m := &meter{r: r}
	if checksum {
		m.hash = sha256.New()
	}
	return m
}

func (m *meter) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	m.n += int64(n)
	if m.hash != nil && n > 0 {
		m.hash.Write(p[:n])
	}
	return n, err
}

func (m *meter) sum() string {
	if m.hash == nil {
		return ""
	}
	return hex.EncodeToString(m.hash.Sum(nil))
}

// sizeOf returns the size of an opened file or zip member, or -1.
func sizeOf(rc io.Reader) int64 {
	switch f := rc.(type) {
	case *os.File:
		if st, err := f.Stat(); err == nil {
			return st.Size()
		}
	case interface{ Size() int64 }:
		return f.Size()
	}
	return -1
}
