package flows

// The vendor decision guides whichflow compares its answers with. Each is
// summarised, with sources, in shared/reference/standards.md §2 and §5.
var (
	Auth0Guide    = Doc{"Auth0: Which OAuth 2.0 Flow Should I Use?", "https://auth0.com/docs/get-started/authentication-and-authorization-flow/which-oauth-2-0-flow-should-i-use"}
	Auth0CLIGuide = Doc{"Auth0: Secure a CLI with Auth0", "https://auth0.com/docs/customize/integrations/secure-a-cli-with-auth0"}
	OktaGuide     = Doc{"Okta: Choose an OAuth 2.0 flow", "https://developer.okta.com/docs/concepts/oauth-openid/#choose-an-oauth-2-0-flow"}
	EntraGuide    = Doc{"Microsoft identity platform: app types and authentication flows", "https://learn.microsoft.com/entra/identity-platform/authentication-flows-app-scenarios"}
	// Token exchange is not on Auth0's or Okta's decision page; these pages
	// say client credentials loses the user and token exchange keeps it.
	Auth0OBOGuide = Doc{"Auth0: On-Behalf-Of Token Exchange", "https://auth0.com/docs/secure/call-apis-on-users-behalf/on-behalf-of-token-exchange"}
	// Default grants of a new application: Auth0's grant type mapping
	// (auth0/docs grant-types-auth0-mapping), the okta_app_oauth resource
	// (appRequirementsByType).
	Auth0GrantTypes        = Doc{"Auth0: Application Grant Types", "https://auth0.com/docs/get-started/applications/application-grant-types"}
	OktaAppOAuth           = Doc{"okta_app_oauth (Terraform registry)", "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/app_oauth"}
	OktaTokenExchangeGuide = Doc{"Okta: Set up OAuth 2.0 On-Behalf-Of Token Exchange", "https://developer.okta.com/docs/guides/set-up-token-exchange/main/"}
)

// Grade is how a guide's answer compares with the standards.
type Grade string

// Grades. A guide that does not address the situation is Silent, whoever
// wrote it: silence is a gap, not a disagreement.
const (
	Agrees  Grade = "agrees"
	Differs Grade = "differs"
	Silent  Grade = "silent"
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
	Grade  Grade
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
	Caveat CaveatID
	// Seed is what the seed guide (Gravitee AM's "Which Flow Should I Use?")
	// says, and SeedGrade how that compares with the standards.
	Seed      string
	SeedGrade Grade
	Vendors   []Position
	// Standards is the short form of what the standards say.
	Standards string
	Refs      []Ref
}

