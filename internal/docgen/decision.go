package docgen

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// DecisionTablePage renders decision-table.md: the flowcharts and the table
// of every situation, both from advisor.Decide.
func DecisionTablePage(sits []Situation) []byte {
	p := newPage("Decision table")
	p.f("What `whichflow advise` recommends for every client situation: each row below is\n")
	p.f("`advisor.Decide` run on the answers shown, so the table is the tool's behaviour, not a\n")
	p.f("description of it. Answers that are not given take the [defaults](#defaults).\n\n")

	p.f("## Flowchart\n\n")
	p.f("```mermaid\n%s```\n\n", Mermaid(sits, false))
	p.f("### With `--security high`\n\n")
	p.f("```mermaid\n%s```\n\n", Mermaid(sits, true))

	for _, high := range []bool{false, true} {
		if high {
			p.f("## With `--security high`\n\n")
			highSecuritySummary(p)
		} else {
			p.f("## Standard security\n\n")
		}
		p.f("| Situation | `advise` flags | Flow | Grant type | Client | PKCE | Client auth | Extensions | Rejected |\n")
		p.f("|---|---|---|---|---|---|---|---|---|\n")
		for _, s := range sits {
			if s.High() != high {
				continue
			}
			r := s.Decision.Recommendation
			var rejected []string
			for _, x := range s.Decision.Rejected {
				if l := flowLink(x.Flow, ""); !contains(rejected, l) {
					rejected = append(rejected, l)
				}
			}
			rej := "—"
			if len(rejected) > 0 {
				rej = strings.Join(rejected, ", ")
			}
			p.f("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", cell(s.Label()), code(s.Flags()), flowLink(r.Flow, ""),
				code(r.GrantType), r.ClientType, yesNo(r.PKCE), code(r.ClientAuthentication), extList(r.Extensions), rej)
		}
		p.f("\n")
	}

	p.f("## Defaults\n\nWhen nobody can be asked, unanswered questions take these values, and `advise` lists them as assumed:\n\n")
	p.f("| Flag | Question | Asked for | Default |\n|---|---|---|---|\n")
	for _, f := range flows.Facets() {
		if f.ID == flows.FacetClient || f.ID == flows.FacetProvider {
			continue
		}
		asked := "every client"
		switch {
		case len(f.AskWhenClient) > 0:
			asked = strings.Join(f.AskWhenClient, ", ")
		case f.AskWhenRedirect:
			asked = "flows through the authorization endpoint"
		}
		p.f("| %s | %s | %s | %s |\n", code("--"+f.ID), cell(f.Question), asked, code(f.Default))
	}
	p.f("\n## Answers that add caveats\n\nThese answers change no row of the table; they add what the client must also do:\n\n")
	p.f("| Answer | Caveat | What it says | References |\n|---|---|---|---|\n")
	for _, f := range flows.Facets() {
		for _, o := range f.Options {
			for _, id := range o.Caveats {
				c, _ := flows.CaveatByID(id)
				flag := advisor.Flags(advisor.Answers{f.ID: o.Value})
				p.f("| %s | %s | %s | %s |\n", code(strings.Join(flag, " ")), code(string(c.ID)), cell(c.Text), cell(refLinks(c.Refs)))
			}
		}
	}
	p.f("\n## Provider gaps\n\nWith `--provider`, the advice says what the server cannot do:\n\n| Provider | Missing | What to do instead |\n|---|---|---|\n")
	for _, pr := range flows.Providers() {
		for _, g := range pr.Gaps {
			what := code(g.Extension)
			if g.Flow != "" {
				what = flowLink(g.Flow, "")
			}
			p.f("| %s | %s | %s |\n", pr.Name, what, cell(g.Text))
		}
	}
	p.f("\n## Provider behaviour\n\nWith `--provider`, the advice also says (caveat `%s`) what the server does differently where it does support the flow:\n\n| Provider | When the advice uses | What it says |\n|---|---|---|\n", flows.CaveatProviderBehaviour)
	for _, pr := range flows.Providers() {
		for _, g := range pr.Notes {
			what := code(g.Extension)
			if g.Flow != "" {
				what = flowLink(g.Flow, "")
			}
			p.f("| %s | %s | %s (%s) |\n", pr.Name, what, cell(g.Text), cell(refLinks(g.Refs())))
		}
	}
	return p.bytes()
}

