package flows

// Severity of a caveat or a lint finding.
type Severity string

// Severities, most severe first.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityNote    Severity = "note"
	SeverityInfo    Severity = "info"
)

// CaveatID is a caveat's stable identifier (JSON `caveats[].id`). Every
// caveat has a constant here; rows, the overlay and code name them by it.
type CaveatID string

// The caveats.
const (
	CaveatPreferAsymmetricAuth CaveatID = "prefer-asymmetric-auth"
	CaveatCCConfidentialOnly   CaveatID = "client-credentials-confidential-only"
	CaveatSenderConstrain      CaveatID = "sender-constrain-tokens"
	CaveatPKCEConfidential     CaveatID = "pkce-for-confidential"
	CaveatExactRedirects       CaveatID = "exact-redirect-uris"
	CaveatRedirectCSRF         CaveatID = "redirect-csrf"
	CaveatMixUp                CaveatID = "mix-up-defence"
	CaveatIDTokenValidation    CaveatID = "id-token-validation"
	CaveatImplicitRemoved      CaveatID = "implicit-removed"
	CaveatSPAPreferBFF         CaveatID = "spa-prefer-bff"
	CaveatSPATokenStorage      CaveatID = "spa-token-storage"
	CaveatSPATokenCORS         CaveatID = "spa-token-endpoint-cors"
	CaveatSPARefreshLimits     CaveatID = "spa-refresh-limits"
	CaveatBFFCookies           CaveatID = "bff-cookies"
	CaveatBFFCSRF              CaveatID = "bff-csrf"
	CaveatPublicRefresh        CaveatID = "public-refresh-rotation"
	CaveatNativeSystemBrowser  CaveatID = "native-system-browser"
	CaveatNativeRedirectKinds  CaveatID = "native-redirect-uris"
	CaveatLoopbackIPLiteral    CaveatID = "loopback-ip-literal"
	CaveatCLILoopback          CaveatID = "cli-loopback"
	CaveatDeviceNotForBrowsers CaveatID = "device-not-for-browsers"
	CaveatDevicePolling        CaveatID = "device-polling"
	CaveatCrossDevicePhishing  CaveatID = "cross-device-phishing"
	CaveatCIBAModes            CaveatID = "ciba-modes"
	CaveatCIBABindingMessage   CaveatID = "ciba-binding-message"
	CaveatPasswordMustNot      CaveatID = "password-must-not"
	CaveatFirstPartyLogin      CaveatID = "first-party-login"
	CaveatJWTBearerClaims      CaveatID = "jwt-bearer-claims"
	CaveatTokenExchangeUser    CaveatID = "token-exchange-keeps-user"
	CaveatAudienceRestrict     CaveatID = "audience-restrict"
	CaveatAgentDiscovery       CaveatID = "agent-discovery"
	CaveatAgentVerifyPKCE      CaveatID = "agent-verify-pkce"
	CaveatAgentRegistration    CaveatID = "agent-registration"
	CaveatAgentAudience        CaveatID = "agent-audience-bound"
	CaveatNoTokenPassthrough   CaveatID = "no-token-passthrough"
	CaveatAgentLoopback        CaveatID = "agent-loopback"
	CaveatAgentBackend         CaveatID = "agent-backend-key"

	// --security high (FAPI 2.0), applied per grant by HighSecurity.
	CaveatFAPIAuthorizationEndpoint CaveatID = "fapi2-authorization-endpoint"
	CaveatFAPIBackchannel           CaveatID = "fapi2-strong-client-auth"
	CaveatFAPISPABFF                CaveatID = "fapi2-spa-bff"
	CaveatFAPIPerInstance           CaveatID = "fapi2-per-instance-registration"
	CaveatFAPINativeRedirect        CaveatID = "fapi2-native-redirect"
	CaveatFAPICIBA                  CaveatID = "fapi-ciba"
	CaveatFAPIDeviceToCIBA          CaveatID = "fapi2-device-to-ciba"
	CaveatAgentHighSecurity         CaveatID = "agent-high-security"

	// Added by what the provider or the server's metadata says.
	CaveatProviderUnsupported CaveatID = "provider-unsupported"
	CaveatProviderBehaviour   CaveatID = "provider-behaviour"
	CaveatServerLacksGrant    CaveatID = "server-lacks-grant"
	CaveatServerLacksS256     CaveatID = "server-lacks-s256"
	CaveatServerLacksCIMD     CaveatID = "server-lacks-client-id-metadata-document"
)

