package flows

// Alternative is another flow that fits a variation of the situation.
type Alternative struct {
	Flow FlowID
	// Extensions distinguish an alternative shape of the same flow (bff).
	Extensions []string
	When       string
}

// Rejection is a flow the situation tempts people to, and why not.
type Rejection struct {
	Flow   FlowID
	Reason string
	// Refs, when empty, are the rejected flow's own references.
	Refs []Ref
}

// Citations are the references behind the rejection.
func (r Rejection) Citations() []Ref {
	if len(r.Refs) > 0 {
		return r.Refs
	}
	f, _ := FlowByID(r.Flow)
	return f.Refs
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
	Caveats      []string
}

// The tempting flows and why not: shared by several rows.
var (
	rejectImplicit = Rejection{Implicit,
		"Implicit puts tokens in the URL fragment, where history, referrers and injected scripts can read them, and cannot bind them to the client.", nil}
	rejectPassword = Rejection{Password,
		"The password grant exposes the user's password to the app and rules out MFA, passkeys and SSO; it MUST NOT be used.", nil}
	rejectDeviceWithBrowser = Rejection{DeviceCode,
		"The device grant is meant for devices without a usable browser; on the same machine it adds a cross-device phishing risk for nothing.",
		[]Ref{RFC8628.S("1"), RFC8252.S("7.3"), CrossDevice.Whole()}}
	rejectCCForUser = Rejection{ClientCredentials,
		"Client credentials acts as the service itself: the downstream API loses the user, so it can neither authorize per user nor audit who asked.",
		[]Ref{RFC8693.S("1.1"), RFC6749.S("4.4")}}
)

const (
	redirectWeb      = "https://app.example.com/callback"
	redirectNative   = "com.example.app:/oauth2redirect"
	redirectLoopback = "http://127.0.0.1/callback"
)

