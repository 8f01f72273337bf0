package flows

import (
	"sync"
	"sync/atomic"
)

// Alternative is another flow that fits a variation of the situation.
type Alternative struct {
	Flow FlowID
	// Extensions distinguish an alternative shape of the same flow (bff).
	Extensions []string
	// When completes "use this instead when …".
	When string
}

// Rejection is a flow the situation tempts people to, and why not.
type Rejection struct {
	Flow   FlowID
	Reason string
	Refs   []Ref
}

// Row is one line of the decision table: when every condition holds, the
// recommendation is this.
type Row struct {
	// When maps facet IDs to the value they must have.
	When map[string]string

	Flow       FlowID
	ClientType string
	PKCE       bool
	AuthMethod string
	Extensions []string
	Summary    string
	// RedirectExample is the placeholder redirect URI for registrations.
	RedirectExample string

	Alternatives []Alternative
	Rejected     []Rejection
	Caveats      []CaveatID

	// HighSummary replaces Summary under --security high where the
	// overlay makes the standard summary untrue ("a public client").
	HighSummary string
	// HighAlternatives replace Alternatives under --security high, when set.
	HighAlternatives []Alternative
}

// The tempting flows and why not: shared by several rows. Every rejection
// cites what it relies on; the password grant's own references include the
// browser BCP, which these non-browser clients are not.
var (
	refsImplicit = []Ref{RFC9700.S("2.1.2"), OAuth21.S("10")}
	refsPassword = []Ref{RFC9700.S("2.4"), OAuth21.S("10")}

	rejectImplicit = Rejection{Implicit,
		"Implicit puts tokens in the URL fragment, where history, referrers and injected scripts can read them, and cannot bind them to the client.",
		refsImplicit}
	rejectImplicitBrowser = Rejection{Implicit,
		"Implicit puts tokens in the URL fragment, where history, referrers and injected scripts can read them, and cannot bind them to the client; browser apps MUST NOT use it.",
		append(append([]Ref{}, refsImplicit...), RFC10017.S("7.2"))}
	rejectPassword = Rejection{Password,
		"The password grant exposes the user's password to the app and rules out MFA, passkeys and SSO; it MUST NOT be used.",
		refsPassword}
	rejectDeviceWithBrowser = Rejection{DeviceCode,
		"The device grant is meant for devices without a usable browser; on the same machine it adds a cross-device phishing risk for nothing.",
		[]Ref{RFC8628.S("1"), RFC8252.S("7.3"), CrossDevice.S("6.2.1.5")}}
	rejectCCForUser = Rejection{ClientCredentials,
		"Client credentials acts as the service itself: the downstream API loses the user, so it can neither authorize per user nor audit who asked; token exchange keeps the user as the subject and the service as the actor.",
		[]Ref{RFC8693.S("1.1"), RFC8693.S("4.1")}}
	rejectPasswordPartner = Rejection{Password,
		"Partners must not collect your users' passwords; the password grant MUST NOT be used.", refsPassword}
	rejectCCForAgent = Rejection{ClientCredentials,
		"Client credentials (or an API key pasted into the agent) acts as the agent itself: the MCP server or API cannot tell which user asked, cannot limit the agent to what that user consented to, and cannot audit it; the agent acts for a user, so it gets the user's authorization.",
		[]Ref{RFC6749.S("4.4"), MCPAuth.S("7"), RFC8693.S("1.1")}}
	rejectPasswordAgent = Rejection{Password,
		"An agent must not ask for the user's password for a server it has just discovered; the password grant MUST NOT be used, and an MCP client uses authorization code + PKCE.",
		refsPassword}
)

const (
	redirectWeb      = "https://app.example.com/callback"
	redirectNative   = "com.example.app:/oauth2redirect"
	redirectLoopback = "http://127.0.0.1/callback"
)

// agentCaveats go with every agent: how it finds the server, registers,
// and keeps tokens bound to one resource.
var agentCaveats = []CaveatID{CaveatAgentDiscovery, CaveatAgentVerifyPKCE, CaveatAgentRegistration, CaveatAgentAudience, CaveatNoTokenPassthrough}

