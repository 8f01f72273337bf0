package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/docgen"
	"github.com/whichflow/whichflow/internal/iostreams"
)

func docsFactory() (*Factory, *iostreams.IOStreams) {
	io, _, _, _ := iostreams.Test()
	return &Factory{IOStreams: io, Version: "dev"}, io
}

// TestDocsUpToDate fails `make test` when the committed docs/ no longer
// match what `whichflow docs` generates.
func TestDocsUpToDate(t *testing.T) {
	f, _ := docsFactory()
	cfg := DocsConfig(NewCmdRoot(f), false)
	files, err := docgen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	problems, err := docgen.Check(filepath.Join("..", "..", "docs"), files, cfg.Scope())
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		var lines []string
		for _, p := range problems {
			lines = append(lines, "  docs/"+p.String())
		}
		t.Fatalf("docs/ is stale:\n%s\nrun make docs and commit docs/", strings.Join(lines, "\n"))
	}
}

func TestNewCmdDocs(t *testing.T) {
	tests := []struct {
		args    []string
		want    DocsOptions
		wantErr string
	}{
		{args: []string{"--out", "d"}, want: DocsOptions{Out: "d"}},
		{args: []string{"--out", "d", "--check", "--man"}, want: DocsOptions{Out: "d", Check: true, Man: true}},
		{args: []string{}, wantErr: "--out DIR is required"},
		{args: []string{"--out", "d", "extra"}, wantErr: "unknown command"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _ := docsFactory()
			var got *DocsOptions
			cmd := NewCmdDocs(f, func(o *DocsOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SilenceErrors, cmd.SilenceUsage = true, true
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Out != tt.want.Out || got.Check != tt.want.Check || got.Man != tt.want.Man || got.Root == nil {
				t.Errorf("opts = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// runDocs runs `whichflow docs` through Run, as main does.
func runDocs(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	io, _, _, errOut := iostreams.Test()
	code = Run(t.Context(), &Factory{IOStreams: io, Version: "dev"}, append([]string{"docs"}, args...))
	return code, errOut.String()
}

func TestDocsRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs")
	if code, stderr := runDocs(t, "--out", dir, "--check"); code != ExitFindings || !strings.Contains(stderr, "README.md: missing") {
		t.Fatalf("check before generating: exit %d, stderr %q", code, stderr)
	}
	if code, stderr := runDocs(t, "--out", dir); code != ExitOK {
		t.Fatalf("generate: exit %d, stderr %q", code, stderr)
	}
	if code, stderr := runDocs(t, "--out", dir, "--check"); code != ExitOK || stderr != "" {
		t.Fatalf("check after generating: exit %d, stderr %q", code, stderr)
	}

	// Drift, a stale page and a hand-written page.
	page := filepath.Join(dir, "flows", "implicit.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(data, "edited\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "flows", "gone.md"), []byte(docgen.MarkdownHeader), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "NOTES.md"), []byte("# ours\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := runDocs(t, "--out", dir, "--check")
	if code != ExitFindings {
		t.Fatalf("check after edits: exit %d", code)
	}
	for _, want := range []string{"flows/implicit.md: out of date", "flows/gone.md: stale", "run `whichflow docs --out"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "NOTES.md") {
		t.Errorf("a hand-written file is reported:\n%s", stderr)
	}
	if code, _ := runDocs(t, "--out", dir); code != ExitOK {
		t.Fatalf("regenerate: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "flows", "gone.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale page not removed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "NOTES.md")); err != nil {
		t.Errorf("hand-written page removed: %v", err)
	}

	// A hand-written file where a generated one goes: refused, exit 2.
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# our README\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := runDocs(t, "--out", dir); code != ExitUsage || !strings.Contains(stderr, "refusing to overwrite README.md") {
		t.Fatalf("overwrite: exit %d, stderr %q", code, stderr)
	}
	if code, stderr := runDocs(t); code != ExitUsage || !strings.Contains(stderr, "--out DIR is required") {
		t.Fatalf("no --out: exit %d, stderr %q", code, stderr)
	}
}
