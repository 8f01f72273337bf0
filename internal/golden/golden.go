// Package golden compares test output with reviewed files under testdata/,
// rewriting them instead when WHICHFLOW_UPDATE is set (`make golden`).
// Only tests import it.
package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update reports whether golden files are being rewritten. It reads the
// environment at call time so the test cache cannot hide a refresh.
func Update() bool { return os.Getenv("WHICHFLOW_UPDATE") != "" }

// Check compares got with the file at path (relative to the test's package
// directory), or writes it when updating.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with WHICHFLOW_UPDATE=1 go test, then review it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (%s); review, then refresh with WHICHFLOW_UPDATE=1\n%s", path, firstDiff(want, got), lineDiff(string(want), string(got)))
	}
}

// firstDiff describes the first line where want and got differ.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d: want %q, got %q", i+1, wl, gl)
		}
	}
	return "no line differs"
}

// maxDiffLines bounds the lines lineDiff shows.
const maxDiffLines = 40

// lineDiff lists the lines only in want ("- ") and only in got ("+ "), for
// goldens whose lines are independent records (findings, one per line).
func lineDiff(want, got string) string {
	w := map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	g := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
	}
	var b strings.Builder
	n := 0
	add := func(prefix, l string) {
		if n < maxDiffLines {
			b.WriteString(prefix + l + "\n")
		}
		n++
	}
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			add("- ", l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			add("+ ", l)
		}
	}
	if n > maxDiffLines {
		fmt.Fprintf(&b, "... and %d more lines\n", n-maxDiffLines)
	}
	return b.String()
}
