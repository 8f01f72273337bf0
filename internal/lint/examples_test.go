package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/whichflow/whichflow/flows"
)

// testNow is the date suppressions expire against in tests.
var testNow = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

// TestRuleExamples runs every catalog example through the engine: bad
// examples must raise the rule where their header's `want LINE:COL` says
// (analysistest's `// want`), good ones must not raise it (trivy's
// TestCheckExamples).
func TestRuleExamples(t *testing.T) {
	for _, r := range flows.Rules() {
		for i, e := range r.Examples() {
			kind := "bad"
			if e.Good {
				kind = "good"
			}
			t.Run(r.ID+"/"+string(e.Format)+"/"+kind, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, e.Name)
				if err := os.WriteFile(path, []byte(e.Text), 0o644); err != nil {
					t.Fatal(err)
				}
				opts := Options{Paths: []string{path}, Now: testNow, Config: os.DevNull}
				if r.Profile == flows.ProfileHigh {
					opts.Profile = ProfileHigh
				}
				res, err := Run(context.Background(), opts)
				if err != nil {
					t.Fatal(err)
				}
				var fired, at bool
				var where []string
				for _, f := range res.Findings {
					if f.Rule == r.ID && f.Suppressed == nil {
						fired = true
						where = append(where, fmt.Sprintf("%d:%d", f.Line, f.Column))
						at = at || (f.Line == e.WantLine && (e.WantCol == 0 || f.Column == e.WantCol))
					}
				}
				if e.Good && fired {
					t.Errorf("good example %d fires %s:\n%s\nfindings: %+v", i, r.ID, e.Text, res.Findings)
				}
				if !e.Good && !fired {
					t.Errorf("bad example %d does not fire %s:\n%s\nfindings: %+v\nskipped: %+v", i, r.ID, e.Text, res.Findings, res.Skipped)
				}
				if !e.Good && fired && !at {
					t.Errorf("bad example %s fires %s at %v, its header wants %d:%d", e.Name, r.ID, where, e.WantLine, e.WantCol)
				}
			})
		}
	}
}
