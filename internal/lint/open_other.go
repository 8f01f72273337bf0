//go:build !unix

package lint

import (
	"io"
	"io/fs"
	"os"
)

// openFile opens path for reading (no FIFOs to block on here).
func openFile(path string) (*os.File, error) { return os.Open(path) }

// readRegular reads the regular file at path into *buf; see the unix
// version.
func readRegular(path string, limit int64, buf *[]byte) (data []byte, size int64, mode fs.FileMode, err error) {
	f, err := openFile(path)
	if err != nil {
		return nil, 0, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, 0, err
	}
	if !st.Mode().IsRegular() || st.Size() > limit {
		return nil, st.Size(), st.Mode().Type(), nil
	}
	b := (*buf)[:0]
	if int64(cap(b)) < st.Size()+1 {
		b = make([]byte, 0, st.Size()+512)
	}
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, st.Size(), 0, err
		}
		if int64(len(b)) > limit {
			break
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	*buf = b[:0]
	return b, st.Size(), 0, nil
}