// decisionTable is the machine form of DESIGN §1. Rows are tried in order;
// the first whose conditions all hold wins, so specific rows come first.
var decisionTable = []Row{
	{
		When: map[string]string{FacetClient: ClientMachine},
		Flow: ClientCredentials, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
		Summary: "No user is involved: the service authenticates as itself with client credentials.",
		Alternatives: []Alternative{
			{Flow: JWTBearer, When: "the workload already holds a JWT from an issuer the server trusts (Kubernetes, cloud workload identity)"},
		},
		Rejected: []Rejection{{Password,
			"A \"service user\" with a password is a shared human credential in a script; it MUST NOT be used.", nil}},
		Caveats: []string{"prefer-asymmetric-auth", "client-credentials-confidential-only", "sender-constrain-tokens"},
	},
	{
		When: map[string]string{FacetClient: ClientWeb},
		Flow: AuthorizationCode, ClientType: Confidential, PKCE: true, AuthMethod: AuthClientSecretBasic,
		Summary:         "A server-side web app signs users in with authorization code + PKCE and keeps tokens and its credential on the server.",
		RedirectExample: redirectWeb,
		Rejected:        []Rejection{rejectImplicit},
		Caveats:         []string{"pkce-for-confidential", "exact-redirect-uris", "prefer-asymmetric-auth"},
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
		Rejected: []Rejection{rejectImplicit},
		Caveats:  []string{"bff-cookies", "pkce-for-confidential", "exact-redirect-uris"},
	},
	{
		When: map[string]string{FacetClient: ClientSPA},
		Flow: AuthorizationCode, ClientType: Public, PKCE: true, AuthMethod: AuthNone,
		Summary:         "A browser-only app uses authorization code + PKCE as a public client, with rotating refresh tokens.",
		RedirectExample: redirectWeb,
		Alternatives: []Alternative{
			{Flow: AuthorizationCode, Extensions: []string{ExtBFF}, When: "the app handles business or personal data, or you can run a backend: a backend-for-frontend keeps tokens out of the browser"},
		},
		Rejected: []Rejection{rejectImplicit},
		Caveats:  []string{"spa-prefer-bff", "public-refresh-rotation", "exact-redirect-uris"},
	},
	{
		When: map[string]string{FacetClient: ClientNative},
		Flow: AuthorizationCode, ClientType: Public, PKCE: true, AuthMethod: AuthNone,
		Summary:         "A native app uses authorization code + PKCE in the system browser as a public client.",
		RedirectExample: redirectNative,
		Rejected:        []Rejection{rejectPassword, rejectImplicit},
		Caveats:         []string{"native-system-browser", "public-refresh-rotation"},
	},
	{
		When: map[string]string{FacetClient: ClientCLI, FacetBrowser: "false"},
		Flow: DeviceCode, ClientType: Public, AuthMethod: AuthNone,
		Summary: "With no browser on the same machine (SSH, containers), the CLI uses the device grant: the user approves on another device.",
		Alternatives: []Alternative{
			{Flow: AuthorizationCode, Extensions: []string{ExtLoopback}, When: "a browser on the same machine can reach a loopback port"},
		},
		Rejected: []Rejection{rejectPassword},
		Caveats:  []string{"device-polling", "cross-device-phishing", "public-refresh-rotation"},
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
		Rejected: []Rejection{rejectDeviceWithBrowser, rejectPassword},
		Caveats:  []string{"cli-loopback", "device-not-for-browsers", "public-refresh-rotation"},
	},
	{
		When: map[string]string{FacetClient: ClientDevice},
		Flow: DeviceCode, ClientType: Public, AuthMethod: AuthNone,
		Summary: "An input-constrained device shows a code; the user approves on a phone or computer while the device polls.",
		Alternatives: []Alternative{
			{Flow: CIBA, When: "the user is known up front and has an authenticator app the server can push to"},
		},
		Rejected: []Rejection{{Password,
			"Typing a password on a TV remote is both painful and unsafe, and the password grant MUST NOT be used.", nil}},
		Caveats: []string{"device-polling", "cross-device-phishing", "public-refresh-rotation"},
	},
	{
		When: map[string]string{FacetClient: ClientDecoupled},
		Flow: CIBA, ClientType: Confidential, AuthMethod: AuthPrivateKeyJWT,
		Extensions: []string{ExtPrivateKeyJWT},
		Summary:    "The terminal starts a backchannel authentication for a known user; the user approves on their own device (CIBA).",
		Alternatives: []Alternative{
			{Flow: DeviceCode, When: "the user is not known up front: show a code the user enters on their own device"},
		},
		Rejected: []Rejection{{Password,
			"Asking the user to tell a call-centre agent or a terminal their password exposes it to both.", nil}},
		Caveats: []string{"ciba-modes", "cross-device-phishing"},
	},
	{
		When: map[string]string{FacetClient: ClientTrusted, FacetRedirects: "false"},
		Flow: Password, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
		Summary: "Only because no browser redirect is possible at all: the password grant, deprecated. Plan the migration to authorization code + PKCE now.",
		Alternatives: []Alternative{
			{Flow: AuthorizationCode, When: "as soon as the app can open a browser: the migration path (authorization code + PKCE in the system browser)"},
			{Flow: DeviceCode, When: "the app has a screen but no browser, and the user has a phone"},
		},
		Caveats: []string{"password-must-not", "first-party-login"},
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
		Caveats:  []string{"password-must-not", "first-party-login", "public-refresh-rotation"},
	},
	{
		When: map[string]string{FacetClient: ClientThirdParty, FacetAssertion: AssertionToken},
		Flow: TokenExchange, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
		Summary: "The partner exchanges a token from its own issuer for yours with RFC 8693 token exchange (a trusted issuer on your server).",
		Alternatives: []Alternative{
			{Flow: JWTBearer, When: "the partner can sign a JWT assertion itself (RFC 7523)"},
		},
		Rejected: []Rejection{{Password,
			"Partners must not collect your users' passwords.", nil}},
		Caveats: []string{"token-exchange-keeps-user", "audience-restrict", "prefer-asymmetric-auth"},
	},
	{
		When: map[string]string{FacetClient: ClientThirdParty},
		Flow: JWTBearer, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
		Summary: "The partner presents a signed JWT from an issuer you trust and gets your access token (RFC 7523 JWT bearer grant).",
		Alternatives: []Alternative{
			{Flow: TokenExchange, When: "the partner holds access or ID tokens from its own server (--assertion token)"},
		},
		Rejected: []Rejection{{Password,
			"Partners must not collect your users' passwords.", nil}},
		Caveats: []string{"jwt-bearer-claims", "audience-restrict"},
	},
	{
		When: map[string]string{FacetClient: ClientService},
		Flow: TokenExchange, ClientType: Confidential, AuthMethod: AuthClientSecretBasic,
		Summary: "The service exchanges the user's token it received for one for the downstream API (RFC 8693), so the user stays in the picture.",
		Alternatives: []Alternative{
			{Flow: ClientCredentials, When: "the downstream call is really made for the service itself, not for the user"},
		},
		Rejected: []Rejection{rejectCCForUser},
		Caveats:  []string{"token-exchange-keeps-user", "audience-restrict", "prefer-asymmetric-auth"},
	},
}

// DecisionTable returns the rows of the decision table in match order.
func DecisionTable() []Row { return decisionTable }

// Matches reports whether the row applies to the answers.
func (r Row) Matches(answers map[string]string) bool {
	for k, v := range r.When {
		if answers[k] != v {
			return false
		}
	}
	return true
}

// Overlay is what --security high changes about a row's recommendation.
type Overlay struct {
	// Interactive flows (with an authorization endpoint) get these.
	InteractiveExtensions []string
	// Every flow gets these.
	Extensions []string
	AuthMethod string
	Caveats    []string
}

// HighSecurity is the FAPI 2.0 style overlay (FAPI 2.0 §5.3).
var HighSecurity = Overlay{
	InteractiveExtensions: []string{ExtPAR},
	Extensions:            []string{ExtPrivateKeyJWT, ExtDPoP},
	AuthMethod:            AuthPrivateKeyJWT,
	Caveats:               []string{CaveatHighSecurity},
}
