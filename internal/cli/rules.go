package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/iostreams"
)

// RulesOptions are the inputs of `whichflow rules`.
type RulesOptions struct {
	IO     *iostreams.IOStreams
	Rule   string
	Format string
}

// NewCmdRules builds `whichflow rules [RULE]`.
func NewCmdRules(f *Factory, runF func(*RulesOptions) error) *cobra.Command {
	opts := &RulesOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the lint rules, or explain one",
		Long: heredoc.Doc(`
			Without an argument, list the lint rules with their severity and title.
			With a rule ID, explain it: why it matters, how to fix it, the standards
			behind it, and a bad and a good example in every format it applies to.
		`),
		Example: heredoc.Doc(`
			$ whichflow rules
			$ whichflow rules implicit-grant
			$ whichflow rules --format json | jq -r '.rules[] | select(.severity=="error") | .id'
		`),
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return flows.RuleIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Rule = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return rulesRun(opts)
		},
	}
	enumFlag(cmd, &opts.Format, "format", "text", []string{"text", "json", "markdown"}, "output format")
	return cmd
}

type ruleExampleJSON struct {
	Format flows.Format `json:"format"`
	Good   bool         `json:"good"`
	Name   string       `json:"name"`
	Text   string       `json:"text"`
}

// rulesJSON is `rules --format json`: {"schema_version": 1, "rules": [...]}.
type rulesJSON struct {
	SchemaVersion int        `json:"schema_version"`
	Rules         []ruleJSON `json:"rules"`
}

type ruleJSON struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Severity    flows.Severity    `json:"severity"`
	Profile     string            `json:"profile"`
	Rationale   string            `json:"rationale"`
	Remediation string            `json:"remediation"`
	Refs        []string          `json:"refs"`
	Formats     []flows.Format    `json:"formats"`
	Examples    []ruleExampleJSON `json:"examples,omitempty"`
}

func ruleProfile(r flows.Rule) string {
	if r.High {
		return "high"
	}
	return "standard"
}

func toRuleJSON(r flows.Rule, examples bool) ruleJSON {
	out := ruleJSON{ID: r.ID, Title: r.Title, Severity: r.Severity, Profile: ruleProfile(r), Rationale: r.Rationale,
		Remediation: r.Remediation, Refs: flows.RefStrings(r.Refs), Formats: r.Formats}
	if examples {
		for _, e := range r.Examples {
			out.Examples = append(out.Examples, ruleExampleJSON{Format: e.Format, Good: e.Good, Name: e.Name, Text: e.Text})
		}
	}
	return out
}

func rulesRun(opts *RulesOptions) error {
	w := opts.IO.Out
	if opts.Rule == "" {
		return listRules(w, opts.Format, opts.IO.ColorEnabled())
	}
	r, ok := flows.RuleByID(opts.Rule)
	if !ok {
		return FlagErrorf("unknown rule %q%s; rules: %s", opts.Rule, didYouMean(opts.Rule, flows.RuleIDs()), strings.Join(flows.RuleIDs(), ", "))
	}
	switch opts.Format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(toRuleJSON(r, true))
	case "markdown":
		return WriteRuleMarkdown(w, r, "#")
	}
	return writeRuleText(w, r)
}

func listRules(w io.Writer, format string, color bool) error {
	rules := flows.Rules()
	switch format {
	case "json":
		out := rulesJSON{SchemaVersion: schemaVersion, Rules: make([]ruleJSON, len(rules))}
		for i, r := range rules {
			out.Rules[i] = toRuleJSON(r, false)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "markdown":
		fmt.Fprintln(w, "| Rule | Severity | Profile | Title |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, r := range rules {
			fmt.Fprintf(w, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, ruleProfile(r), r.Title)
		}
		return nil
	}
	s := newStyles(color)
	rows := [][]cell{{plain("RULE"), plain("SEVERITY"), plain("PROFILE"), plain("TITLE")}}
	for _, r := range rules {
		sev := plain(string(r.Severity))
		if r.Severity == flows.SeverityError {
			sev.style = s.bad
		}
		rows = append(rows, []cell{plain(r.ID), sev, plain(ruleProfile(r)), plain(r.Title)})
	}
	return writeTable(w, rows)
}

// examplesByFormat groups a rule's examples by format, in the rule's
// format order, bad before good.
func examplesByFormat(r flows.Rule) [][]flows.Example {
	var out [][]flows.Example
	for _, f := range r.Formats {
		good, bad := r.ExamplesFor(f)
		if len(good)+len(bad) == 0 {
			continue
		}
		out = append(out, append(append([]flows.Example{}, bad...), good...))
	}
	return out
}

func writeRuleText(w io.Writer, r flows.Rule) error {
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "Severity: %s", r.Severity)
	if r.High {
		fmt.Fprint(w, " (only with --profile high)")
	}
	fmt.Fprintf(w, "\nFormats:  %s\n\n", joinFormats(r.Formats))
	fmt.Fprintf(w, "Why\n%s\n\n", wrap(r.Rationale, 2, 78))
	fmt.Fprintf(w, "Fix\n%s\n\n", wrap(r.Remediation, 2, 78))
	fmt.Fprintln(w, "References")
	for _, ref := range r.Refs {
		fmt.Fprintf(w, "  %s  %s\n", ref.String(), ref.URL())
	}
	for _, group := range examplesByFormat(r) {
		for _, e := range group {
			kind := "bad"
			if e.Good {
				kind = "good"
			}
			fmt.Fprintf(w, "\n%s, %s (%s)\n", e.Format, kind, e.Name)
			fmt.Fprint(w, indentLines(strings.TrimRight(e.Text, "\n"), "    "), "\n")
		}
	}
	return nil
}

// WriteRuleMarkdown renders one rule as a Markdown section whose heading
// has the given level ("#", "##"), for `rules RULE --format markdown` and
// the generated docs.
func WriteRuleMarkdown(w io.Writer, r flows.Rule, level string) error {
	fmt.Fprintf(w, "%s `%s`: %s\n\n", level, r.ID, r.Title)
	fmt.Fprintf(w, "**Severity:** %s", r.Severity)
	if r.High {
		fmt.Fprint(w, " (only with `--profile high`)")
	}
	fmt.Fprintf(w, "  \n**Formats:** %s\n\n", joinFormats(r.Formats))
	fmt.Fprintf(w, "%s\n\n**Fix:** %s\n\n**References:**\n\n", r.Rationale, r.Remediation)
	for _, ref := range r.Refs {
		fmt.Fprintf(w, "- [%s](%s)\n", ref.String(), ref.URL())
	}
	for _, group := range examplesByFormat(r) {
		fmt.Fprintf(w, "\n%s# %s\n", level, group[0].Format)
		for _, e := range group {
			kind := "Bad"
			if e.Good {
				kind = "Good"
			}
			fmt.Fprintf(w, "\n%s (`%s`):\n\n```%s\n%s\n```\n", kind, e.Name, fence(e.Name), strings.TrimRight(e.Text, "\n"))
		}
	}
	return nil
}

func fence(name string) string {
	switch {
	case strings.HasSuffix(name, ".json"):
		return "json"
	case strings.HasSuffix(name, ".tf"):
		return "hcl"
	case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"):
		return "yaml"
	}
	return ""
}

func joinFormats(fs []flows.Format) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}
