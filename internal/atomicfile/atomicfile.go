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
	mode := newFileMode
	if st, err := os.Stat(path); err == nil {
		switch {
		case !replace:
			return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		case st.IsDir():
			return &fs.PathError{Op: "write", Path: path, Err: errors.New("is a directory")}
		case !st.Mode().IsRegular():
			return writeInPlace(path, data)
		}
		mode = st.Mode().Perm()
		// Replace the file a symlink points to, not the link.
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
	} else if !replace {
		if _, err := os.Lstat(path); err == nil { // a dangling symlink
			return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
	}
	dir := filepath.Dir(path)
	if mkdir {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	} else if st, err := os.Stat(dir); err != nil {
		return &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("directory %s does not exist", dir)}
	} else if !st.IsDir() {
		return &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("%s is not a directory", dir)}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op once renamed; removes the link source otherwise
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(name, mode); err != nil {
		return err
	}
	if replace {
		return os.Rename(name, path)
	}
	if err := os.Link(name, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		// No hard links on this file system: the Lstat above guarded it.
		return os.Rename(name, path)
	}
	return nil
}

// writeInPlace writes to a device or pipe, which has no contents to replace.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
