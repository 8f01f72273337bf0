package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// Help fits 80 columns off a terminal (issue 12): flag help is wrapped,
// examples are indented and folded, boolean defaults are shown.
func TestHelpFits80Columns(t *testing.T) {
	f, _, _, _ := testFactory()
	root := NewCmdRoot(f)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		var out bytes.Buffer
		c.SetOut(&out)
		if err := c.Help(); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(out.String(), "\n") {
			if w := ansi.StringWidth(line); w > helpWidth {
				t.Errorf("%s --help line %d is %d columns:\n%s", c.CommandPath(), i+1, w, line)
			}
		}
		if c.Example != "" {
			for _, line := range strings.Split(c.Example, "\n") {
				if line != "" && !strings.HasPrefix(line, "  ") {
					t.Errorf("%s: example line not indented: %q", c.CommandPath(), line)
				}
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)

	var out bytes.Buffer
	lint, _, _ := root.Find([]string{"lint"})
	lint.SetOut(&out)
	lint.Help()
	if !regexpMatch(`--include-builtin +also lint Keycloak's built-in clients[^\n]*\n[^\n]*\(default false\)|--include-builtin[^\n]*\(default false\)`, out.String()) {
		t.Errorf("boolean default not shown:\n%s", out.String())
	}
}

func TestFoldCommand(t *testing.T) {
	got := foldCommand(`  $ whichflow snippet --flow client-credentials --scope 'read write admin' --client-id batch > out.sh`, 50)
	want := []string{
		`  $ whichflow snippet --flow client-credentials \`,
		`      --scope 'read write admin' \`,
		`      --client-id batch > out.sh`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := foldCommand("  # a comment that is long, long, long, long, long, long", 20); len(got) != 1 {
		t.Errorf("comments are not folded: %q", got)
	}
}

func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }
