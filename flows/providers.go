package flows

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
}

// Provider is an authorization server product and what it supports.
type Provider struct {
	ID   string
	Name string
	Note string
	Gaps []Gap
}

var providers = []Provider{
	{
		ID: ProviderGravitee, Name: "Gravitee AM", Note: "Gravitee Access Management 4.x",
		Gaps: []Gap{
			// GrantTypeUtils.java comments device_code out; ApplicationServiceImpl logs it is "not currently supported by AM" (4.12.4).
			{Flow: DeviceCode, Text: "Gravitee AM (≤ 4.12) has no device authorization grant; for a CLI use authorization code + PKCE with a loopback redirect, for devices consider CIBA.", Source: "gravitee-access-management 4.12.4 GrantTypeUtils.java"},
			// DPoP is only in HEAD (4.13.0-alpha), no release tag contains it.
			{Extension: ExtDPoP, Text: "Gravitee AM (≤ 4.12) has no DPoP; sender-constrain tokens with mTLS (RFC 8705), which AM supports since 4.10.", Source: "gravitee-access-management commit 9eb26a2 (HEAD only)"},
		},
	},
	{ID: ProviderKeycloak, Name: "Keycloak", Note: "Keycloak 17+ (Quarkus distribution)"},
	{
		ID: ProviderAuth0, Name: "Auth0", Note: "Auth0 by Okta",
		Gaps: []Gap{
			// Auth0 has no RFC 8693 grant for arbitrary clients: Custom Token Exchange is an Enterprise feature driven by an Action.
			{Flow: TokenExchange, Text: "Auth0 offers token exchange only as Custom Token Exchange (an Action, Enterprise plans); check your plan before relying on it.", Source: "auth0 docs: Custom Token Exchange"},
		},
	},
	{ID: ProviderOkta, Name: "Okta", Note: "Okta org or custom authorization server"},
	{
		ID: ProviderEntra, Name: "Microsoft Entra ID", Note: "Microsoft identity platform v2.0",
		Gaps: []Gap{
			{Extension: ExtPAR, Text: "Entra ID documents no pushed authorization request endpoint; keep the request short and signed (JAR) or put a gateway in front.", Source: "entra-docs v2-protocols.md"},
			{Flow: CIBA, Text: "Entra ID has no CIBA endpoint; use the device authorization grant or an authenticator push of your own.", Source: "entra-docs v2-protocols.md"},
			{Flow: TokenExchange, Text: "Entra ID implements on-behalf-of with the jwt-bearer grant and requested_token_use=on_behalf_of, not RFC 8693.", Source: "entra-docs v2-oauth2-on-behalf-of-flow.md"},
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
	},
	{ID: ProviderGeneric, Name: "Generic", Note: "any standards-compliant server (endpoints from --issuer discovery)"},
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
