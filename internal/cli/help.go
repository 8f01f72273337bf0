package cli

import (
	"cmp"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpWidth is the width help is laid out for when stdout is not a
// terminal of known width.
const helpWidth = 80

// polishHelp prepares the tree's help: every example indented and folded
// to 80 columns, every boolean flag's default shown, and flag help wrapped
// to the terminal. The whole tree is polished at once when it is built for
// docs (eager); a command line that runs one command pays nothing for it
// until it shows help (DESIGN §6: start-up).
func polishHelp(root *cobra.Command, width func() int, eager bool) {
	if eager {
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			polishCommand(c)
			for _, sub := range c.Commands() {
				walk(sub)
			}
		}
		walk(root)
	}
	root.SetUsageFunc(func(c *cobra.Command) error {
		polishCommand(c)
		return writeUsage(c.OutOrStderr(), c, width())
	})
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		polishCommand(c)
		w := width()
		var b strings.Builder
		if text := strings.TrimRight(cmp.Or(c.Long, c.Short), " \n"); text != "" {
			b.WriteString(foldLines(text, w))
			b.WriteString("\n\n")
		}
		io.WriteString(c.OutOrStdout(), b.String())
		if c.Runnable() || c.HasSubCommands() {
			writeUsage(c.OutOrStdout(), c, w)
		}
	})
}

// listItem matches a line of a two-column list ("  web   HTML rendered
// ..."): its continuation lines hang under the second column.
// Compiled on first use: nothing at start-up (DESIGN §6).
var listItem = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\S+\s{2,}`) })

// foldLines folds every line of text longer than width at spaces, keeping
// its indentation (or, in a two-column list, hanging under the second
// column).
func foldLines(text string, width int) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) <= width {
			continue
		}
		head := l[:len(l)-len(strings.TrimLeft(l, " "))]
		if m := listItem().FindString(l); m != "" && ansi.StringWidth(m) < width/2 {
			head = m
		}
		hang := strings.Repeat(" ", ansi.StringWidth(head))
		body := wrap(l[len(head):], len(hang), width)
		lines[i] = head + strings.TrimLeft(body, " ")
	}
	return strings.Join(lines, "\n")
}

// polishCommand is polishHelp for one command; doing it twice changes
// nothing.
func polishCommand(c *cobra.Command) {
	c.Example = formatExample(c.Example, helpWidth)
	showBoolDefaults(c.LocalNonPersistentFlags())
}

// showBoolDefaults adds "(default false)" to boolean flags: pflag prints a
// default only when it is not the zero value, which leaves a reader
// guessing.
func showBoolDefaults(fs *pflag.FlagSet) {
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Value.Type() == "bool" && fl.DefValue == "false" && !strings.Contains(fl.Usage, "(default") {
			fl.Usage += " (default false)"
		}
	})
}

// formatExample indents every line of an example by two spaces (commands
// built with heredoc were flush left) and folds long command lines at
// spaces with a shell line continuation, so that they stay runnable.
func formatExample(ex string, width int) string {
	if ex == "" {
		return ""
	}
	lines := strings.Split(strings.TrimRight(ex, "\n"), "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimRight(l, " ")
		if l == "" {
			out = append(out, "")
			continue
		}
		if !strings.HasPrefix(l, "  ") {
			l = "  " + l
		}
		out = append(out, foldCommand(l, width)...)
	}
	return strings.Join(out, "\n")
}

// foldCommand breaks a "$ command" line longer than width at spaces
// outside quotes, ending each part with " \" and indenting the rest.
func foldCommand(line string, width int) []string {
	trimmed := strings.TrimLeft(line, " ")
	if ansi.StringWidth(line) <= width || !strings.HasPrefix(trimmed, "$ ") {
		return []string{line}
	}
	indent := line[:len(line)-len(trimmed)]
	cont := indent + "    "
	var words []string
	var cur strings.Builder
	var quote rune
	for _, r := range trimmed {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == ' ':
			words = append(words, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	words = append(words, cur.String())
	// A flag and its value stay on one line, and so do > and its file.
	var units []string
	for i := 0; i < len(words); i++ {
		u := words[i]
		if (u == ">" || strings.HasPrefix(u, "-") && !strings.Contains(u, "=")) && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") && words[i+1] != "|" {
			i++
			u += " " + words[i]
		}
		units = append(units, u)
	}
	var out []string
	var b strings.Builder
	b.WriteString(indent)
	n, least := 0, 2 // units on the current line; "$ whichflow" stays together
	for _, u := range units {
		if n >= least && ansi.StringWidth(b.String())+1+ansi.StringWidth(u)+2 > width {
			out = append(out, b.String()+" \\")
			b.Reset()
			b.WriteString(cont)
			n, least = 0, 1
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(u)
		n++
	}
	return append(out, b.String())
}

// writeUsage is cobra's default usage text, with flag help wrapped to width.
func writeUsage(w io.Writer, c *cobra.Command, width int) error {
	var b strings.Builder
	b.WriteString("Usage:")
	if c.Runnable() {
		fmt.Fprintf(&b, "\n  %s", c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n  %s [command]", c.CommandPath())
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(&b, "\n\nAliases:\n  %s", c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\n\nExamples:\n%s", c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\nAvailable Commands:")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				b.WriteString("\n" + foldLines(fmt.Sprintf("  %-*s  %s", c.NamePadding(), sub.Name(), sub.Short), width))
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\n\nFlags:\n%s", strings.TrimRight(c.LocalFlags().FlagUsagesWrapped(width), " \n"))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\n\nGlobal Flags:\n%s", strings.TrimRight(c.InheritedFlags().FlagUsagesWrapped(width), " \n"))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + foldLines(fmt.Sprintf("Use \"%s [command] --help\" for more information about a command.", c.CommandPath()), width))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