// agentAlternatives: an agent that is itself an MCP server calling an
// upstream API for the user.
var agentUpstream = Alternative{Flow: TokenExchange,
	When: "the agent is itself an MCP server that calls an upstream API for the user: exchange the token it received for one for that API (--client service), never pass the received token through"}

// redirectCaveats go with every flow that sends the user to the
// authorization endpoint (TestRedirectRowsStateCSRF).
var redirectCaveats = []CaveatID{CaveatRedirectCSRF, CaveatExactRedirects}

func with(ids []CaveatID, more ...CaveatID) []CaveatID {
	return append(append([]CaveatID{}, ids...), more...)
}

// decisionTable is the machine form of DESIGN §1. Rows are tried in order;
// the first whose conditions all hold wins, so specific rows come first.
// It is built on first use, not at start-up (lint never reads it).
var decisionTable = sync.OnceValue(func() []Row {
	decisionBuilt.Store(true)
	return []Row{
		{
			When: map[string]string{FacetClient: ClientMachine},
			Flow: ClientCredentials, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
			Summary: "No user is involved: the service authenticates as itself with client credentials.",
			Alternatives: []Alternative{
				{Flow: JWTBearer, When: "the workload already holds a JWT from an issuer the server trusts (Kubernetes, cloud workload identity)"},
			},
			Rejected: []Rejection{{Password,
				"A \"service user\" with a password is a shared human credential in a script; the password grant MUST NOT be used.", refsPassword}},
			Caveats: []CaveatID{CaveatPreferAsymmetricAuth, CaveatCCConfidentialOnly, CaveatSenderConstrain},
		},
		{
			When: map[string]string{FacetClient: ClientWeb},
			Flow: AuthorizationCode, ClientType: Confidential, PKCE: true, AuthMethod: AuthClientSecretBasic,
			Summary:         "A server-side web app signs users in with authorization code + PKCE and keeps tokens and its credential on the server.",
			RedirectExample: redirectWeb,
			Rejected:        []Rejection{rejectImplicit},
			Caveats:         with(redirectCaveats, CaveatPKCEConfidential, CaveatPreferAsymmetricAuth, CaveatSenderConstrain),
		},
		{
			When: map[string]string{FacetClient: ClientSPA, FacetBackend: "true"},
			Flow: AuthorizationCode, ClientType: Confidential, PKCE: true, AuthMethod: AuthClientSecretBasic,
			Extensions:      []string{ExtBFF},
			Summary:         "A backend-for-frontend runs authorization code + PKCE as a confidential client; the browser only holds a session cookie.",
			RedirectExample: redirectWeb,
			Alternatives: []Alternative{
				{Flow: AuthorizationCode, When: "the app has no backend and handles no sensitive data: a browser-only public client with PKCE and rotating refresh tokens"},
			},
			Rejected: []Rejection{rejectImplicitBrowser},
			Caveats:  with(redirectCaveats, CaveatBFFCookies, CaveatBFFCSRF, CaveatPKCEConfidential, CaveatSenderConstrain),
		},
		{
			When: map[string]string{FacetClient: ClientSPA},
			Flow: AuthorizationCode, ClientType: Public, PKCE: true, AuthMethod: AuthNone,
			Summary:         "A browser-only app uses authorization code + PKCE as a public client, with rotating refresh tokens.",
			RedirectExample: redirectWeb,
			Alternatives: []Alternative{
				{Flow: AuthorizationCode, Extensions: []string{ExtBFF}, When: "the app handles business or personal data, or you can run a backend: a backend-for-frontend keeps tokens out of the browser"},
			},
			Rejected: []Rejection{rejectImplicitBrowser},
			Caveats: with(redirectCaveats, CaveatSPAPreferBFF, CaveatSPATokenStorage, CaveatSPATokenCORS,
				CaveatPublicRefresh, CaveatSPARefreshLimits),
		},
		{
			When: map[string]string{FacetClient: ClientNative},
			Flow: AuthorizationCode, ClientType: Public, PKCE: true, AuthMethod: AuthNone,
			Summary:         "A native app uses authorization code + PKCE in the system browser as a public client.",
			HighSummary:     "A native app uses authorization code + PKCE in the system browser; each installation registers itself as a confidential client with its own key.",
			RedirectExample: redirectNative,
			Rejected:        []Rejection{rejectPassword, rejectImplicit},
			Caveats:         with(redirectCaveats, CaveatNativeSystemBrowser, CaveatNativeRedirectKinds, CaveatLoopbackIPLiteral, CaveatPublicRefresh),
		},
		{
			When: map[string]string{FacetClient: ClientCLI, FacetBrowser: "false"},
			Flow: DeviceCode, ClientType: Public, AuthMethod: AuthNone,
			Summary: "With no browser on the same machine (SSH, containers), the CLI uses the device grant: the user approves on another device.",
			Alternatives: []Alternative{
				{Flow: AuthorizationCode, Extensions: []string{ExtLoopback}, When: "a browser on the same machine can reach a loopback port"},
			},
			Rejected: []Rejection{rejectPassword},
			Caveats:  []CaveatID{CaveatDevicePolling, CaveatCrossDevicePhishing, CaveatPublicRefresh},
		},
		{
			When: map[string]string{FacetClient: ClientCLI},
			Flow: AuthorizationCode, ClientType: Public, PKCE: true, AuthMethod: AuthNone,
			Extensions:      []string{ExtLoopback},
			Summary:         "The CLI opens the system browser and receives the code on a loopback listener (http://127.0.0.1:{port}), with PKCE.",
			RedirectExample: redirectLoopback,
			Alternatives: []Alternative{
				{Flow: DeviceCode, When: "the CLI runs where no local browser can reach it: SSH sessions, containers, CI (--browser=false)"},
			},
			HighAlternatives: []Alternative{
				{Flow: CIBA, When: "the CLI runs where no local browser can reach it (--browser=false): the user, named up front, approves on their own device"},
			},
			Rejected: []Rejection{rejectDeviceWithBrowser, rejectPassword},
			Caveats:  with(redirectCaveats, CaveatCLILoopback, CaveatLoopbackIPLiteral, CaveatDeviceNotForBrowsers, CaveatPublicRefresh),
		},
		{
			When: map[string]string{FacetClient: ClientDevice},
			Flow: DeviceCode, ClientType: Public, AuthMethod: AuthNone,
			Summary: "An input-constrained device shows a code; the user approves on a phone or computer while the device polls.",
			Alternatives: []Alternative{
				{Flow: CIBA, When: "the user is known up front and has an authenticator app the server can push to"},
			},
			Rejected: []Rejection{{Password,
				"Typing a password on a TV remote is both painful and unsafe, and the password grant MUST NOT be used.", refsPassword}},
			Caveats: []CaveatID{CaveatDevicePolling, CaveatCrossDevicePhishing, CaveatPublicRefresh},
		},
		{
			When: map[string]string{FacetClient: ClientDecoupled},
			Flow: CIBA, ClientType: Confidential, AuthMethod: AuthPrivateKeyJWT,
			Extensions: []string{ExtPrivateKeyJWT},
			Summary:    "The terminal starts a backchannel authentication for a known user; the user approves on their own device (CIBA).",
			Alternatives: []Alternative{
				{Flow: DeviceCode, When: "the user is not known up front: show a code the user enters on their own device"},
			},
			HighAlternatives: []Alternative{
				{Flow: DeviceCode, When: "the user cannot be named up front: show a code the user enters on their own device, with the device grant's phishing risk stated (avoid it for high-value resources)"},
			},
			Rejected: []Rejection{{Password,
				"Asking the user to tell a call-centre agent or a terminal their password exposes it to both; the password grant MUST NOT be used.", refsPassword}},
			Caveats: []CaveatID{CaveatCIBAModes, CaveatCIBABindingMessage},
		},
		{
			When: map[string]string{FacetClient: ClientTrusted, FacetRedirects: "false"},
			Flow: DeviceCode, ClientType: Public, AuthMethod: AuthNone,
			Summary: "With no browser redirect into the app, the user signs in in a browser on this or another device with the device grant: the app shows a code and a link and polls, and never sees the password.",
			Alternatives: []Alternative{
				{Flow: AuthorizationCode, When: "the server supports OAuth 2.0 for First-Party Apps (draft): the app collects the user's input natively at the Authorization Challenge Endpoint and receives an authorization code, with the browser as the server's fallback"},
				{Flow: AuthorizationCode, When: "the app can open the system browser: authorization code + PKCE, the migration target (--redirects)"},
			},
			Rejected: []Rejection{{Password,
				"The password grant MUST NOT be used, and a shipped app cannot keep the client secret it would authenticate with. Migrate: register a public client for the device grant now, move to authorization code + PKCE once the app can open the browser, then turn the password grant off for the old client.",
				[]Ref{RFC9700.S("2.4"), RFC8252.S("8.5"), OAuth21.S("10")}}},
			Caveats: []CaveatID{CaveatPasswordMustNot, CaveatFirstPartyLogin, CaveatDevicePolling, CaveatCrossDevicePhishing, CaveatPublicRefresh},
		},
		{
			When: map[string]string{FacetClient: ClientTrusted},
			Flow: AuthorizationCode, ClientType: Public, PKCE: true, AuthMethod: AuthNone,
			Summary:         "Even a trusted first-party app should send the user to the authorization server's (branded) login page with authorization code + PKCE.",
			RedirectExample: redirectNative,
			Alternatives: []Alternative{
				{Flow: AuthorizationCode, When: "the app has a server side: register it as a confidential client (like a web app)"},
			},
			Rejected: []Rejection{rejectPassword},
			Caveats:  with(redirectCaveats, CaveatPasswordMustNot, CaveatFirstPartyLogin, CaveatNativeSystemBrowser, CaveatNativeRedirectKinds, CaveatPublicRefresh),
		},
		{
			When: map[string]string{FacetClient: ClientThirdParty, FacetAssertion: AssertionToken},
			Flow: TokenExchange, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
			Summary: "The partner exchanges a token from its own issuer for yours with RFC 8693 token exchange (a trusted issuer on your server).",
			Alternatives: []Alternative{
				{Flow: JWTBearer, When: "the partner can sign a JWT assertion itself (RFC 7523)"},
			},
			Rejected: []Rejection{rejectPasswordPartner},
			Caveats:  []CaveatID{CaveatTokenExchangeUser, CaveatAudienceRestrict, CaveatPreferAsymmetricAuth},
		},
		{
			When: map[string]string{FacetClient: ClientThirdParty},
			Flow: JWTBearer, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
			Summary: "The partner presents a signed JWT from an issuer you trust and gets your access token (RFC 7523 JWT bearer grant).",
			Alternatives: []Alternative{
				{Flow: TokenExchange, When: "the partner holds access or ID tokens from its own server (--assertion token)"},
			},
			Rejected: []Rejection{rejectPasswordPartner},
			Caveats:  []CaveatID{CaveatJWTBearerClaims, CaveatAudienceRestrict, CaveatPreferAsymmetricAuth},
		},
		{
			When: map[string]string{FacetClient: ClientService},
			Flow: TokenExchange, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
			Summary: "The service exchanges the user's token it received for one for the downstream API (RFC 8693), so the user stays in the picture.",
			Alternatives: []Alternative{
				{Flow: ClientCredentials, When: "the downstream call is really made for the service itself, not for the user"},
			},
			Rejected: []Rejection{rejectCCForUser},
			Caveats:  []CaveatID{CaveatTokenExchangeUser, CaveatAudienceRestrict, CaveatPreferAsymmetricAuth},
		},
		{
			When: map[string]string{FacetClient: ClientAgent, FacetBackend: "true"},
			Flow: AuthorizationCode, ClientType: Confidential, PKCE: true, AuthMethod: AuthPrivateKeyJWT,
			Extensions:      []string{ExtResourceIndicators, ExtClientIDMetadataDocument, ExtPrivateKeyJWT},
			Summary:         "A hosted agent runs authorization code + PKCE for each user as a confidential client with private_key_jwt, identifies itself by the https URL of its client ID metadata document, and sends resource on both requests, so that each token is for one MCP server or API.",
			RedirectExample: redirectWeb,
			Alternatives:    []Alternative{agentUpstream},
			Rejected:        []Rejection{rejectCCForAgent, rejectPasswordAgent},
			Caveats:         with(with(redirectCaveats, agentCaveats...), CaveatAgentBackend, CaveatSenderConstrain),
		},
		{
			When: map[string]string{FacetClient: ClientAgent},
			Flow: AuthorizationCode, ClientType: Public, PKCE: true, AuthMethod: AuthNone,
			Extensions:      []string{ExtResourceIndicators, ExtClientIDMetadataDocument, ExtLoopback},
			Summary:         "An agent on the user's machine runs authorization code + PKCE as a public client with a loopback redirect, identifies itself by the https URL of its client ID metadata document, and sends resource on both requests, so that each token is for one MCP server or API.",
			HighSummary:     "An agent on the user's machine runs authorization code + PKCE with a loopback redirect; each installation registers itself as a confidential client with its own key, and sends resource on both requests, so that each token is for one MCP server or API.",
			RedirectExample: redirectLoopback,
			Alternatives: []Alternative{
				{Flow: AuthorizationCode, Extensions: []string{ExtPrivateKeyJWT}, When: "the agent runs on a server it controls (--backend): a confidential client with private_key_jwt, its key published with its client ID metadata document"},
				agentUpstream,
			},
			HighAlternatives: []Alternative{agentUpstream},
			Rejected:         []Rejection{rejectCCForAgent, rejectPasswordAgent},
			Caveats:          with(with(redirectCaveats, agentCaveats...), CaveatAgentLoopback, CaveatLoopbackIPLiteral, CaveatPublicRefresh),
		},
	}
})

