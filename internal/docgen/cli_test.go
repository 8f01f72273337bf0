package docgen_test

// These tests pin the command reference that internal/docgen renders itself
// to what github.com/spf13/cobra/doc renders for the same tree. cobra/doc
// (and go-md2man and blackfriday behind it) is imported only here, in a test
// file, so it is not linked into the whichflow binary.

import (
	"bytes"
	"errors"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/whichflow/whichflow/internal/cli"
	"github.com/whichflow/whichflow/internal/docgen"
	"github.com/whichflow/whichflow/internal/iostreams"
)

// realRoot is whichflow's own command tree, fresh each call: generating docs
// adds help commands and flags to the tree it is handed.
func realRoot() *cobra.Command {
	io, _, _, _ := iostreams.Test()
	return cli.NewCmdRoot(&cli.Factory{IOStreams: io, Version: "dev"})
}

// edgeRoot has what whichflow's tree does not (yet): persistent flags that
// subcommands inherit, a command group that does not run, hidden,
// deprecated and help-topic commands, a command without Long, flags with
// shorthands, optional values, back-quoted names, hidden and deprecated
// flags, and text with roff's special characters.
func edgeRoot() *cobra.Command {
	run := func(*cobra.Command, []string) {}
	root := &cobra.Command{Use: "tool", Short: "the tool", Long: "A tool.\n\n.starts with a dot\n'and a quote\nback\\slash -x --long-opt well-known", Run: run}
	root.PersistentFlags().StringP("config", "c", "~/.tool.yaml", "read `FILE` for settings")
	root.PersistentFlags().Bool("verbose", false, "say more")

	group := &cobra.Command{Use: "group", Short: "commands in a group"} // not runnable
	root.AddCommand(group)
	leaf := &cobra.Command{Use: "leaf [ARG...]", Short: "a leaf", Example: "  $ tool group leaf -x\n\n.dot\n  \\back", Run: run}
	leaf.Flags().StringSlice("tag", nil, "tags")
	leaf.Flags().Int("count", 3, "how many")
	leaf.Flags().String("mode", "", "`MODE` to use")
	leaf.Flags().Lookup("mode").NoOptDefVal = "auto"
	leaf.Flags().String("hidden-flag", "", "never shown")
	_ = leaf.Flags().MarkHidden("hidden-flag")
	leaf.Flags().String("old", "", "replaced")
	_ = leaf.Flags().MarkDeprecated("old", "use --mode")
	leaf.Flags().BoolP("exact", "x", false, "match exactly")
	group.AddCommand(leaf, &cobra.Command{Use: "other", Short: "another leaf", Long: "Indented:\n\n\tcode\n    more code\n", Run: run})
	root.AddCommand(
		&cobra.Command{Use: "secret", Short: "hidden", Hidden: true, Run: run},
		&cobra.Command{Use: "gone", Short: "deprecated", Deprecated: "use leaf", Run: run},
		&cobra.Command{Use: "topic", Short: "a help topic", Long: "Read me."},
		&cobra.Command{Use: "plain", Short: "no long, no flags of its own", Run: run},
	)
	return root
}

// cobraDocPages is what docgen.CLIPages rendered with cobra/doc before it
// rendered the pages itself: the same tree preparation, then
// doc.GenMarkdownCustom with the relative link handler.
func cobraDocPages(t *testing.T, root *cobra.Command) map[string][]byte {
	t.Helper()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var cmds []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		if c != root && (!c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand()) {
			return
		}
		cmds = append(cmds, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	pages := map[string][]byte{}
	link := func(name string) string { return "./" + name[strings.LastIndex(name, "/")+1:] }
	for _, c := range cmds {
		var b bytes.Buffer
		b.WriteString(docgen.MarkdownHeader + "\n")
		if err := doc.GenMarkdownCustom(c, &b, link); err != nil {
			t.Fatal(err)
		}
		pages[docgen.CLIDir+"/"+strings.ReplaceAll(c.CommandPath(), " ", "_")+".md"] = append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
	}
	return pages
}

func TestCLIPagesMatchCobraDoc(t *testing.T) {
	for _, tree := range []struct {
		name string
		root func() *cobra.Command
	}{{"whichflow", realRoot}, {"edge cases", edgeRoot}} {
		t.Run(tree.name, func(t *testing.T) {
			want := cobraDocPages(t, tree.root())
			got, err := docgen.CLIPages(tree.root())
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, f := range got {
				seen[f.Path] = true
				w, ok := want[f.Path]
				if !ok {
					t.Errorf("%s: cobra/doc renders no such page", f.Path)
					continue
				}
				if !bytes.Equal(f.Data, w) {
					t.Errorf("%s differs from cobra/doc's page:\n--- cobra/doc\n%s\n--- docgen\n%s", f.Path, w, f.Data)
				}
			}
			for p := range want {
				if !seen[p] {
					t.Errorf("%s: cobra/doc renders it, docgen does not", p)
				}
			}
			if len(got) < 3 {
				t.Fatalf("only %d pages", len(got))
			}
		})
	}
}

func manPages(t *testing.T) []docgen.File {
	t.Helper()
	var all []docgen.File
	for _, root := range []*cobra.Command{realRoot(), edgeRoot()} {
		files, err := docgen.ManPages(root)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, files...)
	}
	return all
}

