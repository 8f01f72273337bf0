package flows

import (
	"path"
	"strings"
)

// Syntax is a file syntax whichflow reads (and, for some, writes).
type Syntax string

// The syntaxes.
const (
	SyntaxJSON       Syntax = "json"
	SyntaxYAML       Syntax = "yaml"
	SyntaxHCL        Syntax = "hcl"
	SyntaxProperties Syntax = "properties"
)

// SyntaxInfo is the one table of file extensions and code-fence languages:
// lint's directory walk, clientconfig's sniff, scaffold, the docs and
// `rules` derive from it.
type SyntaxInfo struct {
	Syntax Syntax
	// Exts are the extensions that name the syntax, lower-case with the
	// dot; the first is the usual one.
	Exts []string
	// Fence is the Markdown code fence language.
	Fence string
}

var syntaxes = []SyntaxInfo{
	{Syntax: SyntaxJSON, Exts: []string{".json"}, Fence: "json"},
	{Syntax: SyntaxYAML, Exts: []string{".yaml", ".yml"}, Fence: "yaml"},
	{Syntax: SyntaxHCL, Exts: []string{".tf"}, Fence: "hcl"},
	{Syntax: SyntaxProperties, Exts: []string{".properties"}, Fence: "properties"},
}

// Syntaxes returns every syntax whichflow reads.
func Syntaxes() []SyntaxInfo { return syntaxes }

// SyntaxByID looks a syntax up.
func SyntaxByID(s Syntax) (SyntaxInfo, bool) {
	for _, si := range syntaxes {
		if si.Syntax == s {
			return si, true
		}
	}
	return SyntaxInfo{}, false
}

// SyntaxOfFile is the syntax a file name's extension names (in any case).
func SyntaxOfFile(name string) (SyntaxInfo, bool) {
	ext := strings.ToLower(path.Ext(name))
	for _, si := range syntaxes {
		for _, e := range si.Exts {
			if e == ext {
				return si, true
			}
		}
	}
	return SyntaxInfo{}, false
}

// FormatInfo describes a client-configuration format: what `lint` reads and
// how it interprets it. The docs render one page per format from it.
type FormatInfo struct {
	Format Format
	Name   string
	// Ext is the format's usual file extension; its syntax (Syntax) is
	// scaffold's output and its examples' fence (lint reads the format in
	// other syntaxes too, by content).
	Ext string
	// ExampleName is the base name rule examples of the format are read
	// as, the name such a file usually has in a repository ("realm" for
	// realm.json).
	ExampleName string
	// Files says which files lint recognises as this format (by content).
	Files string
	// Semantics are the reading rules that decide findings: defaults of
	// absent fields, masks, placeholders.
	Semantics []string
	// Source is where the format is documented.
	Source Ref
}

