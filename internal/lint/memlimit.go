package lint

import (
	"math"
	"runtime/debug"
	"sync"
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

// file notes a file of size bytes about to be read.
func (b *memoryBudget) file(size int64) {
	if !b.active {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	// Only a change of a MiB or more moves the limit.
	if size <= b.largest+(1<<20)/budgetPerMB {
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