// decisionBuilt records that decisionTable was built (startup_test.go).
var decisionBuilt atomic.Bool

// DecisionTable returns the rows of the decision table in match order.
func DecisionTable() []Row { return decisionTable() }

// Matches reports whether the row applies to the answers.
func (r Row) Matches(answers map[string]string) bool {
	for k, v := range r.When {
		if answers[k] != v {
			return false
		}
	}
	return true
}

// Adjustment is one part of an overlay: what it sets, adds and drops.
type Adjustment struct {
	// AuthMethod replaces the client authentication ("" keeps it).
	AuthMethod string
	// PKCE turns PKCE on.
	PKCE bool
	// Extensions are added to the recommendation's.
	Extensions []string
	// DropExtensions are removed from it: what the adjustment rules out.
	DropExtensions []string
	// Add are caveats the adjustment adds.
	Add []CaveatID
	// Drop are caveats it removes: what the adjustment makes untrue or
	// turns from advice into a requirement another caveat states.
	Drop []CaveatID
}

// Reroute answers a facet for the client when the overlay applies: a spa
// at high security is a backend-for-frontend, whatever --backend says.
type Reroute struct {
	Client string
	Facet  string
	Value  string
	// Caveat says why (and that an explicit other answer was overridden).
	Caveat CaveatID
}

