// Package docgen generates whichflow's Markdown documentation (and man pages)
// from the catalog (package flows), from advisor.Decide run over every client
// situation, and from the cobra command tree it is handed. It never imports
// internal/cli: the command passes its root command in, and snippet and
// scaffold rendering arrive as function values, so the pages show exactly
// what those commands print.
package docgen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// Snippets renders starter requests the way `whichflow snippet` does.
type Snippets struct {
	// Langs are the --lang values, in the order the flow pages show them.
	Langs []string
	// Providers get their own (collapsed) curl snippet on each flow page,
	// besides the generic one.
	Providers []string
	// Render returns the snippet for a flow, language and provider ("" for
	// none) as `snippet --format text` prints it. ok is false when the
	// combination has no snippet; the page then leaves it out.
	Render func(flow flows.FlowID, lang, provider string) (text string, ok bool, err error)
}

// Scaffolds renders client registrations the way `whichflow scaffold` does.
type Scaffolds struct {
	// Formats are the --as values, in the order the flow pages show them.
	Formats []flows.Format
	// Render returns the registration for a situation in a format. ok is
	// false when the format cannot express the recommendation.
	Render func(answers advisor.Answers, format flows.Format) (text string, ok bool, err error)
	// Notes returns what scaffold prints on stderr with that registration
	// (nil: the pages leave notes out).
	Notes func(answers advisor.Answers, format flows.Format) []string
}

// Config is what Generate documents.
type Config struct {
	// Root is whichflow's command tree, for docs/cli (and man pages); nil
	// leaves the CLI reference out.
	Root *cobra.Command
	// Man adds man pages under man/.
	Man bool
	// Snippets and Scaffolds add those sections to the flow pages; nil
	// leaves them out.
	Snippets  *Snippets
	Scaffolds *Scaffolds
}

// Scope is the set of existing files this configuration manages.
func (c Config) Scope() Scope { return Scope{Man: c.Man} }

// Generate renders every page, sorted by path. Output depends only on the
// catalog, the command tree and the renderers: no dates, no map order.
func Generate(cfg Config) ([]File, error) {
	sits, err := Situations()
	if err != nil {
		return nil, err
	}
	var files []File
	add := func(p string, body []byte) { files = append(files, File{Path: p, Data: body}) }

	add("README.md", Index(cfg))
	for _, f := range flows.Flows() {
		page, err := FlowPage(f, sits, cfg)
		if err != nil {
			return nil, err
		}
		add("flows/"+string(f.ID)+".md", page)
	}
	for _, r := range flows.Rules() {
		add("rules/"+r.ID+".md", RulePage(r))
	}
	add("rules.md", RulesIndex())
	for _, fi := range flows.Formats() {
		page, err := FormatPage(fi, cfg)
		if err != nil {
			return nil, err
		}
		add(FormatDir+"/"+string(fi.Format)+".md", page)
	}
	add("lint.md", LintPage(cfg))
	add("decision-table.md", DecisionTablePage(sits))
	agents, err := AgentsPageFor(sits, cfg)
	if err != nil {
		return nil, err
	}
	add(AgentsPage, agents)
	seed, err := SeedPage()
	if err != nil {
		return nil, err
	}
	add("seed-vs-standards.md", seed)
	add("peers.md", PeersPage())
	if cfg.Root != nil {
		cli, err := CLIPages(cfg.Root)
		if err != nil {
			return nil, err
		}
		files = append(files, cli...)
		if cfg.Man {
			man, err := ManPages(cfg.Root)
			if err != nil {
				return nil, err
			}
			files = append(files, man...)
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// page is a Markdown page under construction; it starts with the header.
type page struct{ bytes.Buffer }

func newPage(title string) *page {
	p := &page{}
	p.WriteString(MarkdownHeader)
	p.WriteString("\n# " + title + "\n\n")
	return p
}

func (p *page) f(format string, args ...any) { fmt.Fprintf(&p.Buffer, format, args...) }

// bytes returns the page with exactly one trailing newline.
func (p *page) bytes() []byte {
	return append(bytes.TrimRight(p.Buffer.Bytes(), "\n"), '\n')
}

// cell makes text safe for a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// code renders s as inline code, choosing a fence that s does not contain.
func code(s string) string {
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

// fence renders text as a fenced code block with a fence longer than any
// backtick run inside it.
func fence(lang, text string) string {
	f := "```"
	for strings.Contains(text, f) {
		f += "`"
	}
	return f + lang + "\n" + strings.TrimRight(text, "\n") + "\n" + f + "\n"
}

// refLinks renders citations as Markdown links: [RFC 9700 §2.1.2](url).
func refLinks(refs []flows.Ref) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = refLink(r)
	}
	return strings.Join(out, ", ")
}

func refLink(r flows.Ref) string {
	if r.URL() == "" {
		return r.String()
	}
	return "[" + r.String() + "](" + r.URL() + ")"
}

func docLink(d flows.Doc) string { return "[" + d.Name + "](" + d.URL + ")" }

// flowLink links to a flow page from a page in dir ("" for the top level,
// "flows" for a flow page).
func flowLink(id flows.FlowID, from string) string {
	f, ok := flows.FlowByID(id)
	name := string(id)
	if ok {
		name = f.Name
	}
	target := "flows/" + string(id) + ".md"
	switch from {
	case "":
	case "flows":
		target = string(id) + ".md"
	default:
		target = "../" + target
	}
	return "[" + name + "](" + target + ")"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func extList(exts []string) string {
	if len(exts) == 0 {
		return "—"
	}
	out := make([]string, len(exts))
	for i, e := range exts {
		out[i] = code(e)
	}
	return strings.Join(out, ", ")
}

func formatTitle(f flows.Format) string {
	if fi, ok := flows.FormatByID(f); ok {
		return fi.Name
	}
	return string(f)
}

// fenceLang picks the code fence language for a file name, a format (the
// format table's) or a snippet lang.
func fenceLang(name string) string {
	if si, ok := flows.SyntaxOfFile(name); ok {
		return si.Fence
	}
	if fi, ok := flows.FormatByID(flows.Format(name)); ok {
		return fi.Syntax().Fence
	}
	switch name {
	case "curl", "httpie", "sh":
		return "sh"
	case "go":
		return "go"
	case "js":
		return "js"
	case "python":
		return "python"
	}
	return ""
}
