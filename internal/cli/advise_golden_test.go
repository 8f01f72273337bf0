package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/golden"
)

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
		{"agent.txt", []string{"--client", "agent"}},
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
			golden.Check(t, filepath.Join("testdata", "advise", tt.name), out.Bytes())
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
