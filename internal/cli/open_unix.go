//go:build unix

package cli

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without blocking: opening a FIFO
// with no writer returns at once, so the caller can refuse it.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
