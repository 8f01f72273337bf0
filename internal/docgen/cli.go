package docgen

import (
	"bytes"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// CLIDir is the subdirectory for the command reference.
const CLIDir = "cli"

// prepareTree makes the command tree look as it does when whichflow runs
// (help and completion commands added) and turns off cobra's dated
// "Auto generated" footer everywhere.
func prepareTree(root *cobra.Command) []*cobra.Command {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var out []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		if c != root && (!c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand()) {
			return
		}
		out = append(out, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	sort.Slice(out, func(i, j int) bool { return out[i].CommandPath() < out[j].CommandPath() })
	return out
}

// basename is the page name cobra/doc's tree generators use for c.
func basename(c *cobra.Command, sep string) string {
	return strings.ReplaceAll(c.CommandPath(), " ", sep)
}

// cliLink is the link handler for cobra/doc: pages link to each other by
// relative name inside cli/, so the links work on GitHub and in a checkout.
func cliLink(name string) string { return "./" + path.Base(name) }

// CLIPages renders cli/<command path>.md for every available command, as
// cobra/doc's GenMarkdownTreeCustom would, with the generated header and
// relative links.
func CLIPages(root *cobra.Command) ([]File, error) {
	var files []File
	for _, c := range prepareTree(root) {
		var b bytes.Buffer
		b.WriteString(MarkdownHeader + "\n")
		if err := doc.GenMarkdownCustom(c, &b, cliLink); err != nil {
			return nil, err
		}
		data := append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
		files = append(files, File{Path: CLIDir + "/" + basename(c, "_") + ".md", Data: data})
	}
	return files, nil
}

// manEpoch fixes cobra/doc's man page date so output does not depend on the
// clock; the date is then removed from the .TH line.
var manEpoch = time.Unix(0, 0).UTC()

var thDate = regexp.MustCompile(`(?m)^(\.TH "[^"]*" "[^"]*" )"` + regexp.QuoteMeta(manEpoch.Format("Jan 2006")) + `"`)

// ManPages renders man/<command-path>.1 for every available command with
// cobra/doc's GenMan, without a date.
func ManPages(root *cobra.Command) ([]File, error) {
	var files []File
	for _, c := range prepareTree(root) {
		var b bytes.Buffer
		header := &doc.GenManHeader{
			Title:   strings.ToUpper(basename(c, "-")),
			Section: "1",
			Date:    &manEpoch,
			Source:  "whichflow",
			Manual:  "whichflow manual",
		}
		if err := doc.GenMan(c, header, &b); err != nil {
			return nil, err
		}
		data := thDate.ReplaceAll(b.Bytes(), []byte(`${1}""`))
		files = append(files, File{Path: ManDir + "/" + basename(c, "-") + ".1", Data: append([]byte(ManHeader), data...)})
	}
	return files, nil
}