var formats = []FormatInfo{
	{
		Format: FormatRFC7591, Name: "RFC 7591 client metadata", Ext: ".json", ExampleName: "client",
		Files: "JSON or YAML client registrations (RFC 7591 / OpenID Connect Dynamic Registration), Ory Hydra clients, Hydra Maester `OAuth2Client` resources (with the Kubernetes Secret they reference), client metadata documents without an https `client_id` (those with one are [client ID metadata documents](client-metadata.md)).",
		Semantics: []string{
			"Absent fields take RFC 7591 §2 defaults: `grant_types` `[\"authorization_code\"]`, `response_types` `[\"code\"]`, `token_endpoint_auth_method` `client_secret_basic`.",
			"`token_endpoint_auth_method: none` makes the client public.",
			"PKCE enforcement is server policy, not client metadata: PKCE rules do not apply.",
			"A Kubernetes Secret's data referenced by `secretName` is reported on the client that references it.",
		},
		Source: RFC7591.S("2"),
	},
	{
		Format: FormatKeycloak, Name: "Keycloak realm export", Ext: ".json", ExampleName: "realm",
		Files: "Realm exports (`clients[]` in a realm JSON) and single client representations.",
		Semantics: []string{
			"Absent booleans take Keycloak's import defaults: `standardFlowEnabled` true; `publicClient`, `bearerOnly`, `implicitFlowEnabled`, `directAccessGrantsEnabled`, `serviceAccountsEnabled` false.",
			"`implicitFlowEnabled` enables the implicit and hybrid token-bearing response types; `directAccessGrantsEnabled` is the password grant; `serviceAccountsEnabled` is client credentials.",
			"`bearerOnly` clients start no flows: only a literal secret is reported.",
			"PKCE is the attribute `pkce.code.challenge.method` (`S256`, `plain` or empty). Refresh token rotation is the realm's `revokeRefreshToken`.",
			"Relative redirect URIs resolve against `rootUrl`. `secret: \"**********\"` is the export mask, not a secret.",
			"Built-in clients (`account`, `account-console`, `admin-cli`, `broker`, `realm-management`, `security-admin-console`) are skipped unless `--include-builtin`.",
			"The realm (named by `realm`) is checked by the realm-scope rules, with Keycloak's import defaults for what the export leaves out: `sslRequired` external, `revokeRefreshToken` false, `refreshTokenMaxReuse` 0, `offlineSessionMaxLifespanEnabled` false, `accessTokenLifespan` 300 s, `accessCodeLifespan` 60 s, `defaultSignatureAlgorithm` RS256. A client can obtain offline tokens when it has a user-facing flow with refresh tokens and `offline_access` among its client scopes (its own lists, else the realm's default scopes, else Keycloak's defaults, which include it).",
			"Only a trailing `*` (or `*` alone) is a redirect wildcard, as Keycloak matches them; a `*` inside the host (`https://*.example.com/cb`) is compared literally and matches nothing. Web origins are compared exactly: only `*` allows every origin, and `+` stands for the redirect URIs' origins. In `post.logout.redirect.uris` (`##`-separated) `+` stands for the redirect URIs.",
			"SAML (and other non-OIDC) clients are read for `committed-secret` only (a literal `saml.signing.private.key`); the OAuth rules do not apply to them.",
		},
		Source: Doc{"Keycloak Server Administration Guide: OIDC clients", "https://www.keycloak.org/docs/latest/server_admin/#_oidc_clients"}.Whole(),
	},
	{
		Format: FormatTerraformKeycloak, Name: "Terraform keycloak_openid_client", Ext: ".tf", ExampleName: "main",
		Files: "`.tf` files with `keycloak_openid_client` resources (keycloak/keycloak provider).",
		Semantics: []string{
			"Flow switches default to false (`standard_flow_enabled`, `implicit_flow_enabled`, `direct_access_grants_enabled`, `service_accounts_enabled`); `access_type` PUBLIC, CONFIDENTIAL or BEARER-ONLY.",
			"PKCE is `pkce_code_challenge_method`.",
			"Locals and variable defaults declared in the same module directory (any `.tf` file in it) are resolved; variables without a default or set by `terraform.tfvars` / `*.auto.tfvars`, function calls and resource references are unresolved: no rule that needs the value fires on them. Files of the directory without clients (`variables.tf`, `outputs.tf`, ...) are read as part of the module.",
			"The client in findings is the resource address `keycloak_openid_client.NAME`.",
			"`keycloak_realm` resources are realms (named by their address `keycloak_realm.NAME`); `ssl_required` defaults to `external`. Redirect, post-logout and web-origin wildcards are read as Keycloak reads them (see the Keycloak realm export format).",
		},
		Source: Doc{"keycloak_openid_client (Terraform registry)", "https://registry.terraform.io/providers/keycloak/keycloak/latest/docs/resources/openid_client"}.Whole(),
	},
	{
		Format: FormatTerraformOkta, Name: "Terraform okta_app_oauth", Ext: ".tf", ExampleName: "main",
		Files: "`.tf` files with `okta_app_oauth` resources (okta/okta provider).",
		Semantics: []string{
			"`type` web, native, browser or service; `token_endpoint_auth_method = \"none\"` makes the client public.",
			"`pkce_required` defaults to true for `browser` and `native` apps.",
			"`refresh_token_rotation = \"ROTATE\"` declares rotation.",
			"Locals and variable defaults declared in the same module directory are resolved; other values (variables without a default, function calls, resource references) are unresolved.",
		},
		Source: Doc{"okta_app_oauth (Terraform registry)", "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/app_oauth"}.Whole(),
	},
	{
		Format: FormatTerraformAuth0, Name: "Terraform auth0_client", Ext: ".tf", ExampleName: "main",
		Files: "`.tf` files with `auth0_client` resources, and the `auth0_client_credentials` resource that sets their authentication method and secret (auth0/auth0 provider).",
		Semantics: []string{
			"`app_type` `spa` or `native`, or authentication method `none`, make the client public; an absent method is `client_secret_post`.",
			"Auth0 has no per-client PKCE switch: PKCE rules do not apply.",
			"`refresh_token { rotation_type = \"rotating\" }` declares rotation.",
			"Locals and variable defaults declared in the same module directory are resolved; other values (variables without a default, function calls, resource references) are unresolved.",
		},
		Source: Doc{"auth0_client (Terraform registry)", "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/client"}.Whole(),
	},
	{
		Format: FormatAuth0, Name: "Auth0 Deploy CLI", Ext: ".yaml", ExampleName: "tenant",
		Files: "Deploy CLI `tenant.yaml` (`clients:`) and `clients/*.json` files.",
		Semantics: []string{
			"`app_type` `spa` or `native`, or `token_endpoint_auth_method: none`, make the client public; an absent method is `client_secret_post`.",
			"`" + GrantAuth0PasswordRealm + "` is the password grant.",
			"Keyword replacements `##KEY##` (string) and `@@KEY@@` (JSON value) are unresolved values, never errors.",
			"Auth0 has no per-client PKCE switch: PKCE rules do not apply.",
		},
		Source: Doc{"Auth0 Deploy CLI: keyword replacement", "https://auth0.com/docs/deploy-monitor/deploy-cli-tool/keyword-replacement"}.Whole(),
	},
	{
		Format: FormatSpring, Name: "Spring Authorization Server and Spring Security client", Ext: ".yml", ExampleName: "application",
		Files: "`application.yml` / `.properties` with `spring.security.oauth2.authorizationserver.client.*` (the server's registered clients) or `spring.security.oauth2.client.registration.*` (the app's own credentials).",
		Semantics: []string{
			"A client whose `client-authentication-methods` include `none` always requires PKCE S256 in Spring Authorization Server; `require-proof-key` declares it for others.",
			"`token.reuse-refresh-tokens` defaults to true: refresh tokens do not rotate unless it is false.",
			"Spring Authorization Server implements neither implicit nor password.",
			"`${ENV}` placeholders are unresolved; `{noop}` secrets are literal secrets.",
		},
		Source: Doc{"Spring Authorization Server: configuration model", "https://docs.spring.io/spring-authorization-server/reference/configuration-model.html"}.Whole(),
	},
	{
		Format: FormatGravitee, Name: "Gravitee AM application", Ext: ".json", ExampleName: "application",
		Files: "Gravitee Access Management Management API documents: application create bodies (`type` + `name`), settings bodies (`settings.oauth`), desired-state documents (`type` + `settings.oauth`), stored applications (`id` with `domain`, `createdAt` or `updatedAt`), and domain settings (`oidc`). Read as AM 4.12.4 treats them (gravitee-io/gravitee-access-management; the application templates are unchanged since 3.0.0).",
		Semantics: []string{
			"Which document it is decides what an absent field means. A create body (POST …/applications, `NewApplication`: `name`, `type`, `clientId`, `clientSecret`, `redirectUris`, …) gets the type's template defaults in full (`ApplicationServiceImpl.create`). A desired-state document (`type` + `settings.oauth`) is created and then patched: the template's defaults, then the settings, then the template again (`ApplicationServiceImpl.patch`). A settings body without `type` (PATCH/PUT …/applications/{id}, `PatchApplication`) leaves what it does not name unchanged: absent grants, method and PKCE flags are unknown. A stored application says what AM stores: an absent method is null.",
			"AM's application templates (`ApplicationWebTemplate.update` and its siblings in `gravitee-am-service`, `impl/application/`): with no grant types (every create, or `grantTypes: []`) WEB gets `authorization_code` and `password`, BROWSER and NATIVE `authorization_code`, SERVICE `client_credentials`, RESOURCE_SERVER WEB's plus `client_credentials` (always); WEB, BROWSER, NATIVE and RESOURCE_SERVER get the response types `code`, `code token`, `code id_token`, `code id_token token`, and keep or re-add them whenever `authorization_code` is granted and no code response type is listed (the `implicit` grant likewise gets `token`, `id_token`, `id_token token`). An explicit list with a code response type survives: `[\"code\"]` stays `[\"code\"]`. whichflow reports what the templates add as defaulted (\"AM's WEB template adds …\").",
			"`GrantTypeUtils.completeGrantTypeCorrespondance`: a code response type brings `authorization_code`, a token or id_token one brings `implicit`, a grant without its response types is dropped (SERVICE apps lose `authorization_code` without `responseTypes`), and an application with neither gets `authorization_code` and `code`. `GrantTypeUtils.validateGrantTypes` refuses `refresh_token` without `authorization_code`, `password` or `jwt-bearer`.",
			"Public or confidential: only `tokenEndpointAuthMethod: none` is public (`ClientNoneAuthProvider`); a null or empty method makes the token endpoint accept client_secret_basic, client_secret_post or a client assertion (`ClientBasicAuthProvider`, `ClientPostAuthProvider`, `ClientAssertionAuthProvider.canHandle`). Creation stores client_secret_basic (WEB, SERVICE, RESOURCE_SERVER) or none (BROWSER and NATIVE templates). `clientType` is stored but never read by the gateway, and every save overwrites it from `type`: a `clientType` that contradicts the method is `ambiguous-client-type`.",
			"PKCE is `forcePKCE`, S256 only with `forceS256CodeChallengeMethod`; both default to false (`ApplicationOAuthSettings`), the BROWSER and NATIVE templates turn them on at creation, and without S256 forced AM accepts `plain` (`AuthorizationRequestParseParametersHandler.parsePKCEParameter`). Refresh tokens rotate unless `disableRefreshTokenRotation`.",
			"`requireParRequest` and the CIBA `backchannel*` settings are not fields of `PatchApplicationOAuthSettings`: the Management API refuses them (400, unknown property) and only dynamic client registration sets them, so only a stored application can require PAR. Extension grants `urn…~id` are read without the suffix.",
			"Domain settings: `oidc.redirectUriStrictMatching` defaults to false (`OIDCSettings.defaultSettings`), and then `ParamUtils.redirectMatches` accepts any requested redirect URI with the registered scheme, host and port whose path starts with the registered path, whatever its query (`redirect-prefix-match`); the FAPI profiles force exact matching. A domain PATCH without the key leaves it unknown. For an application file alone the domain is unknown: no finding, but `advise --provider gravitee` says so.",
			"Capabilities, checked against 4.12.4 and master 35b314b2c3: no device authorization grant in any release (an open pull request adds it); no DPoP in any release (on master for 4.13); PAR and certificate-bound access tokens since 3.11.0, CIBA since 3.15.0, token exchange since 4.11.0. Pre-registered clients get no RFC 8252 §7.3 port-agnostic loopback matching.",
		},
		Source: Doc{"Gravitee AM: applications", "https://documentation.gravitee.io/am/guides/applications"}.Whole(),
	},
	{
		Format: FormatTerraformGravitee, Name: "Terraform graviteeam_application", Ext: ".tf", ExampleName: "main",
		Files: "`.tf` files with `graviteeam_application` resources, and `graviteeam_domain` resources as their security domains (maxvanp/graviteeam provider, Gravitee AM).",
		Semantics: []string{
			"The provider creates the application from `type` and then PUTs its settings, so AM's application templates apply as for a Gravitee AM desired-state document: what the resource leaves out keeps the template's defaults (a WEB application keeps the password grant and the response types `code token` and `code id_token token` unless `grant_types` and `response_types` say otherwise).",
			"`oauth_settings` gives `redirect_uris`, `post_logout_redirect_uris`, `grant_types` and `response_types`; everything else (`forcePKCE`, `forceS256CodeChallengeMethod`, `tokenEndpointAuthMethod`, `disableRefreshTokenRotation`, `tlsClientCertificateBoundAccessTokens`) comes from `settings_json.oauth`, whose keys the typed block overrides.",
			"`settings_json` is read when it is a literal (`jsonencode({...})`, a JSON string or heredoc); `var.*`, `file()` and other expressions leave what only it could say unresolved.",
			"`client_secret` is computed by AM: the resource holds no secret, so `committed-secret` does not apply. PAR cannot be required (AM's Management API does not accept `requireParRequest`), so `fapi-par-required` does not apply either: register such clients through AM's dynamic client registration.",
			"Changing `type` on an existing resource makes the provider call `PUT …/applications/{id}/type` after the settings, which resets grants, response types and the authentication method to the new type's template defaults.",
			"The client in findings is the resource address `graviteeam_application.NAME`.",
			"A `graviteeam_domain` is a realm named `graviteeam_domain.NAME`: its `settings_json.oidc` is the domain's OIDC settings, merged into the domain AM is patched with. Without `redirectUriStrictMatching` the domain the resource creates keeps AM's default, prefix matching (`redirect-prefix-match`); `securityProfileSettings.enablePlainFapi` or `enableFapiBrazil` makes AM match exactly. The typed `oidc` block holds only client-registration switches.",
		},
		Source: Doc{"terraform-provider-graviteeam: graviteeam_application", "https://github.com/maxvanp/terraform-provider-graviteeam/blob/main/docs/resources/application.md"}.Whole(),
	},
	{
		Format: FormatOpenAPI, Name: "OpenAPI security schemes", Ext: ".yaml", ExampleName: "openapi",
		Files: "OpenAPI 3 `components.securitySchemes` and Swagger 2 `securityDefinitions` of type oauth2.",
		Semantics: []string{
			"A security scheme describes flows, not a registration: only the grant rules apply (`flows.implicit`, `flows.password`).",
			"Swagger 2 `application` is client credentials and `accessCode` is authorization code.",
		},
		Source: Doc{"OpenAPI 3.1: OAuth Flows Object", "https://spec.openapis.org/oas/v3.1.0#oauth-flows-object"}.Whole(),
	},
	{
		Format: FormatClientMetadata, Name: "OAuth client ID metadata document", Ext: ".json", ExampleName: "client-metadata",
		Files: "One RFC 7591 metadata object per file whose `client_id` is an https URL with a path: the URL the document is served at (draft-ietf-oauth-client-id-metadata-document §3), as MCP clients and ATProto apps publish them. The same metadata without such a `client_id` is read as RFC 7591.",
		Semantics: []string{
			"RFC 7591's reading and defaults apply, and so do the rules for RFC 7591 metadata.",
			"No shared secret: a `client_secret` or a `client_secret_*` authentication method is `client-metadata-shared-secret` (CIMD §4.1), and so is an absent `token_endpoint_auth_method`, whose RFC 7591 §2 default is `client_secret_basic`.",
			"`private_key_jwt` with a `jwks_uri` (or `jwks`) makes the client confidential (CIMD §6.2).",
		},
		Source: CIMD.S("4.1"),
	},
	{
		Format: FormatWhichflow, Name: "whichflow.yaml", Ext: ".yaml", ExampleName: "whichflow",
		Files: "whichflow's own `whichflow.yaml`: RFC 7591 metadata plus `kind:` (an `advise --client` value), one client or a `clients:` list.",
		Semantics: []string{
			"RFC 7591 defaults apply.",
			"The declared grants are checked against what `whichflow advise --client KIND` recommends and rejects (`kind-mismatch`).",
		},
		Source: Doc{"whichflow advise", "https://github.com/whichflow/whichflow/blob/main/docs/cli/whichflow_advise.md"}.Whole(),
	},
}

// Syntax is the syntax of the format's usual extension.
func (fi FormatInfo) Syntax() SyntaxInfo {
	si, _ := SyntaxOfFile(fi.Ext)
	return si
}

// Formats returns every configuration format whichflow reads.
func Formats() []FormatInfo { return formats }

// FormatByID looks a format up.
func FormatByID(f Format) (FormatInfo, bool) {
	for _, fi := range formats {
		if fi.Format == f {
			return fi, true
		}
	}
	return FormatInfo{}, false
}
