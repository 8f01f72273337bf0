package flows

import "sync"

// Client situations: the values of --client and of `kind:` in whichflow.yaml.
const (
	ClientMachine    = "machine"
	ClientWeb        = "web"
	ClientSPA        = "spa"
	ClientNative     = "native"
	ClientCLI        = "cli"
	ClientDevice     = "device"
	ClientDecoupled  = "decoupled"
	ClientTrusted    = "trusted"
	ClientThirdParty = "third-party"
	ClientService    = "service"
	ClientAgent      = "agent"
)

// Facet IDs: each is a question, an `advise` flag and a key of --answers files.
const (
	FacetClient    = "client"
	FacetBackend   = "backend"
	FacetBrowser   = "browser"
	FacetRedirects = "redirects"
	FacetAssertion = "assertion"
	FacetSecurity  = "security"
	FacetServers   = "servers"
	FacetLogin     = "login"
	FacetProvider  = "provider"
)

// Values of the security and assertion facets.
const (
	SecurityStandard = "standard"
	SecurityHigh     = "high"
	AssertionJWT     = "jwt"
	AssertionToken   = "token"
	ServersOne       = "one"
	ServersMany      = "many"
)

// Option is one answer to a facet.
type Option struct {
	Value       string
	Label       string
	Description string
	// Caveats are what this answer adds to the advice, when the facet
	// matters for the situation.
	Caveats []CaveatID
}

// Facet is one question of the questionnaire.
type Facet struct {
	ID       string
	Question string
	// Help is the flag's usage text.
	Help string
	// Hint is the line shown under the question: the question's own
	// wording, written for the person answering it (Help is for flags).
	Hint    string
	Options []Option
	// Bool facets take true/false (the flag is a boolean flag).
	Bool bool
	// Default is taken, and reported as assumed, when the facet is not
	// answered and nobody can be asked. Empty means the answer is required.
	Default string
	// AskWhenClient limits the question to these client situations; empty
	// means it matters for every client.
	AskWhenClient []string
	// AskWhenRedirect limits the question to situations whose recommended
	// flow sends the user to the authorization endpoint. Such a facet only
	// adds caveats (its options'): no decision row may depend on it.
	AskWhenRedirect bool
	// PerClient words the question for one client situation where the
	// general wording would mislead (for an agent, "a backend" is a server
	// the agent runs on). The values stay the same; For applies it.
	PerClient map[string]Wording
}

// Wording is a facet's question, help and option texts for one client
// situation. Help keeps the "scope: text" form of flag help; OptionLabels
// and OptionDescriptions replace those of the options with the same value.
type Wording struct {
	Question, Help, Hint string
	OptionLabels         map[string]string
	OptionDescriptions   map[string]string
}

// For returns the facet as asked for client: its own wording, if it has
// one for that situation, else the facet unchanged.
func (f Facet) For(client string) Facet {
	w, ok := f.PerClient[client]
	if !ok {
		return f
	}
	f.Question, f.Help, f.Hint = w.Question, w.Help, w.Hint
	opts := make([]Option, len(f.Options))
	copy(opts, f.Options)
	for i, o := range opts {
		if l, ok := w.OptionLabels[o.Value]; ok {
			opts[i].Label = l
		}
		if d, ok := w.OptionDescriptions[o.Value]; ok {
			opts[i].Description = d
		}
	}
	f.Options = opts
	return f
}

var yesNo = []Option{{Value: "true", Label: "Yes"}, {Value: "false", Label: "No"}}

