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

	"golang.org/x/text/transform"
)

// autoDecoder passes UTF-8 through while checking it, in one pass and
// without copying: it reads straight into the caller's buffer. While every
// byte so far is ASCII, each chunk is checked: the first chunk with other
// bytes either is valid UTF-8, and from then on the stream passes through
// unchecked, or is not, and then the file is CP949 (Korean Excel's
// encoding, of which ASCII is a subset) and the rest is decoded as CP949.
type autoDecoder struct {
	src     io.Reader
	hold    []byte // bytes read but not yet passed on (an incomplete rune)
	ascii   bool   // every byte passed on so far was ASCII
	decoded io.Reader
	// Switched names the encoding the rest of the stream was decoded
	// from, when it was not UTF-8: CP949, Windows-1252 or Mac Roman, by
	// the words its bytes make (legacyByWords).
	Switched string
}

// newAutoDecoder reads src; size is its size in bytes, or -1 if unknown.
func newAutoDecoder(src io.Reader, size int64) *autoDecoder {
	return &autoDecoder{src: src, ascii: true}
}

func (a *autoDecoder) Read(p []byte) (int, error) {
	if a.decoded != nil {
		return a.decoded.Read(p)
	}
	if len(a.hold) > 0 && len(p) > 0 {
		k := copy(p, a.hold)
		if k < len(a.hold) || !a.ascii {
			a.hold = a.hold[k:]
			return k, nil
		}
		// A held incomplete rune: read more behind it and judge them together.
		a.hold = a.hold[:0]
		n, err := a.src.Read(p[k:])
		return a.judge(p, k+n, err)
	}
	n, err := a.src.Read(p)
	if !a.ascii {
		return n, err
	}
	return a.judge(p, n, err)
}

// judge checks p[:n], read while the stream was all ASCII so far.
func (a *autoDecoder) judge(p []byte, n int, err error) (int, error) {
	if isASCII(p[:n]) {
		return n, err
	}
	cut := n
	if err == nil {
		for i := 1; i <= utf8.UTFMax && i <= n; i++ {
			if utf8.RuneStart(p[n-i]) {
				if !utf8.FullRune(p[n-i : n]) {
					cut = n - i
				}
				break
			}
		}
	}
	if utf8.Valid(p[:cut]) && cut > 0 {
		if cut < n {
			a.hold = append(a.hold[:0], p[cut:n]...)
		}
		if bytes.ContainsFunc(p[:cut], func(r rune) bool { return r >= utf8.RuneSelf }) {
			a.ascii = false // UTF-8 confirmed: pass the rest through
		}
		return cut, err
	}
	if cut == 0 && err == nil {
		// Only the start of a rune: keep it and read on.
		a.hold = append(a.hold[:0], p[:n]...)
		return 0, nil
	}
	// Not UTF-8, and nothing but ASCII was passed on: CP949 from here.
	pending := append([]byte(nil), p[:n]...)
	var more io.Reader
	if err == nil {
		more = a.src
	}
	a.switchTo(pending, more)
	return a.decoded.Read(p)
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
	// CP949 (Korean Excel's encoding), Windows-1252 (Western Excel's)
	// or Mac Roman, by what the bytes read as.
	a.Switched = legacyByWords(pending)
	a.decoded = transform.NewReader(r, codec(a.Switched).NewDecoder())
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
