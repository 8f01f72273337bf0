package cli

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrap folds text to width columns, indenting every line by indent: the
// one word wrapper of whichflow's text output (x/ansi.Wordwrap, which
// measures display width and keeps ANSI styling intact). Runs of spaces and
// line breaks in text are one space. Lines break at spaces only:
// Wordwrap also breaks after a hyphen, which splits "first-party", rule
// IDs and --flags, so hyphens are held as non-breaking ones while it runs.
func wrap(text string, indent int, width int) string {
	held := strings.ReplaceAll(strings.Join(strings.Fields(text), " "), "-", nonBreakingHyphen)
	folded := ansi.Wordwrap(held, max(width-indent, 1), "")
	return indentLines(strings.ReplaceAll(folded, nonBreakingHyphen, "-"), strings.Repeat(" ", indent))
}

// nonBreakingHyphen (U+2011) is one column wide, like "-".
const nonBreakingHyphen = "\u2011"

// indentLines prefixes every non-empty line of s.
func indentLines(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// cell is a table cell: its text, and the style drawn around it.
type cell struct {
	text  string
	style func(string) string
}

// plain is a cell without style.
func plain(s string) cell { return cell{text: s} }

// writeTable writes rows as columns two spaces apart. Widths are measured
// on the plain text, as gh's tableprinter does, then the style is applied:
// tabwriter over coloured cells counts the escape codes and shifts columns
// when colour is on (CLICOLOR_FORCE=1).
func writeTable(w io.Writer, rows [][]cell) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c.text))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			text := c.text
			if c.style != nil {
				text = c.style(text)
			}
			b.WriteString(text)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c.text)+2))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
