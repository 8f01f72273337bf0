package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/docgen"
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
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Severity flows.Severity `json:"severity"`
	Profile  flows.Profile  `json:"profile"`
	Scope    flows.Scope    `json:"scope"`
	// ScopeIn: a format's scopes where they differ from scope.
	ScopeIn     map[flows.Format][]flows.Scope `json:"scope_in,omitempty"`
	Rationale   string                         `json:"rationale"`
	Remediation string                         `json:"remediation"`
	Refs        []string                       `json:"refs"`
	Formats     []flows.Format                 `json:"formats"`
	Examples    []ruleExampleJSON              `json:"examples,omitempty"`
}

func toRuleJSON(r flows.Rule, examples bool) ruleJSON {
	out := ruleJSON{ID: r.ID, Title: r.Title, Severity: r.Severity, Profile: r.Profile, Scope: r.Scope, ScopeIn: r.ScopeIn, Rationale: r.Rationale,
		Remediation: r.Remediation, Refs: flows.RefStrings(r.Refs), Formats: r.Formats}
	if examples {
		for _, e := range r.Examples() {
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
		// The docs' rule page, without the generated-file marker.
		page := bytes.TrimPrefix(docgen.RulePage(r), []byte(docgen.MarkdownHeader))
		_, err := w.Write(bytes.TrimLeft(page, "\n"))
		return err
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
			fmt.Fprintf(w, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.Profile, r.Title)
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
		rows = append(rows, []cell{plain(r.ID), sev, plain(string(r.Profile)), plain(r.Title)})
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
	if r.Profile != flows.ProfileStandard {
		fmt.Fprintf(w, " (only with --profile %s)", r.Profile)
	}
	scope := string(r.Scope)
	for _, f := range r.Formats {
		if in, ok := r.ScopeIn[f]; ok {
			var ss []string
			for _, s := range in {
				ss = append(ss, string(s))
			}
			scope += fmt.Sprintf("; %s: %s", f, strings.Join(ss, ", "))
		}
	}
	fmt.Fprintf(w, "\nScope:    %s\nFormats:  %s\n\n", scope, joinFormats(r.Formats))
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
			where := e.Name
			if e.WantLine > 0 {
				where += fmt.Sprintf(", fires at line %d", e.WantLine)
			}
			fmt.Fprintf(w, "\n%s, %s (%s)\n", e.Format, kind, where)
			fmt.Fprint(w, indentLines(strings.TrimRight(e.Text, "\n"), "    "), "\n")
		}
	}
	return nil
}

func joinFormats(fs []flows.Format) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}
