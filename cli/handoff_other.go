//go:build !unix

package cli

import "errors"

// execReplace cannot replace the process on this system; the caller runs
// modelcensus-full as a child instead.
func execReplace(argv []string) error { return errors.New("exec not supported") }