// Caveat is something the advice must say, with the standard behind it.
type Caveat struct {
	ID       CaveatID
	Severity Severity
	Text     string
	Refs     []Ref
	// SeedDiffers marks caveats where the seed guide (Gravitee AM's "Which
	// Flow Should I Use?") says something else; docs list them side by side.
	SeedDiffers string
}

var caveats = []Caveat{
	{ID: CaveatPreferAsymmetricAuth, Severity: SeverityInfo,
		Text: "Prefer private_key_jwt or mTLS client authentication over a shared client secret: nothing reusable crosses the wire and keys can be rotated without coordination.",
		Refs: []Ref{RFC9700.S("2.5"), RFC7523.S("2.2"), RFC8705.S("2")}},
	{ID: CaveatCCConfidentialOnly, Severity: SeverityWarning,
		Text: "Client credentials is for confidential clients only: a public client cannot keep the credential that this grant rests on.",
		Refs: []Ref{RFC6749.S("4.4"), OAuth21.S("4.2")}},
	{ID: CaveatSenderConstrain, Severity: SeverityInfo,
		Text: "Sender-constrain access tokens (DPoP or mTLS) so a leaked token cannot be replayed by someone else.",
		Refs: []Ref{RFC9700.S("2.2.1"), RFC9449.S("5"), RFC8705.S("3")}},
	{ID: CaveatPKCEConfidential, Severity: SeverityWarning,
		Text:        "Use PKCE (S256) even though the client has a secret: it stops authorization code injection, which a secret does not.",
		Refs:        []Ref{RFC9700.S("2.1.1"), OAuth21.S("7.5.1")},
		SeedDiffers: "The seed recommends plain authorization code for server-side web apps and omits PKCE; RFC 9700 recommends it and OAuth 2.1 requires it."},
	{ID: CaveatExactRedirects, Severity: SeverityInfo,
		Text: "Register exact redirect URIs: no wildcards, no prefix matching, https only except loopback.",
		Refs: []Ref{RFC9700.S("2.1"), RFC9700.S("4.1.3"), RFC9700.S("2.6")}},
	{ID: CaveatRedirectCSRF, Severity: SeverityWarning,
		Text: "Defend the redirect against CSRF: the response must come back to the browser session that started the request. PKCE does this once you know the server supports it (S256 in code_challenge_methods_supported); otherwise also send a one-time state value bound to the session and reject a response whose state does not match.",
		Refs: []Ref{RFC9700.S("2.1"), RFC9700.S("4.7.1")}},
	{ID: CaveatMixUp, Severity: SeverityWarning,
		Text: "The client talks to more than one authorization server, so it needs a mix-up defence: remember which issuer each request went to, compare the iss parameter of the authorization response with it and reject a mismatch (and a missing iss from a server that advertises authorization_response_iss_parameter_supported). Where a server does not send iss, use a distinct redirect URI per server.",
		Refs: []Ref{RFC9207.S("2.4"), RFC9700.S("4.4")}},
	{ID: CaveatIDTokenValidation, Severity: SeverityWarning,
		Text: "Signing users in with OpenID Connect: send a fresh nonce with each authentication request and validate the ID token before trusting it: its signature with the issuer's keys, iss equal to the issuer, aud containing your client_id, exp, and nonce equal to the one you sent. An access token is not proof of who signed in.",
		Refs: []Ref{OIDCCore.S("3.1.2.1"), OIDCCore.S("3.1.3.7")}},
	{ID: CaveatImplicitRemoved, Severity: SeverityWarning,
		Text: "The implicit grant returns tokens in the URL fragment; RFC 9700 says it SHOULD NOT be used and OAuth 2.1 removes it.",
		Refs: []Ref{RFC9700.S("2.1.2"), OAuth21.S("10")}},
	{ID: CaveatSPAPreferBFF, Severity: SeverityWarning,
		Text:        "A browser-only client keeps tokens where any script injected into the page can use them; for business or personal data put a backend-for-frontend in front and keep tokens server-side (answer --backend to get that design).",
		Refs:        []Ref{RFC10017.S("6.1"), RFC10017.S("6.3")},
		SeedDiffers: "The seed (and most vendor pages) stop at browser-only PKCE; the browser-based apps BCP recommends a backend-for-frontend first."},
	{ID: CaveatSPATokenStorage, Severity: SeverityWarning,
		Text: "Keep tokens in memory (or in a web or service worker) rather than in localStorage or JavaScript-readable cookies: whatever the page's own scripts can read, an injected script can read too. No storage stops an injected script from asking the server for fresh tokens itself, which is why a backend-for-frontend is preferred.",
		Refs: []Ref{RFC10017.S("8")}},
	{ID: CaveatSPATokenCORS, Severity: SeverityInfo,
		Text: "The app calls the token endpoint cross-origin: the authorization server must send CORS headers that let the app's origin call it (and the other endpoints the app uses, such as revocation or userinfo), and must not support CORS at the authorization endpoint.",
		Refs: []Ref{RFC10017.S("6.3.3.4"), RFC9700.S("2.6")}},
	{ID: CaveatSPARefreshLimits, Severity: SeverityWarning,
		Text: "For refresh tokens in the browser the server must also set a maximum lifetime or expire them when unused for a while, must not extend a rotated token beyond the first one's lifetime, and should end them with the user's session at the server.",
		Refs: []Ref{RFC10017.S("6.3.2.3")}},
	{ID: CaveatBFFCookies, Severity: SeverityWarning,
		Text: "The backend holds the tokens and its credential and proxies the API calls; the browser gets only a session cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain attribute, and a name with the __Host-Http- (or __Host-) prefix.",
		Refs: []Ref{RFC10017.S("6.1.3.2")}},
	{ID: CaveatBFFCSRF, Severity: SeverityWarning,
		Text: "The session cookie makes every call to the backend-for-frontend a CSRF target: require a custom request header on every call (so a cross-origin request needs a CORS preflight the BFF refuses) or an anti-forgery token; SameSite=Strict alone falls short when other apps share the site.",
		Refs: []Ref{RFC10017.S("6.1.3.3")}},
	{ID: CaveatPublicRefresh, Severity: SeverityWarning,
		Text: "Refresh tokens issued to a public client must be rotated on every use or sender-constrained (DPoP), and should expire when the client has not used them for a while.",
		Refs: []Ref{RFC9700.S("2.2.2"), RFC9700.S("4.14.2")}},
	{ID: CaveatNativeSystemBrowser, Severity: SeverityWarning,
		Text: "Sign in through the system browser (ASWebAuthenticationSession, Custom Tabs), never an embedded web view, which can read what the user types.",
		Refs: []Ref{RFC8252.S("8.12")}},
	{ID: CaveatNativeRedirectKinds, Severity: SeverityInfo,
		Text: "Receive the code on a claimed https link (iOS Universal Links, Android App Links), a private-use scheme in reverse-DNS form (com.example.app:/) or a loopback address.",
		Refs: []Ref{RFC8252.S("7.1"), RFC8252.S("7.2"), RFC8252.S("7.3")}},
	{ID: CaveatLoopbackIPLiteral, Severity: SeverityInfo,
		Text: "Where the app receives the redirect on a loopback listener, use the IP literal http://127.0.0.1 (or [::1]), not localhost: the name can resolve to another interface and is more often blocked by firewalls.",
		Refs: []Ref{RFC8252.S("8.3")}},
	{ID: CaveatCLILoopback, Severity: SeverityInfo,
		Text: "Listen on http://127.0.0.1 on a random free port and register the redirect without a port; the server must accept any port for loopback redirects.",
		Refs: []Ref{RFC8252.S("7.3")}},
	{ID: CaveatDeviceNotForBrowsers, Severity: SeverityInfo,
		Text:        "The device grant is for devices that cannot open a browser; on a machine that can, it only adds a cross-device phishing risk.",
		Refs:        []Ref{RFC8628.S("1"), CrossDevice.S("6.2.1.5")},
		SeedDiffers: "Auth0's CLI guide puts the device flow first; RFC 8252 and RFC 8628 §1 say loopback + PKCE when a browser is available."},
	{ID: CaveatDevicePolling, Severity: SeverityInfo,
		Text: "Poll the token endpoint no faster than `interval`; on slow_down add 5 seconds; stop on expired_token or access_denied.",
		Refs: []Ref{RFC8628.S("3.4"), RFC8628.S("3.5")}},
	{ID: CaveatCrossDevicePhishing, Severity: SeverityWarning,
		Text: "An attacker can start a device flow and send the user_code to a victim: show what is being authorized, keep codes short-lived, check proximity where you can, and avoid the device grant for high-value resources.",
		Refs: []Ref{RFC8628.S("5.4"), CrossDevice.S("6.1"), CrossDevice.S("6.2.1.5")}},
	{ID: CaveatCIBAModes, Severity: SeverityInfo,
		Text: "CIBA clients are confidential: they authenticate at the backchannel authentication endpoint (private_key_jwt here) and register a token delivery mode: poll, ping (a callback, then a token request) or push. The user is named by a login_hint, id_token_hint or login_hint_token.",
		Refs: []Ref{CIBACore.S("5"), CIBACore.S("7.1")}},
	{ID: CaveatCIBABindingMessage, Severity: SeverityWarning,
		Text: "Send a binding_message (a short code, or what is being approved) and show it on the terminal; the server shows the same message on the user's device, so the user can tell this request from one an attacker started with their identifier at the same time.",
		Refs: []Ref{CIBACore.S("7.1"), CrossDevice.S("6.2.2")}},
	{ID: CaveatPasswordMustNot, Severity: SeverityError,
		Text:        "The password grant MUST NOT be used: the app sees the user's password, MFA, passkeys and SSO stop working, and OAuth 2.1 drops the grant. Migrate to authorization code + PKCE in the system browser; without a browser redirect, to the device grant; for a fully native login UX look at the first-party apps draft (FiPA).",
		Refs:        []Ref{RFC9700.S("2.4"), OAuth21.S("10")},
		SeedDiffers: "The seed recommends the password grant for a \"highly trustable\" client (the user types their credentials into the app, which sends them to the server) with only a trust caveat; RFC 9700 §2.4 says MUST NOT."},
	{ID: CaveatFirstPartyLogin, Severity: SeverityInfo,
		Text: "A first-party app can brand the server's login page, or, where the server supports the first-party apps draft (FiPA), collect the user's input natively at its Authorization Challenge Endpoint and receive an authorization code, falling back to the browser when the server asks; either way the app never runs the password grant.",
		Refs: []Ref{FirstPartyApps.S("1"), FirstPartyApps.S("5.2.2.1.1"), RFC9700.S("2.4")}},
	{ID: CaveatJWTBearerClaims, Severity: SeverityWarning,
		Text:        "The server must verify the assertion's signature and its iss, sub, aud (a value identifying this server, such as its token endpoint URL or issuer) and exp claims, may refuse a replayed jti, and must trust only the partners' issuers it registered.",
		Refs:        []Ref{RFC7523.S("3")},
		SeedDiffers: "The JWT Bearer page the seed links to shows an example assertion without iss, aud and exp, which RFC 7523 §3 makes mandatory; the seed does not mention token exchange."},
	{ID: CaveatTokenExchangeUser, Severity: SeverityWarning,
		Text:        "Exchange the incoming user token for one audience-restricted to the downstream API (RFC 8693 delegation with an act claim); don't forward the user's token and don't use client credentials, which loses the user.",
		Refs:        []Ref{RFC8693.S("1.1"), RFC9700.S("2.3")},
		SeedDiffers: "The seed scopes client credentials to calls that involve no end user (\"a batch program or an API calling another API\") and offers nothing for an API calling another API for a user: it never mentions token exchange."},
	{ID: CaveatAudienceRestrict, Severity: SeverityInfo,
		Text: "Restrict each access token to the API that will receive it (resource or audience parameter) so it cannot be replayed elsewhere.",
		Refs: []Ref{RFC9700.S("2.3")}},

	{ID: CaveatAgentDiscovery, Severity: SeverityWarning,
		Text: "Find the authorization server from the resource, not from configuration: call the MCP server or API without a token and read resource_metadata from its 401 WWW-Authenticate header (else fetch /.well-known/oauth-protected-resource with the resource's path inserted, then at the root); use that protected resource metadata only if its resource is exactly the URL you called; take an issuer from its authorization_servers and read that server's metadata (RFC 8414, then OpenID Connect discovery), whose issuer must be exactly that URL. Every URL in these documents comes from the network: accept only https (plain http on loopback while developing), follow no redirect to another origin, and treat every value as data, never as code or shell words.",
		Refs: []Ref{RFC9728.S("5.1"), RFC9728.S("3.1"), RFC9728.S("3.3"), RFC8414.S("3.3"), MCPAuth.S("4.2"), MCPAuth.S("4.3"), MCPSecurity.S("2.3"), MCPSecurity.S("2.6")}},
	{ID: CaveatAgentVerifyPKCE, Severity: SeverityWarning,
		Text: "Before sending the user to a server it has just discovered, the agent checks that the server's metadata lists S256 in code_challenge_methods_supported: where that list is absent the server may not enforce PKCE, and an MCP client must refuse to proceed.",
		Refs: []Ref{MCPAuth.S("11.4"), RFC8414.S("2"), RFC7636.S("4.2")}},
	{ID: CaveatAgentRegistration, Severity: SeverityInfo,
		Text: "Register in this order: where the server's metadata says client_id_metadata_document_supported, identify the agent by the https URL of its client ID metadata document (that URL is the client_id, the document's client_id is exactly that URL, and the server fetches it); else, where the metadata has a registration_endpoint, register dynamically (RFC 7591) and keep the client_id per server; else use a client registered in advance with that server, or ask the user for one (the MCP specification puts a client already pre-registered with that server before all of these). The document declares no shared secret: token_endpoint_auth_method none, or private_key_jwt with a jwks_uri, never client_secret or a client_secret_* method.",
		Refs: []Ref{MCPAuth.S("5"), CIMD.S("4.1"), CIMD.S("5"), CIMD.S("6.2"), RFC7591.S("3")}},
	{ID: CaveatAgentAudience, Severity: SeverityWarning,
		Text: "Send resource, the canonical URI of the MCP server or API (absolute, no fragment, no trailing slash unless it matters), on the authorization request and on every token request, refresh included, whether or not the server advertises support: each token is then bound to one resource. Use a token only at the resource it was issued for: without audience-bound tokens a malicious resource can make the agent ask for a token that another resource accepts, and replay it there.",
		Refs: []Ref{RFC8707.S("2"), MCPAuth.S("8"), MCPAuth.S("11.1"), RFC9728.S("7.4"), RFC9700.S("2.3")}},
	{ID: CaveatNoTokenPassthrough, Severity: SeverityWarning,
		Text: "No token passthrough: an MCP server accepts only tokens issued for itself (its own URI in aud), and when it calls an upstream API it uses a token of its own for that API (its own authorization, or token exchange for the user), never the token the agent sent it; forwarding that token is the confused-deputy anti-pattern the MCP specification forbids. An MCP proxy that uses one static client ID at a third-party server must get the user's consent for each dynamically registered client before forwarding.",
		Refs: []Ref{MCPAuth.S("11.8"), MCPAuth.S("11.7"), MCPSecurity.S("2.2"), MCPSecurity.S("2.1"), RFC8693.S("1.1")}},
	{ID: CaveatAgentLoopback, Severity: SeverityInfo,
		Text: "An agent on the user's machine receives the code on a loopback listener: http://127.0.0.1 on a free port, the redirect URI registered without a port so that the server accepts any port. Any program on the machine can present the same client_id and a loopback port, so PKCE and state are what bind the code to the request that started it, and the server should show the redirect host; open the authorization URL without a shell.",
		Refs: []Ref{RFC8252.S("7.3"), RFC8252.S("8.3"), MCPAuth.S("11.6.2"), MCPSecurity.S("2.6")}},
	{ID: CaveatAgentBackend, Severity: SeverityInfo,
		Text: "A hosted agent is a confidential client without a shared secret: it authenticates with private_key_jwt, keeps the private key on its server and publishes the public key at the jwks_uri of its client ID metadata document (or of its dynamic registration), and keeps the users' tokens server-side, one per user and resource.",
		Refs: []Ref{CIMD.S("6.2"), RFC7523.S("2.2"), RFC9700.S("2.5")}},

	{ID: CaveatFAPIAuthorizationEndpoint, Severity: SeverityInfo,
		Text: "High security (FAPI 2.0) for a flow through the authorization endpoint: push the authorization request (PAR, with client authentication and redirect_uri) and send only client_id and request_uri to /authorize, response_type=code, PKCE S256, require and check iss in the authorization response, authenticate with private_key_jwt or mTLS, and sender-constrain tokens (DPoP or mTLS).",
		Refs: []Ref{FAPI2.S("5.3.2.2"), FAPI2.S("5.3.3.2"), RFC9126.S("2"), RFC9207.S("2.4"), RFC9449.S("5")}},
	{ID: CaveatFAPIBackchannel, Severity: SeverityInfo,
		Text: "High security (FAPI 2.0) for a grant without an authorization endpoint: authenticate with private_key_jwt or mTLS and sender-constrain every access token (DPoP or mTLS); PAR and the iss check of the authorization response do not apply here.",
		Refs: []Ref{FAPI2.S("5.3.2.1"), FAPI2.S("5.3.3.1"), RFC9449.S("5")}},
	{ID: CaveatFAPISPABFF, Severity: SeverityWarning,
		Text: "FAPI 2.0 allows confidential clients only and a browser cannot hold a key, so at this level the app gets a backend-for-frontend that runs the flow and keeps the tokens; a browser-only design (--backend=false) does not meet it.",
		Refs: []Ref{FAPI2.S("5.3.2.1"), RFC10017.S("6.1")}},
	{ID: CaveatFAPIPerInstance, Severity: SeverityWarning,
		Text: "FAPI 2.0 allows confidential clients only, and a secret or key shipped inside an app is not confidential. So each installation generates its own key pair and registers itself with dynamic client registration (its own client_id, its public key inline as jwks), then authenticates with private_key_jwt and binds its tokens with DPoP. Gate the registration endpoint (an initial access token or a software statement).",
		Refs: []Ref{FAPI2.S("5.3.2.1"), RFC8252.S("8.4"), RFC8252.S("8.5"), RFC7591.S("3"), RFC7591.S("2.3")}},
	{ID: CaveatFAPINativeRedirect, Severity: SeverityWarning,
		Text: "Receive the code on a loopback listener (desktop, CLI) or a claimed https link (iOS Universal Links, Android App Links), not a private-use scheme another app can claim; FAPI 2.0 allows plain http redirects only for native loopback.",
		Refs: []Ref{FAPI2.S("5.3.2.2"), RFC8252.S("7.2"), RFC8252.S("7.3"), RFC8252.S("8.6")}},
	{ID: CaveatFAPICIBA, Severity: SeverityInfo,
		Text: "CIBA at high security follows FAPI-CIBA: poll or ping mode (never push), a binding_message unless the request itself carries a unique authorization context, and the token endpoint of FAPI 2.0 (private_key_jwt or mTLS, sender-constrained tokens).",
		Refs: []Ref{FAPICIBA.S("5.2.2"), FAPICIBA.S("5.2.3"), FAPI2.S("5.3.2.1")}},
	{ID: CaveatAgentHighSecurity, Severity: SeverityWarning,
		Text: "High security for an agent: it still sends resource on every request, and each token is also sender-constrained with DPoP, one key per agent instance. A hosted agent authenticates with private_key_jwt, its public key at the jwks_uri of its client ID metadata document or its dynamic registration; an agent on the user's machine cannot share one key across installations, so each installation registers itself dynamically with its own key, and the client ID metadata document, one document for every copy, does not fit. The authorization request goes through PAR and the response's iss is checked.",
		Refs: []Ref{FAPI2.S("5.3.2.1"), CIMD.S("6.2"), RFC8252.S("8.4"), RFC9449.S("5"), RFC8707.S("2")}},
	{ID: CaveatFAPIDeviceToCIBA, Severity: SeverityWarning,
		Text: "For sensitive or high-value resources the Cross-Device BCP says to avoid the device grant, whose user_code an attacker can phish, and to use CIBA where the device can learn who the user is (a login hint): whichflow recommends CIBA. Where the device cannot, the device grant remains with that risk: add proximity checks, short-lived codes and limited scopes.",
		Refs: []Ref{CrossDevice.S("6.2.1.5"), CrossDevice.S("6.2.2.5")}},

	{ID: CaveatProviderUnsupported, Severity: SeverityWarning,
		Text: "The chosen provider does not support part of this recommendation.",
		Refs: []Ref{RFC8414.S("2")}},
	{ID: CaveatProviderBehaviour, Severity: SeverityWarning,
		Text: "The chosen provider does something this recommendation must work around.",
		Refs: []Ref{RFC8414.S("2")}},
	{ID: CaveatServerLacksGrant, Severity: SeverityWarning,
		Text: "The server's discovery document does not list the recommended grant in grant_types_supported.",
		Refs: []Ref{RFC8414.S("2")}},
	{ID: CaveatServerLacksS256, Severity: SeverityWarning,
		Text: "The server's discovery document does not list S256 in code_challenge_methods_supported.",
		Refs: []Ref{RFC8414.S("2"), RFC7636.S("4.2")}},
	{ID: CaveatServerLacksCIMD, Severity: SeverityWarning,
		Text: "The server's discovery document does not say client_id_metadata_document_supported: the agent falls back to dynamic registration, or to a pre-registered client.",
		Refs: []Ref{CIMD.S("5"), MCPAuth.S("5"), RFC7591.S("3")}},
}

// Caveats returns every caveat.
func Caveats() []Caveat { return caveats }

// CaveatByID looks a caveat up; the catalog test makes sure every ID used
// exists.
func CaveatByID(id CaveatID) (Caveat, bool) {
	for _, c := range caveats {
		if c.ID == id {
			return c, true
		}
	}
	return Caveat{}, false
}