// highSecuritySummary renders flows.HighSecurity, the FAPI 2.0 overlay, as
// the data it is: what it does per kind of grant and client, and which
// caveats it adds and drops.
func highSecuritySummary(p *page) {
	o := flows.HighSecurity
	p.f("The FAPI 2.0 overlay is applied per grant. The password grant is never recommended at either level.\n\n")
	p.f("| Applies to | Client auth | Extensions | Adds | Drops |\n|---|---|---|---|---|\n")
	row := func(what string, a flows.Adjustment) {
		auth := "—"
		if a.AuthMethod != "" {
			auth = code(a.AuthMethod)
		}
		exts := extList(a.Extensions)
		if len(a.DropExtensions) > 0 {
			dropped := "without " + extList(a.DropExtensions)
			if len(a.Extensions) == 0 {
				exts = dropped
			} else {
				exts += "; " + dropped
			}
		}
		p.f("| %s | %s | %s | %s | %s |\n", what, auth, exts, caveatList(a.Add), caveatList(a.Drop))
	}
	row("Flows through the authorization endpoint (FAPI 2.0 §5.3.2.2)", o.AuthorizationEndpoint)
	row("Grants without one: client credentials, device, CIBA, JWT bearer, token exchange (FAPI 2.0 §5.3.2.1)", o.Backchannel)
	for _, id := range sortedFlows(o.Flows) {
		row(flowLink(id, "")+" in addition", o.Flows[id])
	}
	for _, c := range slices.Sorted(maps.Keys(o.Clients)) {
		row(code("--client "+c)+" in addition", o.Clients[c])
	}
	row("A public client that is not a browser app: confidential by per-instance registration", o.PerInstance)
	row("A private-use redirect URI: replaced by "+code(o.NativeRedirect), o.NativeRedirectNote)
	for _, r := range o.Replacements {
		row(flowLink(r.From, "")+" → "+flowLink(r.To, ""), r.Adjustment)
	}
	p.f("\n")
	for _, r := range o.Reroutes {
		c, _ := flows.CaveatByID(r.Caveat)
		flag := strings.Join(advisor.Flags(advisor.Answers{r.Facet: r.Value}), " ")
		p.f("At this level `--client %s` is always answered %s, and the question is not asked: %s (%s)\n\n", r.Client, code(flag), c.Text, refLinks(c.Refs))
	}
	for _, id := range []flows.CaveatID{flows.CaveatFAPIAuthorizationEndpoint, flows.CaveatFAPIBackchannel, flows.CaveatFAPIPerInstance, flows.CaveatFAPIDeviceToCIBA} {
		c, _ := flows.CaveatByID(id)
		p.f("- %s: %s (%s)\n", code(string(c.ID)), c.Text, refLinks(c.Refs))
	}
	p.f("\n")
}

func caveatList(ids []flows.CaveatID) string {
	if len(ids) == 0 {
		return "—"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = code(string(id))
	}
	return strings.Join(out, ", ")
}

