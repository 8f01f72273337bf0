package cli

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", os.Getenv("WHICHFLOW_UPDATE") != "", "rewrite golden files")

// golden compares got with testdata/name, rewriting it with -update or
// WHICHFLOW_UPDATE=1.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run WHICHFLOW_UPDATE=1 go test ./internal/cli to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the golden file (review, then refresh with WHICHFLOW_UPDATE=1):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestAdviseGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"spa.txt", []string{"--client", "spa"}},
		{"spa.md", []string{"--client", "spa", "--format", "markdown"}},
		{"trusted-no-redirects.txt", []string{"--client", "trusted", "--redirects=false"}},
		{"web-high-hydra.txt", []string{"--client", "web", "--security", "high", "--provider", "hydra"}},
		{"machine.json", []string{"--client", "machine", "--format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, out, errOut := testFactory()
			if code := Run(context.Background(), f, append([]string{"advise"}, tt.args...)); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if strings.Contains(out.String(), "\x1b[") {
				t.Error("ANSI escapes in output that is not a terminal")
			}
			golden(t, filepath.Join("advise", tt.name), out.Bytes())
		})
	}
}

func TestAdviseColourOnlyWhenEnabled(t *testing.T) {
	f, _, out, _ := testFactory()
	f.IOStreams.SetColorEnabled(true)
	if code := Run(context.Background(), f, []string{"advise", "--client", "web"}); code != 0 {
		t.Fatal(code)
	}
	if !strings.Contains(out.String(), "\x1b[") {
		t.Error("no styling with colour enabled")
	}
}
