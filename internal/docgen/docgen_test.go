package docgen

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/golden"
)

func situations(t *testing.T) []Situation {
	t.Helper()
	sits, err := Situations()
	if err != nil {
		t.Fatal(err)
	}
	return sits
}

// TestGoldenPages renders single pages from the real catalog.
func TestGoldenPages(t *testing.T) {
	sits := situations(t)
	flow, _ := flows.FlowByID(flows.DeviceCode)
	page, err := FlowPage(flow, sits, Config{})
	if err != nil {
		t.Fatal(err)
	}
	rule, _ := flows.RuleByID(flows.RuleImplicitGrant)
	format, _ := flows.FormatByID(flows.FormatGravitee)
	formatPage, err := FormatPage(format, Config{Scaffolds: &Scaffolds{Render: func(a advisor.Answers, f flows.Format) (string, bool, error) {
		return "scaffold " + string(f) + " for " + a[flows.FacetClient] + "\n", true, nil
	}}})
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{
		"format-gravitee.md":     formatPage,
		"flow-device-code.md":    page,
		"rule-implicit-grant.md": RulePage(rule),
		"decision-table.md":      DecisionTablePage(sits),
		"decision-standard.mmd":  []byte(Mermaid(sits, false)),
		"decision-high.mmd":      []byte(Mermaid(sits, true)),
		"agents.md":              agentsPage(t, sits),
	} {
		t.Run(name, func(t *testing.T) { golden.Check(t, filepath.Join("testdata", name), got) })
	}
}

func agentsPage(t *testing.T, sits []Situation) []byte {
	t.Helper()
	page, err := AgentsPageFor(sits, Config{Scaffolds: &Scaffolds{Render: func(a advisor.Answers, f flows.Format) (string, bool, error) {
		return "scaffold " + string(f) + " for " + a[flows.FacetClient] + "\n", true, nil
	}}})
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// The agents page shows every agent situation Decide knows, and every
// caveat an agent situation carries is explained on it.
func TestAgentsPageCoversTheAgent(t *testing.T) {
	sits := situations(t)
	page := string(agentsPage(t, sits))
	n := 0
	for _, s := range sits {
		if s.Client() != flows.ClientAgent {
			continue
		}
		n++
		if !strings.Contains(page, code(s.Flags())) {
			t.Errorf("agents page lacks the situation %s", s.Flags())
		}
		for _, c := range s.Decision.Caveats {
			if strings.HasPrefix(string(c.ID), "agent-") || c.ID == flows.CaveatNoTokenPassthrough {
				if !strings.Contains(page, "**"+string(c.ID)+"**") {
					t.Errorf("%s: caveat %s is not explained on the agents page", s.Flags(), c.ID)
				}
			}
		}
	}
	if n != 4 {
		t.Errorf("%d agent situations, want 4 (backend yes/no at both levels)", n)
	}
}

// TestSituationsCoverTheTable checks that every client, every follow-up
// answer and both security levels are documented.
func TestSituationsCoverTheTable(t *testing.T) {
	sits := situations(t)
	client, _ := flows.FacetByID(flows.FacetClient)
	seen := map[string]bool{}
	for _, s := range sits {
		seen[s.Client()+"/"+s.Answers[flows.FacetSecurity]] = true
		if len(s.Decision.Assumed) != 0 {
			t.Errorf("%s: answers assumed %v; the docs must give every answer", s.Flags(), s.Decision.Assumed)
		}
	}
	for _, c := range client.Values() {
		for _, sec := range []string{flows.SecurityStandard, flows.SecurityHigh} {
			if !seen[c+"/"+sec] {
				t.Errorf("no situation for --client %s --security %s", c, sec)
			}
		}
	}
	// spa has a backend question: both answers appear.
	var spa []string
	for _, s := range sits {
		if s.Client() == flows.ClientSPA && !s.High() {
			spa = append(spa, s.Flags())
		}
	}
	if strings.Join(spa, "|") != "--client spa --backend|--client spa --backend=false" {
		t.Errorf("spa situations = %q", spa)
	}
}

var (
	mermaidID     = `[a-z][a-z0-9_]*`
	mermaidQuoted = `"[^"]*"`
	reNode        = regexp.MustCompile(`^(` + mermaidID + `)(\{` + mermaidQuoted + `\}|\[` + mermaidQuoted + `\])$`)
	reEdge        = regexp.MustCompile(`^(` + mermaidID + `) -->\|` + mermaidQuoted + `\| (` + mermaidID + `)$`)
	reClass       = regexp.MustCompile(`^(classDef [a-z]+ [a-z0-9:#,]+|class [a-z0-9_,]+ [a-z]+)$`)
	mermaidWords  = map[string]bool{"end": true, "graph": true, "flowchart": true, "subgraph": true, "style": true, "class": true, "classdef": true, "click": true, "default": true}
)

// checkMermaid is a structural check of the flowcharts Mermaid renders on
// GitHub: one header, nodes declared once with quoted labels and valid IDs,
// every edge between declared nodes with a quoted label, every node used.
func checkMermaid(t *testing.T, chart string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(chart, "\n"), "\n")
	if lines[0] != "flowchart TD" {
		t.Fatalf("first line %q, want flowchart TD", lines[0])
	}
	nodes := map[string]bool{}
	used := map[string]bool{}
	edges := 0
	for _, l := range lines[1:] {
		l = strings.TrimSpace(l)
		if strings.ContainsAny(l, "\t") {
			t.Errorf("tab in %q", l)
		}
		switch {
		case reNode.MatchString(l):
			id := reNode.FindStringSubmatch(l)[1]
			if nodes[id] {
				t.Errorf("node %s declared twice", id)
			}
			if mermaidWords[id] {
				t.Errorf("node ID %s is a Mermaid keyword", id)
			}
			nodes[id] = true
		case reEdge.MatchString(l):
			m := reEdge.FindStringSubmatch(l)
			for _, id := range m[1:] {
				if !nodes[id] {
					t.Errorf("edge %q references undeclared node %s", l, id)
				}
				used[id] = true
			}
			edges++
		case reClass.MatchString(l):
		default:
			t.Errorf("line is neither a node, an edge nor a class: %q", l)
		}
		if inner := strings.Count(l, `"`); inner%2 != 0 {
			t.Errorf("unbalanced quotes in %q", l)
		}
	}
	for id := range nodes {
		if !used[id] {
			t.Errorf("node %s is not connected", id)
		}
	}
	if edges == 0 {
		t.Error("no edges")
	}
}

