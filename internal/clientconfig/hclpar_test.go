package clientconfig

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestBigHCLParsedOneAtATime: hclsyntax needs some 60x a Terraform file,
// so large files read by every worker at once needed that many times the
// cores (four 7.9 MB files on two cores: 2.9 GB max RSS, hclparse one after
// another 1.2 GB). Four large files read at once must peak near one, not
// four.
func TestBigHCLParsedOneAtATime(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 5 MB of HCL")
	}
	var b strings.Builder
	b.WriteString("resource \"null_resource\" \"x\" {\n")
	for i := 0; b.Len() < bigHCL+bigHCL/8; i++ {
		fmt.Fprintf(&b, "  a%d = \"v%d\"\n", i, i)
	}
	b.WriteString("}\n")
	data := []byte(b.String())
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	peak := func(n int) uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		stop := make(chan struct{})
		top := make(chan uint64)
		go func() {
			var max uint64
			for {
				select {
				case <-stop:
					top <- max
					return
				case <-time.After(20 * time.Millisecond):
				}
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > base && ms.HeapAlloc-base > max {
					max = ms.HeapAlloc - base
				}
			}
		}()
		var wg sync.WaitGroup
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := Read("main.tf", data); err == nil {
					t.Error("a file of no resource whichflow reads read as a configuration")
				}
			}()
		}
		wg.Wait()
		close(stop)
		return <-top
	}
	one, four := peak(1), peak(4)
	t.Logf("peak heap: one file %d MiB, four at once %d MiB", one>>20, four>>20)
	if four > 2*one {
		t.Errorf("four %d KiB HCL files read at once peaked at %d MiB of heap, one alone at %d MiB", len(data)>>10, four>>20, one>>20)
	}
}
