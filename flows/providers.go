package flows

import (
	"net/url"
	"slices"
	"strings"
)

// Provider IDs (values of --provider).
const (
	ProviderGravitee = "gravitee"
	ProviderKeycloak = "keycloak"
	ProviderAuth0    = "auth0"
	ProviderOkta     = "okta"
	ProviderEntra    = "entra"
	ProviderHydra    = "hydra"
	ProviderGeneric  = "generic"
)

// Gap is something a provider cannot do: a flow or an extension.
type Gap struct {
	Flow      FlowID // set for a missing grant
	Extension string // set for a missing extension (Ext*)
	Text      string // what to do instead
	Source    string // where the fact comes from
	// Cites are the standards the gap or note is about, when they are not
	// the flow's or extension's own (see Refs).
	Cites []Ref
}

// Provider is an authorization server product and what it supports.
type Provider struct {
	ID   string
	Name string
	Note string
	Gaps []Gap
	// Notes are what the provider does differently where it does support
	// a flow or extension: advise states them (provider-behaviour) when the
	// recommendation uses that flow or extension.
	Notes []Gap
	// Params are the values its endpoint templates need (a flag each on
	// `snippet`: --base-url, --realm, ...).
	Params []Param
	// Endpoints are URL templates with {param} placeholders. An empty
	// template means the provider has no such endpoint (or none documented).
	Endpoints Endpoints
	// Source cites where the templates come from.
	Source string
	// Quirks are provider-specific request parameters and notes.
	Quirks Quirks
}

// Param is a value a provider's endpoint templates need.
type Param struct {
	Name    string // flag name and {placeholder}: "realm"
	Help    string
	Default string // a recognisable placeholder, used when the flag is absent
}

// Endpoints are an authorization server's URLs (RFC 8414 metadata names).
type Endpoints struct {
	Issuer        string // issuer
	Authorization string // authorization_endpoint
	Token         string // token_endpoint
	Device        string // device_authorization_endpoint (RFC 8628 §4)
	PAR           string // pushed_authorization_request_endpoint (RFC 9126 §5)
	CIBA          string // backchannel_authentication_endpoint (CIBA Core §4)
	Userinfo      string // userinfo_endpoint (OIDC Core §5.3): the protected resource a DPoP snippet calls
}

// Quirks are what a provider needs beyond the standard requests.
type Quirks struct {
	// ClientCredentialsScope is the scope to send for client credentials
	// when --scope is absent (Entra: "{resource}/.default").
	ClientCredentialsScope string
	// AudienceRequired: the token request needs `audience` (Auth0's API
	// identifier) for client credentials and token exchange.
	AudienceRequired bool
	// AudienceDefault is the placeholder audience when --audience is absent.
	AudienceDefault string
	// Notes are printed in the snippet's header.
	Notes []string
}

// Parameter names used by the endpoint templates.
const (
	ParamBaseURL             = "base-url"
	ParamRealm               = "realm"
	ParamDomain              = "domain"
	ParamTenant              = "tenant"
	ParamAuthorizationServer = "authorization-server"
)