var disagreements = []Disagreement{
	{
		ID:        "pkce-confidential",
		Topic:     "PKCE for confidential clients",
		Answers:   map[string]string{FacetClient: ClientWeb},
		Caveat:    CaveatPKCEConfidential,
		Seed:      "Authorization code for a web app with a backend, with no mention of PKCE; PKCE is offered for SPAs and native apps only.",
		SeedGrade: Differs,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "Authorization code for server-side web apps; the decision page does not mention PKCE.", Grade: Differs},
			{Vendor: VendorOkta, Says: "Authorization code + PKCE for every client type, server-side web apps included.", Grade: Agrees},
			{Vendor: VendorMicrosoft, Says: "Authorization code for web apps; the scenario table leaves PKCE out.", Grade: Differs},
		},
		Standards: "PKCE is RECOMMENDED for confidential clients; OAuth 2.1 REQUIRES it unless the server is sure the client checks nonce.",
		Refs:      []Ref{RFC9700.S("2.1.1"), OAuth21.S("4.1.1"), OAuth21.S("7.5.1")},
	},
	{
		ID:        "implicit",
		Topic:     "Implicit grant",
		Answers:   map[string]string{FacetClient: ClientSPA},
		Caveat:    CaveatImplicitRemoved,
		Seed:      "Authorization code + PKCE for SPAs; implicit was \"previously used\" and is deprecated. (Gravitee AM's own registration page still recommends implicit for SPAs.)",
		SeedGrade: Agrees,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "Authorization code + PKCE; a SPA that needs only an ID token may use implicit with form_post, which issues no access token at the authorization endpoint.", Grade: Agrees},
			{Vendor: VendorOkta, Says: "Authorization code + PKCE; implicit (with access tokens) is kept for browsers without Web Crypto.", Grade: Differs},
			{Vendor: VendorMicrosoft, Says: "Authorization code + PKCE, but the scenario table still has an implicit row (MSAL.js 1.x, access tokens in the fragment).", Grade: Differs},
		},
		Standards: "Clients SHOULD NOT use response types that issue access tokens at the authorization endpoint; OAuth 2.1 removes response_type=token and the browser-based apps BCP says MUST NOT. An ID-token-only response issues no access token and is outside that rule.",
		Refs:      []Ref{RFC9700.S("2.1.2"), OAuth21.S("10.1"), RFC10017.S("7.2")},
	},
	{
		ID:        "password",
		Topic:     "Password grant for trusted first-party apps",
		Answers:   map[string]string{FacetClient: ClientTrusted},
		Caveat:    CaveatPasswordMustNot,
		Seed:      "Recommends the password grant for a \"highly trustable\" client: the user types their credentials into the app, which sends them to the server, with only a trust caveat (the page never names the grant).",
		SeedGrade: Differs,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "The password grant when the client is \"absolutely trusted\" and redirects are impossible; not recommended.", Grade: Differs},
			{Vendor: VendorOkta, Says: "The password grant only if no other flow is viable (no MFA); Interaction Code is preferred.", Grade: Differs},
			{Vendor: VendorMicrosoft, Says: "Do not use the password grant (no MFA) and migrate, although the scenario table still lists it for desktop and mobile apps.", Grade: Differs},
		},
		Standards: "The password grant MUST NOT be used; OAuth 2.1 omits it. An app that can open a browser uses authorization code + PKCE; without a browser redirect, whichflow recommends the device grant (--redirects=false), with the first-party apps draft where the server supports it.",
		Refs:      []Ref{RFC9700.S("2.4"), OAuth21.S("10"), RFC8252.S("8.5")},
	},
	{
		ID:        "device-for-cli",
		Topic:     "Device grant for CLIs",
		Answers:   map[string]string{FacetClient: ClientCLI},
		Caveat:    CaveatDeviceNotForBrowsers,
		Seed:      "No CLI case (its mobile and native section says authorization code + PKCE); Gravitee AM up to 4.12 has no device grant either.",
		SeedGrade: Silent,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "\"Secure a CLI\" ranks the device flow first, then client credentials, then the password grant.", Grade: Differs, Source: &Auth0CLIGuide},
			{Vendor: VendorOkta, Says: "No CLI case; native apps use authorization code + PKCE.", Grade: Silent},
			{Vendor: VendorMicrosoft, Says: "Desktop apps use interactive authorization code + PKCE; device code only for browserless apps.", Grade: Agrees},
		},
		Standards: "With a browser on the same machine: authorization code + PKCE with a loopback redirect; the device grant is for browserless or input-constrained devices.",
		Refs:      []Ref{RFC8252.S("7.3"), RFC8628.S("1"), CrossDevice.S("6.2.1.5")},
	},
	{
		ID:        "bff-for-spa",
		Topic:     "Backend-for-frontend for SPAs",
		Answers:   map[string]string{FacetClient: ClientSPA},
		Caveat:    CaveatSPAPreferBFF,
		Seed:      "Browser-only authorization code + PKCE; no backend-for-frontend.",
		SeedGrade: Differs,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "Browser-only authorization code + PKCE.", Grade: Differs},
			{Vendor: VendorOkta, Says: "Browser-only authorization code + PKCE (or Interaction Code).", Grade: Differs},
			{Vendor: VendorMicrosoft, Says: "Browser-only authorization code + PKCE (MSAL.js).", Grade: Differs},
		},
		Standards: "A backend-for-frontend first for business or personal data; a browser-only client is the least secure pattern, not recommended for such apps.",
		Refs:      []Ref{RFC10017.S("6.1"), RFC10017.S("6.3"), RFC9700.S("2.2.2")},
	},
	{
		ID:        "client-credentials-for-users",
		Topic:     "A service calling an API for a user",
		Answers:   map[string]string{FacetClient: ClientService},
		Caveat:    CaveatTokenExchangeUser,
		Seed:      "No case for a call made for a user: the seed sends calls that involve no end user (\"a batch program or an API calling another API\") to client credentials, and never mentions token exchange.",
		SeedGrade: Silent,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "On-Behalf-Of token exchange (RFC 8693): client credentials would lose the user's context.", Grade: Agrees, Source: &Auth0OBOGuide},
			{Vendor: VendorOkta, Says: "On-Behalf-Of token exchange; client credentials loses the user context.", Grade: Agrees, Source: &OktaTokenExchangeGuide},
			{Vendor: VendorMicrosoft, Says: "On-behalf-of (the jwt-bearer grant with requested_token_use=on_behalf_of, not RFC 8693).", Grade: Agrees},
		},
		Standards: "Token exchange (delegation with an act claim) keeps the user; tokens should be audience-restricted.",
		Refs:      []Ref{RFC8693.S("1.1"), RFC8693.S("4.1"), RFC9700.S("2.3")},
	},
	{
		ID:        "agents",
		Topic:     "AI agents and MCP clients",
		Answers:   map[string]string{FacetClient: ClientAgent},
		Caveat:    CaveatAgentRegistration,
		Seed:      "No case for AI agents or MCP clients: the page predates them, and names neither resource indicators, protected resource metadata nor client ID metadata documents.",
		SeedGrade: Silent,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "No case for an AI agent or MCP client on the decision page: it predates them.", Grade: Silent},
			{Vendor: VendorOkta, Says: "No case for an AI agent or MCP client on the flow guide: it predates them.", Grade: Silent},
			{Vendor: VendorMicrosoft, Says: "No case for an AI agent or MCP client in the app-types scenario table: it predates them.", Grade: Silent},
		},
		Standards: "Authorization code + PKCE with resource on the authorization and token requests; the authorization server found from the resource's 401 and its protected resource metadata; a client ID metadata document where the server supports it, else dynamic registration, else a pre-registered client; tokens bound to one resource and never passed through to another.",
		Refs:      []Ref{RFC8707.S("2"), RFC9728.S("3.3"), MCPAuth.S("5"), MCPAuth.S("11.8")},
	},
	{
		// gravitee-access-management 4.12.4: ApplicationWebTemplate.update,
		// ApplicationAbstractTemplate.defaultAuthorizationCodeResponseTypes,
		// OIDCSettings.defaultSettings (unchanged since 3.0.0 / 2.10.3).
		ID:        "am-template-defaults",
		Topic:     "What the server enables by default",
		Answers:   map[string]string{FacetClient: ClientWeb},
		Caveat:    CaveatExactRedirects,
		Seed:      "The seed recommends authorization code for web apps, but Gravitee AM itself creates every WEB application with the password grant and the response types code token and code id_token token (BROWSER and NATIVE applications get those response types too), and matches redirect URIs by path prefix unless the domain turns strict matching on (ApplicationWebTemplate, OIDCSettings, AM 3.0 to 4.12.4): a client registered as the seed says enables what the seed rejects until its grants and response types are set explicitly.",
		SeedGrade: Differs,
		Vendors: []Position{
			{Vendor: VendorAuth0, Says: "A new application without explicit grant types gets implicit, authorization_code and refresh_token (and client_credentials unless it is a SPA or native app).", Grade: Differs, Source: &Auth0GrantTypes},
			{Vendor: VendorOkta, Says: "okta_app_oauth defaults grant_types to the type's minimum: authorization_code for web, native and browser apps, client_credentials for service apps.", Grade: Agrees, Source: &OktaAppOAuth},
		},
		Standards: "The password grant MUST NOT be used, response types that issue access tokens at the authorization endpoint SHOULD NOT be, and redirect URIs are compared by exact string matching; a registration should enable only what the client uses.",
		Refs:      []Ref{RFC9700.S("2.4"), RFC9700.S("2.1.2"), RFC9700.S("4.1.3")},
	},
}

// Disagreements returns the points where the seed, vendors and standards
// differ, in the order the docs list them.
func Disagreements() []Disagreement { return disagreements }
