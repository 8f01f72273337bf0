// Package safetext makes text from configuration files safe to print in
// human-readable reports: client names, paths and values can carry
// control characters that would recolour or move a terminal's cursor
// (ANSI escapes), or start a new line that a CI log reads as a command
// (GitHub Actions' `::error ...::`). Each such character is shown as a
// visible escape instead (`\x1b`, `\n`, `\u2028`); everything else is
// kept as it is.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Line returns s with every control character escaped, newlines included:
// for text that must stay on one line.
func Line(s string) string { return escape(s, false) }

// Lines returns s with every control character but '\n' escaped, for
// formats that encode newlines themselves (GitHub's %0A).
func Lines(s string) string { return escape(s, true) }

// unsafe reports runes a terminal or log interprets: C0 and C1 controls,
// DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates that reorder what a reader sees.
func unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0xfeff:
		return true
	}
	return false
}

func escape(s string, keepNewline bool) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (unsafe(r) && !(keepNewline && r == '\n')) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepNewline && r == '\n':
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unsafe(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