var providers = []Provider{
	{
		ID: ProviderGravitee, Name: "Gravitee AM", Note: "Gravitee Access Management 4.x (checked against 4.12.4, the newest release, and master at 35b314b2c3)",
		Gaps: []Gap{
			// GrantTypeUtils.SUPPORTED_GRANT_TYPES comments DEVIDE_CODE out
			// and ApplicationServiceImpl drops device_code as "not currently
			// supported by AM", in every tag and on master 35b314b2c3; pull
			// request #8455 (open) adds the grant.
			{Flow: DeviceCode, Text: "Gravitee AM has no device authorization grant in any release up to 4.12.4 (nor on its master branch; a pull request adding it is open); for a CLI use authorization code + PKCE with a loopback redirect, for devices consider CIBA.", Source: "gravitee-access-management 4.12.4 GrantTypeUtils.java"},
			// DPoP came with commit 9eb26a27cc (2026-08-03) on master only,
			// for 4.13; no release or pre-release tag (up to 4.12.4,
			// 4.13.0-alpha.3) contains it. Certificate-bound access tokens
			// (tlsClientCertificateBoundAccessTokens) since 3.11.0 (2c17f98778).
			{Extension: ExtDPoP, Text: "Gravitee AM has no DPoP in any release up to 4.12.4 (it is on AM's master branch, for 4.13); sender-constrain tokens with mTLS (RFC 8705) instead, which AM supports since 3.11.0.", Source: "gravitee-access-management commit 9eb26a27cc (master only)"},
		},
		Notes: []Gap{
			// ApplicationWebTemplate.update and its siblings (identical from
			// 3.0.0 to 4.12.4): the defaults when an application has no
			// grants (at every Management API create), and the 4 code
			// response types added for authorization_code when none is set.
			{Flow: AuthorizationCode, Text: "Gravitee AM's application templates enable more than this: every WEB application is created with the password grant, and WEB, BROWSER and NATIVE applications with the response types code token and code id_token token, which return access tokens from the authorization endpoint (ApplicationWebTemplate and its siblings, AM 3.0 to 4.12.4). Set grantTypes and responseTypes [\"code\"] explicitly after creating the application (whichflow scaffold --as gravitee prints both calls); the console cannot remove response types.",
				Source: "gravitee-access-management 4.12.4 ApplicationWebTemplate.java, ApplicationAbstractTemplate.java", Cites: []Ref{RFC9700.S("2.4"), RFC9700.S("2.1.2")}},
			// OIDCSettings.defaultSettings: redirectUriStrictMatching false;
			// ParamUtils.redirectMatches then matches by path prefix and
			// compares ports (no RFC 8252 §7.3 exception but for CIMD clients).
			{Flow: AuthorizationCode, Text: "Gravitee AM matches redirect URIs by path prefix unless the domain turns oidc.redirectUriStrictMatching on (off by default in every version): turn it on. It also compares a loopback redirect's port (no RFC 8252 §7.3 port-agnostic matching for pre-registered clients), so register the exact port.",
				Source: "gravitee-access-management 4.12.4 OIDCSettings.java, ParamUtils.redirectMatches", Cites: []Ref{RFC9700.S("4.1.3"), RFC8252.S("7.3")}},
			// ApplicationOAuthSettings.forcePKCE / forceS256CodeChallengeMethod
			// are primitive booleans (false); only the BROWSER and NATIVE
			// templates set them; parsePKCEParameter accepts plain otherwise.
			{Flow: AuthorizationCode, Text: "Gravitee AM requires PKCE only with forcePKCE and S256 only with forceS256CodeChallengeMethod: both are off by default (the BROWSER and NATIVE templates turn them on at creation), and without S256 forced AM accepts plain. Turn both on for every application.",
				Source: "gravitee-access-management 4.12.4 AuthorizationRequestParseParametersHandler.parsePKCEParameter", Cites: []Ref{RFC9700.S("2.1.1"), RFC7636.S("4.2")}},
			// PAR since 3.11.0 (d4ebc12ad7); requireParRequest is no field of
			// PatchApplicationOAuthSettings, only DynamicClientRegistrationRequest
			// maps require_pushed_authorization_requests to it.
			{Extension: ExtPAR, Text: "Gravitee AM supports PAR since 3.11.0, but requires it for an application only when the application was registered by dynamic client registration with require_pushed_authorization_requests: its Management API and console cannot set it (up to 4.12.4).",
				Source: "gravitee-access-management 4.12.4 PatchApplicationOAuthSettings.java, DynamicClientRegistrationRequest.java"},
			// CIBA since 3.15.0 (f4c6e77cf8); backchannel* only in
			// DynamicClientRegistrationRequest; GrantTypeUtils.validateGrantTypes
			// refuses refresh_token without authorization_code, password or jwt-bearer.
			{Flow: CIBA, Text: "Gravitee AM supports CIBA since 3.15.0 once the domain enables it (oidc.cibaSettings); backchannel_token_delivery_mode can only be set by dynamic client registration, and AM accepts refresh_token only next to authorization_code, password or jwt-bearer, so a CIBA client gets no refresh tokens.",
				Source: "gravitee-access-management 4.12.4 GrantTypeUtils.validateGrantTypes, DynamicClientRegistrationRequest.java"},
		},
		Params: []Param{
			{ParamBaseURL, "Gravitee AM gateway URL", "http://localhost:8092"},
			{ParamDomain, "Gravitee AM security domain (its path)", "my-domain"},
		},
		// Source: gravitee-access-management OpenIDDiscoveryServiceImpl.java,
		// OAuth2Provider.java, DiscoveryConstants.java (reference/standards.md §3).
		// AM serves OIDC discovery only; no RFC 8414 route.
		Source: "Gravitee AM OAuth2Provider.java / OpenIDDiscoveryServiceImpl.java",
		Endpoints: Endpoints{
			Issuer:        "{base-url}/{domain}/oidc",
			Authorization: "{base-url}/{domain}/oauth/authorize",
			Token:         "{base-url}/{domain}/oauth/token",
			PAR:           "{base-url}/{domain}/oauth/par",
			CIBA:          "{base-url}/{domain}/oidc/ciba/authenticate",
		},
	},
	{
		ID: ProviderKeycloak, Name: "Keycloak", Note: "Keycloak 17+ (Quarkus distribution)",
		Params: []Param{
			{ParamBaseURL, "Keycloak URL (add /auth for pre-17 WildFly builds)", "https://keycloak.example.com"},
			{ParamRealm, "Keycloak realm", "myrealm"},
		},
		// Source: https://www.keycloak.org/securing-apps/oidc-layers and the
		// Server Admin Guide §10.1.3; PAR path from live discovery documents
		// (reference/standards.md §3).
		Source: "keycloak.org/securing-apps/oidc-layers",
		Endpoints: Endpoints{
			Issuer:        "{base-url}/realms/{realm}",
			Authorization: "{base-url}/realms/{realm}/protocol/openid-connect/auth",
			Token:         "{base-url}/realms/{realm}/protocol/openid-connect/token",
			Device:        "{base-url}/realms/{realm}/protocol/openid-connect/auth/device",
			PAR:           "{base-url}/realms/{realm}/protocol/openid-connect/ext/par/request",
			CIBA:          "{base-url}/realms/{realm}/protocol/openid-connect/ext/ciba/auth",
		},
		Quirks: Quirks{Notes: []string{"Keycloak: enable the flow on the client (Standard flow, Service accounts, OAuth 2.0 Device Authorization Grant, CIBA) in the realm."}},
	},
	{
		ID: ProviderAuth0, Name: "Auth0", Note: "Auth0 by Okta",
		Gaps: []Gap{
			// Auth0 has no RFC 8693 grant for arbitrary clients: Custom Token Exchange is an Enterprise feature driven by an Action.
			{Flow: TokenExchange, Text: "Auth0 offers token exchange only as Custom Token Exchange (an Action, Enterprise plans); check your plan before relying on it.", Source: "auth0 docs: Custom Token Exchange"},
		},
		Params: []Param{
			{ParamDomain, "Auth0 tenant domain or custom domain", "your-tenant.us.auth0.com"},
		},
		// Source: auth0/docs-v2 main/docs/get-started/applications/
		// configure-applications-with-oidc-discovery.mdx and the Authentication
		// API pages (reference/standards.md §3). The issuer ends with "/".
		Source: "auth0 docs: configure-applications-with-oidc-discovery",
		Endpoints: Endpoints{
			Issuer:        "https://{domain}/",
			Authorization: "https://{domain}/authorize",
			Token:         "https://{domain}/oauth/token",
			Device:        "https://{domain}/oauth/device/code",
			PAR:           "https://{domain}/oauth/par",
			CIBA:          "https://{domain}/bc-authorize",
		},
		Quirks: Quirks{
			AudienceRequired: true,
			AudienceDefault:  "https://api.example.com",
			Notes:            []string{"Auth0: `audience` is the API identifier (APIs in the dashboard); without it Auth0 issues an opaque token for /userinfo only."},
		},
	},
	{
		ID: ProviderOkta, Name: "Okta", Note: "Okta org or custom authorization server",
		Params: []Param{
			{ParamDomain, "Okta org domain", "your-org.okta.com"},
			{ParamAuthorizationServer, "Okta custom authorization server ID", "default"},
		},
		// Source: okta-developer-docs docs/concepts/auth-servers/index.md and
		// the device, CIBA and token-exchange guides (reference/standards.md §3).
		// PAR is not in the docs read: use --issuer to read it from discovery.
		Source: "okta-developer-docs concepts/auth-servers",
		Endpoints: Endpoints{
			Issuer:        "https://{domain}/oauth2/{authorization-server}",
			Authorization: "https://{domain}/oauth2/{authorization-server}/v1/authorize",
			Token:         "https://{domain}/oauth2/{authorization-server}/v1/token",
			Device:        "https://{domain}/oauth2/{authorization-server}/v1/device/authorize",
			CIBA:          "https://{domain}/oauth2/{authorization-server}/v1/bc/authorize",
		},
	},
	{
		ID: ProviderEntra, Name: "Microsoft Entra ID", Note: "Microsoft identity platform v2.0",
		Gaps: []Gap{
			{Extension: ExtPAR, Text: "Entra ID documents no pushed authorization request endpoint; keep the request short and signed (JAR) or put a gateway in front.", Source: "entra-docs v2-protocols.md"},
			{Flow: CIBA, Text: "Entra ID has no CIBA endpoint; use the device authorization grant or an authenticator push of your own.", Source: "entra-docs v2-protocols.md"},
			{Flow: TokenExchange, Text: "Entra ID implements on-behalf-of with the jwt-bearer grant and requested_token_use=on_behalf_of, not RFC 8693.", Source: "entra-docs v2-oauth2-on-behalf-of-flow.md"},
			{Extension: ExtDPoP, Text: "Entra ID documents no DPoP for its v2.0 endpoints; use certificate credentials (private_key_jwt) and short-lived tokens.", Source: "entra-docs v2-protocols.md"},
		},
		Params: []Param{
			{ParamTenant, "Entra tenant: GUID, domain, organizations or common", "your-tenant-id"},
		},
		// Source: entra-docs v2-protocols.md, v2-protocols-oidc.md,
		// v2-oauth2-client-creds-grant-flow.md (reference/standards.md §3).
		Source: "entra-docs v2-protocols.md",
		Endpoints: Endpoints{
			Issuer:        "https://login.microsoftonline.com/{tenant}/v2.0",
			Authorization: "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
			Token:         "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
			Device:        "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode",
		},
		Quirks: Quirks{
			// Client credentials on the v2.0 endpoint take "{resource}/.default".
			ClientCredentialsScope: "https://graph.microsoft.com/.default",
			Notes:                  []string{"Entra: client credentials ask for `{resource}/.default` (for your own API `api://{app-id}/.default`)."},
		},
	},
	{
		ID: ProviderHydra, Name: "Ory Hydra", Note: "Ory Hydra / Ory Network",
		Gaps: []Gap{
			{Extension: ExtPAR, Text: "Ory Hydra has no pushed authorization request endpoint.", Source: "ory/hydra oauth2/handler.go"},
			{Extension: ExtDPoP, Text: "Ory Hydra has no DPoP; sender-constrain with mTLS at a proxy or accept bearer tokens with short lifetimes.", Source: "ory/hydra oauth2/handler.go"},
			{Flow: CIBA, Text: "Ory Hydra has no CIBA endpoint.", Source: "ory/hydra oauth2/handler.go"},
			{Flow: TokenExchange, Text: "Ory Hydra has no RFC 8693 token exchange (its client.go calls jwt-bearer \"token exchange\"; it is RFC 7523).", Source: "ory/hydra client/client.go"},
		},
		Params: []Param{
			{ParamBaseURL, "Hydra public URL (port 4444 by default; introspection is on the admin port)", "http://127.0.0.1:4444"},
		},
		// Source: ory/hydra@83127c5 oauth2/handler.go; device endpoints since
		// v25.4.0 (reference/standards.md §3).
		Source: "ory/hydra oauth2/handler.go",
		Endpoints: Endpoints{
			Issuer:        "{base-url}",
			Authorization: "{base-url}/oauth2/auth",
			Token:         "{base-url}/oauth2/token",
			Device:        "{base-url}/oauth2/device/auth",
		},
	},
	{
		ID: ProviderGeneric, Name: "Generic", Note: "any standards-compliant server (endpoints from --issuer discovery)",
		Params: []Param{
			{ParamBaseURL, "authorization server URL (placeholder paths: prefer --issuer)", "https://as.example.com"},
		},
		// Placeholder paths: a generic server's real ones come from --issuer
		// discovery (RFC 8414 / OpenID Connect Discovery).
		Source: "placeholders (pass --issuer to read the real endpoints)",
		Endpoints: Endpoints{
			Issuer:        "{base-url}",
			Authorization: "{base-url}/authorize",
			Token:         "{base-url}/token",
			Device:        "{base-url}/device_authorization",
			PAR:           "{base-url}/par",
			CIBA:          "{base-url}/bc-authorize",
		},
	},
}