func TestMermaid(t *testing.T) {
	sits := situations(t)
	for _, high := range []bool{false, true} {
		chart := Mermaid(sits, high)
		checkMermaid(t, chart)
		// Every client answer is an edge out of the first question.
		client, _ := flows.FacetByID(flows.FacetClient)
		for _, o := range client.Options {
			if !strings.Contains(chart, `q_client -->|"`+mermaidLabelText(o.Label)+`"|`) {
				t.Errorf("high=%v: no edge for %q", high, o.Label)
			}
		}
	}
	// No situation ends at a deprecated flow (the password grant is
	// rejected even without redirects): nothing is styled as deprecated.
	for _, high := range []bool{false, true} {
		if strings.Contains(Mermaid(sits, high), "classDef deprecated") {
			t.Errorf("high=%v: a situation recommends a deprecated flow", high)
		}
	}
}

func mermaidLabelText(s string) string { return mermaidLabel(s) }

func TestMermaidEscaping(t *testing.T) {
	got := mermaidLabel(`say "hi" <b> & #1`, "next")
	want := `say #quot;hi#quot; #lt;b#gt; #amp; #35;1<br/>next`
	if got != want {
		t.Errorf("mermaidLabel = %q, want %q", got, want)
	}
	if got := nodeID("third-party:x"); got != "third_party_x" {
		t.Errorf("nodeID = %q", got)
	}
}

func fakeRoot() *cobra.Command {
	root := &cobra.Command{Use: "whichflow", Short: "root", Run: func(*cobra.Command, []string) {}}
	sub := &cobra.Command{Use: "advise", Short: "advise", Example: "  $ whichflow advise", Run: func(*cobra.Command, []string) {}}
	sub.Flags().String("client", "", "the client")
	root.AddCommand(sub, &cobra.Command{Use: "secret", Hidden: true, Run: func(*cobra.Command, []string) {}})
	return root
}

