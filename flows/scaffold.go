package flows

import (
	"embed"
	"fmt"
)

// ScaffoldFormat is a configuration format `scaffold --as` writes: what it
// is, the template that renders it (scaffold/<format>.tmpl) and what the
// format, or the server behind it, cannot express.
type ScaffoldFormat struct {
	Format Format
	// Name says what the output is, for help text and messages.
	Name string
	// Provider is the provider profile whose flow gaps apply ("" none).
	Provider string
	// PerInstance is true for a format that is the metadata one
	// installation sends when it registers itself (RFC 7591 §3). The others
	// declare one client for every installation, which cannot express a
	// native app that is confidential by per-instance registration.
	PerInstance bool
	// MetadataDocument is true for a client ID metadata document: its
	// client_id is the https URL it is served at (--client-id, required and
	// checked by IsClientIDURL), and it can carry no shared secret (CIMD
	// §4.1), so a recommendation with one is refused.
	MetadataDocument bool
	// Gaps are recommendations the format cannot express: scaffold exits 2
	// with the gap's text (what to do instead).
	Gaps []Gap
	// Notes are recommendations the format can only partly express (a
	// server-wide setting, a substitute): scaffold still writes the
	// configuration and prints the note on stderr. A format may also have
	// a notes template, scaffold/<format>.notes.tmpl, for notes that name
	// the scaffold's own values (the calls that apply it).
	Notes []Gap
	// RefreshWith are the grants the server accepts refresh_token with
	// (empty: any): without one of them the scaffold leaves refresh_token
	// out rather than write a registration the server rejects.
	RefreshWith []string
}

// Gap texts shared by formats.
var (
	gapAuth0JWTBearer = Gap{Flow: JWTBearer,
		Text:   "Auth0 has no RFC 7523 JWT bearer authorization grant; have the partner present a token for Custom Token Exchange (an Auth0 Action), or authenticate it with private_key_jwt and client credentials.",
		Source: "auth0 docs: Application Grant Types (no urn:ietf:params:oauth:grant-type:jwt-bearer)"}
	gapOktaRequired = "okta_app_oauth requires authorization_code on every web and native app and client_credentials on every service app (terraform-provider-okta appRequirementsByType), so this client cannot be declared without a grant the recommendation does not use; "
	noteRFC7591PKCE = Gap{Extension: "pkce",
		Text: "RFC 7591 metadata cannot require PKCE: enforce S256 on the server (Hydra oauth2.pkce.enforced, node-oidc-provider pkce.required)."}
	// requireParRequest is no field of PatchApplicationOAuthSettings (nor
	// of NewApplication, nor in the console) in any AM release up to
	// 4.12.4; DynamicClientRegistrationRequest maps
	// require_pushed_authorization_requests to it.
	gapGraviteePAR = Gap{Extension: ExtPAR,
		Text:   "Gravitee AM's Management API cannot require PAR for an application (requireParRequest is not a field it accepts, in any version up to 4.12.4); only AM's dynamic client registration sets it: scaffold the registration metadata instead (whichflow scaffold --as rfc7591 --provider gravitee, with the same answers) and POST it to the domain's registration endpoint ({base-url}/{domain}/oidc/register) with the domain's dynamic client registration enabled.",
		Source: "gravitee-access-management 4.12.4 PatchApplicationOAuthSettings.java, DynamicClientRegistrationRequest.java"}
	// DPoP is on AM's master only (commit 9eb26a27cc, for 4.13); certificate-
	// bound tokens came with 3.11.0 (2c17f98778).
	noteGraviteeDPoP = Gap{Extension: ExtDPoP,
		Text: "Gravitee AM has no DPoP in any release up to 4.12.4 (it is on AM's master for 4.13): access tokens are bound to the client's mTLS certificate instead (tlsClientCertificateBoundAccessTokens, since AM 3.11.0), so the client calls the token endpoint over mutual TLS."}
	// GrantTypeUtils.validateGrantTypes (4.12.4): refresh_token "must be
	// associated with one of authorization_code, password, jwt-bearer".
	graviteeRefreshWith  = []string{GrantAuthorizationCode, GrantPassword, GrantJWTBearer}
	noteKeycloakRotation = Gap{Extension: "rotation",
		Text: "Keycloak rotates refresh tokens per realm: set revokeRefreshToken true (Realm settings > Tokens > Revoke refresh token) for this public client."}
)

