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
	"github.com/whichflow/whichflow/internal/golden"
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

	golden.Check(t, filepath.Join(wd, "testdata", "corpus.golden"), got)
	if len(res.Skipped) > 0 {
		for _, s := range res.Skipped {
			if s.Path != "SOURCES.md" && !s.moduleFile {
				t.Errorf("corpus file %s not read (%s): a corpus file whichflow cannot read is a bug", s.Path, s.Reason)
			}
		}
	}
}
