package overlay

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/modelcensus/modelcensus/internal/limits"
)

// errTooLarge is readEntry's error for a file past limits.OverlayFile.
var errTooLarge = errors.New("too large")

// readEntry reads an entry file, never more than limits.OverlayFile bytes:
// the size is checked before reading, and the read stops one byte past the
// bound whatever the size said. A file that is not regular is refused
// before it is opened.
func readEntry(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if st.Size() > limits.OverlayFile {
		return nil, errTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limits.OverlayFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limits.OverlayFile {
		return nil, errTooLarge
	}
	return data, nil
}

// sizeText writes a size in bytes as KiB or MiB.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// tooLarge is the problem of an entry past a bound: what (a format with
// one %s, for the limit) says which.
func tooLarge(file, field string, limit int64, what string) *Error {
	lim := fmt.Sprint(limit)
	if field == "" {
		lim = sizeText(limit)
	}
	return &Error{File: file, Field: field, Code: CodeTooLarge,
		Msg:  fmt.Sprintf(what, lim) + ", past the bound on one entry (see docs/limits.md); the entry is skipped",
		Args: []any{lim}}
}

// longValue finds a text value of an entry longer than limits.OverlayValue
// and names its field.
func longValue(f *file) (string, bool) {
	fields := []struct {
		name string
		v    string
	}{
		{"id", f.ID}, {"kind", f.Kind}, {"model", f.Model}, {"organization", f.Organization},
		{"reason", f.Reason}, {"author", f.Author}, {"created", f.Created}, {"country", f.Country},
		{"date", text(f.Date)}, {"domain", f.Domain}, {"parameters", text(f.Parameters)},
		{"active_parameters", text(f.ActiveParams)}, {"tokens", text(f.Tokens)}, {"hardware", f.Hardware},
		{"compute", text(f.Compute)}, {"confidence", f.Confidence}, {"accessibility", f.Accessibility},
		{"from", f.From}, {"field", f.Field}, {"upstream", text(f.Upstream)}, {"value", text(f.Value)},
	}
	for _, x := range fields {
		if len(x.v) > limits.OverlayValue {
			return x.name, true
		}
	}
	total := 0
	for _, a := range f.Aliases {
		if total += len(a); len(a) > limits.OverlayValue || total > limits.OverlayValue {
			return "aliases", true
		}
	}
	for _, s := range f.Sources {
		if len(s.URL) > limits.OverlayValue || len(s.Note) > limits.OverlayValue || len(text(s.Retrieved)) > limits.OverlayValue {
			return "sources", true
		}
	}
	return "", false
}
