//go:build unix

package cli

import (
	"os"
	"syscall"
)

// execReplace replaces this process with argv, so that signals, the
// terminal and the exit code belong to modelcensus-full directly.
func execReplace(argv []string) error {
	return syscall.Exec(argv[0], argv, os.Environ())
}
