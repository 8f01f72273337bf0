package lint

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/corpus"
)

// TestCorpus lints every file of the real-file corpus and compares the
// findings with the reviewed testdata/corpus.golden (refresh with
// WHICHFLOW_UPDATE=1, then review every changed line).
func TestCorpus(t *testing.T) {
	root := corpus.Dir(t)
	wd, _ := os.Getwd()
	t.Chdir(root)
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Now: testNow, Config: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, s := range res.Skipped {
		if s.Path == "SOURCES.md" {
			continue
		}
		fmt.Fprintf(&b, "skipped %s: %s\n", s.Path, s.Reason)
	}
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "\n") {
			t.Errorf("multi-line message: %q", f.Message)
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s %s %s: %s\n", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Client, f.Message)
	}
	s := res.Summary()
	fmt.Fprintf(&b, "summary: %d files, %d clients, %d errors, %d warnings, %d notes\n", s.Files, s.Clients, s.Errors, s.Warnings, s.Notes)
	got := b.Bytes()

	golden := filepath.Join(wd, "testdata", "corpus.golden")
	if os.Getenv("WHICHFLOW_UPDATE") != "" {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run WHICHFLOW_UPDATE=1 go test ./internal/lint/ -run TestCorpus)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("corpus findings differ from testdata/corpus.golden; review and refresh with WHICHFLOW_UPDATE=1\n%s", lineDiff(string(want), string(got)))
	}
	if len(res.Skipped) > 0 {
		for _, s := range res.Skipped {
			if s.Path != "SOURCES.md" {
				t.Errorf("corpus file %s not read (%s): a corpus file whichflow cannot read is a bug", s.Path, s.Reason)
			}
		}
	}
}

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
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
