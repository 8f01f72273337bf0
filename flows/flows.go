package flows

// Status is where a flow stands in today's standards.
type Status string

// Flow statuses.
const (
	Recommended Status = "recommended" // the answer for some client situation
	Conditional Status = "conditional" // right only in narrow situations
	Deprecated  Status = "deprecated"  // removed by OAuth 2.1 / forbidden by RFC 9700
)

// Flow is one OAuth 2.0 / OpenID Connect grant as the catalog describes it.
type Flow struct {
	ID        FlowID
	Name      string
	GrantType string
	Status    Status
	Summary   string
	WhenToUse string
	// RefreshTokens is true when the flow usually issues refresh tokens, so
	// a registration for it also lists the refresh_token grant.
	RefreshTokens bool
	// Redirects is true for flows that send the user agent to a redirect URI.
	Redirects bool
	// Refs are the documents that define the flow.
	Refs []Ref
	// Replaces names deprecated flows a team should migrate from to this one.
	Replaces []FlowID
}

var catalog = []Flow{
	{
		ID:            AuthorizationCode,
		Name:          "Authorization code + PKCE",
		GrantType:     GrantAuthorizationCode,
		Status:        Recommended,
		Summary:       "The user signs in at the authorization server in a browser; the client exchanges a one-time code, bound to a PKCE verifier, for tokens.",
		WhenToUse:     "Any client that acts for a user and can open a browser: server-side web apps, single-page apps (better behind a backend-for-frontend), native and mobile apps, CLIs on a machine with a browser.",
		RefreshTokens: true,
		Redirects:     true,
		Refs:          []Ref{RFC6749.S("4.1"), RFC7636.S("4"), RFC9700.S("2.1.1"), OAuth21.S("4.1")},
		Replaces:      []FlowID{Implicit, Password},
	},
	{
		ID:        ClientCredentials,
		Name:      "Client credentials",
		GrantType: GrantClientCredentials,
		Status:    Recommended,
		Summary:   "A confidential client authenticates as itself and gets a token for its own access; no user is involved.",
		WhenToUse: "Machine-to-machine calls: batch jobs, daemons, a service calling an API on its own behalf. Never for public clients, and not when the call is made for a user.",
		Refs:      []Ref{RFC6749.S("4.4"), OAuth21.S("4.2")},
	},
	{
		ID:            DeviceCode,
		Name:          "Device authorization",
		GrantType:     GrantDeviceCode,
		Status:        Conditional,
		Summary:       "The device shows a short code and a URL; the user approves on a second device while the first polls the token endpoint.",
		WhenToUse:     "Input-constrained or browserless devices: TVs, consoles, IoT, a CLI in an SSH session or container. Not for a machine that can open a browser itself.",
		RefreshTokens: true,
		Refs:          []Ref{RFC8628.S("3"), CrossDevice.S("2"), CrossDevice.S("6.2.1")},
	},
	{
		ID:            CIBA,
		Name:          "Client-initiated backchannel authentication (CIBA)",
		GrantType:     GrantCIBA,
		Status:        Conditional,
		Summary:       "The client asks the server to authenticate a known user on that user's own device (push), then polls, is pinged, or receives the tokens.",
		WhenToUse:     "Decoupled approval: a call-centre agent, a point-of-sale terminal or a kiosk starts the login and the user approves on their phone.",
		RefreshTokens: true,
		Refs:          []Ref{CIBACore.S("7.1"), CIBACore.S("10.1")},
	},
	{
		ID:        JWTBearer,
		Name:      "JWT bearer assertion",
		GrantType: GrantJWTBearer,
		Status:    Conditional,
		Summary:   "The client presents a signed JWT (from a trusted issuer, or its own) and gets an access token for the subject it names.",
		WhenToUse: "A partner or workload that already holds a JWT from an issuer your server trusts exchanges it for your tokens.",
		Refs:      []Ref{RFC7523.S("2.1"), RFC7523.S("3")},
	},
	{
		ID:        TokenExchange,
		Name:      "Token exchange",
		GrantType: GrantTokenExchange,
		Status:    Conditional,
		Summary:   "A client trades a token it holds (the subject token) for a new one for another audience, keeping the user's identity (delegation or impersonation).",
		WhenToUse: "A service that calls a downstream API for the user it serves, or a partner presenting tokens from its own issuer.",
		Refs:      []Ref{RFC8693.S("2"), RFC9700.S("2.3")},
	},
	{
		ID:        RefreshToken,
		Name:      "Refresh token",
		GrantType: GrantRefreshToken,
		Status:    Recommended,
		Summary:   "The client trades a refresh token for a fresh access token without involving the user.",
		WhenToUse: "Alongside an interactive flow, to keep access tokens short-lived. Public clients must get rotating or sender-constrained refresh tokens.",
		Refs:      []Ref{RFC6749.S("6"), RFC9700.S("2.2.2"), RFC9700.S("4.14")},
	},
	{
		ID:        Implicit,
		Name:      "Implicit",
		GrantType: GrantImplicit,
		Status:    Deprecated,
		Summary:   "Tokens are returned in the redirect URI fragment, exposed to the browser, history and referrers, with no way to bind them to the client.",
		WhenToUse: "Never for new clients. Migrate to authorization code + PKCE; a browser app that needs tokens should sit behind a backend-for-frontend.",
		Redirects: true,
		Refs:      []Ref{RFC9700.S("2.1.2"), OAuth21.S("10"), RFC10017.S("7.2")},
	},
	{
		ID:        Password,
		Name:      "Resource owner password credentials",
		GrantType: GrantPassword,
		Status:    Deprecated,
		Summary:   "The client collects the user's password and sends it to the token endpoint.",
		WhenToUse: "Never. It exposes passwords to the client, rules out MFA, passkeys and SSO, and trains users to type passwords into apps. Migrate to authorization code + PKCE.",
		Refs:      []Ref{RFC9700.S("2.4"), OAuth21.S("10"), RFC10017.S("7.3")},
	},
}

// Flows returns the catalog's flows in a stable order: recommended first.
func Flows() []Flow { return catalog }

// FlowByID looks a flow up by its catalog ID.
func FlowByID(id FlowID) (Flow, bool) {
	for _, f := range catalog {
		if f.ID == id {
			return f, true
		}
	}
	return Flow{}, false
}

// FlowByGrant looks a flow up by its RFC grant type identifier.
func FlowByGrant(grant string) (Flow, bool) {
	for _, f := range catalog {
		if f.GrantType == grant {
			return f, true
		}
	}
	return Flow{}, false
}

// FlowIDs lists every flow ID, for flag validation and completion.
func FlowIDs() []string {
	out := make([]string, len(catalog))
	for i, f := range catalog {
		out[i] = string(f.ID)
	}
	return out
}
