//go:build !unix

package lint

import "os"

// openFile opens path for reading (no FIFOs to block on here).
func openFile(path string) (*os.File, error) { return os.Open(path) }
