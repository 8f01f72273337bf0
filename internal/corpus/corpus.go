// Package corpus locates the real client configurations in testdata/corpus
// at the module root (copied from public repositories; provenance in its
// SOURCES.md) for tests. Only tests import it; nothing outside the clone is
// read.
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the corpus directory, failing the test (never skipping it)
// when the corpus is missing.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's directory")
		}
		dir = parent
	}
	c := filepath.Join(dir, "testdata", "corpus")
	if st, err := os.Stat(c); err != nil || !st.IsDir() {
		t.Fatalf("the corpus is missing at %s (expected testdata/corpus at the module root): %v", c, err)
	}
	return c
}
