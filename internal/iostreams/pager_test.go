package iostreams

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPagerFromEnv(t *testing.T) {
	t.Setenv("WHICHFLOW_PAGER", "most")
	t.Setenv("PAGER", "more")
	if got := pagerFromEnv(); got != "most" {
		t.Errorf("WHICHFLOW_PAGER first: got %q", got)
	}
	os.Unsetenv("WHICHFLOW_PAGER")
	if got := pagerFromEnv(); got != "more" {
		t.Errorf("then PAGER: got %q", got)
	}
	os.Unsetenv("PAGER")
	if got := pagerFromEnv(); got != "less -FRX" {
		t.Errorf("then less: got %q", got)
	}
	t.Setenv("WHICHFLOW_PAGER", "")
	t.Setenv("PAGER", "more")
	if got := pagerFromEnv(); got != "" {
		t.Errorf("WHICHFLOW_PAGER= turns paging off: got %q", got)
	}
}

// WritePaged pages only a terminal's output that is taller than the
// terminal; the pager here marks each line so the test sees it ran.
func TestWritePaged(t *testing.T) {
	tall := strings.Repeat("line\n", 10)
	tests := []struct {
		name      string
		tty       bool
		rows      int
		pager     string
		data      string
		wantPaged bool
	}{
		{"tall on a terminal", true, 5, "sed s/^/P:/", tall, true},
		{"fits the terminal", true, 40, "sed s/^/P:/", tall, false},
		{"piped output is never paged", false, 5, "sed s/^/P:/", tall, false},
		{"unknown height", true, 0, "sed s/^/P:/", tall, false},
		{"--no-pager", true, 5, "", tall, false},
		{"cat is no pager", true, 5, "cat", tall, false},
		{"a missing pager is skipped", true, 5, "no-such-pager-whichflow -x", tall, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := os.Create(filepath.Join(t.TempDir(), "out"))
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			s, _, _, errOut := Test()
			s.Out = out
			s.SetStdoutTTY(tt.tty)
			s.SetTerminalHeight(tt.rows)
			s.SetPager(tt.pager)
			if err := s.WritePaged([]byte(tt.data)); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(out.Name())
			want := tt.data
			if tt.wantPaged {
				want = strings.ReplaceAll(tt.data, "line", "P:line")
			}
			if string(got) != want {
				t.Errorf("output %q, want %q (stderr %q)", got, want, errOut)
			}
		})
	}
}
