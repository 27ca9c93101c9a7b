package epoch

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/korean"
)

// The decoder must give the same text however the source is cut: one byte
// at a time, half a buffer at a time, or whole.
func TestAutoDecoderChunking(t *testing.T) {
	text := strings.Repeat("Plain ASCII line, 2024-01-01\n", 50) + "대한민국 모델, 한국어 초록\nÉcole 2 — ok\n"
	cp, _ := korean.EUCKR.NewEncoder().String(strings.Repeat("Plain ASCII line\n", 50) + "대한민국 모델\n")
	wantCP := strings.Repeat("Plain ASCII line\n", 50) + "대한민국 모델\n"
	for _, tc := range []struct {
		name, in, want string
		switched       string
	}{
		{"utf8", text, text, ""},
		{"cp949", cp, wantCP, EncodingCP949},
		{"ascii", "a,b\n1,2\n", "a,b\n1,2\n", ""},
		{"cut rune at end", "abc\xe2\x82", "abc\ufffd", "any"}, // not UTF-8 at EOF: decoded as another
	} {
		for _, wrap := range []struct {
			name string
			fn   func(io.Reader) io.Reader
		}{
			{"whole", func(r io.Reader) io.Reader { return r }},
			{"one byte", iotest.OneByteReader},
			{"half", iotest.HalfReader},
		} {
			a := newAutoDecoder(wrap.fn(bytes.NewReader([]byte(tc.in))), -1)
			got, err := io.ReadAll(a)
			if err != nil {
				t.Fatalf("%s/%s: %v", tc.name, wrap.name, err)
			}
			if tc.name == "cut rune at end" {
				if !strings.HasPrefix(string(got), "abc") || a.Switched == "" {
					t.Errorf("%s/%s: %q switched %v", tc.name, wrap.name, got, a.Switched)
				}
				continue
			}
			if string(got) != tc.want || a.Switched != tc.switched {
				t.Errorf("%s/%s: got %q (switched %v), want %q", tc.name, wrap.name, got, a.Switched, tc.want)
			}
		}
	}
}
