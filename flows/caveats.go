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

// Caveat IDs that code (not only the decision table) refers to.
const (
	CaveatServerLacksGrant     = "server-lacks-grant"
	CaveatServerLacksS256      = "server-lacks-s256"
	CaveatProviderUnsupported  = "provider-unsupported"
	CaveatHighSecurity         = "fapi2-profile"
	CaveatFAPIConfidentialOnly = "fapi2-confidential-only"
	CaveatFAPINoPassword       = "fapi2-no-password"
)

// Caveat is something the advice must say, with the standard behind it.
type Caveat struct {
	ID       string
	Severity Severity
	Text     string
	Refs     []Ref
	// SeedDiffers marks caveats where the seed guide (Gravitee AM's "Which
	// Flow Should I Use?") says something else; docs list them side by side.
	SeedDiffers string
}

var caveats = []Caveat{
	{ID: "prefer-asymmetric-auth", Severity: SeverityInfo,
		Text: "Prefer private_key_jwt or mTLS client authentication over a shared client secret: nothing reusable crosses the wire and keys can be rotated without coordination.",
		Refs: []Ref{RFC9700.S("2.5"), RFC7523.S("2.2"), RFC8705.S("2")}},
	{ID: "client-credentials-confidential-only", Severity: SeverityWarning,
		Text: "Client credentials is for confidential clients only: a public client cannot keep the credential that this grant rests on.",
		Refs: []Ref{RFC6749.S("4.4"), OAuth21.S("4.2")}},
	{ID: "sender-constrain-tokens", Severity: SeverityInfo,
		Text: "Sender-constrain access tokens (DPoP or mTLS) so a leaked token cannot be replayed by someone else.",
		Refs: []Ref{RFC9700.S("2.2.1"), RFC9449.Whole(), RFC8705.S("3")}},
	{ID: "pkce-for-confidential", Severity: SeverityWarning,
		Text:        "Use PKCE (S256) even though the client has a secret: it stops authorization code injection, which a secret does not.",
		Refs:        []Ref{RFC9700.S("2.1.1"), OAuth21.S("7.5.1")},
		SeedDiffers: "The seed recommends plain authorization code for server-side web apps and omits PKCE; RFC 9700 recommends it and OAuth 2.1 requires it."},
	{ID: "exact-redirect-uris", Severity: SeverityInfo,
		Text: "Register exact redirect URIs: no wildcards, no prefix matching, https only except loopback.",
		Refs: []Ref{RFC9700.S("2.1"), RFC9700.S("4.1.3")}},
	{ID: "implicit-removed", Severity: SeverityWarning,
		Text: "The implicit grant returns tokens in the URL fragment; RFC 9700 says it SHOULD NOT be used and OAuth 2.1 removes it.",
		Refs: []Ref{RFC9700.S("2.1.2"), OAuth21.S("10")}},
	{ID: "spa-prefer-bff", Severity: SeverityWarning,
		Text:        "A browser-only client keeps tokens where any script injected into the page can use them; for business or personal data put a backend-for-frontend in front and keep tokens server-side (answer --backend to get that design).",
		Refs:        []Ref{RFC10017.S("6.1"), RFC10017.S("6.3")},
		SeedDiffers: "The seed (and most vendor pages) stop at browser-only PKCE; the browser-based apps BCP recommends a backend-for-frontend first."},
	{ID: "bff-cookies", Severity: SeverityInfo,
		Text: "The backend holds the tokens and a secret; the browser gets only an HttpOnly, Secure, SameSite session cookie, and the backend proxies API calls.",
		Refs: []Ref{RFC10017.S("6.1")}},
	{ID: "public-refresh-rotation", Severity: SeverityWarning,
		Text: "Refresh tokens issued to a public client must be rotated on every use or sender-constrained (DPoP), with an idle and a maximum lifetime.",
		Refs: []Ref{RFC9700.S("2.2.2"), RFC9700.S("4.14.2")}},
	{ID: "native-system-browser", Severity: SeverityWarning,
		Text: "Sign in through the system browser (ASWebAuthenticationSession, Custom Tabs), never an embedded web view; redirect to a claimed https link, a private-use reverse-DNS scheme or a loopback address.",
		Refs: []Ref{RFC8252.S("8.12"), RFC8252.S("7")}},
	{ID: "cli-loopback", Severity: SeverityInfo,
		Text: "Listen on http://127.0.0.1 on a random port (not localhost) and register the redirect without a port; the server must accept any port for loopback redirects.",
		Refs: []Ref{RFC8252.S("7.3"), RFC8252.S("8.3")}},
	{ID: "device-not-for-browsers", Severity: SeverityInfo,
		Text:        "The device grant is for devices that cannot open a browser; on a machine that can, it only adds a cross-device phishing risk.",
		Refs:        []Ref{RFC8628.S("1"), CrossDevice.Whole()},
		SeedDiffers: "Auth0's CLI guide puts the device flow first; RFC 8252 and RFC 8628 §1 say loopback + PKCE when a browser is available."},
	{ID: "device-polling", Severity: SeverityInfo,
		Text: "Poll the token endpoint no faster than `interval`; on slow_down add 5 seconds; stop on expired_token or access_denied.",
		Refs: []Ref{RFC8628.S("3.4"), RFC8628.S("3.5")}},
	{ID: "cross-device-phishing", Severity: SeverityWarning,
		Text: "An attacker can start a device flow and send the user_code to a victim: show what is being authorized, keep codes short-lived, and avoid the device grant for high-value resources.",
		Refs: []Ref{RFC8628.S("5.4"), CrossDevice.Whole()}},
	{ID: "ciba-modes", Severity: SeverityInfo,
		Text: "CIBA clients are confidential and pick a token delivery mode at registration: poll, ping (a callback then a token request) or push; the user must be identified by a login_hint, id_token_hint or login_hint_token.",
		Refs: []Ref{CIBACore.S("5"), CIBACore.S("7.1")}},
	{ID: "password-must-not", Severity: SeverityError,
		Text:        "The password grant MUST NOT be used: the app sees the user's password, MFA, passkeys and SSO stop working, and OAuth 2.1 drops the grant. Migrate to authorization code + PKCE in the system browser; for a fully native login UX look at the first-party apps draft (FiPA).",
		Refs:        []Ref{RFC9700.S("2.4"), OAuth21.S("10")},
		SeedDiffers: "The seed recommends collecting the user's credentials in a \"highly trustable\" client (the password grant) with only a trust caveat; RFC 9700 §2.4 says MUST NOT."},
	{ID: "first-party-login", Severity: SeverityInfo,
		Text: "A first-party app can brand the server's login page, or use a native first-party flow (OAuth FiPA draft, Okta Interaction Code, Microsoft brokers) instead of collecting passwords itself.",
		Refs: []Ref{RFC8252.S("8.12"), RFC9700.S("2.4")}},
	{ID: "jwt-bearer-claims", Severity: SeverityWarning,
		Text:        "The server must verify the assertion's signature and iss, sub, aud (its own issuer URL), exp and, for single use, jti; partners' issuers must be registered as trusted.",
		Refs:        []Ref{RFC7523.S("3")},
		SeedDiffers: "The seed's example assertion lacks iss, aud and exp, which RFC 7523 §3 makes mandatory, and does not mention token exchange."},
	{ID: "token-exchange-keeps-user", Severity: SeverityWarning,
		Text:        "Exchange the incoming user token for one audience-restricted to the downstream API (RFC 8693 delegation with an act claim); don't forward the user's token and don't use client credentials, which loses the user.",
		Refs:        []Ref{RFC8693.S("1.1"), RFC9700.S("2.3")},
		SeedDiffers: "The seed sends \"an API calling another API\" to client credentials; when the call is made for a user that loses the user's identity."},
	{ID: "audience-restrict", Severity: SeverityInfo,
		Text: "Restrict each access token to the API that will receive it (resource or audience parameter) so it cannot be replayed elsewhere.",
		Refs: []Ref{RFC9700.S("2.3")}},
	{ID: CaveatHighSecurity, Severity: SeverityInfo,
		Text: "High security (FAPI 2.0 style): push the authorization request (PAR), PKCE S256, authenticate with private_key_jwt or mTLS, sender-constrain tokens (DPoP or mTLS) and check iss in the authorization response.",
		Refs: []Ref{FAPI2.S("5.3"), RFC9126.Whole(), RFC9449.Whole(), RFC9207.Whole()}},
	{ID: CaveatFAPIConfidentialOnly, Severity: SeverityWarning,
		Text: "FAPI 2.0 allows confidential clients only: the browser or device app talks to a backend that holds the keys and performs the token requests.",
		Refs: []Ref{FAPI2.S("5.3.2.1"), RFC10017.S("6.1")}},
	{ID: CaveatFAPINoPassword, Severity: SeverityError,
		Text: "FAPI 2.0 rejects the password grant; high security needs a redirect-based sign-in, so this answer assumes the app can open a browser after all.",
		Refs: []Ref{FAPI2.S("5.3.2.1"), RFC9700.S("2.4")}},
	{ID: CaveatProviderUnsupported, Severity: SeverityWarning,
		Text: "The chosen provider does not support part of this recommendation.",
		Refs: []Ref{RFC8414.S("2")}},
	{ID: CaveatServerLacksGrant, Severity: SeverityWarning,
		Text: "The server's discovery document does not list the recommended grant in grant_types_supported.",
		Refs: []Ref{RFC8414.S("2")}},
	{ID: CaveatServerLacksS256, Severity: SeverityWarning,
		Text: "The server's discovery document does not list S256 in code_challenge_methods_supported.",
		Refs: []Ref{RFC8414.S("2"), RFC7636.S("4.2")}},
}

// Caveats returns every caveat.
func Caveats() []Caveat { return caveats }

// CaveatByID looks a caveat up; the catalog test makes sure every ID used
// exists.
func CaveatByID(id string) (Caveat, bool) {
	for _, c := range caveats {
		if c.ID == id {
			return c, true
		}
	}
	return Caveat{}, false
}
