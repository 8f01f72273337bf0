package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// adviceMarkdown renders a decision for a design document.
func adviceMarkdown(d advisor.Decision) string {
	var b strings.Builder
	r := d.Recommendation
	fmt.Fprintf(&b, "## Recommended flow: %s\n\n", r.Name)
	fmt.Fprintf(&b, "%s\n\n", r.Summary)
	b.WriteString("| | |\n|---|---|\n")
	row := func(k, v string) { fmt.Fprintf(&b, "| %s | %s |\n", k, v) }
	row("Grant type", "`"+r.GrantType+"`")
	row("Status", string(r.Status))
	row("Client type", r.ClientType)
	row("PKCE", map[bool]string{true: "required (S256)", false: "n/a"}[r.PKCE])
	row("Client authentication", "`"+r.ClientAuthentication+"`")
	if len(r.Extensions) > 0 {
		row("Extensions", "`"+strings.Join(r.Extensions, "`, `")+"`")
	}
	var answers []string
	for _, f := range flows.Facets() {
		if v, ok := d.Answers[f.ID]; ok {
			a := fmt.Sprintf("%s=%v", f.ID, v)
			for _, x := range d.Assumed {
				if x == f.ID {
					a += " (assumed)"
				}
			}
			answers = append(answers, a)
		}
	}
	row("Answers", strings.Join(answers, ", "))

	if len(d.Caveats) > 0 {
		b.WriteString("\n### Caveats\n\n")
		for _, c := range d.Caveats {
			fmt.Fprintf(&b, "- **%s** (%s): %s _%s_\n", c.Severity, c.ID, c.Text, flows.JoinRefs(c.Refs))
			if c.SeedDiffers != "" {
				fmt.Fprintf(&b, "  - Where guides differ: %s\n", c.SeedDiffers)
			}
		}
	}
	if len(d.Rejected) > 0 {
		b.WriteString("\n### Rejected\n\n")
		for _, x := range d.Rejected {
			fmt.Fprintf(&b, "- `%s` (`%s`): %s _%s_\n", x.Flow, x.GrantType, x.Reason, flows.JoinRefs(x.Refs))
		}
	}
	if len(d.Alternatives) > 0 {
		b.WriteString("\n### Alternatives\n\n")
		for _, a := range d.Alternatives {
			name := string(a.Flow)
			if len(a.Extensions) > 0 {
				name += " + " + strings.Join(a.Extensions, ", ")
			}
			fmt.Fprintf(&b, "- `%s` when %s\n", name, a.When)
		}
	}
	b.WriteString("\n### Client registration (RFC 7591)\n\n```json\n")
	reg, _ := json.MarshalIndent(d.Registration, "", "  ")
	b.Write(reg)
	b.WriteString("\n```\n\n### Next\n\n```sh\n")
	for _, n := range d.Next {
		b.WriteString(n + "\n")
	}
	b.WriteString("```\n")
	return b.String()
}
