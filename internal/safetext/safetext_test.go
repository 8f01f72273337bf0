package safetext

import (
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"my-spa":                              "my-spa",
		"x\n::error file=README.md::INJECTED": `x\n::error file=README.md::INJECTED`,
		"\x1b[31mred\x1b[0m":                  `\x1b[31mred\x1b[0m`,
		"a\rb\tc":                             `a\rb\tc`,
		"bidi\u202egnp.exe":                   `bidi\u202egnp.exe`,
		"sep\u2028x":                          `sep\u2028x`,
		"c1\u009bx":                           `c1\x9bx`,
		"bad\xffutf8":                         `bad\xffutf8`,
		"ünïcödé ok":                          "ünïcödé ok",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinesKeepsNewlines(t *testing.T) {
	got := Lines("a\nb\x1b[2Jc")
	if got != "a\nb\\x1b[2Jc" {
		t.Errorf("Lines = %q", got)
	}
}

// FuzzLine: whatever the input, the output has no control character and
// no line break, and clean input is unchanged.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"x\n::error::y", "\x1b]0;title\x07", "ok", "\u2028", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		for _, r := range out {
			if unsafe(r) {
				t.Fatalf("Line(%q) = %q keeps %U", s, out, r)
			}
		}
		if strings.ContainsAny(out, "\n\r") {
			t.Fatalf("Line(%q) has a line break", s)
		}
	})
}
