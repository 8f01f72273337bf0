// Package atomicfile writes files so that readers never see a partial one:
// the data goes to a temporary file in the same directory, which is then
// moved into place.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// newFileMode is the mode of a file that did not exist before.
const newFileMode fs.FileMode = 0o644

// Write writes data to path, replacing an existing file and keeping its
// permission bits (a 0600 report stays 0600). The directory must exist:
// a mistyped path is an error, not a new directory tree. A path that names
// a device or a pipe (/dev/stdout) is written in place, since it cannot be
// replaced.
func Write(path string, data []byte) error { return write(path, data, true, false) }

// WriteAll is Write that first creates missing parent directories, for a
// generated tree under a directory the user named (docs --out DIR).
func WriteAll(path string, data []byte) error { return write(path, data, true, true) }

// WriteNew is Write for a file that must not exist yet: it fails with an
// error matching fs.ErrExist if path exists. The temporary file is
// hard-linked into place, so there is no window between check and write.
func WriteNew(path string, data []byte) error { return write(path, data, false, false) }

func write(path string, data []byte, replace, mkdir bool) error {
	w, err := create(path, replace, mkdir)
	if err != nil {
		return err
	}
	defer w.Abort()
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Commit()
}

// A Writer is a file being written with Write's guarantees, for output
// that is produced as it goes (a streamed report): Commit moves it into
// place; Abort, or an error, leaves what was there before untouched.
type Writer struct {
	f       *os.File
	tmp     string // the temporary file; "" when writing in place
	path    string
	mode    fs.FileMode
	replace bool
	done    bool
}

// Create starts writing path with Write's rules.
func Create(path string) (*Writer, error) { return create(path, true, false) }

func create(path string, replace, mkdir bool) (*Writer, error) {
	mode := newFileMode
	if st, err := os.Stat(path); err == nil {
		switch {
		case !replace:
			return nil, &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		case st.IsDir():
			return nil, &fs.PathError{Op: "write", Path: path, Err: errors.New("is a directory")}
		case !st.Mode().IsRegular():
			// A device or pipe has no contents to replace: write in place.
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return nil, err
			}
			return &Writer{f: f, path: path}, nil
		}
		mode = st.Mode().Perm()
		// Replace the file a symlink points to, not the link.
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
	} else if !replace {
		if _, err := os.Lstat(path); err == nil { // a dangling symlink
			return nil, &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
	}
	dir := filepath.Dir(path)
	if mkdir {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	} else if st, err := os.Stat(dir); err != nil {
		return nil, &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("directory %s does not exist", dir)}
	} else if !st.IsDir() {
		return nil, &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("%s is not a directory", dir)}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &Writer{f: tmp, tmp: tmp.Name(), path: path, mode: mode, replace: replace}, nil
}

func (w *Writer) Write(p []byte) (int, error) { return w.f.Write(p) }

// Commit finishes the file and moves it into place.
func (w *Writer) Commit() error {
	if w.done {
		return errors.New("atomicfile: already committed or aborted")
	}
	w.done = true
	if w.tmp == "" {
		return w.f.Close()
	}
	defer os.Remove(w.tmp) // no-op once renamed; removes the link source otherwise
	if err := w.f.Sync(); err != nil {
		w.f.Close()
		return err
	}
	if err := w.f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(w.tmp, w.mode); err != nil {
		return err
	}
	if w.replace {
		return os.Rename(w.tmp, w.path)
	}
	if err := os.Link(w.tmp, w.path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		// No hard links on this file system: the Lstat above guarded it.
		return os.Rename(w.tmp, w.path)
	}
	return nil
}

// Abort drops what was written (a no-op after Commit).
func (w *Writer) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.f.Close()
	if w.tmp != "" {
		os.Remove(w.tmp)
	}
}
