//go:build unix

package lint

import (
	"io/fs"
	"os"
	"syscall"
)

// openFile opens path for reading without blocking: a FIFO put where a
// file was expected must not hang the run (the caller then sees that it
// is not a regular file).
func openFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// readRegular reads the regular file at path into *buf (grown as needed,
// kept for the next file) with four system calls — open, fstat, read,
// close — where os.Open, Stat and ReadFrom take seven (the runtime's
// poller registration fails on a regular file, and reading to EOF takes
// one more read). A file that is not regular is not read: its mode comes
// back. size is what fstat said; data is all of the file unless it is
// larger than limit (then len(data) > limit and the caller refuses it).
func readRegular(path string, limit int64, buf *[]byte) (data []byte, size int64, mode fs.FileMode, err error) {
	var fd int
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, 0, 0, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, 0, 0, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	mode = unixMode(st.Mode)
	if !mode.IsRegular() || st.Size > limit {
		return nil, st.Size, mode, nil
	}
	// Room for the whole file and one byte more, to see a file that grew.
	want := int(st.Size) + 1
	b := *buf
	if cap(b) < want {
		b = make([]byte, 0, max(want, 4096))
	}
	b = b[:cap(b)]
	n := 0
	for {
		k, err := syscall.Read(fd, b[n:])
		if err == syscall.EINTR || err == syscall.EAGAIN {
			continue
		}
		if err != nil {
			*buf = b[:0]
			return nil, st.Size, mode, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		n += k
		if k == 0 || (int64(n) == st.Size && n < len(b)) {
			break // EOF, or all that fstat said and a short read: the end
		}
		if int64(n) > limit {
			break
		}
		if n == len(b) { // the file grew while we read it: read on, to limit+1
			grown := make([]byte, min(2*int64(len(b)), limit+1))
			copy(grown, b[:n])
			b = grown
		}
	}
	*buf = b[:0]
	return b[:n], st.Size, mode, nil
}

// unixMode is the type bits of a stat mode as an fs.FileMode.
func unixMode(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	}
	return fs.ModeDevice
}