func TestGenerate(t *testing.T) {
	snippets := &Snippets{
		Langs:     []string{"curl", "go"},
		Providers: []string{flows.ProviderKeycloak},
		Render: func(flow flows.FlowID, lang, provider string) (string, bool, error) {
			if lang == "go" && flow != flows.ClientCredentials {
				return "", false, nil
			}
			return "# " + string(flow) + " " + lang + " " + provider + "\n", true, nil
		},
	}
	scaffolds := &Scaffolds{
		Formats: []flows.Format{flows.FormatRFC7591},
		Render: func(a advisor.Answers, f flows.Format) (string, bool, error) {
			return `{"kind": "` + a[flows.FacetClient] + `"}`, true, nil
		},
	}
	cfg := Config{Root: fakeRoot(), Man: true, Snippets: snippets, Scaffolds: scaffolds}
	files, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Generate(Config{Root: fakeRoot(), Man: true, Snippets: snippets, Scaffolds: scaffolds})
	byPath := map[string]string{}
	for i, f := range files {
		if i > 0 && files[i-1].Path >= f.Path {
			t.Errorf("not sorted: %s after %s", f.Path, files[i-1].Path)
		}
		if !Generated(f.Data) {
			t.Errorf("%s lacks the generated header", f.Path)
		}
		if bytes.Contains(f.Data, []byte("Auto generated")) || bytes.Contains(f.Data, []byte("1970")) {
			t.Errorf("%s carries a date or cobra's auto-generated tag", f.Path)
		}
		if i < len(again) && !bytes.Equal(f.Data, again[i].Data) {
			t.Errorf("%s differs between two runs", f.Path)
		}
		byPath[f.Path] = string(f.Data)
	}
	for _, p := range []string{"README.md", "decision-table.md", "seed-vs-standards.md", "flows/authorization-code.md",
		"rules/ropc.md", "cli/whichflow.md", "cli/whichflow_advise.md", "man/whichflow-advise.1"} {
		if _, ok := byPath[p]; !ok {
			t.Errorf("%s not generated", p)
		}
	}
	// Every peer check is on peers.md, covered ones linking their rule.
	for _, c := range flows.PeerChecks {
		row := "| `" + c.CheckID + "` |"
		if _, ok := flows.RuleByID(c.Rule); ok {
			row = "| `" + c.CheckID + "` | " + cell(c.Title) + " | [`" + c.Rule + "`](rules/" + c.Rule + ".md)"
		}
		if !strings.Contains(byPath["peers.md"], row) {
			t.Errorf("peers.md lacks %s %s (%q)", c.Peer, c.CheckID, row)
		}
	}
	for _, anchor := range []string{"## Suppressions\n", "### Reasons\n", "### Expiry\n"} {
		if !strings.Contains(byPath["lint.md"], anchor) {
			t.Errorf("lint.md lacks %q (flows.SuppressionDocs links to it)", anchor)
		}
	}
	for _, r := range flows.Rules() {
		if !strings.Contains(byPath["rules.md"], "\n## "+r.ID+"\n") {
			t.Errorf("rules.md has no section for %s (SARIF helpUri links to it)", r.ID)
		}
	}
	if _, ok := byPath["cli/whichflow_secret.md"]; ok {
		t.Error("hidden command documented")
	}
	if !strings.Contains(byPath["cli/whichflow_advise.md"], "(./whichflow.md)") {
		t.Errorf("CLI pages do not link relatively:\n%s", byPath["cli/whichflow_advise.md"])
	}
	if !strings.HasPrefix(byPath["man/whichflow-advise.1"], ManHeader) || !strings.Contains(byPath["man/whichflow-advise.1"], `.TH "WHICHFLOW-ADVISE" "1" "" "whichflow" "whichflow manual"`) {
		t.Errorf("man page header:\n%.300s", byPath["man/whichflow-advise.1"])
	}
	cc := byPath["flows/client-credentials.md"]
	for _, want := range []string{"## Snippets", "```sh\n# client-credentials curl \n```", "```go\n# client-credentials go \n```",
		"<summary>Keycloak (<code>--provider keycloak</code>)</summary>", "## Client registration", `{"kind": "machine"}`} {
		if !strings.Contains(cc, want) {
			t.Errorf("client-credentials page lacks %q", want)
		}
	}
	if strings.Contains(byPath["flows/implicit.md"], "## Snippets") {
		t.Error("a deprecated flow got snippets")
	}
	seed := byPath["seed-vs-standards.md"]
	for _, d := range flows.Disagreements() {
		if !strings.Contains(seed, `<a id="`+d.ID+`"></a>`) {
			t.Errorf("seed page lacks %s", d.ID)
		}
	}
	for _, c := range flows.Caveats() {
		if c.SeedDiffers != "" && !strings.Contains(seed, "| `"+string(c.ID)+"` |") {
			t.Errorf("seed page lacks caveat %s", c.ID)
		}
	}
}

// TestLinks checks that every relative link between generated pages points
// at a generated page.
func TestLinks(t *testing.T) {
	files, err := Generate(Config{Root: fakeRoot()})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range files {
		have[f.Path] = true
	}
	reLink := regexp.MustCompile(`\]\(([^)#]+\.md)(#[^)]*)?\)`)
	for _, f := range files {
		for _, m := range reLink.FindAllStringSubmatch(string(f.Data), -1) {
			if strings.Contains(m[1], "://") {
				continue
			}
			target := filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(f.Path), m[1])))
			if !have[target] {
				t.Errorf("%s links to %s, which is not generated", f.Path, m[1])
			}
		}
	}
}
