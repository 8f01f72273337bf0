package docgen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The command reference and the man pages are rendered here from the cobra
// command tree rather than with github.com/spf13/cobra/doc: its man page
// generator links go-md2man and blackfriday into the binary, and their
// package initialisation ran on every start-up of every command (DESIGN §6).
// The Markdown is byte-for-byte what cobra/doc's GenMarkdownCustom writes
// (TestCLIPagesMatchCobraDoc compares the two); the man pages come from the
// small roff writer below.

// CLIDir is the subdirectory for the command reference.
const CLIDir = "cli"

// prepareTree makes the command tree look as it does when whichflow runs
// (help and completion commands and help flags added) and turns off cobra's
// dated "Auto generated" footer everywhere. It returns the documented
// commands sorted by command path.
func prepareTree(root *cobra.Command) []*cobra.Command {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var out []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		if c != root && !documented(c) {
			return
		}
		c.InitDefaultHelpFlag()
		out = append(out, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	sort.Slice(out, func(i, j int) bool { return out[i].CommandPath() < out[j].CommandPath() })
	return out
}

// documented reports whether c gets a page of its own and a SEE ALSO entry
// in its parent's: not hidden, deprecated or the help command, and not a
// help topic without a Run.
func documented(c *cobra.Command) bool {
	return c.IsAvailableCommand() && !c.IsAdditionalHelpTopicCommand()
}

// children are c's documented subcommands sorted by name.
func children(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, sub := range c.Commands() {
		if documented(sub) {
			out = append(out, sub)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// hasSeeAlso: a page lists related commands when it has a parent or a
// documented subcommand.
func hasSeeAlso(c *cobra.Command) bool { return c.HasParent() || len(children(c)) > 0 }

// basename is the page name for c: its command path joined with sep.
func basename(c *cobra.Command, sep string) string {
	return strings.ReplaceAll(c.CommandPath(), " ", sep)
}

// cliLink is the link to another page of the reference: relative, inside
// cli/, so the links work on GitHub and in a checkout.
func cliLink(c *cobra.Command) string { return "./" + basename(c, "_") + ".md" }

// CLIPages renders cli/<command path>.md for every available command, as
// cobra/doc's GenMarkdownTreeCustom would, with the generated header and
// relative links.
func CLIPages(root *cobra.Command) ([]File, error) {
	var files []File
	for _, c := range prepareTree(root) {
		var b bytes.Buffer
		b.WriteString(MarkdownHeader + "\n")
		markdownPage(&b, c)
		data := append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
		files = append(files, File{Path: CLIDir + "/" + basename(c, "_") + ".md", Data: data})
	}
	return files, nil
}

// markdownPage writes c's reference page in cobra/doc's layout (without its
// dated footer).
func markdownPage(b *bytes.Buffer, c *cobra.Command) {
	name := c.CommandPath()
	b.WriteString("## " + name + "\n\n")
	b.WriteString(c.Short + "\n\n")
	if c.Long != "" {
		b.WriteString("### Synopsis\n\n" + c.Long + "\n\n")
	}
	if c.Runnable() {
		b.WriteString("```\n" + c.UseLine() + "\n```\n\n")
	}
	if c.Example != "" {
		b.WriteString("### Examples\n\n```\n" + c.Example + "\n```\n\n")
	}
	if flags := c.NonInheritedFlags(); flags.HasAvailableFlags() {
		b.WriteString("### Options\n\n```\n" + flags.FlagUsages() + "```\n\n")
	}
	if flags := c.InheritedFlags(); flags.HasAvailableFlags() {
		b.WriteString("### Options inherited from parent commands\n\n```\n" + flags.FlagUsages() + "```\n\n")
	}
	if hasSeeAlso(c) {
		b.WriteString("### SEE ALSO\n\n")
		if p := c.Parent(); p != nil {
			fmt.Fprintf(b, "* [%s](%s)\t - %s\n", p.CommandPath(), cliLink(p), p.Short)
		}
		for _, sub := range children(c) {
			fmt.Fprintf(b, "* [%s](%s)\t - %s\n", name+" "+sub.Name(), cliLink(sub), sub.Short)
		}
		b.WriteString("\n")
	}
}

// ManPages renders man/<command-path>.1 for every available command: the
// generated header, then roff for the man(7) macros, without a date.
func ManPages(root *cobra.Command) ([]File, error) {
	var files []File
	for _, c := range prepareTree(root) {
		var b bytes.Buffer
		b.WriteString(ManHeader)
		manPage(&b, c)
		files = append(files, File{Path: ManDir + "/" + basename(c, "-") + ".1", Data: b.Bytes()})
	}
	return files, nil
}

// manPage writes c's man page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS,
// OPTIONS INHERITED FROM PARENT COMMANDS, EXAMPLE and SEE ALSO.
func manPage(b *bytes.Buffer, c *cobra.Command) {
	dashed := basename(c, "-")
	fmt.Fprintf(b, ".TH %s \"1\" \"\" \"whichflow\" \"whichflow manual\"\n", roffQuote(strings.ToUpper(dashed)))
	b.WriteString(".SH NAME\n")
	b.WriteString(roffLiteral(dashed) + ` \- ` + roffText(c.Short) + "\n")
	b.WriteString(".SH SYNOPSIS\n")
	b.WriteString(`\fB` + roffLiteral(c.UseLine()) + `\fP` + "\n")
	b.WriteString(".SH DESCRIPTION\n")
	description := c.Long
	if strings.TrimSpace(description) == "" {
		description = c.Short
	}
	roffParagraphs(b, description)
	if flags := c.NonInheritedFlags(); flags.HasAvailableFlags() {
		b.WriteString(".SH OPTIONS\n")
		roffFlags(b, flags)
	}
	if flags := c.InheritedFlags(); flags.HasAvailableFlags() {
		b.WriteString(".SH OPTIONS INHERITED FROM PARENT COMMANDS\n")
		roffFlags(b, flags)
	}
	if example := strings.Trim(c.Example, "\n"); strings.TrimSpace(example) != "" {
		b.WriteString(".SH EXAMPLE\n.PP\n.nf\n.RS\n")
		for _, line := range strings.Split(example, "\n") {
			b.WriteString(roffLine(roffLiteral(strings.TrimRight(line, " \t"))) + "\n")
		}
		b.WriteString(".RE\n.fi\n")
	}
	if hasSeeAlso(c) {
		b.WriteString(".SH SEE ALSO\n")
		var refs []string
		if p := c.Parent(); p != nil {
			refs = append(refs, `\fB`+roffLiteral(basename(p, "-"))+`\fP(1)`)
		}
		for _, sub := range children(c) {
			refs = append(refs, `\fB`+roffLiteral(dashed+"-"+sub.Name())+`\fP(1)`)
		}
		b.WriteString(strings.Join(refs, ",\n") + "\n")
	}
}

// roffFlags writes one .PP/.RS entry per visible flag, in the order and with
// the argument names pflag's usage uses.
func roffFlags(b *bytes.Buffer, flags *pflag.FlagSet) {
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Deprecated != "" {
			return
		}
		b.WriteString(".PP\n")
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			b.WriteString(`\fB` + roffLiteral("-"+f.Shorthand) + `\fP, `)
		}
		b.WriteString(`\fB` + roffLiteral("--"+f.Name) + `\fP`)
		varname, usage := pflag.UnquoteUsage(f)
		if varname != "" {
			b.WriteString(` \fI` + roffLiteral(varname) + `\fP`)
		}
		if f.NoOptDefVal != "" && f.Value.Type() != "bool" {
			b.WriteString(`[=` + roffLiteral(f.NoOptDefVal) + `]`)
		}
		b.WriteString("\n.RS\n")
		if !zeroDefault(f) {
			def := f.DefValue
			if f.Value.Type() == "string" {
				def = fmt.Sprintf("%q", def)
			}
			usage += " (default " + def + ")"
		}
		roffFill(b, usage)
		b.WriteString(".RE\n")
	})
}

// zeroDefault reports whether the flag's default is its type's zero value,
// which pflag's usage does not print either.
func zeroDefault(f *pflag.Flag) bool {
	switch f.DefValue {
	case "", "false", "0", "0s", "[]", "<nil>", "map[]":
		return true
	}
	return false
}

// roffParagraphs writes text (cobra's Long: plain text with blank lines
// between paragraphs) as .PP paragraphs. A paragraph with an indented line
// (a table, a command to type) keeps its layout in a no-fill block.
func roffParagraphs(b *bytes.Buffer, text string) {
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		para = strings.Trim(para, "\n")
		if strings.TrimSpace(para) == "" {
			continue
		}
		b.WriteString(".PP\n")
		lines := strings.Split(para, "\n")
		indented := false
		for _, l := range lines {
			if l != "" && (l[0] == ' ' || l[0] == '\t') {
				indented = true
			}
		}
		if !indented {
			roffFill(b, para)
			continue
		}
		b.WriteString(".nf\n")
		for _, l := range lines {
			l = strings.ReplaceAll(strings.TrimRight(l, " \t"), "\t", "        ")
			b.WriteString(roffLine(roffLiteral(l)) + "\n")
		}
		b.WriteString(".fi\n")
	}
}