// ParamNames lists every endpoint template parameter across providers, in
// first-use order (the `snippet` flags).
func ParamNames() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range providers {
		for _, x := range p.Params {
			if !seen[x.Name] {
				seen[x.Name] = true
				out = append(out, x.Name)
			}
		}
	}
	return out
}

// Expand fills the provider's endpoint templates with values; a parameter
// without a value takes its placeholder default, and is reported in
// defaulted.
func (p Provider) Expand(values map[string]string) (e Endpoints, defaulted []string) {
	pairs := []string{}
	for _, x := range p.Params {
		v := values[x.Name]
		if v == "" {
			v = x.Default
			defaulted = append(defaulted, x.Name)
		}
		if x.Name == ParamBaseURL {
			v = strings.TrimSuffix(v, "/")
		} else {
			// Every other value is one path segment or a host name: a realm
			// named "my realm" becomes my%20realm, and a "/" cannot add
			// segments. (PathEscape leaves a valid host name as it is.)
			v = url.PathEscape(v)
		}
		pairs = append(pairs, "{"+x.Name+"}", v)
	}
	r := strings.NewReplacer(pairs...)
	t := p.Endpoints
	return Endpoints{
		Issuer: r.Replace(t.Issuer), Authorization: r.Replace(t.Authorization), Token: r.Replace(t.Token),
		Device: r.Replace(t.Device), PAR: r.Replace(t.PAR), CIBA: r.Replace(t.CIBA), Userinfo: r.Replace(t.Userinfo),
	}, defaulted
}

