package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/corpus"
	"github.com/whichflow/whichflow/internal/golden"
	"github.com/whichflow/whichflow/internal/iostreams"
	"github.com/whichflow/whichflow/internal/report"
)

// TestLintCorpusOutputs runs `whichflow lint` over the whole real-file
// corpus in every output format, to stdout and with --output, and compares
// what it prints with reviewed goldens: the report bytes must not change
// when the way they are produced does (streaming, buffering, the read
// loop). Refresh with WHICHFLOW_UPDATE=1 and review the diff.
func TestLintCorpusOutputs(t *testing.T) {
	root := corpus.Dir(t)
	wd := t.TempDir() // the --output files
	goldenDir, err := filepath.Abs(filepath.Join("testdata", "lint-corpus"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	for _, format := range report.Formats {
		t.Run(format, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			f := &Factory{IOStreams: ios, Version: "0.0.0-test"}
			cmd := NewCmdLint(f, nil)
			cmd.SilenceUsage, cmd.SilenceErrors = true, true
			cmd.SetArgs([]string{"--format", format, "--config", "/dev/null", "."})
			cmd.SetOut(out)
			cmd.SetErr(errOut)
			err := cmd.Execute()
			var ee *ExitError
			if !errors.As(err, &ee) || ee.Code != ExitFindings {
				t.Fatalf("exit: %v, want findings (1); stderr:\n%s", err, errOut)
			}
			golden.Check(t, filepath.Join(goldenDir, "corpus."+format), portable(out.Bytes(), root))

			// The same report written to a file.
			file := filepath.Join(wd, "report."+format)
			ios2, _, out2, errOut2 := iostreams.Test()
			cmd = NewCmdLint(&Factory{IOStreams: ios2, Version: "0.0.0-test"}, nil)
			cmd.SilenceUsage, cmd.SilenceErrors = true, true
			cmd.SetArgs([]string{"--format", format, "--config", "/dev/null", "--output", file, "."})
			cmd.SetOut(out2)
			cmd.SetErr(errOut2)
			if err := cmd.Execute(); !errors.As(err, &ee) || ee.Code != ExitFindings {
				t.Fatalf("--output: exit %v; stderr:\n%s", err, errOut2)
			}
			if out2.Len() != 0 {
				t.Errorf("--output: stdout not empty: %q", out2)
			}
			written, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(goldenDir, "corpus."+format), portable(written, root))
		})
	}
}

// portable replaces the corpus's absolute path (SARIF's
// originalUriBaseIds) so the goldens hold on any checkout.
func portable(b []byte, root string) []byte {
	return bytes.ReplaceAll(b, []byte(filepath.ToSlash(root)), []byte("/CORPUS"))
}