// Replacement swaps a recommended flow for another under the overlay.
type Replacement struct {
	From, To FlowID
	Summary  string
	// Alternative offers the replaced flow back, with its risk stated.
	Alternative Alternative
	Adjustment
}

// Overlay is what --security high changes about a row's recommendation.
// It is data: the tests check that every dropped caveat is gone from every
// high-security decision, and that what it adds is there.
type Overlay struct {
	// Reroutes are applied to the answers before the table is matched.
	Reroutes []Reroute
	// Replacements are applied to the matched row's flow.
	Replacements []Replacement
	// AuthorizationEndpoint applies to flows that send the user to the
	// authorization endpoint (FAPI 2.0 §5.3.2.2 and §5.3.2.1).
	AuthorizationEndpoint Adjustment
	// Backchannel applies to every other grant: client credentials,
	// device, CIBA, JWT bearer, token exchange (FAPI 2.0 §5.3.2.1 only).
	Backchannel Adjustment
	// Flows adds per-flow profiles (CIBA follows FAPI-CIBA).
	Flows map[FlowID]Adjustment
	// Clients adds what a client situation needs beyond its grant's part
	// (an agent keeps resource indicators and says how its keys work).
	Clients map[string]Adjustment
	// PerInstance applies to a public client that is not a browser app:
	// it becomes confidential through per-instance dynamic registration.
	PerInstance Adjustment
	// NativeRedirect replaces a private-use redirect URI (loopback or
	// claimed https only at this level), adding Adjustment.
	NativeRedirect     string
	NativeRedirectNote Adjustment
}

