package lint

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

// A file's findings are held compactly until they are handed on (DESIGN
// §6: max RSS ≤ 4x the file + 64 MiB whatever its content). They are held
// while the file's tree is still alive, so on a finding-dense realm they
// decide whether the bound holds: held as Findings they took 280 bytes
// each, and a realm of 20k clients with 138k findings (8.5 MiB) peaked at
// 134 MiB against a bound of 98.
func TestFindingsHeldCompactly(t *testing.T) {
	if testing.Short() {
		t.Skip("a large input")
	}
	path := filepath.Join(t.TempDir(), "realm-export.json")
	// 10k clients: 4.5 MB, more than the worker keeps of its read buffer.
	if err := benchcorpus.WriteRealmFindings(path, 10000); err != nil {
		t.Fatal(err)
	}
	all := filepath.Join(t.TempDir(), ".whichflow.yaml")
	if err := os.WriteFile(all, []byte("ignore:\n  - rule: \"*\"\n    reason: all of it\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// With every finding suppressed by one entry too: they share its
	// Suppression (one each took 80 bytes more).
	for _, config := range []string{os.DevNull, all} {
		heldPerFinding(t, path, config)
	}
}

func heldPerFinding(t *testing.T, path, config string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var held uint64
	n := 0
	_, err := Run(context.Background(), Options{Paths: []string{path}, Config: config, Workers: 1, Stream: func(Finding) error {
		if n == 0 {
			// Every finding of the file is held now, and nothing else
			// of it: its tree is gone.
			runtime.GC()
			runtime.ReadMemStats(&ms)
			held = ms.HeapAlloc - min(base, ms.HeapAlloc)
		}
		n++
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if n < 60000 {
		t.Fatalf("%d findings, want the realm's ~69k", n)
	}
	// 74 bytes a finding measured (24 of record, the distinct messages).
	if per := held / uint64(n); per > 120 {
		t.Errorf("--config %s: %d findings held in %.1f MiB, %d bytes each: over 120 (a finding is held as indexes into shared tables)", config, n, float64(held)/(1<<20), per)
	}
}
