package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := Write(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "two" {
		t.Errorf("got %q", got)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
	if err := WriteNew(p, []byte("three")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("WriteNew over an existing file: %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "two" {
		t.Errorf("WriteNew changed the existing file: %q", got)
	}
	if err := WriteNew(filepath.Join(dir, "new.txt"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// Replacing a file keeps its permission bits: a report or baseline kept
// private (0600) does not become world-readable.
func TestWriteKeepsMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "report.sarif")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
}

// A missing directory is an error, not a new tree; WriteAll creates it.
func TestWriteNeedsTheDirectory(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "no", "such", "x.json")
	for _, w := range []func(string, []byte) error{Write, WriteNew} {
		if err := w(p, []byte("x")); err == nil || !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("err = %v, want the missing directory named", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("directories were created: %v", err)
	}
	if err := WriteAll(p, []byte("x")); err != nil {
		t.Fatal(err)
	}
}

func TestWriteOverADirectory(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, []byte("x")); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("err = %v", err)
	}
}

// A symlink is followed: the file it points to is replaced, the link kept.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	os.WriteFile(target, []byte("old"), 0o644)
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target has %q", got)
	}
}

// A device is written in place (lint --output /dev/stdout), never replaced.
func TestWriteToDevice(t *testing.T) {
	if err := Write(os.DevNull, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&fs.ModeDevice == 0 {
		t.Fatalf("%s is no longer a device: %v %v", os.DevNull, st.Mode(), err)
	}
}