var facets = []Facet{
	{
		ID:       FacetClient,
		Question: "What kind of client is it?",
		Help:     "the client situation that decides the flow",
		Hint:     "Pick the closest situation: it decides the flow.",
		Options: []Option{
			{Value: ClientMachine, Label: "Machine to machine", Description: "no user: a batch job, daemon or service calling an API for itself"},
			{Value: ClientWeb, Label: "Server-side web app", Description: "HTML rendered by a server that can keep a secret (Java, .NET, PHP, Rails, Node)"},
			{Value: ClientSPA, Label: "Single-page app", Description: "JavaScript in the browser: React, Angular, Vue"},
			{Value: ClientNative, Label: "Native or mobile app", Description: "iOS, Android, desktop: installed on the user's device"},
			{Value: ClientCLI, Label: "Command-line tool", Description: "a CLI run by a developer or operator"},
			{Value: ClientDevice, Label: "Input-constrained device", Description: "TV, console, IoT: no browser or no keyboard"},
			{Value: ClientDecoupled, Label: "Decoupled approval", Description: "a call centre, POS or kiosk starts the login; the user approves on their phone"},
			{Value: ClientTrusted, Label: "Trusted first-party app", Description: "your own app that wants to own the login screen"},
			{Value: ClientThirdParty, Label: "Third-party partner", Description: "a partner presents credentials or tokens from its own issuer"},
			{Value: ClientService, Label: "Service acting for a user", Description: "an API calling another API on behalf of the signed-in user"},
			{Value: ClientAgent, Label: "AI agent or MCP client", Description: "an assistant, IDE or agent that connects, for a user, to MCP servers and APIs it discovers at run time"},
		},
	},
	{
		ID:            FacetBackend,
		Question:      "Can the app run a backend (a backend-for-frontend) that keeps the tokens?",
		Help:          "spa and agent: a server-side component holds the tokens and the client's credential",
		Hint:          "A small server of your own that keeps tokens out of the browser.",
		Options:       yesNo,
		Bool:          true,
		Default:       "false",
		AskWhenClient: []string{ClientSPA, ClientAgent},
		PerClient: map[string]Wording{
			ClientAgent: {
				Question:     "Does the agent run on a server it controls (a hosted agent) rather than on the user's machine?",
				Help:         "agent: a hosted agent keeps a private key on its server; one on the user's machine (desktop assistant, IDE, CLI) cannot",
				OptionLabels: map[string]string{"true": "Hosted on a server", "false": "On the user's machine"},
				OptionDescriptions: map[string]string{
					"true":  "a confidential client: private_key_jwt, its public key published with its metadata",
					"false": "a public client with a loopback redirect",
				},
			},
		},
	},
	{
		ID:            FacetBrowser,
		Question:      "Can the tool open a browser on the same machine?",
		Help:          "cli only: false for SSH sessions, containers and headless hosts",
		Hint:          "Answer No when it runs over SSH, in a container or on a headless host.",
		Options:       yesNo,
		Bool:          true,
		Default:       "true",
		AskWhenClient: []string{ClientCLI},
	},
	{
		ID:            FacetRedirects,
		Question:      "Can the app send the user to a browser and receive a redirect?",
		Help:          "trusted only: false when no browser redirect is possible at all",
		Hint:          "Answer No only when no browser redirect is possible at all.",
		Options:       yesNo,
		Bool:          true,
		Default:       "true",
		AskWhenClient: []string{ClientTrusted},
	},
	{
		ID:       FacetAssertion,
		Question: "What does the partner present?",
		Help:     "third-party only: a signed JWT assertion, or a token from its own issuer",
		Hint:     "What the partner sends you to prove who it is.",
		Options: []Option{
			{Value: AssertionJWT, Label: "A signed JWT", Description: "an assertion from an issuer you trust (RFC 7523)"},
			{Value: AssertionToken, Label: "A token from its own server", Description: "an access or ID token to exchange (RFC 8693)"},
		},
		Default:       AssertionJWT,
		AskWhenClient: []string{ClientThirdParty},
	},
	{
		ID:       FacetSecurity,
		Question: "What level of security does the API need?",
		Help:     "high: FAPI 2.0 style (PAR, private_key_jwt or mTLS, sender-constrained tokens)",
		Hint:     "High adds pushed requests, key-based client authentication and sender-constrained tokens.",
		Options: []Option{
			{Value: SecurityStandard, Label: "Standard", Description: "RFC 9700 best current practice"},
			{Value: SecurityHigh, Label: "High", Description: "FAPI 2.0 style: financial, health or other high-value data"},
		},
		Default: SecurityStandard,
	},
	{
		ID:       FacetServers,
		Question: "Does the client talk to more than one authorization server?",
		Help:     "many when the client gets codes or tokens from more than one issuer: adds the mix-up defence (the iss check)",
		Hint:     "Social logins or one server per tenant count as more than one.",
		Options: []Option{
			{Value: ServersOne, Label: "One", Description: "a single authorization server (one issuer)"},
			{Value: ServersMany, Label: "More than one", Description: "several issuers, for example social logins or one per tenant",
				Caveats: []CaveatID{CaveatMixUp}},
		},
		Default:         ServersOne,
		AskWhenRedirect: true,
	},
	{
		ID:       FacetLogin,
		Question: "Does the app sign users in with OpenID Connect (an ID token)?",
		Help:     "the app signs users in with OpenID Connect: adds the nonce and the ID token checks",
		Hint:     "Yes when it asks for the openid scope to know who signed in.",
		Options: []Option{
			{Value: "true", Label: "Yes", Description: "it asks for the openid scope and relies on the ID token to know who signed in",
				Caveats: []CaveatID{CaveatIDTokenValidation}},
			{Value: "false", Label: "No", Description: "it only needs access tokens for APIs"},
		},
		Bool:            true,
		Default:         "false",
		AskWhenRedirect: true,
	},
	{
		ID:       FacetProvider,
		Question: "Which authorization server?",
		Help:     "fills real endpoints into snippets and states what the server cannot do",
		Hint:     "Its real endpoints go into the starter request, and its gaps into the advice.",
		Default:  ProviderGeneric,
		// Options are the provider profiles; filled in by Facets().
	},
}

// Facets returns the questions in the order they are asked.
// The slice is shared: callers must not modify it.
func Facets() []Facet { return allFacets() }

var allFacets = sync.OnceValue(func() []Facet {
	out := make([]Facet, len(facets))
	copy(out, facets)
	for i := range out {
		if out[i].ID == FacetProvider {
			for _, p := range Providers() {
				out[i].Options = append(out[i].Options, Option{Value: p.ID, Label: p.Name, Description: p.Note})
			}
		}
	}
	return out
})

// FacetByID looks a facet up.
func FacetByID(id string) (Facet, bool) {
	for _, f := range Facets() {
		if f.ID == id {
			return f, true
		}
	}
	return Facet{}, false
}

// Values lists a facet's allowed values.
func (f Facet) Values() []string {
	out := make([]string, len(f.Options))
	for i, o := range f.Options {
		out[i] = o.Value
	}
	return out
}

// Allows reports whether v is one of the facet's values.
func (f Facet) Allows(v string) bool {
	for _, o := range f.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

// OptionLabel is the label of the option with value v, or v itself.
func (f Facet) OptionLabel(v string) string {
	if o, ok := f.OptionByValue(v); ok {
		return o.Label
	}
	return v
}

// OptionByValue looks one of the facet's answers up.
func (f Facet) OptionByValue(v string) (Option, bool) {
	for _, o := range f.Options {
		if o.Value == v {
			return o, true
		}
	}
	return Option{}, false
}

// MattersFor reports whether the question is relevant for a client
// situation (AskWhenRedirect facets further depend on the recommended flow).
func (f Facet) MattersFor(client string) bool {
	if len(f.AskWhenClient) == 0 {
		return true
	}
	for _, c := range f.AskWhenClient {
		if c == client {
			return true
		}
	}
	return false
}