// HighSecurity is the FAPI 2.0 overlay, applied per grant.
var HighSecurity = Overlay{
	Reroutes: []Reroute{
		{Client: ClientSPA, Facet: FacetBackend, Value: "true", Caveat: CaveatFAPISPABFF},
	},
	Replacements: []Replacement{{
		From: DeviceCode, To: CIBA,
		Summary: "At this level the client does not display a code that an attacker could send to someone: it names the user up front (a login hint), and the server asks that user to approve on their own device, where a binding message also shown by the client tells the requests apart (CIBA under FAPI-CIBA).",
		Alternative: Alternative{Flow: DeviceCode,
			When: "the device cannot learn who the user is: the device grant, with its cross-device phishing risk stated (proximity checks, short-lived codes, limited scopes)"},
		Adjustment: Adjustment{
			Add:  []CaveatID{CaveatFAPIDeviceToCIBA, CaveatCIBAModes, CaveatCIBABindingMessage},
			Drop: []CaveatID{CaveatDevicePolling, CaveatCrossDevicePhishing},
		},
	}},
	AuthorizationEndpoint: Adjustment{
		AuthMethod: AuthPrivateKeyJWT, PKCE: true,
		Extensions: []string{ExtPAR, ExtPrivateKeyJWT, ExtDPoP},
		Add:        []CaveatID{CaveatFAPIAuthorizationEndpoint},
		Drop:       []CaveatID{CaveatPreferAsymmetricAuth, CaveatSenderConstrain},
	},
	Backchannel: Adjustment{
		AuthMethod: AuthPrivateKeyJWT,
		Extensions: []string{ExtPrivateKeyJWT, ExtDPoP},
		Add:        []CaveatID{CaveatFAPIBackchannel},
		Drop:       []CaveatID{CaveatPreferAsymmetricAuth, CaveatSenderConstrain},
	},
	Flows: map[FlowID]Adjustment{
		CIBA: {Add: []CaveatID{CaveatFAPICIBA}},
	},
	Clients: map[string]Adjustment{
		ClientAgent: {Add: []CaveatID{CaveatAgentHighSecurity}, Drop: []CaveatID{CaveatAgentRegistration}},
	},
	// One client ID metadata document serves every copy of a client: it
	// cannot carry a key of each installation's own.
	PerInstance: Adjustment{
		Add:            []CaveatID{CaveatFAPIPerInstance},
		Drop:           []CaveatID{CaveatPublicRefresh},
		DropExtensions: []string{ExtClientIDMetadataDocument},
	},
	NativeRedirect: redirectLoopback,
	NativeRedirectNote: Adjustment{Extensions: []string{ExtLoopback}, Add: []CaveatID{CaveatFAPINativeRedirect},
		Drop: []CaveatID{CaveatNativeRedirectKinds}},
}

// Drops lists every caveat the overlay can remove.
func (o Overlay) Drops() []CaveatID {
	var out []CaveatID
	add := func(a Adjustment) { out = append(out, a.Drop...) }
	for _, r := range o.Replacements {
		add(r.Adjustment)
	}
	add(o.AuthorizationEndpoint)
	add(o.Backchannel)
	for _, a := range o.Flows {
		add(a)
	}
	for _, a := range o.Clients {
		add(a)
	}
	add(o.PerInstance)
	add(o.NativeRedirectNote)
	return out
}
