package docgen

import (
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// AgentsPage is the path of the page for AI agents and MCP clients.
const AgentsPage = "agents.md"

// agentSections are the page's sections: a heading, what it says before
// its caveats, and the caveats (their text and references, from the
// catalog).
var agentSections = []struct {
	heading, intro string
	caveats        []flows.CaveatID
}{
	{"Finding the authorization server", "The agent learns where to authorize only when it meets the resource:",
		[]flows.CaveatID{flows.CaveatAgentDiscovery, flows.CaveatAgentVerifyPKCE}},
	{"Registering with a server it has never met", "",
		[]flows.CaveatID{flows.CaveatAgentRegistration}},
	{"Tokens bound to one resource", "",
		[]flows.CaveatID{flows.CaveatAgentAudience, flows.CaveatNoTokenPassthrough}},
	{"On the user's machine, or hosted", "",
		[]flows.CaveatID{flows.CaveatAgentLoopback, flows.CaveatLoopbackIPLiteral, flows.CaveatAgentBackend}},
	{"With `--security high`", "The FAPI 2.0 overlay applies as to any flow through the authorization endpoint (PAR, private_key_jwt, DPoP, iss), and for an agent:",
		[]flows.CaveatID{flows.CaveatAgentHighSecurity, flows.CaveatFAPIPerInstance}},
}

// agentSequence is the discovery, registration and token sequence, in the
// order the caveats above give it.
const agentSequence = `sequenceDiagram
    participant A as Agent (MCP client)
    participant R as Resource (MCP server or API)
    participant S as Authorization server
    A->>R: request without a token
    R-->>A: 401, WWW-Authenticate: Bearer resource_metadata="…"
    A->>R: GET protected resource metadata (RFC 9728)
    R-->>A: resource (must equal the URL called), authorization_servers
    A->>S: GET authorization server metadata (RFC 8414, OpenID discovery)
    S-->>A: issuer (must equal the one named), endpoints, client_id_metadata_document_supported, registration_endpoint, S256
    alt client ID metadata document supported
        Note over A,S: client_id = https URL of the agent's metadata document; S fetches it
    else registration_endpoint
        A->>S: dynamic client registration (RFC 7591)
    else neither
        Note over A,S: a client registered in advance
    end
    A->>S: authorization request: PKCE S256, state, resource
    S-->>A: code (on the loopback listener or the hosted agent's redirect URI)
    A->>S: token request: code_verifier, resource
    S-->>A: access token with aud = the resource
    A->>R: request with the token (only to this resource)
`

// AgentsPageFor renders agents.md: what `advise --client agent` says, from
// advisor.Decide over the agent situations, the catalog's caveats for each
// step, and the commands that carry it out.
func AgentsPageFor(sits []Situation, cfg Config) ([]byte, error) {
	p := newPage("AI agents and MCP clients")
	p.f("An AI agent or Model Context Protocol (MCP) client connects, for a user, to MCP servers and APIs\n")
	p.f("it discovers at run time. It has never been registered with their authorization server, and a\n")
	p.f("token meant for one server must never reach another. The MCP authorization specification\n")
	p.f("(%s) builds this on OAuth 2.1: authorization code + PKCE, resource indicators (%s),\n",
		docLink(flows.MCPAuth), docLink(flows.RFC8707))
	p.f("protected resource metadata (%s) and client ID metadata documents (%s).\n", docLink(flows.RFC9728), docLink(flows.CIMD))
	p.f("Neither the seed guide nor the vendors' decision guides cover the situation ([seed vs standards](seed-vs-standards.md#agents)).\n\n")

	p.f("## What `whichflow advise --client agent` recommends\n\n")
	p.f("| Situation | `advise` flags | Client | Client auth | Extensions |\n|---|---|---|---|---|\n")
	for _, s := range sits {
		if s.Client() != flows.ClientAgent {
			continue
		}
		r := s.Decision.Recommendation
		p.f("| %s | %s | %s | %s | %s |\n", cell(s.Label()), code(s.Flags()), r.ClientType, code(r.ClientAuthentication), extList(r.Extensions))
	}
	p.f("\n")
	for _, s := range sits {
		if s.Client() == flows.ClientAgent && !s.High() {
			p.f("- %s: %s\n", cell(s.Label()), s.Decision.Recommendation.Summary)
		}
	}
	p.f("\n")
	for _, id := range []string{flows.ExtResourceIndicators, flows.ExtClientIDMetadataDocument} {
		e, _ := flows.ExtensionByID(id)
		p.f("- %s: %s (%s)\n", code(e.ID), e.Name, refLinks(e.Refs))
	}
	p.f("\n## The sequence\n\n```mermaid\n%s```\n\n", agentSequence)

	for _, sec := range agentSections {
		p.f("## %s\n\n", sec.heading)
		if sec.intro != "" {
			p.f("%s\n\n", sec.intro)
		}
		for _, id := range sec.caveats {
			c, _ := flows.CaveatByID(id)
			p.f("- **%s** (%s): %s (%s)\n", c.ID, c.Severity, c.Text, refLinks(c.Refs))
		}
		p.f("\n")
	}

	p.f("## Rejected\n\n")
	d, _ := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientAgent})
	for _, x := range d.Rejected {
		p.f("- %s: %s (%s)\n", flowLink(x.Flow, ""), x.Reason, refLinks(x.Refs))
	}
	p.f("\n## With whichflow\n\n")
	p.f("```sh\n%s\n```\n", strings.Join(agentCommands, "\n"))
	if cfg.Scaffolds != nil {
		text, ok, err := cfg.Scaffolds.Render(advisor.Answers{flows.FacetClient: flows.ClientAgent}, flows.FormatClientMetadata)
		if err != nil {
			return nil, err
		}
		if ok {
			p.f("\nThe client ID metadata document to publish at its client_id (`whichflow scaffold --as %s --client agent --client-id %s`; `whichflow lint` checks it):\n\n%s",
				flows.FormatClientMetadata, advisor.PlaceholderClientMetadataURL, fence("json", text))
		}
	}
	return p.bytes(), nil
}

// agentCommands show the agent situation end to end: advice checked
// against a real resource, the starter that discovers its server, the
// client ID metadata document to publish, and lint on it.
var agentCommands = []string{
	"# the advice, checked against the server the MCP server's metadata names",
	"whichflow advise --client agent --resource https://mcp.example.com/mcp",
	"",
	"# a starter that finds the server the same way and sends resource on both requests",
	"whichflow snippet --flow authorization-code --resource https://mcp.example.com/mcp \\",
	"  --client-id " + advisor.PlaceholderClientMetadataURL + " --redirect-uri http://127.0.0.1/callback --lang python",
}