// roffFill writes prose for filling: one output line per input line, none
// of them empty or starting with a space (which would break the fill).
func roffFill(b *bytes.Buffer, text string) {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		b.WriteString(roffLine(roffText(l)) + "\n")
	}
}

// roffLine guards a text line that roff would read as a request or control
// line: a leading '.' or '\” gets the zero-width \& in front. An empty line
// (only in no-fill blocks) becomes .sp, the blank line roff means.
func roffLine(s string) string {
	if s == "" {
		return `.sp`
	}
	if s[0] == '.' || s[0] == '\'' {
		return `\&` + s
	}
	return s
}

// roffLiteral escapes text that the reader may type: backslashes and every
// hyphen, which roff would otherwise set as a typographic hyphen that does
// not paste as '-'.
func roffLiteral(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\e`)
		case '-':
			b.WriteString(`\-`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// roffText escapes prose: backslashes, and the hyphens of words that start
// with one (option names such as --client, --long-opt or -h), but not those
// inside ordinary words (third-party).
func roffText(s string) string {
	var b strings.Builder
	option := false
	prev := ' '
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			option = false
		case r == '-' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev):
			option = true
		}
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-' && option:
			b.WriteString(`\-`)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// roffQuote quotes a macro argument such as the .TH title, whose hyphens
// stay as they are; roff has no escape for '"' inside a quoted argument
// other than doubling it.
func roffQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\e`, `"`, `""`).Replace(s) + `"`
}
