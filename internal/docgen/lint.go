package docgen

import (
	"slices"

	"github.com/whichflow/whichflow/flows"
)

// RulesIndex renders rules.md: one section per rule, so that
// rules.md#<rule-id> (the helpUri SARIF reports carry) lands on the rule,
// with a link to its full page.
func RulesIndex() []byte {
	p := newPage("Lint rules")
	p.f("The rules `whichflow lint` checks. Each rule's page has its rationale, references and a\n")
	p.f("bad and a good example per format; `whichflow rules RULE` prints the same in a terminal.\n")
	p.f("See also [how to suppress a finding](lint.md#suppressions).\n\n")
	for _, r := range flows.Rules() {
		p.f("## %s\n\n**%s** · %s · profile %s · [full page](rules/%s.md)\n\n%s\n\n", r.ID, r.Severity, cell(r.Title), r.Profile, r.ID, r.Remediation)
	}
	return p.bytes()
}

// LintPage renders lint.md: the formats lint reads, the rules, and how
// findings are suppressed (the page the suppression rules cite).
func LintPage(cfg Config) []byte {
	p := newPage("whichflow lint")
	p.f("`whichflow lint [PATH...]` reads client configurations in these formats and reports what the\n")
	p.f("[rules](rules.md) find.")
	if cfg.Root != nil {
		if c, _, err := cfg.Root.Find([]string{"lint"}); err == nil && c != cfg.Root {
			p.f(" See the [command reference](%s/%s.md) for flags and output formats.", CLIDir, basename(c, "_"))
		}
	}
	p.f("\n\n")
	var formats []flows.Format
	for _, r := range flows.Rules() {
		for _, f := range r.Formats {
			if !slices.Contains(formats, f) {
				formats = append(formats, f)
			}
		}
	}
	p.f("| Format | Rules that apply |\n|---|---|\n")
	for _, f := range formats {
		n := 0
		for _, r := range flows.Rules() {
			if r.AppliesTo(flows.Target{Format: f}) {
				n++
			}
		}
		p.f("| [%s](%s/%s.md) (%s) | %d |\n", formatTitle(f), FormatDir, f, code(string(f)), n)
	}
	p.f("\n## Suppressions\n\n")
	p.f("A finding can be suppressed where the format allows comments (YAML, HCL), with a comment inside\n")
	p.f("the client's block or on the line above the finding:\n\n")
	p.f("%s\n", fence("yaml", `# whichflow:ignore redirect-wildcard reason="preview environments" expires=2027-03-01`))
	p.f("or, for any format, in a `.whichflow.yaml`. Each linted path uses the nearest one from its directory up to\n")
	p.f("the repository root (the directory holding `.git`), so `cd keycloak && whichflow lint .` keeps the repository's\n")
	p.f("suppressions; `path:` is relative to the file's directory:\n\n")
	p.f("%s\n", fence("yaml", "ignore:\n  - rule: redirect-wildcard\n    client: preview-app\n    path: keycloak/realm.json\n    reason: preview environments\n    expires: 2027-03-01"))
	p.f("The file is checked strictly: an unknown key, an entry without `rule:`, or a misspelt top-level key is\n")
	p.f("exit 2 naming the file and line. `client:` and `path:` are globs with one dialect: `*` is any run of\n")
	p.f("characters but `/`, `**` any run, `?` one character; the rest is literal. To suppress every rule for a path,\n")
	p.f("write `rule: \"*\"` with a `reason:`; the summary names such entries.\n\n")
	p.f("Several rules can be listed, comma-separated. Suppressed findings still appear in SARIF output,\n")
	p.f("marked as suppressed.\n\n")
	p.f("### Reasons\n\nEvery suppression needs a `reason`. One without it still suppresses, but is itself reported\n")
	p.f("as [`%s`](rules/%s.md).\n\n", flows.RuleSuppressionNoReason, flows.RuleSuppressionNoReason)
	p.f("### Expiry\n\n`expires=YYYY-MM-DD` makes a suppression temporary: after that date it stops suppressing and is\n")
	p.f("reported as [`%s`](rules/%s.md).\n", flows.RuleSuppressionExpired, flows.RuleSuppressionExpired)
	return p.bytes()
}
