package lint

import (
	"math"
	"os"
	"runtime/debug"
	"sync"

	"github.com/whichflow/whichflow/internal/clientconfig"
)

// memoryBudget keeps the process's soft memory limit (runtime/debug) at
// DESIGN §6's bound for the largest file read so far — 4x the file +
// 64 MiB of RSS, less 16 MiB for what the runtime does not count (the
// binary, thread stacks) — so the garbage collector works harder before
// the heap outgrows it instead of after: without it a 16 MB realm of 20k
// clients peaked over its 128 MiB bound while the live heap was 49 MB.
// A limit the user set (GOMEMLIMIT) is left alone.
//
// Under that limit the collector may also wait longer between cycles
// (GOGC 400 unless the user set GOGC): on 10k small files that is a
// fifth of the cycles (6% less CPU, 31 instead of 21 MiB), and on a large
// file the limit, not GOGC, decides.
type memoryBudget struct {
	mu      sync.Mutex
	largest int64
	prev    int64
	active  bool
	hcl     bool
	gcPrev  int // the GC percent before, or -2 when not changed
}

const budgetGCPercent = 400

const (
	budgetBase  = 64<<20 - 16<<20
	budgetPerMB = 4
)

func newMemoryBudget(on bool) *memoryBudget {
	b := &memoryBudget{gcPrev: -2}
	if !on {
		return b
	}
	b.prev = debug.SetMemoryLimit(-1) // reads it
	if b.prev != math.MaxInt64 {
		return b // set by the user
	}
	b.active = true
	debug.SetMemoryLimit(budgetBase)
	if os.Getenv("GOGC") == "" {
		b.gcPrev = debug.SetGCPercent(budgetGCPercent)
	}
	return b
}

// file notes a file about to be parsed. HCL has no bound proportional to
// the file (hclparse itself needs some 60x a Terraform file; DESIGN's
// bound is 1.25x what it needs with the default GOGC), so the first HCL
// file puts the limit and GOGC back for the rest of the run rather than
// make the collector thrash under the one or outgrow the bound with the
// other.
func (b *memoryBudget) file(path string, data []byte) {
	if !b.active {
		return
	}
	size := int64(len(data))
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.hcl {
		return
	}
	head := data[:min(len(data), 8192)]
	if clientconfig.SizeLimit(path, head) > 0 { // only HCL has a cap of its own
		b.hcl = true
		b.restore()
		return
	}
	// Only a change of a MiB or more moves the limit.
	if size <= b.largest+(1<<20)/budgetPerMB {
		return
	}
	b.largest = size
	debug.SetMemoryLimit(budgetBase + budgetPerMB*size)
}

// done restores the limit and GC percent the run started with.
func (b *memoryBudget) done() {
	if b.active && !b.hcl {
		b.restore()
	}
}

func (b *memoryBudget) restore() {
	debug.SetMemoryLimit(b.prev)
	if b.gcPrev != -2 {
		debug.SetGCPercent(b.gcPrev)
	}
}
