package flows

// The vendor decision guides whichflow compares its answers with. Each is
// summarised, with sources, in shared/reference/standards.md §2 and §5.
var (
	Auth0Guide    = Doc{"Auth0: Which OAuth 2.0 Flow Should I Use?", "https://auth0.com/docs/get-started/authentication-and-authorization-flow/which-oauth-2-0-flow-should-i-use"}
	Auth0CLIGuide = Doc{"Auth0: Secure a CLI with Auth0", "https://auth0.com/docs/customize/integrations/secure-a-cli-with-auth0"}
	OktaGuide     = Doc{"Okta: Choose an OAuth 2.0 flow", "https://developer.okta.com/docs/concepts/oauth-openid/#choose-an-oauth-2-0-flow"}
	EntraGuide    = Doc{"Microsoft identity platform: app types and authentication flows", "https://learn.microsoft.com/entra/identity-platform/authentication-flows-app-scenarios"}
)

// Vendor is an identity vendor whose decision guide is compared with the
// seed and the standards.
type Vendor struct {
	ID    string
	Name  string
	Guide Doc
}

// Vendor IDs, in the order the comparison lists them.
const (
	VendorAuth0     = "auth0"
	VendorOkta      = "okta"
	VendorMicrosoft = "microsoft"
)

var vendors = []Vendor{
	{VendorAuth0, "Auth0", Auth0Guide},
	{VendorOkta, "Okta", OktaGuide},
	{VendorMicrosoft, "Microsoft", EntraGuide},
}

// Vendors returns the vendors whose guides the comparison quotes.
func Vendors() []Vendor { return vendors }

// Position is what one guide says about a disputed point.
type Position struct {
	Vendor string // a Vendor ID
	Says   string
	// Agrees is true when the guide says what the standards say.
	Agrees bool
	// Source overrides the vendor's main guide when the point is made on
	// another page.
	Source *Doc
}

// Disagreement is a point where the seed guide, the vendor guides and the
// standards do not say the same thing (standards.md §5, "main
// disagreements").
type Disagreement struct {
	ID    string
	Topic string
	// Answers is the client situation the point is about, as `advise`
	// answers; the docs show whichflow's recommendation for it.
	Answers map[string]string
	// Caveat is the caveat whichflow attaches for this point; its text, refs
	// and SeedDiffers are shown with the comparison. Empty when none.
	Caveat string
	// Seed is what the seed guide (Gravitee AM's "Which Flow Should I Use?")
	// says, and SeedAgrees whether that matches the standards.
	Seed       string
	SeedAgrees bool
	Vendors    []Position
	// Standards is the short form of what the standards say.
	Standards string
	Refs      []Ref
}

