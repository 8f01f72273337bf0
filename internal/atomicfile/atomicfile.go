// Package atomicfile writes files so that readers never see a partial one:
// the data goes to a temporary file in the same directory, which is then
// moved into place.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes data to path (mode 0644), creating missing directories and
// replacing an existing file.
func Write(path string, data []byte) error { return write(path, data, true) }

// WriteNew is Write for a file that must not exist yet: it fails with an
// error matching fs.ErrExist if path exists. The temporary file is
// hard-linked into place, so there is no window between check and write.
func WriteNew(path string, data []byte) error { return write(path, data, false) }

func write(path string, data []byte, replace bool) error {
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
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
	if err := os.Chmod(name, 0o644); err != nil {
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