func sortedFlows(m map[flows.FlowID]flows.Adjustment) []flows.FlowID {
	var out []flows.FlowID
	for id := range m {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Mermaid renders the decision tree as a Mermaid flowchart (without the
// code fence): one decision node per question, an edge per answer, one node
// per distinct recommendation. Everything comes from the facets and the
// situations; node IDs are [a-z0-9_], labels are quoted and escaped.
func Mermaid(sits []Situation, high bool) string {
	var nodes, edges []string
	declared := map[string]bool{}
	var deprecated []string
	declare := func(id, decl string) {
		if !declared[id] {
			declared[id] = true
			nodes = append(nodes, "    "+decl)
		}
	}
	find := func(a map[string]string) (Situation, bool) {
		for _, s := range sits {
			if s.High() != high {
				continue
			}
			match := true
			for k, v := range a {
				if s.Answers[k] != v {
					match = false
				}
			}
			if match && len(s.FollowUps)+1 == len(a) { // client and its follow-ups
				return s, true
			}
		}
		return Situation{}, false
	}
	edge := func(from, label, to string) {
		edges = append(edges, fmt.Sprintf("    %s -->|\"%s\"| %s", from, mermaidLabel(label), to))
	}
	// walk declares the node for the answers so far (a question while
	// follow-ups remain, else the recommendation), links it from its parent,
	// then descends.
	var walk func(prefix string, rest []flows.Facet, answers map[string]string, from, label string)
	walk = func(prefix string, rest []flows.Facet, answers map[string]string, from, label string) {
		if len(rest) == 0 {
			s, ok := find(answers)
			if !ok {
				return
			}
			r := s.Decision.Recommendation
			key := []string{string(r.Flow), r.ClientType, r.ClientAuthentication}
			key = append(key, r.Extensions...)
			if r.PKCE {
				key = append(key, "pkce")
			}
			id := "r_" + nodeID(strings.Join(key, "_"))
			lines := []string{r.Name}
			client := r.ClientType + " client"
			if r.PKCE {
				client += ", PKCE S256"
			}
			lines = append(lines, client, "auth: "+r.ClientAuthentication)
			if len(r.Extensions) > 0 {
				lines = append(lines, "+ "+strings.Join(r.Extensions, ", "))
			}
			if r.Status == flows.Deprecated && !declared[id] {
				deprecated = append(deprecated, id)
			}
			declare(id, id+"[\""+mermaidLabel(lines...)+"\"]")
			edge(from, label, id)
			return
		}
		f := rest[0]
		id := prefix + "_" + nodeID(f.ID)
		declare(id, id+"{\""+mermaidLabel(f.Question)+"\"}")
		edge(from, label, id)
		for _, o := range f.Options {
			next := maps.Clone(answers)
			next[f.ID] = o.Value
			walk(id+"_"+nodeID(o.Value), rest[1:], next, id, o.Label)
		}
	}

	client, _ := flows.FacetByID(flows.FacetClient)
	root := "q_client"
	declare(root, root+"{\""+mermaidLabel(client.Question)+"\"}")
	for _, o := range client.Options {
		security := flows.SecurityStandard
		if high {
			security = flows.SecurityHigh
		}
		walk("q_"+nodeID(o.Value), followUps(o.Value, security), map[string]string{flows.FacetClient: o.Value}, root, o.Label)
	}

	var b strings.Builder
	b.WriteString("flowchart TD\n")
	for _, n := range nodes {
		b.WriteString(n + "\n")
	}
	for _, e := range edges {
		b.WriteString(e + "\n")
	}
	if len(deprecated) > 0 {
		b.WriteString("    classDef deprecated fill:#fde2e1,stroke:#b42318,color:#7a271a\n")
		b.WriteString("    class " + strings.Join(deprecated, ",") + " deprecated\n")
	}
	return b.String()
}

// nodeID turns s into a Mermaid node ID fragment: lower-case letters,
// digits and underscores only.
func nodeID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// mermaidLabel escapes text for a double-quoted Mermaid label with Mermaid's
// entity codes and joins lines with <br/>.
func mermaidLabel(lines ...string) string {
	esc := strings.NewReplacer("#", "#35;", "\"", "#quot;", "<", "#lt;", ">", "#gt;", "&", "#amp;", "`", "#96;", "\n", " ")
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = esc.Replace(l)
	}
	return strings.Join(out, "<br/>")
}