// Providers returns the provider profiles.
func Providers() []Provider { return providers }

// ProviderByID looks a provider up.
func ProviderByID(id string) (Provider, bool) {
	for _, p := range providers {
		if p.ID == id {
			return p, true
		}
	}
	return Provider{}, false
}

// ProviderIDs lists the provider IDs.
func ProviderIDs() []string {
	out := make([]string, len(providers))
	for i, p := range providers {
		out[i] = p.ID
	}
	return out
}

// FlowGap returns the provider's gap for a flow, if any.
func (p Provider) FlowGap(id FlowID) (Gap, bool) {
	for _, g := range p.Gaps {
		if g.Flow == id {
			return g, true
		}
	}
	return Gap{}, false
}

// ExtensionGap returns the provider's gap for an extension, if any.
func (p Provider) ExtensionGap(ext string) (Gap, bool) {
	for _, g := range p.Gaps {
		if g.Extension == ext && ext != "" {
			return g, true
		}
	}
	return Gap{}, false
}

// FlowNotes returns the provider's notes for a flow and the extensions a
// recommendation carries, in catalog order.
func (p Provider) FlowNotes(id FlowID, exts []string) []Gap {
	var out []Gap
	for _, g := range p.Notes {
		if (g.Flow != "" && g.Flow == id) || (g.Extension != "" && slices.Contains(exts, g.Extension)) {
			out = append(out, g)
		}
	}
	return out
}
