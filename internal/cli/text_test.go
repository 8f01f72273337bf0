package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text          string
		indent, width int
		want          string
	}{
		{"one two three", 2, 10, "  one two\n  three"},
		{"a  b\n c", 0, 80, "a b c"},
		// Breaks at spaces only, never after a hyphen.
		{"use a native first-party flow", 0, 20, "use a native\nfirst-party flow"},
		{"pass --browser=false here", 0, 12, "pass\n--browser=false\nhere"},
		// Display width, not bytes: "§" and "·" are one column each.
		{"RFC 9700 §2.1 · RFC 8252", 0, 15, "RFC 9700 §2.1 ·\nRFC 8252"},
	}
	for _, tt := range tests {
		if got := wrap(tt.text, tt.indent, tt.width); got != tt.want {
			t.Errorf("wrap(%q, %d, %d) = %q, want %q", tt.text, tt.indent, tt.width, got, tt.want)
		}
	}
}

// Coloured cells line up like plain ones (CLICOLOR_FORCE=1 used to shift
// them: tabwriter counted the escape codes).
func TestWriteTableMeasuresPlainWidth(t *testing.T) {
	rows := func(s styles) [][]cell {
		return [][]cell{
			{plain("FLOW"), plain("STATUS"), plain("GRANT")},
			{plain("implicit"), {"deprecated", s.bad}, plain("implicit")},
			{plain("authorization-code"), {"recommended", s.good}, plain("authorization_code")},
		}
	}
	var plainOut, colourOut bytes.Buffer
	writeTable(&plainOut, rows(newStyles(false)))
	writeTable(&colourOut, rows(newStyles(true)))
	if !strings.Contains(colourOut.String(), "\x1b[") {
		t.Fatal("no colour in the coloured table")
	}
	if got := ansi.Strip(colourOut.String()); got != plainOut.String() {
		t.Errorf("coloured table, without its colours:\n%s\nplain table:\n%s", got, plainOut.String())
	}
	if want := "implicit            deprecated   implicit\n"; !strings.Contains(plainOut.String(), want) {
		t.Errorf("plain table:\n%s", plainOut.String())
	}
}
