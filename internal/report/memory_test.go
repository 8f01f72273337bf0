package report

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/whichflow/whichflow/internal/benchcorpus"
	"github.com/whichflow/whichflow/internal/lint"
)

// heapWriter discards a report and records the most heap live (after a
// collection) at its writes: what the printer holds while it writes.
type heapWriter struct {
	n, sampled int
	peak       uint64
}

func (w *heapWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	if w.n-w.sampled >= 256<<10 || w.sampled == 0 {
		w.sampled = w.n
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		w.peak = max(w.peak, ms.HeapAlloc)
	}
	return len(p), nil
}

// SARIF and JUnit hold a report's findings compactly and write as they
// go (DESIGN §6, issue 13: "may buffer, compactly"). On a realm of 20k
// clients with 138k findings they built the whole SARIF tree and encoded
// it into one buffer (607 MiB for a 139 MB log), and a tree of 400k JUnit
// cases (210 MiB for 80 MB). Here, on a tenth of it: what the printer
// holds beyond the result, against the report it writes.
func TestReportsHoldCompactly(t *testing.T) {
	if testing.Short() {
		t.Skip("a large input")
	}
	path := filepath.Join(t.TempDir(), "realm-export.json")
	if err := benchcorpus.WriteRealmFindings(path, 2000); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{path}, Config: os.DevNull, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		format string
		most   float64 // held / report bytes
	}{{"sarif", 0.25}, {"junit", 0.25}} { // before: 1.75x and 0.64x; now 0.09x and 0.10x
		var ms runtime.MemStats
		runtime.GC()
		runtime.GC() // and what sync.Pools kept of the one before
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		w := &heapWriter{}
		p, _ := New(tc.format, w, Options{Version: "1.2.3", WorkDir: "/src"})
		if err := p.Print(res); err != nil {
			t.Fatal(err)
		}
		held := float64(w.peak) - float64(base)
		t.Logf("%s: %d findings, report %.1f MiB, held %.1f MiB (%.2fx the report, %.0f bytes a finding)", tc.format, len(res.Findings),
			float64(w.n)/(1<<20), held/(1<<20), held/float64(w.n), held/float64(len(res.Findings)))
		if held > tc.most*float64(w.n) {
			t.Errorf("%s: held %.1f MiB while writing a report of %.1f MiB: over %.2fx", tc.format, held/(1<<20), float64(w.n)/(1<<20), tc.most)
		}
	}
	runtime.KeepAlive(res)
}
