package lint

import (
	"math"
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
type memoryBudget struct {
	mu      sync.Mutex
	largest int64
	prev    int64
	active  bool
	hcl     bool
}

const (
	budgetBase  = 64<<20 - 16<<20
	budgetPerMB = 4
)

func newMemoryBudget(on bool) *memoryBudget {
	b := &memoryBudget{}
	if !on {
		return b
	}
	b.prev = debug.SetMemoryLimit(-1) // reads it
	if b.prev != math.MaxInt64 {
		return b // set by the user
	}
	b.active = true
	debug.SetMemoryLimit(budgetBase)
	return b
}

// file notes a file about to be parsed. HCL has no bound proportional to
// the file (hclparse itself needs some 60x a Terraform file; DESIGN's
// bound is 1.25x what it needs), so the first HCL file lifts the limit
// for the rest of the run rather than make the collector thrash under it.
func (b *memoryBudget) file(path string, data []byte) {
	if !b.active {
		return
	}
	size := int64(len(data))
	b.mu.Lock()
	defer b.mu.Unlock()
	// Only a change of a MiB or more moves the limit; an HCL file under
	// 512 KiB fits under any limit.
	raise := size > b.largest+(1<<20)/budgetPerMB
	if b.hcl || (!raise && size < 512<<10) {
		return
	}
	head := data[:min(len(data), 8192)]
	if clientconfig.SizeLimit(path, head) > 0 { // only HCL has a cap of its own
		b.hcl = true
		debug.SetMemoryLimit(b.prev)
		return
	}
	if !raise {
		return
	}
	b.largest = size
	debug.SetMemoryLimit(budgetBase + budgetPerMB*size)
}

// done restores the limit the run started with.
func (b *memoryBudget) done() {
	if b.active {
		debug.SetMemoryLimit(b.prev)
	}
}