// TestManPagesStructure checks the roff without groff: header, sections in
// order, every control line a request the pages use, no raw backslash or
// unescaped hyphen in option names.
func TestManPagesStructure(t *testing.T) {
	requests := map[string]bool{".TH": true, ".SH": true, ".PP": true, ".RS": true, ".RE": true, ".nf": true, ".fi": true, ".sp": true}
	sections := []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "OPTIONS INHERITED FROM PARENT COMMANDS", "EXAMPLE", "SEE ALSO"}
	byPath := map[string]string{}
	for _, f := range manPages(t) {
		page := string(f.Data)
		byPath[f.Path] = page
		if !strings.HasPrefix(page, docgen.ManHeader+".TH \"") || !strings.HasSuffix(page, "\n") {
			t.Errorf("%s: header or final newline:\n%.200s", f.Path, page)
		}
		if strings.Contains(page, "1970") || strings.Contains(page, "Auto generated") {
			t.Errorf("%s carries a date or cobra's auto-generated tag", f.Path)
		}
		last := -1
		inNoFill := false
		for i, line := range strings.Split(strings.TrimSuffix(page, "\n"), "\n")[1:] {
			if line == "" {
				t.Errorf("%s:%d: empty line", f.Path, i+2)
			}
			if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
				req, arg, _ := strings.Cut(line, " ")
				if !requests[req] {
					t.Errorf("%s:%d: unexpected control line %q", f.Path, i+2, line)
				}
				switch req {
				case ".SH":
					n := indexOf(sections, arg)
					if n < 0 || n <= last {
						t.Errorf("%s: section %q unknown or out of order", f.Path, arg)
					}
					last = n
				case ".nf":
					inNoFill = true
				case ".fi":
					inNoFill = false
				}
				continue
			}
			if strings.HasPrefix(line, " ") && !inNoFill {
				t.Errorf("%s:%d: filled text line starts with a space: %q", f.Path, i+2, line)
			}
			for j := 0; j < len(line); j++ {
				if line[j] == '\\' {
					if j+1 == len(line) || !strings.ContainsRune(`-e&fP`, rune(line[j+1])) {
						t.Errorf("%s:%d: stray backslash in %q", f.Path, i+2, line)
					}
					j++
				}
			}
			if strings.Contains(line, `\fB--`) || strings.Contains(line, `\fB-`) {
				t.Errorf("%s:%d: unescaped hyphen in an option name: %q", f.Path, i+2, line)
			}
		}
		if inNoFill {
			t.Errorf("%s: .nf without .fi", f.Path)
		}
		if last < indexOf(sections, "DESCRIPTION") {
			t.Errorf("%s: lacks NAME, SYNOPSIS or DESCRIPTION", f.Path)
		}
	}
	for p, want := range map[string][]string{
		"man/whichflow-advise.1": {`.TH "WHICHFLOW-ADVISE" "1" "" "whichflow" "whichflow manual"`,
			"\n.SH NAME\nwhichflow\\-advise \\- Recommend", "\n.SH SYNOPSIS\n\\fBwhichflow advise [flags]\\fP\n",
			"\n.PP\n\\fB\\-h\\fP, \\fB\\-\\-help\\fP\n.RS\nhelp for advise\n.RE\n",
			"\n.PP\n\\fB\\-\\-answers\\fP \\fIFILE\\fP\n", `(default "text")`,
			"\n.SH EXAMPLE\n.PP\n.nf\n", "$ whichflow advise \\-\\-client spa \\-\\-format json\n", "\n.SH SEE ALSO\n\\fBwhichflow\\fP(1)\n"},
		"man/whichflow.1": {"\\fBwhichflow\\-advise\\fP(1),\n", "\\fBwhichflow\\-version\\fP(1)\n"},
		"man/tool-group-leaf.1": {".SH OPTIONS INHERITED FROM PARENT COMMANDS\n", "\\fB\\-c\\fP, \\fB\\-\\-config\\fP \\fIFILE\\fP\n.RS\nread FILE for settings (default \"~/.tool.yaml\")\n",
			"\\fB\\-\\-mode\\fP \\fIMODE\\fP[=auto]\n", "how many (default 3)\n", "\n\\&.dot\n", "\n  \\eback\n", "\n.sp\n"},
		"man/tool.1":             {"\n\\&.starts with a dot\n\\&'and a quote\nback\\eslash \\-x \\-\\-long\\-opt well-known\n"},
		"man/tool-group-other.1": {".PP\nIndented:\n.PP\n.nf\n", ".PP\n.nf\n        code\n    more code\n.fi\n"},
	} {
		page, ok := byPath[p]
		if !ok {
			t.Errorf("%s not generated", p)
			continue
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q:\n%s", p, w, page)
			}
		}
	}
	for _, p := range []string{"man/tool-secret.1", "man/tool-gone.1", "man/tool-topic.1", "man/tool-help.1"} {
		if _, ok := byPath[p]; ok {
			t.Errorf("%s generated for a hidden, deprecated or help command", p)
		}
	}
	if strings.Contains(byPath["man/tool-group-leaf.1"], "hidden-flag") || strings.Contains(byPath["man/tool-group-leaf.1"], "replaced") {
		t.Error("hidden or deprecated flag documented")
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// TestManPagesGroff formats every page with groff, all warnings on; any
// warning or error fails. It skips, saying so, only when groff is missing.
func TestManPagesGroff(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff not installed (apt-get install groff-base): man pages not checked with groff -ww; TestManPagesStructure still ran")
	}
	files := manPages(t)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for _, f := range files {
		cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
		cmd.Stdin = bytes.NewReader(f.Data)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		if err != nil || stderr.Len() > 0 {
			t.Errorf("groff -man -ww %s: %v\n%s", f.Path, err, stderr.String())
		}
	}
}
