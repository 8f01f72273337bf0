package flows

import "strings"

// PeerCheck maps one client or token check of a peer auditor to the
// whichflow rule that finds the same problem, or says why there is none.
type PeerCheck struct {
	Peer    string // one of the Peer* names
	CheckID string // the peer's own identifier (class, check ID, executor, requirement)
	Title   string
	// Rule is the whichflow rule ID, "" when none.
	Rule string
	// Why explains the mapping. With Rule "" it starts with one of the
	// PeerWhy* prefixes, which decide whether the check counts as applicable.
	Why string
}

// The peers issue 10 compares whichflow with.
const (
	PeerKcwarden       = "kcwarden"
	PeerKCVerifyer     = "keycloak-config-verifyer"
	PeerCheckmate      = "Auth0 Checkmate"
	PeerClientPolicies = "Keycloak client policies"
	PeerASVS           = "OWASP ASVS 5.0 V10"
	PeerSpectralOWASP  = "Spectral OWASP ruleset"
)

// Why prefixes of a check without a whichflow rule. "not covered" is an
// applicable check whichflow misses; the others do not count as applicable.
const (
	PeerWhyNotCovered   = "not covered: "
	PeerWhyNotCheckable = "not config-checkable: "
	PeerWhyOutOfScope   = "out of scope: "
	PeerWhyNoise        = "noise: "
)

// Applicable reports whether the check is a config-checkable client or token
// check within whichflow's scope: those make up a peer's coverage.
func (c PeerCheck) Applicable() bool {
	return c.Rule != "" || strings.HasPrefix(c.Why, PeerWhyNotCovered)
}

// PeerCoverage is how many of a peer's applicable checks whichflow covers.
type PeerCoverage struct {
	Peer       string
	Checks     int // all mapped checks
	Applicable int
	Now        int // covered by a rule in the catalog
}

// Coverage sums checks per peer, in the order peers first appear.
func Coverage(checks []PeerCheck) []PeerCoverage {
	var out []PeerCoverage
	idx := map[string]int{}
	for _, c := range checks {
		i, ok := idx[c.Peer]
		if !ok {
			i = len(out)
			idx[c.Peer] = i
			out = append(out, PeerCoverage{Peer: c.Peer})
		}
		p := &out[i]
		p.Checks++
		if !c.Applicable() {
			continue
		}
		p.Applicable++
		if c.Rule == "" {
			continue
		}
		if _, ok := RuleByID(c.Rule); ok {
			p.Now++
		}
	}
	return out
}