var scaffoldFormats = []ScaffoldFormat{
	{
		Format: FormatRFC7591, Name: "RFC 7591 client metadata (JSON)",
		PerInstance: true,
		Notes:       []Gap{noteRFC7591PKCE},
	},
	{
		Format: FormatKeycloak, Name: "Keycloak client representation (realm-export JSON)",
		Provider: ProviderKeycloak,
		Notes: []Gap{noteKeycloakRotation,
			{Extension: "secret", Text: "No secret is written: Keycloak generates one on import; read it from the client's Credentials tab or the admin API into your secret store."},
			{Flow: JWTBearer, Text: "Keycloak's JWT authorization grant (26.5+, feature jwt-authorization-grant) trusts the identity provider alias partner-idp: create that identity provider for the partner's issuer."}},
	},
	{
		Format: FormatTerraformKeycloak, Name: "Terraform keycloak_openid_client (keycloak/keycloak provider)",
		Provider: ProviderKeycloak,
		Notes: []Gap{noteKeycloakRotation,
			{Flow: JWTBearer, Text: "Keycloak's JWT authorization grant (26.5+, feature jwt-authorization-grant) trusts the identity provider alias in var.partner_idp_alias: create that identity provider for the partner's issuer."}},
	},
	{
		Format: FormatTerraformOkta, Name: "Terraform okta_app_oauth (okta/okta provider)",
		Provider: ProviderOkta,
		Gaps: []Gap{
			{Flow: DeviceCode, Text: gapOktaRequired + "create the native app with the Device Authorization grant in the Admin Console, or use authorization code + PKCE with a loopback redirect where a browser exists.", Source: "terraform-provider-okta resource_okta_app_oauth.go appRequirementsByType"},
			{Flow: CIBA, Text: gapOktaRequired + "create the web app with the CIBA grant in the Admin Console (it will carry authorization_code), or use the device grant.", Source: "terraform-provider-okta resource_okta_app_oauth.go appRequirementsByType"},
			{Flow: TokenExchange, Text: gapOktaRequired + "Okta's on-behalf-of token exchange needs an API service app that also holds client_credentials; create it in the Admin Console and keep its client-credentials access scoped to nothing.", Source: "terraform-provider-okta resource_okta_app_oauth.go appRequirementsByType"},
			{Flow: JWTBearer, Text: "okta_app_oauth accepts the JWT bearer grant only on native apps (Okta's own assertion flows), not for a confidential partner: use token exchange (--assertion token) on a custom authorization server.", Source: "terraform-provider-okta resource_okta_app_oauth.go appRequirementsByType"},
		},
		Notes: []Gap{
			{Extension: ExtPAR, Text: "okta_app_oauth has no PAR switch: require PAR in the app's settings (Admin Console or Apps API require_pushed_authorization_requests)."},
			{Extension: ExtDPoP, Text: "okta_app_oauth has no DPoP switch: turn on \"Require DPoP header in token requests\" in the app's settings (Apps API dpop_bound_access_tokens)."},
		},
	},
	{
		Format: FormatTerraformAuth0, Name: "Terraform auth0_client + auth0_client_credentials (auth0/auth0 provider)",
		Provider: ProviderAuth0,
		Gaps:     []Gap{gapAuth0JWTBearer},
	},
	{
		Format: FormatAuth0, Name: "Auth0 Deploy CLI tenant.yaml clients entry",
		Provider: ProviderAuth0,
		Gaps:     []Gap{gapAuth0JWTBearer},
		Notes:    []Gap{{Extension: "secret", Text: "Set AUTH0_KEYWORD_REPLACE_MAPPINGS so that ##CLIENT_SECRET## comes from your secret store (or delete the line and let Auth0 generate the secret)."}},
	},
	{
		Format: FormatSpring, Name: "Spring Authorization Server application.yml registration",
		Gaps: []Gap{
			{Flow: CIBA, Text: "Spring Authorization Server has no CIBA endpoint; use the device grant (--client device), which it supports since 1.1.", Source: "spring-authorization-server AuthorizationGrantType"},
			{Flow: JWTBearer, Text: "Spring Authorization Server uses JWT bearer only for client authentication (private_key_jwt), not as an authorization grant; use token exchange (--assertion token), supported since 1.3.", Source: "spring-authorization-server AuthorizationGrantType"},
		},
		Notes: []Gap{
			{Extension: ExtDPoP, Text: "Spring Authorization Server (1.5+) binds tokens to DPoP when the client sends a DPoP proof but cannot require it per client: make the client always send one."},
			{Extension: ExtPAR, Text: "Spring Authorization Server has no per-client PAR requirement in its Boot properties: enforce PAR in the server (a filter rejecting authorization requests without request_uri)."},
			{Extension: "secret", Text: "client-secret reads a PasswordEncoder hash from CLIENT_SECRET_BCRYPT (for example: htpasswd -bnBC 10 \"\" \"$CLIENT_SECRET\" | tr -d ':\\n'); the plain secret stays with the client."},
		},
	},
	{
		Format: FormatGravitee, Name: "Gravitee AM application (Management API JSON)",
		Provider: ProviderGravitee,
		Gaps:     []Gap{gapGraviteePAR},
		Notes: []Gap{
			noteGraviteeDPoP,
			{Flow: JWTBearer, Text: "Gravitee AM implements the JWT bearer grant as an extension grant: create one for the partner's issuer and replace EXTENSION_GRANT_ID with its id."},
		},
		RefreshWith: graviteeRefreshWith,
	},
	{
		Format: FormatTerraformGravitee, Name: "Terraform graviteeam_application (maxvanp/graviteeam provider)",
		Provider: ProviderGravitee,
		Gaps:     []Gap{gapGraviteePAR},
		Notes: []Gap{
			noteGraviteeDPoP,
			{Flow: JWTBearer, Text: "Gravitee AM implements the JWT bearer grant as an extension grant: create one (graviteeam_extension_grant) for the partner's issuer and replace EXTENSION_GRANT_ID with its id."},
		},
		RefreshWith: graviteeRefreshWith,
	},
	{
		Format: FormatClientMetadata, Name: "OAuth client ID metadata document (JSON, served at its client_id)",
		MetadataDocument: true,
		Notes:            []Gap{noteRFC7591PKCE},
	},
}

