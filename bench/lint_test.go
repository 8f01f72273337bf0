package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/lint"
)

// In-process benchmarks of lint.Run on make bench's corpora, for
// profiling (go test -bench Lint/rfc7591-10k -cpuprofile cpu.out ./bench).
// They leave out start-up, report writing and a cold heap: make bench's
// whole-process ratios are the measure.
func BenchmarkLint(b *testing.B) {
	for _, c := range cases(false) {
		b.Run(c.name, func(b *testing.B) {
			p := filepath.Join(b.TempDir(), c.name)
			if c.single {
				if err := os.MkdirAll(p, 0o755); err != nil {
					b.Fatal(err)
				}
				p = filepath.Join(p, "input."+map[string]string{"json": "json", "yaml": "yaml", "hcl": "tf"}[c.syntax])
			}
			if err := c.gen(p); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				res, err := lint.Run(context.Background(), lint.Options{Paths: []string{p}, Config: os.DevNull})
				if err != nil || res.Files == 0 {
					b.Fatalf("lint: %v, %d files", err, res.Files)
				}
			}
		})
	}
}