// PeerChecks is the mapping of each peer's client and token checks (issue 10
// §4). Sources: iteratec/kcwarden kcwarden/auditors/** @f3592e0;
// kriops/keycloak-config-verifyer docs/check-reference.md and
// src/keycloak_analyzer/checks/*.py @783d215; auth0/auth0-checkmate
// analyzer/lib/** @2d7a797; the Keycloak executor table in
// the project's reference notes (tools-and-formats.md §2.1); OWASP/ASVS
// 5.0/en/0x19-V10-OAuth-and-OIDC.md @fe04986; stoplightio/spectral-owasp-ruleset
// src/ruleset.ts @624d67f.
var PeerChecks = []PeerCheck{
	// kcwarden: client auditors (OIDC).
	{PeerKcwarden, "PublicClientsMustEnforcePKCE", "Public Clients MUST use and enforce PKCE", RulePublicClientNoPKCE, "same condition: public, standard flow, pkce.code.challenge.method not S256"},
	{PeerKcwarden, "ConfidentialClientShouldEnforcePKCE", "Confidential Clients should use and enforce PKCE", RuleConfidentialClientNoPKCE, "same condition; whichflow keeps it a note (RFC 9700 §2.1.1 RECOMMENDED)"},
	{PeerKcwarden, "ClientShouldDisableImplicitGrantFlow", "The 'implicit grant' flow SHOULD NOT be used", RuleImplicitGrant, "implicitFlowEnabled"},
	{PeerKcwarden, "PublicClientShouldDisableDirectAccessGrants", "The 'direct access grant' flow MUST NOT be used, particularly not by public clients", RuleROPC, "directAccessGrantsEnabled, any client type"},
	{PeerKcwarden, "ConfidentialClientShouldDisableDirectAccessGrants", "The 'direct access grant' flow MUST NOT be used", RuleROPC, "directAccessGrantsEnabled, any client type"},
	{PeerKcwarden, "ClientAuthenticationViaMTLSOrJWTRecommended", "Client Authentication via Federated JWT, mTLS, or Signed JWT is Recommended", RuleFAPIClientAuth, "whichflow asks for private_key_jwt or mTLS under --profile high; shared secrets are acceptable in the standard profile (RFC 9700 §2.5)"},
	{PeerKcwarden, "ClientMustNotUseUnencryptedNonlocalRedirectUri", "Authorization Responses MUST NOT be transmitted via unencrypted connections", RuleRedirectHTTP, "http redirect on a non-loopback host"},
	{PeerKcwarden, "ClientShouldNotUseWildcardRedirectURI", "Clients should not use wildcard redirect URIs", RuleRedirectWildcard, "any * in a redirect URI of a redirect-based client"},
	{PeerKcwarden, "ClientHasErroneouslyConfiguredWildcardURI", "Erroneously configured redirect URI allows arbitrary domains for redirects", RuleRedirectWildcard, "a * right after the host (https://example.com*) is a wildcard to whichflow too (before Keycloak 26.6.3 / 26.4.13 it also matched other hosts, keycloak#48430); like kcwarden, whichflow reads only a trailing * as Keycloak's wildcard, a * inside the host is compared literally and matches nothing"},
	{PeerKcwarden, "ClientMustNotUseGlobalWildcardURI", "Erroneously configured redirect URI allows any URIs for redirects", RuleRedirectWildcard, "\"*\" is the extreme case of a wildcard"},
	{PeerKcwarden, "ClientUsesCustomRedirectUriScheme", "Client redirect URL scheme uses custom protocol", RuleRedirectCustomScheme, "whichflow notes only private-use schemes that are not reverse-DNS (RFC 8252 §7.1); reverse-DNS schemes are the native-app standard"},
	{PeerKcwarden, "ClientWebOriginsMustNotUseWildcard", "Client allows all origins for CORS requests via wildcard", RuleWebOriginsWildcard, "webOrigins * (Keycloak allows every origin only for a lone *, as kcwarden checks), plus plain-http non-loopback origins"},
	{PeerKcwarden, "ClientWebOriginsMustBeValid", "Client has an invalid webOrigins entry", "", PeerWhyNotCovered + "no rule checks origin syntax (an entry with a path, like https://x/*): Keycloak compares origins exactly, so such an entry matches nothing; web-origins-wildcard does not report it (it is no wildcard)"},
	{PeerKcwarden, "ClientWithServiceAccountAndOtherFlowEnabled", "Confidential Client with Service Accounts and other flow enabled", RuleMixedClientRoles, "service account plus code, device, CIBA or password"},
	{PeerKcwarden, "ClientWithFullScopeAllowed", "Client has 'full scope allowed' set", RuleFullScopeAllowed, "fullScopeAllowed true or absent on a client with a service account or a user-facing flow (a note)"},
	{PeerKcwarden, "ClientWithDefaultOfflineAccessScope", "Client has offline_access scope by default", RuleRefreshNoExpiry, "whichflow reports the realm once, when offline sessions never expire and some client can get offline tokens, instead of every client with the scope"},
	{PeerKcwarden, "ClientWithOptionalOfflineAccessScope", "Client has offline_access scope as optional scope", RuleRefreshNoExpiry, "as for the default scope: optional offline_access is in every realm by default, so per-client findings would be noise"},
	{PeerKcwarden, "ClientAccessTokenLifespanTooLong", "Access token lifespan override too long", RuleTokenLifetimeLong, "client attribute access.token.lifespan over 1 h (a note; kcwarden: over 10 min, High)"},
	{PeerKcwarden, "ClientHasNoRedirectUris", "Missing client redirect URIs can cause unexpected behavior", "", PeerWhyNoise + "current Keycloak rejects every redirect when the list is empty; a broken client, not an unsafe one"},
	{PeerKcwarden, "ClientHasUndefinedBaseDomainAndSchema", "Client redirect URL scheme undefined, cannot be audited", "", PeerWhyNotCheckable + "a notice that the auditor could not resolve a relative redirect; whichflow resolves against rootUrl and otherwise treats the value as unknown (DESIGN §4)"},
	{PeerKcwarden, "ClientHasUndefinedBaseDomainAndSchemaInPostLogoutRedirectUri", "Client post-logout redirect URI scheme undefined, cannot be audited", "", PeerWhyNotCheckable + "the same notice for post-logout URIs"},
	{PeerKcwarden, "UsingNonDefaultUserAttributesInClientsWithoutUserProfilesFeatureIsDangerous", "Client uses user attributes, but server does not have User Profiles feature enabled", "", PeerWhyNotCheckable + "depends on a server feature flag that a realm export does not carry"},
	// kcwarden: SAML client auditors.
	{PeerKcwarden, "SamlClientShouldNotUseWildcardRedirectURI", "Client allows wildcard redirect URIs (SAML)", "", PeerWhyOutOfScope + "SAML clients are read for committed-secret only (DESIGN §4)"},
	{PeerKcwarden, "SamlClientHasErroneouslyConfiguredWildcardURI", "Erroneously configured SAML ACS URL", "", PeerWhyOutOfScope + "SAML"},
	{PeerKcwarden, "SamlClientWithAssertionSignatureDisabled", "SAML Assertion block is not signed", "", PeerWhyOutOfScope + "SAML"},
	{PeerKcwarden, "SamlClientWithClientSignatureDisabled", "SAML Client AuthnRequest signature not required", "", PeerWhyOutOfScope + "SAML"},
	{PeerKcwarden, "SamlClientWithEncryptionDisabled", "SAML Assertion encryption is disabled", "", PeerWhyOutOfScope + "SAML"},
	{PeerKcwarden, "SamlClientWithWeakSignatureAlgorithm", "Weak SAML Signature Algorithm detected", "", PeerWhyOutOfScope + "SAML"},
	{PeerKcwarden, "SamlClientWithoutOneTimeUseCondition", "SAML OneTimeUse condition not enabled", "", PeerWhyOutOfScope + "SAML"},
	// kcwarden: realm auditors.
	{PeerKcwarden, "AccessTokenLifespanTooLong", "Access token lifespan too long", RuleTokenLifetimeLong, "realm accessTokenLifespan over 1 h (realm scope, a note; kcwarden: over 10 min, High)"},
	{PeerKcwarden, "OfflineSessionMaxLifespanDisabled", "Offline session max lifespan disabled", RuleRefreshNoExpiry, "realm offlineSessionMaxLifespanEnabled false or absent while a non-built-in client with a user-facing flow and refresh tokens has offline_access among its scopes (kcwarden: whenever it is off); a warning if one is public, else a note"},
	{PeerKcwarden, "RefreshTokenReuseCountShouldBeZero", "Refresh tokens MUST be invalidated after use (reuse count)", RuleRefreshReuseAllowed, "revokeRefreshToken true with refreshTokenMaxReuse > 0"},
	{PeerKcwarden, "RefreshTokensShouldBeRevokedAfterUse", "Refresh tokens MUST be invalidated after use", RulePublicRefreshNoRotation, "whichflow reports revokeRefreshToken false on each public client that gets refresh tokens (RFC 9700 §4.14.2 asks rotation of public clients only)"},
	{PeerKcwarden, "KeycloakVersionShouldBeUpToDate", "Keycloak version should be up-to-date", "", PeerWhyOutOfScope + "server patch level, not client configuration"},
	{PeerKcwarden, "PasswordHashingIterationsTooLow", "Password hashing iterations too low", "", PeerWhyOutOfScope + "user credential storage, not OAuth client or token settings"},
	{PeerKcwarden, "PasswordPolicyMissing", "Password policy is missing", "", PeerWhyOutOfScope + "user authentication"},
	{PeerKcwarden, "RealmBruteForceProtectionDisabled", "Brute-force protection disabled", "", PeerWhyOutOfScope + "user authentication"},
	{PeerKcwarden, "RealmEmailVerificationDisabled", "Email verification disabled", "", PeerWhyOutOfScope + "user lifecycle"},
	{PeerKcwarden, "RealmSelfRegistrationEnabled", "Self-Registration enabled", "", PeerWhyOutOfScope + "user lifecycle"},
	// kcwarden: identity-provider auditors (the realm as a client of an upstream IdP).
	{PeerKcwarden, "OIDCIdentityProviderWithoutPKCE", "OIDC Identity Provider configured without PKCE", "", PeerWhyOutOfScope + "identityProviders[] are brokering settings, not client registrations; whichflow does not read them"},
	{PeerKcwarden, "IdentityProviderWithSignatureVerificationDisabled", "Identity Provider does not verify upstream IDPs signatures", "", PeerWhyOutOfScope + "identity brokering"},
	{PeerKcwarden, "IdentityProviderWithMappersWithoutForceSyncMode", "Identity Provider uses upstream data, but does not update it", "", PeerWhyOutOfScope + "identity brokering"},
	{PeerKcwarden, "IdentityProviderWithOneTimeSync", "Identity Provider does not accept updates from upstream IDP", "", PeerWhyOutOfScope + "identity brokering"},
	{PeerKcwarden, "SamlIdentityProviderWithSignatureVerificationDisabled", "SAML IdP 'Validate Signature' is disabled", "", PeerWhyOutOfScope + "SAML brokering"},
	{PeerKcwarden, "SamlIdentityProviderWithoutEncryptedAssertions", "SAML IdP 'Want Assertions Encrypted' is disabled", "", PeerWhyOutOfScope + "SAML brokering"},
	{PeerKcwarden, "SamlIdentityProviderWithoutPostBindingResponse", "SAML IdP uses HTTP-Redirect (GET) binding", "", PeerWhyOutOfScope + "SAML brokering"},
	{PeerKcwarden, "SamlIdentityProviderWithoutSignedAssertions", "SAML IdP 'Want Assertions Signed' is disabled", "", PeerWhyOutOfScope + "SAML brokering"},
	{PeerKcwarden, "SamlIdentityProviderWithoutSignedAuthnRequests", "SAML IdP 'Want AuthnRequests Signed' is disabled", "", PeerWhyOutOfScope + "SAML brokering"},
	{PeerKcwarden, "UsingNonDefaultUserAttributesInScopesWithoutUserProfilesFeatureIsDangerous", "Scope uses user attributes, but server does not have User Profiles feature enabled", "", PeerWhyNotCheckable + "server feature flag"},

	// keycloak-config-verifyer (24 checks).
	{PeerKCVerifyer, "KC-FLOW-001", "Implicit Flow Enabled", RuleImplicitGrant, "implicitFlowEnabled"},
	{PeerKCVerifyer, "KC-FLOW-003", "Password Grant Enabled", RuleROPC, "directAccessGrantsEnabled"},
	{PeerKCVerifyer, "KC-PKCE-001", "PKCE Not Enforced", RulePublicClientNoPKCE, "public code-flow client without S256"},
	{PeerKCVerifyer, "KC-PKCE-002", "Weak PKCE Method (plain)", RulePublicClientNoPKCE, "plain counts as not enforced (DESIGN §3)"},
	{PeerKCVerifyer, "KC-PKCE-003", "PKCE Optional for Confidential Client", RuleConfidentialClientNoPKCE, "same condition"},
	{PeerKCVerifyer, "KC-REDIR-001", "Wildcard Redirect URI", RuleRedirectWildcard, "same condition"},
	{PeerKCVerifyer, "KC-REDIR-002", "HTTP Redirect URI (Non-Localhost)", RuleRedirectHTTP, "same condition; whichflow treats only localhost, 127.0.0.1 and [::1] as loopback, not any URI containing \"localhost\""},
	{PeerKCVerifyer, "KC-REDIR-003", "Localhost in Production Redirect URIs", "", PeerWhyNotCheckable + "a file does not say whether it is production; loopback redirects are the native-app standard (RFC 8252 §7.3). whichflow's redirect-localhost only asks for 127.0.0.1 instead of the name"},
	{PeerKCVerifyer, "KC-REDIR-004", "Path Traversal in Redirect URIs", "", PeerWhyNotCovered + "no rule looks for ../ or @ in registered redirect URIs"},
	{PeerKCVerifyer, "KC-REDIR-005", "Dangerous URI Schemes", RuleRedirectDangerousScheme, "javascript:, data:, vbscript:, file:"},
	{PeerKCVerifyer, "KC-TLS-001", "SSL Not Required", RuleSSLRequiredNone, "sslRequired none (realm scope; also terraform keycloak_realm ssl_required)"},
	{PeerKCVerifyer, "KC-TLS-002", "SSL External Only", "", PeerWhyNoise + "external is Keycloak's default and usual in production (TLS at the proxy); flagging it would fire on every realm"},
	{PeerKCVerifyer, "KC-TOKEN-001", "Excessive Access Token Lifespan", RuleTokenLifetimeLong, "whichflow's threshold is 1 h (a note), theirs 15 min (High)"},
	{PeerKCVerifyer, "KC-TOKEN-002", "Refresh Token Reuse Allowed", RuleRefreshReuseAllowed, "refreshTokenMaxReuse > 0 with rotation on (the verifyer fires on any refreshTokenMaxReuse > 0, also with revokeRefreshToken off, where Keycloak ignores the count: that case is public-refresh-no-rotation's)"},
	{PeerKCVerifyer, "KC-TOKEN-003", "Full Scope Allowed", RuleFullScopeAllowed, "fullScopeAllowed true, and absent (its default), on a client that starts a flow or has a service account (a note)"},
	{PeerKCVerifyer, "KC-TOKEN-004", "Excessive Implicit Flow Token Lifespan", RuleImplicitGrant, "the implicit-flow lifespan matters only while implicit is on, which implicit-grant already reports as an error"},
	{PeerKCVerifyer, "KC-TOKEN-005", "Bearer Tokens Not Sender-Constrained", RuleFAPISenderConstrained, "demanded under --profile high; in the standard profile whichflow asks binding (or rotation) for public refresh tokens only (public-refresh-no-rotation)"},
	{PeerKCVerifyer, "KC-AUTH-001", "Confidential Client Without Authentication", "", PeerWhyNoise + "absent clientAuthenticatorType defaults to client-secret and Keycloak generates the secret on import, so the condition cannot occur"},
	{PeerKCVerifyer, "KC-AUTH-002", "Using Symmetric Client Authentication", RuleFAPIClientAuth, "asymmetric authentication is demanded under --profile high; client-secret-jwt is weak-signing-alg"},
	{PeerKCVerifyer, "KC-SEC-001", "Brute Force Protection Disabled", "", PeerWhyOutOfScope + "user authentication"},
	{PeerKCVerifyer, "KC-MISC-005", "Service Accounts Enabled (Review)", "", PeerWhyNoise + "a service account is the normal client-credentials setup; whichflow reports the risky cases (mixed-client-roles, client-credentials-on-public-client)"},
	{PeerKCVerifyer, "KC-MISC-006", "No User Consent Required", "", PeerWhyNotCheckable + "consent is for third-party clients; a realm export does not say which clients are third-party"},
	{PeerKCVerifyer, "KC-BP-001", "Missing Client Description", "", PeerWhyOutOfScope + "documentation hygiene"},
	{PeerKCVerifyer, "KC-INFO-001", "Client Secrets in Export", RuleCommittedSecret, "literal secrets; whichflow skips the ********** mask and placeholders"},

	// Auth0 Checkmate (client, tenant and API token checks).
	{PeerCheckmate, "checkGrantTypes", "Unexpected grant type for the app type", RuleImplicitGrant, "whichflow splits it by risk: implicit-grant, ropc, client-credentials-on-public-client and mixed-client-roles"},
	{PeerCheckmate, "checkAllowedCallbacks", "Insecure callbacks", RuleRedirectHTTP, "Checkmate flags every localhost/127.0.0.1/http callback; whichflow flags plain http off loopback (and wildcards), and notes localhost names (redirect-localhost)"},
	{PeerCheckmate, "checkAllowedLogoutUrl", "Insecure allowed logout URLs", RulePostLogoutUnsafe, "wildcard or plain-http non-loopback allowed_logout_urls"},
	{PeerCheckmate, "checkWebOrigins", "Insecure web origins", RuleWebOriginsWildcard, "* or plain-http non-loopback web_origins / allowed_origins"},
	{PeerCheckmate, "checkCrossOriginAuthentication", "Cross-origin authentication enabled", RuleCrossOriginAuth, "cross_origin_authentication / cross_origin_auth on a user-facing client"},
	{PeerCheckmate, "checkRefreshToken/rotation", "Refresh token rotation disabled", RulePublicRefreshNoRotation, "whichflow asks rotation of public clients (RFC 9700 §4.14.2); Checkmate of every client with refresh tokens"},
	{PeerCheckmate, "checkRefreshToken/expiration", "Refresh tokens do not expire", RuleRefreshNoExpiry, "expiration_type non-expiring / infinite lifetime"},
	{PeerCheckmate, "checkJWTSignAlg", "ID token signed with HS256", RuleWeakSigningAlg, "jwt_configuration.alg HS256"},
	{PeerCheckmate, "checkAppTokenSenderConstraining", "Tokens not sender-constrained", RuleFAPISenderConstrained, "require_proof_of_possession, demanded under --profile high"},
	{PeerCheckmate, "checkPAR", "PAR not required", RuleFAPIPAR, "require_pushed_authorization_requests under --profile high"},
	{PeerCheckmate, "checkPrivateKeyJWT", "private_key_jwt not used", RuleFAPIClientAuth, "asymmetric client authentication under --profile high"},
	{PeerCheckmate, "checkJAR", "Signed request objects not required", "", PeerWhyNotCovered + "no rule asks for JAR (FAPI 2.0 Message Signing is not among whichflow's profiles)"},
	{PeerCheckmate, "checkPKCEEnforcement", "No Action enforces PKCE", "", PeerWhyNotCheckable + "Auth0 has no per-client PKCE switch; Checkmate reads the tenant's Action code"},
	{PeerCheckmate, "checkApplicationLoginUri", "Insecure initiate_login_uri", "", PeerWhyNotCovered + "no rule reads initiate_login_uri"},
	{PeerCheckmate, "checkBackchannelLogout", "Back-channel logout not configured", "", PeerWhyOutOfScope + "session management (logout propagation), not the OAuth flow or tokens"},
	{PeerCheckmate, "checkEnabledDynamicClientRegistration", "Dynamic client registration enabled", RuleDynamicRegistrationOpen, "flags.enable_dynamic_client_registration (realm scope, a note)"},
	{PeerCheckmate, "checkAPISigningAlgorithm", "API access tokens signed with HS256", "", PeerWhyNotCovered + "resourceServers[] signing_alg is not read (DESIGN's weak-signing-alg names client fields)"},
	{PeerCheckmate, "checkAPITokenLifetime", "API access token lifetime too long", "", PeerWhyNotCovered + "resourceServers[] token_lifetime is not read; token-lifetime-long covers Auth0 ID-token lifetime only"},
	{PeerCheckmate, "checkAPITokenSenderConstraining", "API does not require sender-constrained tokens", "", PeerWhyNotCovered + "resourceServers[] proof_of_possession is not read"},
	{PeerCheckmate, "checkDefaultAudience", "Tenant default audience set", "", PeerWhyOutOfScope + "tenant token defaulting, not a client registration"},
	{PeerCheckmate, "checkSessionLifetime", "Session lifetime", "", PeerWhyOutOfScope + "session management"},

	// Keycloak client-policy executors (register/update-time checks).
	{PeerClientPolicies, "reject-implicit-grant", "implicitFlowEnabled must be false", RuleImplicitGrant, "same condition"},
	{PeerClientPolicies, "reject-ropc-grant", "directAccessGrantsEnabled must be false", RuleROPC, "same condition"},
	{PeerClientPolicies, "pkce-enforcer", "pkce.code.challenge.method must be S256", RulePublicClientNoPKCE, "public clients (error) and confidential-client-no-pkce (note)"},
	{PeerClientPolicies, "secure-redirect-uris-enforcer", "OAuth 2.1 redirect URIs: no wildcard, fragment or localhost", RuleRedirectWildcard, "its options map to redirect-wildcard, redirect-http-non-loopback, redirect-fragment and redirect-localhost"},
	{PeerClientPolicies, "secure-client-uris", "Every client URI https and without *", RuleRedirectHTTP, "redirects: redirect-http-non-loopback and redirect-wildcard; web origins and post-logout URIs: web-origins-wildcard, post-logout-redirect-unsafe (loopback http is allowed, as in the OAuth 2.1 public profile)"},
	{PeerClientPolicies, "full-scope-disabled", "fullScopeAllowed must be false", RuleFullScopeAllowed, "same condition (a note)"},
	{PeerClientPolicies, "secure-client-authenticator", "clientAuthenticatorType in the allowed list", RuleFAPIClientAuth, "client-jwt or client-x509 under --profile high"},
	{PeerClientPolicies, "confidential-client", "Reject public clients", RuleFAPIPublicClient, "under --profile high"},
	{PeerClientPolicies, "holder-of-key-enforcer", "tls.client.certificate.bound.access.tokens must be true", RuleFAPISenderConstrained, "mTLS or DPoP binding under --profile high"},
	{PeerClientPolicies, "dpop-bind-enforcer", "dpop.bound.access.tokens must be true", RuleFAPISenderConstrained, "mTLS or DPoP binding under --profile high"},
	{PeerClientPolicies, "secure-signature-algorithm", "Token, ID token and userinfo signing algorithms must be secure", RuleFAPISigningAlg, "under --profile high; none and HS* are weak-signing-alg in the standard profile"},
	{PeerClientPolicies, "secure-signature-algorithm-signed-jwt", "Client assertion algorithm must be secure", RuleFAPISigningAlg, "token.endpoint.auth.signing.alg; client-secret-jwt is weak-signing-alg"},
	{PeerClientPolicies, "secure-response-type", "FAPI 1 response types", RuleFAPIResponseType, "whichflow follows FAPI 2.0: code only under --profile high"},
	{PeerClientPolicies, "consent-required", "consentRequired must be true", "", PeerWhyNotCheckable + "consent is for third-party clients; a configuration does not say which those are"},
	{PeerClientPolicies, "secure-client-uris-pattern", "Regex allow-list per URI field", "", PeerWhyOutOfScope + "site-specific SSRF policy"},
	{PeerClientPolicies, "secure-session", "nonce or state required", "", PeerWhyNotCheckable + "request-time parameters"},
	{PeerClientPolicies, "secure-request-object", "Signed request object with exp/nbf", "", PeerWhyNotCheckable + "request-time validation"},
	{PeerClientPolicies, "secure-par-content", "Authorization parameters match the PAR", "", PeerWhyNotCheckable + "request-time validation"},
	{PeerClientPolicies, "secure-client-authentication-assertion", "Client assertion aud checks", "", PeerWhyNotCheckable + "request-time validation"},
	{PeerClientPolicies, "secure-ciba-signed-authn-req", "CIBA request signing and session", "", PeerWhyNotCheckable + "request-time validation (also secure-ciba-session, secure-ciba-req-sig-algorithm)"},
	{PeerClientPolicies, "secret-rotation", "Client secret rotation", "", PeerWhyNotCheckable + "depends on the secret's age on the server"},

	// OWASP ASVS 5.0 V10 (OAuth and OIDC).
	{PeerASVS, "10.1.1", "Tokens are only sent to components that strictly need them (BFF)", "", PeerWhyNotCheckable + "architecture; whichflow advise recommends a BFF for sensitive SPAs"},
	{PeerASVS, "10.1.2", "Client-generated state, nonce and code_verifier bind the flow to the session", "", PeerWhyNotCheckable + "client code"},
	{PeerASVS, "10.2.1", "CSRF protection in the code flow via PKCE or state", RulePublicClientNoPKCE, "where the configuration can enforce PKCE (public-client-no-pkce, confidential-client-no-pkce)"},
	{PeerASVS, "10.2.2", "Mix-up defence, e.g. the iss response parameter", RuleIssResponseDisabled, "Keycloak exclude.issuer.from.auth.response turns RFC 9207 off"},
	{PeerASVS, "10.2.3", "Client requests only the required scopes", "", PeerWhyNotCheckable + "what a client requests is in its code"},
	{PeerASVS, "10.3.1", "Resource server checks the audience", "", PeerWhyNotCheckable + "resource server code"},
	{PeerASVS, "10.3.2", "Resource server decides on delegated-authorization claims", "", PeerWhyNotCheckable + "resource server code"},
	{PeerASVS, "10.3.3", "Resource server identifies users by iss and sub", "", PeerWhyNotCheckable + "resource server code"},
	{PeerASVS, "10.3.4", "Resource server checks acr, amr, auth_time", "", PeerWhyNotCheckable + "resource server code"},
	{PeerASVS, "10.3.5", "Sender-constrained access tokens (L3)", RuleFAPISenderConstrained, "under --profile high"},
	{PeerASVS, "10.4.1", "Exact redirect URI matching", RuleRedirectWildcard, "a registered wildcard defeats exact matching"},
	{PeerASVS, "10.4.2", "Authorization codes are single-use", "", PeerWhyNotCheckable + "server behaviour"},
	{PeerASVS, "10.4.3", "Authorization codes are short-lived (10 min)", RuleTokenLifetimeLong, "Keycloak accessCodeLifespan, Spring AS authorization-code-time-to-live over 10 min"},
	{PeerASVS, "10.4.4", "Only the grants the client needs; no implicit or password", RuleImplicitGrant, "implicit-grant and ropc (plus mixed-client-roles for unneeded combinations)"},
	{PeerASVS, "10.4.5", "Refresh token replay mitigated for public clients", RulePublicRefreshNoRotation, "rotation or sender-constraint for public clients; refresh-reuse-allowed for a loose reuse grace"},
	{PeerASVS, "10.4.6", "PKCE required, plain rejected", RulePublicClientNoPKCE, "same condition"},
	{PeerASVS, "10.4.7", "Unauthenticated dynamic registration is mitigated", RuleDynamicRegistrationOpen, "reports open registration so its policies get checked"},
	{PeerASVS, "10.4.8", "Refresh tokens have an absolute expiration", RuleRefreshNoExpiry, "same condition"},
	{PeerASVS, "10.4.9", "Users can revoke refresh tokens in the UI", "", PeerWhyNotCheckable + "server feature"},
	{PeerASVS, "10.4.10", "Confidential clients authenticate on back-channel requests", RuleAmbiguousClientType, "a registration that also allows none is not authenticated"},
	{PeerASVS, "10.4.11", "Only the required scopes are assigned to the client", RuleFullScopeAllowed, "Keycloak full scope gives every role; other formats' scope lists are not judged"},
	{PeerASVS, "10.4.12", "Only the response_mode the client needs (L3)", "", PeerWhyNotCheckable + "none of the formats declares allowed response modes per client"},
	{PeerASVS, "10.4.13", "The code grant always with PAR (L3)", RuleFAPIPAR, "under --profile high"},
	{PeerASVS, "10.4.14", "Only sender-constrained access tokens (L3)", RuleFAPISenderConstrained, "under --profile high"},
	{PeerASVS, "10.4.15", "authorization_details integrity via PAR or JAR (L3)", RuleFAPIPAR, "PAR under --profile high"},
	{PeerASVS, "10.4.16", "Strong (asymmetric) client authentication (L3)", RuleFAPIClientAuth, "under --profile high"},
	{PeerASVS, "10.5.1", "ID token replay mitigated (nonce)", "", PeerWhyNotCheckable + "client code"},
	{PeerASVS, "10.5.2", "Users identified by sub", "", PeerWhyNotCheckable + "client code"},
	{PeerASVS, "10.5.3", "Issuer metadata matches the configured issuer", "", PeerWhyNotCheckable + "client code (whichflow's snippets do check it)"},
	{PeerASVS, "10.5.4", "ID token audience checked", "", PeerWhyNotCheckable + "client code"},
	{PeerASVS, "10.5.5", "Back-channel logout token validation", "", PeerWhyNotCheckable + "client code"},
	{PeerASVS, "10.6.1", "OP allows only code, ciba, id_token, id_token code; never token", RuleImplicitGrant, "token-bearing response types; id_token alone is front-channel-id-token"},
	{PeerASVS, "10.6.2", "Forced-logout DoS mitigated", "", PeerWhyNotCheckable + "server behaviour"},
	{PeerASVS, "10.7.1", "User consents to each authorization request", "", PeerWhyNotCheckable + "whether a client is trusted enough to skip consent is not in the configuration"},
	{PeerASVS, "10.7.2", "Consent prompt is informative", "", PeerWhyNotCheckable + "server UI"},
	{PeerASVS, "10.7.3", "Users can review and revoke consents", "", PeerWhyNotCheckable + "server feature"},

	// Spectral OWASP ruleset, the rules that read OAuth security schemes.
	{PeerSpectralOWASP, "owasp:api2:2023-short-lived-access-tokens", "Non-client-credentials OAuth flows must have a refreshUrl", "", PeerWhyNoise + "refreshUrl is optional and most servers refresh at tokenUrl; its absence says nothing about token lifetimes (the Discord spec in the corpus even has one on an implicit flow, which cannot refresh)"},
	{PeerSpectralOWASP, "owasp:api2:2023-jwt-best-practices", "OAuth 2 and JWT schemes must mention RFC 8725 in the description", "", PeerWhyNoise + "a documentation convention, not a property of the flows"},
	{PeerSpectralOWASP, "owasp:api2:2023-auth-insecure-schemes", "HTTP schemes negotiate or oauth (OAuth 1)", "", PeerWhyOutOfScope + "HTTP authentication schemes; whichflow reads oauth2 security schemes, where it adds implicit-grant, ropc and openapi-oauth-url-insecure, which the ruleset does not have"},
}