// Info is the format's entry in the format table: its usual extension and
// syntax (what the renderer normalises).
func (s ScaffoldFormat) Info() FormatInfo {
	fi, _ := FormatByID(s.Format)
	return fi
}

//go:embed scaffold/*.tmpl
var scaffoldFS embed.FS

// ScaffoldFormats returns the formats scaffold writes, in help order.
func ScaffoldFormats() []ScaffoldFormat { return scaffoldFormats }

// ScaffoldFormatIDs lists the values of `scaffold --as`.
func ScaffoldFormatIDs() []string {
	out := make([]string, len(scaffoldFormats))
	for i, f := range scaffoldFormats {
		out[i] = string(f.Format)
	}
	return out
}

// ScaffoldFormatByID looks a scaffold format up.
func ScaffoldFormatByID(id Format) (ScaffoldFormat, bool) {
	for _, f := range scaffoldFormats {
		if f.Format == id {
			return f, true
		}
	}
	return ScaffoldFormat{}, false
}

// Template returns the format's template text (scaffold/<format>.tmpl).
func (f ScaffoldFormat) Template() (string, error) {
	b, err := scaffoldFS.ReadFile("scaffold/" + string(f.Format) + ".tmpl")
	if err != nil {
		return "", fmt.Errorf("no scaffold template for %s: %w", f.Format, err)
	}
	return string(b), nil
}

// FlowGap returns what keeps the format from expressing a flow: its own
// gaps first, then its provider's.
func (f ScaffoldFormat) FlowGap(id FlowID) (Gap, bool) {
	for _, g := range f.Gaps {
		if g.Flow == id {
			return g, true
		}
	}
	if p, ok := ProviderByID(f.Provider); ok {
		return p.FlowGap(id)
	}
	return Gap{}, false
}

// ExtensionGap returns the format's own gap for the first of exts it
// cannot express (the provider's extension gaps are advice, not refusals).
func (f ScaffoldFormat) ExtensionGap(exts []string) (Gap, bool) {
	for _, e := range exts {
		for _, g := range f.Gaps {
			if g.Extension != "" && g.Extension == e {
				return g, true
			}
		}
	}
	return Gap{}, false
}

// NotesTemplate returns the format's notes template
// (scaffold/<format>.notes.tmpl), if it has one.
func (f ScaffoldFormat) NotesTemplate() (string, bool) {
	b, err := scaffoldFS.ReadFile("scaffold/" + string(f.Format) + ".notes.tmpl")
	return string(b), err == nil
}

// Note returns the format's note for a flow or an extension key (an Ext*
// value, or "pkce", "rotation", "secret").
func (f ScaffoldFormat) Note(flow FlowID, ext string) (Gap, bool) {
	for _, g := range f.Notes {
		if (flow != "" && g.Flow == flow) || (ext != "" && g.Extension == ext) {
			return g, true
		}
	}
	return Gap{}, false
}