var disagreements = []Disagreement{
	{
		ID:      "pkce-confidential",
		Topic:   "PKCE for confidential clients",
		Answers: map[string]string{FacetClient: ClientWeb},
		Caveat:  "pkce-for-confidential",
		Seed:    "Plain authorization code for a web app with a backend; PKCE is offered for SPAs and native apps only.",
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "Authorization code for server-side web apps; the decision page does not mention PKCE."},
			{Vendor: VendorOkta, Says: "Authorization code + PKCE for every client type, server-side web apps included.", Agrees: true},
			{Vendor: VendorMicrosoft, Says: "Authorization code for web apps; the scenario table leaves PKCE out."},
		},
		Standards: "PKCE is RECOMMENDED for confidential clients; OAuth 2.1 REQUIRES it unless the server is sure the client checks nonce.",
		Refs:      []Ref{RFC9700.S("2.1.1"), OAuth21.S("4.1.1"), OAuth21.S("7.5.1")},
	},
	{
		ID:         "implicit",
		Topic:      "Implicit grant",
		Answers:    map[string]string{FacetClient: ClientSPA},
		Caveat:     "implicit-removed",
		Seed:       "Authorization code + PKCE for SPAs; implicit was \"previously used\" and is deprecated. (Gravitee AM's own registration page still recommends implicit for SPAs.)",
		SeedAgrees: true,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "Authorization code + PKCE, but implicit with form_post is still offered to SPAs that need only an ID token."},
			{Vendor: VendorOkta, Says: "Authorization code + PKCE; implicit is kept for browsers without Web Crypto."},
			{Vendor: VendorMicrosoft, Says: "Authorization code + PKCE, but the scenario table still has an implicit row (MSAL.js 1.x)."},
		},
		Standards: "Clients SHOULD NOT use implicit; OAuth 2.1 removes it and the browser-based apps BCP says MUST NOT.",
		Refs:      []Ref{RFC9700.S("2.1.2"), OAuth21.S("10"), RFC10017.S("7.2")},
	},
	{
		ID:      "password",
		Topic:   "Password grant for trusted first-party apps",
		Answers: map[string]string{FacetClient: ClientTrusted},
		Caveat:  "password-must-not",
		Seed:    "A \"highly trustable\" client collects the user's credentials and sends them to the server (the password grant), with only a trust caveat.",
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "The password grant when the client is \"absolutely trusted\" and redirects are impossible; not recommended."},
			{Vendor: VendorOkta, Says: "The password grant only if no other flow is viable (no MFA); Interaction Code is preferred."},
			{Vendor: VendorMicrosoft, Says: "Do not use the password grant (no MFA) and migrate, although the scenario table still lists it for desktop and mobile apps."},
		},
		Standards: "The password grant MUST NOT be used; OAuth 2.1 omits it.",
		Refs:      []Ref{RFC9700.S("2.4"), OAuth21.S("10"), RFC10017.S("7.3")},
	},
	{
		ID:      "device-for-cli",
		Topic:   "Device grant for CLIs",
		Answers: map[string]string{FacetClient: ClientCLI},
		Caveat:  "device-not-for-browsers",
		Seed:    "No CLI case, and Gravitee AM (up to 4.12) has no device grant.",
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "\"Secure a CLI\" ranks the device flow first, then client credentials, then the password grant.", Source: &Auth0CLIGuide},
			{Vendor: VendorOkta, Says: "No CLI case; native apps use authorization code + PKCE.", Agrees: true},
			{Vendor: VendorMicrosoft, Says: "Desktop apps use interactive authorization code + PKCE; device code only for browserless apps.", Agrees: true},
		},
		Standards: "With a browser on the same machine: authorization code + PKCE with a loopback redirect; the device grant is for browserless or input-constrained devices.",
		Refs:      []Ref{RFC8252.S("7.3"), RFC8628.S("1"), CrossDevice.Whole()},
	},
	{
		ID:      "bff-for-spa",
		Topic:   "Backend-for-frontend for SPAs",
		Answers: map[string]string{FacetClient: ClientSPA},
		Caveat:  "spa-prefer-bff",
		Seed:    "Browser-only authorization code + PKCE; no backend-for-frontend.",
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "Browser-only authorization code + PKCE."},
			{Vendor: VendorOkta, Says: "Browser-only authorization code + PKCE (or Interaction Code)."},
			{Vendor: VendorMicrosoft, Says: "Browser-only authorization code + PKCE (MSAL.js)."},
		},
		Standards: "A backend-for-frontend first for business or personal data; a browser-only client is the least secure pattern.",
		Refs:      []Ref{RFC10017.S("6.1"), RFC10017.S("6.3"), RFC9700.S("2.2.2")},
	},
	{
		ID:      "client-credentials-for-users",
		Topic:   "Client credentials for calls made for a user",
		Answers: map[string]string{FacetClient: ClientService},
		Caveat:  "token-exchange-keeps-user",
		Seed:    "Client credentials for \"an API calling another API\", whether or not a user is behind the call.",
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "On-behalf-of token exchange (RFC 8693).", Agrees: true},
			{Vendor: VendorOkta, Says: "Token exchange; client credentials loses the user context.", Agrees: true},
			{Vendor: VendorMicrosoft, Says: "On-behalf-of (the jwt-bearer grant with requested_token_use=on_behalf_of).", Agrees: true},
		},
		Standards: "Token exchange (delegation with an act claim) keeps the user; tokens should be audience-restricted.",
		Refs:      []Ref{RFC8693.S("1.1"), RFC9700.S("2.3"), RFC9700.S("4.15")},
	},
}

// Disagreements returns the points where the seed, vendors and standards
// differ, in the order the docs list them.
func Disagreements() []Disagreement { return disagreements }
