package publish

import (
	"bytes"
	"io"
)

// WriteError is output that could not be written where it was to go: its
// message is Err's.
type WriteError struct{ Err error }

// Error is Err's message.
func (e *WriteError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *WriteError) Unwrap() error { return e.Err }

// WriteOutput writes data to path atomically (WriteFileAtomic), or to out
// when path is "" or "-".
func WriteOutput(out io.Writer, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := out.Write(data)
		return err
	}
	return WriteFileAtomic(path, data)
}

// WriteTo writes what write makes with opt to path (WriteOutput): opt's
// Output is path unless it is "-", and its Width is width when the output
// goes to out. An error of write is returned as it is; one of writing the
// output is a *WriteError.
func WriteTo(out io.Writer, path string, width int, opt Options, write func(*bytes.Buffer, Options) error) error {
	if path != "-" {
		opt.Output = path
	}
	if path == "" || path == "-" {
		opt.Width = width
	}
	var buf bytes.Buffer
	if err := write(&buf, opt); err != nil {
		return err
	}
	if err := WriteOutput(out, path, buf.Bytes()); err != nil {
		return &WriteError{Err: err}
	}
	return nil
}
