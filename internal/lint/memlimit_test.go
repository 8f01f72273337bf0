package lint

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// TestMemoryBudget: the limit follows the largest JSON/YAML file (4x +
// 64 MiB less 16), moves only by a MiB or more, steps aside for HCL, and
// the run's end restores the limit and GOGC it started with.
func TestMemoryBudget(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		t.Skip("GOMEMLIMIT or GOGC set: the budget leaves the user's settings alone")
	}
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	if limit() != math.MaxInt64 {
		t.Fatalf("limit %d before the run", limit())
	}
	gc := debug.SetGCPercent(-1)
	debug.SetGCPercent(gc)

	b := newMemoryBudget(true)
	if got := limit(); got != budgetBase {
		t.Errorf("start: limit %d, want %d", got, budgetBase)
	}
	b.file("a.json", make([]byte, 10<<20))
	if got := limit(); got != budgetBase+40<<20 {
		t.Errorf("10 MiB file: limit %d, want %d", got, budgetBase+40<<20)
	}
	b.file("b.json", make([]byte, 10<<20+1000))
	if got := limit(); got != budgetBase+40<<20 {
		t.Errorf("a file 1000 bytes larger moved the limit to %d", got)
	}
	b.file("main.tf", []byte("resource \"x\" \"y\" {}\n"))
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("after an HCL file: limit %d, want none", got)
	}
	if g := debug.SetGCPercent(-1); g != gc {
		t.Errorf("after an HCL file: GOGC %d, want %d", g, gc)
	} else {
		debug.SetGCPercent(g)
	}
	b.file("c.json", make([]byte, 30<<20))
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("a JSON file after HCL set the limit again: %d", got)
	}
	b.done()

	b = newMemoryBudget(true)
	b.file("a.json", make([]byte, 1<<20))
	b.done()
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("after done: limit %d", got)
	}
	if g := debug.SetGCPercent(-1); g != gc {
		t.Errorf("after done: GOGC %d, want %d", g, gc)
	} else {
		debug.SetGCPercent(g)
	}
}
