package flows

import (
	"slices"
	"strings"
	"testing"
)

// What was read to check the catalog's citations (issue 11: every
// statement checked against the spec text). Each cited reference is either
// in citationsChecked, with a phrase of that section as read and where it
// was read, or in citationsUnchecked, with why it was not. Both record the
// statements (Citation.Where) the check covered: citing a reference from a
// new place, or changing a section number, fails TestCitationsChecked until
// someone reads the section and records it here. Notes:
// /work/coord/notes/citations.md (session 3, citations track).
//
// Quotes are phrases as they stand in the source named (whitespace
// normalised); they are what the statements citing the section rely on.
// They are never shown to users.

// The sources read.
const (
	src6749      = "RFC 6749 text (github.com/sidgwick/read-rfc rfc6749.txt, a copy with reader's notes; the quoted words are the RFC's)"
	src9700      = "RFC 9700 source, github.com/oauthstuff/draft-ietf-oauth-security-topics @7c90ff1 (A02_recommendations.md, A04_attacks-and-mitigations.md; sections numbered from the headings)"
	src10017     = "RFC 10017 editor's copy, github.com/oauth-wg/oauth-browser-based-apps @325e530 (2026-07-06, draft-ietf-oauth-browser-based-apps.md; sections numbered from the headings)"
	srcV21       = "OAuth 2.1 editor's copy, github.com/oauth-wg/oauth-v2-1 @08614f6 (2026-05-04; sections numbered from the headings)"
	srcXd        = "Cross-Device BCP editor's copy, github.com/oauth-wg/oauth-cross-device-security @9ee8174 (2026-03-02; sections numbered from the headings)"
	srcFipa      = "FiPA editor's copy, github.com/oauth-wg/oauth-first-party-apps @1aa5558 (2026-02-27; sections numbered from the headings)"
	srcFapi      = "FAPI 2.0 Security Profile source, github.com/openid/fapi fapi-2_0-security-profile.md @0051804 (\"Draft 04\"; sections numbered from the headings)"
	srcFapiciba  = "FAPI-CIBA source, github.com/openid/fapi Financial_API_WD_CIBA.md @08a1b12 (numbered sections in the text)"
	srcOidc      = "OpenID Connect Core 1.0 source, github.com/openid/connect openid-connect-core-1_0.xml @218b708 (sections numbered from the <section> tree)"
	srcRpl       = "OpenID Connect RP-Initiated Logout 1.0 source, github.com/openid/connect openid-connect-rpinitiated-1_0.xml @218b708"
	srcCode      = "RFC text quoted verbatim in public code, found with the code index (find_string); several independent quotes agree"
	srcCodetitle = "section title as public code and documentation cite it with the section number (find_string); the section's text itself was not read"
	srcMcpcite   = "the section number as the MCP authorization specification's own text cites it (find_string over copies of the spec page); RFC 9728's text itself was not read"
)

type citationCheck struct {
	Quote  string   // a phrase of the cited section, as read
	Source string   // where it was read
	Where  []string // the citations (Citation.Where) checked against it
}

type citationGap struct {
	Why   string   // why the section was not read
	Where []string // the citations that rely on it unchecked
}

var citationsChecked = map[string]citationCheck{
	"Cross-Device Flows BCP §2": {
		Quote:  "Implementers SHOULD avoid cross-device flows if risks cannot be sufficiently mitigated.",
		Source: srcXd,
		Where:  []string{"flow device-code"},
	},
	"Cross-Device Flows BCP §6.1": {
		Quote:  "It is RECOMMENDED that one or more of the mitigations be applied when implementing a cross-device flow.",
		Source: srcXd,
		Where:  []string{"caveat cross-device-phishing"},
	},
	"Cross-Device Flows BCP §6.2.1": {
		Quote:  "is a standard to enable authorization on devices with constrained input capabilities",
		Source: srcXd,
		Where:  []string{"flow device-code"},
	},
	"Cross-Device Flows BCP §6.2.1.5": {
		Quote:  "Avoid using if the protected resources are sensitive, high value, or business critical.",
		Source: srcXd,
		Where:  []string{"caveat cross-device-phishing", "caveat device-not-for-browsers", "caveat fapi2-device-to-ciba", "decision row 6 rejecting device-code", "disagreement device-for-cli"},
	},
	"Cross-Device Flows BCP §6.2.2": {
		Quote:  "Less susceptible to unauthenticated channel attacks, but still vulnerable to attackers who know or can guess the user identifier",
		Source: srcXd,
		Where:  []string{"caveat ciba-binding-message"},
	},
	"Cross-Device Flows BCP §6.2.2.5": {
		Quote:  "Use CIBA instead of Device Authorization Grant if it is possible for the Consumption Device to obtain a user identifier",
		Source: srcXd,
		Where:  []string{"caveat fapi2-device-to-ciba"},
	},
	"FAPI 2.0 §5.3.2.1": {
		Quote:  "shall only issue sender-constrained access tokens",
		Source: srcFapi,
		Where:  []string{"caveat agent-high-security", "caveat fapi-ciba", "caveat fapi2-per-instance-registration", "caveat fapi2-spa-bff", "caveat fapi2-strong-client-auth", "rule fapi-client-auth", "rule fapi-public-client", "rule fapi-refresh-rotation", "rule fapi-sender-constrained"},
	},
	"FAPI 2.0 §5.3.2.2": {
		Quote:  "For flows that use the authorization endpoint, authorization servers",
		Source: srcFapi,
		Where:  []string{"caveat fapi2-authorization-endpoint", "caveat fapi2-native-redirect", "rule fapi-par-required", "rule fapi-pkce-s256", "rule fapi-response-type"},
	},
	"FAPI 2.0 §5.3.3.1": {
		Quote:  "if using DPoP, shall support the server provided nonce mechanism",
		Source: srcFapi,
		Where:  []string{"caveat fapi2-strong-client-auth"},
	},
	"FAPI 2.0 §5.3.3.2": {
		Quote:  "shall check the `iss` parameter in the authorization response according to [@!RFC9207] to prevent mix-up attacks",
		Source: srcFapi,
		Where:  []string{"caveat fapi2-authorization-endpoint"},
	},
	"FAPI 2.0 §5.4": {
		Quote:  "use `PS256`, `ES256`, or `EdDSA` (using the `Ed25519` variant) algorithms",
		Source: srcFapi,
		Where:  []string{"rule fapi-signing-alg"},
	},
	"FAPI-CIBA §5.2.2": {
		Quote:  "shall not support CIBA push mode",
		Source: srcFapiciba,
		Where:  []string{"caveat fapi-ciba"},
	},
	"FAPI-CIBA §5.2.3": {
		Quote:  "shall ensure sufficient authorization context exists in authorization request or shall include a binding_message in the authentication request",
		Source: srcFapiciba,
		Where:  []string{"caveat fapi-ciba"},
	},
	"OAuth 2.0 for First-Party Apps (draft) §1": {
		Quote:  "with browser redirection as described in OAuth 2.0 for Native Apps {{RFC8252}} used only as a fallback when needed",
		Source: srcFipa,
		Where:  []string{"caveat first-party-login"},
	},
	"OAuth 2.0 for First-Party Apps (draft) §5.2.2.1.1": {
		Quote:  "the authorization server returns an error response as defined above with the `redirect_to_web` error code",
		Source: srcFipa,
		Where:  []string{"caveat first-party-login"},
	},
	"OAuth 2.1 §10": {
		Quote:  "The Resource Owner Password Credentials grant is omitted from this specification",
		Source: srcV21,
		Where:  []string{"caveat implicit-removed", "caveat password-must-not", "decision row 0 rejecting password", "decision row 1 rejecting implicit", "decision row 10 rejecting password", "decision row 11 rejecting password", "decision row 12 rejecting password", "decision row 14 rejecting password", "decision row 15 rejecting password", "decision row 2 rejecting implicit", "decision row 3 rejecting implicit", "decision row 4 rejecting implicit", "decision row 4 rejecting password", "decision row 5 rejecting password", "decision row 6 rejecting password", "decision row 7 rejecting password", "decision row 8 rejecting password", "decision row 9 rejecting password", "disagreement password", "flow implicit", "flow password", "rule implicit-grant", "rule ropc"},
	},
	"OAuth 2.1 §10.1": {
		Quote:  "The OAuth 2.0 Implicit grant is omitted from OAuth 2.1",
		Source: srcV21,
		Where:  []string{"disagreement implicit"},
	},
	"OAuth 2.1 §4.1": {
		Quote:  "The authorization code grant type is used to obtain both access tokens and refresh tokens.",
		Source: srcV21,
		Where:  []string{"flow authorization-code"},
	},
	"OAuth 2.1 §4.1.1": {
		Quote:  "Clients use a unique secret, called the \"code verifier\", per authorization request",
		Source: srcV21,
		Where:  []string{"disagreement pkce-confidential", "rule public-client-no-pkce", "rule redirect-prefix-match", "rule redirect-wildcard"},
	},
	"OAuth 2.1 §4.2": {
		Quote:  "The client credentials grant type MUST only be used by confidential clients.",
		Source: srcV21,
		Where:  []string{"caveat client-credentials-confidential-only", "flow client-credentials", "rule client-credentials-on-public-client"},
	},
	"OAuth 2.1 §4.3": {
		Quote:  "Refresh tokens MUST be kept confidential in transit and storage",
		Source: srcV21,
		Where:  []string{"rule public-refresh-no-rotation", "rule refresh-reuse-allowed"},
	},
	"OAuth 2.1 §7.5.1": {
		Quote:  "`code_verifier` is REQUIRED for clients, and authorization servers MUST enforce their use",
		Source: srcV21,
		Where:  []string{"caveat pkce-for-confidential", "disagreement pkce-confidential", "rule confidential-client-no-pkce"},
	},
	"OpenID CIBA Core 1.0 §10.1": {
		Quote:  "Token Request Using CIBA Grant Type",
		Source: srcCodetitle,
		Where:  []string{"flow ciba"},
	},
	"OpenID CIBA Core 1.0 §5": {
		Quote:  "Poll, Ping and Push Modes",
		Source: srcCodetitle,
		Where:  []string{"caveat ciba-modes"},
	},
	"OpenID CIBA Core 1.0 §7.1": {
		Quote:  "The Client MUST authenticate to the Backchannel Authentication Endpoint using the authentication method registered for its client_id",
		Source: srcCode,
		Where:  []string{"caveat ciba-binding-message", "caveat ciba-modes", "flow ciba", "provider entra gap", "provider hydra gap"},
	},
	"OpenID Connect Core 1.0 §10.1": {
		Quote:  "Symmetric signatures MUST NOT be used by public (non-confidential) Clients because of their inability to keep secrets.",
		Source: srcOidc,
		Where:  []string{"rule weak-signing-alg"},
	},
	"OpenID Connect Core 1.0 §3.1": {
		Quote:  "Authentication using the Authorization Code Flow",
		Source: srcOidc,
		Where:  []string{"rule front-channel-id-token"},
	},
	"OpenID Connect Core 1.0 §3.1.2.1": {
		Quote:  "String value used to associate a Client session with an ID Token, and to mitigate replay attacks.",
		Source: srcOidc,
		Where:  []string{"caveat id-token-validation"},
	},
	"OpenID Connect Core 1.0 §3.1.3.7": {
		Quote:  "The Client MUST validate that the aud (audience) Claim contains its client_id value registered at the Issuer",
		Source: srcOidc,
		Where:  []string{"caveat id-token-validation"},
	},
	"OpenID Connect Core 1.0 §3.2": {
		Quote:  "Authentication using the Implicit Flow",
		Source: srcOidc,
		Where:  []string{"rule front-channel-id-token"},
	},
	"OpenID Connect RP-Initiated Logout 1.0 §2": {
		Quote:  "The value MUST have been previously registered with the OP",
		Source: srcRpl,
		Where:  []string{"rule post-logout-redirect-unsafe"},
	},
	"OpenID Connect RP-Initiated Logout 1.0 §3": {
		Quote:  "The OP also MUST NOT perform post-logout redirection if the post_logout_redirect_uri value supplied does not exactly match one of the previously registered post_logout_redirect_uris values.",
		Source: srcRpl,
		Where:  []string{"rule post-logout-redirect-unsafe"},
	},
	"RFC 10017 §6.1": {
		Quote:  "The BFF interacts with the authorization server as a confidential OAuth client",
		Source: src10017,
		Where:  []string{"caveat fapi2-spa-bff", "caveat spa-prefer-bff", "disagreement bff-for-spa", "extension bff", "rule fapi-public-client"},
	},
	"RFC 10017 §6.1.3.2": {
		Quote:  "The BFF MUST enable the `HttpOnly` flag for its cookies",
		Source: src10017,
		Where:  []string{"caveat bff-cookies"},
	},
	"RFC 10017 §6.1.3.3": {
		Quote:  "The BFF MUST implement a proper CSRF defense.",
		Source: src10017,
		Where:  []string{"caveat bff-csrf"},
	},
	"RFC 10017 §6.3": {
		Quote:  "this application architecture is vulnerable to all attack scenarios discussed earlier",
		Source: src10017,
		Where:  []string{"caveat spa-prefer-bff", "disagreement bff-for-spa", "rule ambiguous-client-type", "rule refresh-no-expiry", "rule web-origins-wildcard"},
	},
	"RFC 10017 §6.3.2.3": {
		Quote:  "MUST either set a maximum lifetime on refresh tokens OR expire if the refresh token has not been used within some amount of time",
		Source: src10017,
		Where:  []string{"caveat spa-refresh-limits"},
	},
	"RFC 10017 §6.3.3.4": {
		Quote:  "The authorization server and the resource server MUST send necessary CORS headers",
		Source: src10017,
		Where:  []string{"caveat spa-token-endpoint-cors"},
	},
	"RFC 10017 §7.2": {
		Quote:  "Browser-based clients MUST use the Authorization Code grant type and MUST NOT use the Implicit grant type to obtain access tokens.",
		Source: src10017,
		Where:  []string{"decision row 2 rejecting implicit", "decision row 3 rejecting implicit", "disagreement implicit", "flow implicit", "rule implicit-grant"},
	},
	"RFC 10017 §7.3": {
		Quote:  "browser-based applications using OAuth or OpenID Connect MUST use a redirect-based flow",
		Source: src10017,
		Where:  []string{"flow password", "rule cross-origin-auth", "rule ropc"},
	},
	"RFC 10017 §8": {
		Quote:  "localStorage does not protect against unauthorized access from malicious JavaScript",
		Source: src10017,
		Where:  []string{"caveat spa-token-storage"},
	},
	"RFC 6749 §10.1": {
		Quote:  "Web application clients MUST ensure confidentiality of client passwords and other client credentials.",
		Source: src6749,
		Where:  []string{"rule committed-secret"},
	},
	"RFC 6749 §10.3": {
		Quote:  "This specification does not provide any methods for the resource server to ensure that an access token presented to it by a given client was issued to that client by the authorization server.",
		Source: src6749,
		Where:  []string{"rule token-lifetime-long"},
	},
	"RFC 6749 §2.1": {
		Quote:  "Clients incapable of maintaining the confidentiality of their credentials",
		Source: src6749,
		Where:  []string{"rule ambiguous-client-type", "rule client-credentials-on-public-client"},
	},
	"RFC 6749 §3.1": {
		Quote:  "the authorization server MUST require the use of TLS as described in Section 1.6 when sending requests to the authorization endpoint.",
		Source: src6749,
		Where:  []string{"rule openapi-oauth-url-insecure", "rule ssl-required-none"},
	},
	"RFC 6749 §3.1.2": {
		Quote:  "The endpoint URI MUST NOT include a fragment component.",
		Source: src6749,
		Where:  []string{"rule redirect-dangerous-scheme", "rule redirect-fragment"},
	},
	"RFC 6749 §3.2": {
		Quote:  "the authorization server MUST require the use of TLS as described in Section 1.6 when sending requests to the token endpoint.",
		Source: src6749,
		Where:  []string{"rule openapi-oauth-url-insecure", "rule ssl-required-none"},
	},
	"RFC 6749 §4.1": {
		Quote:  "The authorization code grant type is used to obtain both access tokens and refresh tokens and is optimized for confidential clients.",
		Source: src6749,
		Where:  []string{"flow authorization-code"},
	},
	"RFC 6749 §4.1.2": {
		Quote:  "A maximum authorization code lifetime of 10 minutes is RECOMMENDED.",
		Source: src6749,
		Where:  []string{"rule token-lifetime-long"},
	},
	"RFC 6749 §4.4": {
		Quote:  "The client credentials grant type MUST only be used by confidential clients.",
		Source: src6749,
		Where:  []string{"caveat client-credentials-confidential-only", "decision row 14 rejecting client-credentials", "decision row 15 rejecting client-credentials", "flow client-credentials", "rule client-credentials-on-public-client", "rule mixed-client-roles"},
	},
	"RFC 6749 §6": {
		Quote:  "the refresh token is bound to the client to which it was issued",
		Source: src6749,
		Where:  []string{"flow refresh-token"},
	},
	"RFC 7523 §2.1": {
		Quote:  "Using JWTs as Authorization Grants",
		Source: srcCodetitle,
		Where:  []string{"flow jwt-bearer"},
	},
	"RFC 7523 §2.2": {
		Quote:  "The value of the \"client_assertion_type\" is \"urn:ietf:params:oauth:client-assertion-type:jwt-bearer\".",
		Source: srcCode,
		Where:  []string{"caveat agent-backend-key", "caveat prefer-asymmetric-auth", "extension private_key_jwt", "rule fapi-client-auth", "rule fapi-signing-alg"},
	},
	"RFC 7523 §3": {
		Quote:  "The authorization server MUST reject any JWT that does not contain its own identity as the intended audience.",
		Source: srcCode,
		Where:  []string{"caveat jwt-bearer-claims", "flow jwt-bearer"},
	},
	"RFC 7591 §2": {
		Quote:  "If unspecified or omitted, the default is \"client_secret_basic\"",
		Source: srcCode,
		Where:  []string{"rule ambiguous-client-type", "rule client-metadata-shared-secret", "rule invalid-config"},
	},
	"RFC 7591 §3": {
		Quote:  "MAY accept an initial access token in the form of an OAuth 2.0 access token to limit registration to only previously authorized parties",
		Source: srcCode,
		Where:  []string{"caveat agent-registration", "caveat fapi2-per-instance-registration", "caveat server-lacks-client-id-metadata-document", "rule dynamic-registration-open"},
	},
	"RFC 7636 §4.2": {
		Quote:  "If the client is capable of using \"S256\", it MUST use \"S256\"",
		Source: srcCode,
		Where:  []string{"caveat agent-verify-pkce", "caveat server-lacks-s256", "rule fapi-pkce-s256", "rule public-client-no-pkce"},
	},
	"RFC 8252 §6": {
		Quote:  "Public native app clients MUST implement the Proof Key for Code Exchange (PKCE [RFC7636]) extension to OAuth, and authorization servers MUST support PKCE for such clients.",
		Source: srcCode,
		Where:  []string{"rule public-client-no-pkce"},
	},
	"RFC 8252 §7": {
		Quote:  "Receiving the Authorization Response in a Native App",
		Source: srcCodetitle,
		Where:  []string{"rule redirect-dangerous-scheme"},
	},
	"RFC 8252 §7.1": {
		Quote:  "apps MUST use a URI scheme based on a domain name under their control, expressed in reverse order",
		Source: srcCode,
		Where:  []string{"caveat native-redirect-uris", "rule redirect-custom-scheme"},
	},
	"RFC 8252 §7.2": {
		Quote:  "App-claimed \"https\" scheme redirect URIs have some advantages compared to other native app redirect options",
		Source: srcCode,
		Where:  []string{"caveat fapi2-native-redirect", "caveat native-redirect-uris", "rule redirect-custom-scheme"},
	},
	"RFC 8252 §7.3": {
		Quote:  "The authorization server MUST allow any port to be specified at the time of the request for loopback IP redirect URIs",
		Source: srcCode,
		Where:  []string{"caveat agent-loopback", "caveat cli-loopback", "caveat fapi2-native-redirect", "caveat native-redirect-uris", "decision row 6 rejecting device-code", "disagreement device-for-cli", "extension loopback", "rule redirect-http-non-loopback", "rule redirect-localhost"},
	},
	"RFC 8252 §8.12": {
		Quote:  "as the app that hosts the embedded user-agent can access the user's full authentication credential",
		Source: srcCode,
		Where:  []string{"caveat native-system-browser"},
	},
	"RFC 8252 §8.3": {
		Quote:  "the use of localhost is NOT RECOMMENDED",
		Source: srcCode,
		Where:  []string{"caveat agent-loopback", "caveat loopback-ip-literal", "rule redirect-http-non-loopback", "rule redirect-localhost"},
	},
	"RFC 8252 §8.4": {
		Quote:  "Authorization servers MUST record the client type in the client registration details",
		Source: srcCode,
		Where:  []string{"caveat agent-high-security", "caveat fapi2-per-instance-registration"},
	},
	"RFC 8252 §8.5": {
		Quote:  "Secrets that are statically included as part of an app distributed to multiple users should not be treated as confidential secrets",
		Source: srcCode,
		Where:  []string{"caveat fapi2-per-instance-registration", "decision row 9 rejecting password", "disagreement password"},
	},
	"RFC 8252 §8.6": {
		Quote:  "Measures such as claimed \"https\" scheme redirects MAY be accepted by authorization servers as identity proof.",
		Source: srcCode,
		Where:  []string{"caveat fapi2-native-redirect", "rule redirect-custom-scheme"},
	},
	"RFC 8414 §2": {
		Quote:  "JSON array containing a list of Proof Key for Code Exchange (PKCE) [RFC7636] code challenge methods supported by this authorization server.",
		Source: srcCode,
		Where:  []string{"caveat agent-verify-pkce", "caveat provider-behaviour", "caveat provider-unsupported", "caveat server-lacks-grant", "caveat server-lacks-s256"},
	},
	"RFC 8414 §3.3": {
		Quote:  "The \"issuer\" value returned MUST be identical to the authorization server's issuer identifier value into which the well-known URI string was inserted",
		Source: srcCode,
		Where:  []string{"caveat agent-discovery"},
	},
	"RFC 8628 §1": {
		Quote:  "The device authorization grant is not intended to replace browser-based OAuth in native apps on capable devices like smartphones.",
		Source: srcCode,
		Where:  []string{"caveat device-not-for-browsers", "decision row 6 rejecting device-code", "disagreement device-for-cli"},
	},
	"RFC 8628 §3.4": {
		Quote:  "Device Access Token Request",
		Source: srcCodetitle,
		Where:  []string{"caveat device-polling"},
	},
	"RFC 8628 §3.5": {
		Quote:  "the interval MUST be increased by 5 seconds for this and all subsequent requests",
		Source: srcCode,
		Where:  []string{"caveat device-polling"},
	},
	"RFC 8628 §5.4": {
		Quote:  "Remote Phishing",
		Source: srcCodetitle,
		Where:  []string{"caveat cross-device-phishing"},
	},
	"RFC 8693 §1.1": {
		Quote:  "With delegation semantics, principal A still has its own identity separate from B",
		Source: srcCode,
		Where:  []string{"caveat no-token-passthrough", "caveat token-exchange-keeps-user", "decision row 13 rejecting client-credentials", "decision row 14 rejecting client-credentials", "decision row 15 rejecting client-credentials", "disagreement client-credentials-for-users", "rule kind-mismatch"},
	},
	"RFC 8705 §2": {
		Quote:  "MTLS as specified in Section 2 of [@!RFC8705]",
		Source: srcFapi,
		Where:  []string{"caveat prefer-asymmetric-auth", "extension mtls", "rule fapi-client-auth"},
	},
	"RFC 8705 §3": {
		Quote:  "Mutual-TLS Client Certificate-Bound Access Tokens",
		Source: srcCodetitle,
		Where:  []string{"caveat sender-constrain-tokens", "extension mtls", "rule fapi-sender-constrained"},
	},
	"RFC 8707 §2": {
		Quote:  "MUST NOT include a fragment component",
		Source: srcCode,
		Where:  []string{"caveat agent-audience-bound", "caveat agent-high-security", "disagreement agents", "extension resource-indicators"},
	},
	"RFC 8725 §3.1": {
		Quote:  "Perform Algorithm Verification",
		Source: srcCodetitle,
		Where:  []string{"rule weak-signing-alg"},
	},
	"RFC 8725 §3.2": {
		Quote:  "Avoid all RSA-PKCS1 v1.5 encryption algorithms",
		Source: srcCode,
		Where:  []string{"rule weak-signing-alg"},
	},
	"RFC 9101 §4": {
		Quote:  "Request Object",
		Source: srcCodetitle,
		Where:  []string{"extension jar"},
	},
	"RFC 9126 §2": {
		Quote:  "Pushed Authorization Request Endpoint",
		Source: srcCodetitle,
		Where:  []string{"caveat fapi2-authorization-endpoint", "extension par", "provider entra gap", "provider hydra gap"},
	},
	"RFC 9126 §4": {
		Quote:  "the authorization URL MUST include only `client_id` and `request_uri` as query parameters",
		Source: srcCode,
		Where:  []string{"extension par", "provider entra gap", "provider hydra gap"},
	},
	"RFC 9126 §6": {
		Quote:  "Boolean parameter indicating whether the only means of initiating an authorization request the client is allowed to use is PAR.",
		Source: srcCode,
		Where:  []string{"rule fapi-par-required"},
	},
	"RFC 9207 §2.4": {
		Quote:  "If the value does not match the expected issuer identifier, clients MUST reject the authorization response and MUST NOT proceed with the authorization grant.",
		Source: srcCode,
		Where:  []string{"caveat fapi2-authorization-endpoint", "caveat mix-up-defence", "rule iss-response-disabled"},
	},
	"RFC 9449 §4": {
		Quote:  "DPoP Proof JWTs",
		Source: srcCodetitle,
		Where:  []string{"extension dpop", "provider entra gap", "provider gravitee gap", "provider hydra gap"},
	},
	"RFC 9449 §5": {
		Quote:  "DPoP Access Token Request",
		Source: srcCodetitle,
		Where:  []string{"caveat agent-high-security", "caveat fapi2-authorization-endpoint", "caveat fapi2-strong-client-auth", "caveat sender-constrain-tokens", "extension dpop", "provider entra gap", "provider gravitee gap", "provider hydra gap"},
	},
	"RFC 9449 §5.2": {
		Quote:  "Client Registration Metadata",
		Source: srcCodetitle,
		Where:  []string{"rule fapi-sender-constrained"},
	},
	"RFC 9700 §2.1": {
		Quote:  "authorization servers MUST utilize exact string matching except for port numbers in `localhost` redirection URIs of native apps",
		Source: src9700,
		Where:  []string{"caveat exact-redirect-uris", "caveat redirect-csrf", "rule redirect-http-non-loopback", "rule redirect-prefix-match", "rule redirect-wildcard"},
	},
	"RFC 9700 §2.1.1": {
		Quote:  "Public clients MUST use PKCE [@!RFC7636] to this end",
		Source: src9700,
		Where:  []string{"caveat pkce-for-confidential", "disagreement pkce-confidential", "flow authorization-code", "rule confidential-client-no-pkce", "rule public-client-no-pkce"},
	},
	"RFC 9700 §2.1.2": {
		Quote:  "clients SHOULD NOT use the implicit grant (response type \"token\") or other response types issuing access tokens in the authorization response",
		Source: src9700,
		Where:  []string{"caveat implicit-removed", "decision row 1 rejecting implicit", "decision row 2 rejecting implicit", "decision row 3 rejecting implicit", "decision row 4 rejecting implicit", "disagreement am-template-defaults", "disagreement implicit", "flow implicit", "rule fapi-response-type", "rule front-channel-id-token", "rule implicit-grant", "rule kind-mismatch"},
	},
	"RFC 9700 §2.2.1": {
		Quote:  "Authorization and resource servers SHOULD use mechanisms for sender-constraining access tokens",
		Source: src9700,
		Where:  []string{"caveat sender-constrain-tokens"},
	},
	"RFC 9700 §2.2.2": {
		Quote:  "Refresh tokens for public clients MUST be sender-constrained or use refresh token rotation",
		Source: src9700,
		Where:  []string{"caveat public-refresh-rotation", "disagreement bff-for-spa", "flow refresh-token", "rule fapi-refresh-rotation", "rule public-refresh-no-rotation", "rule refresh-reuse-allowed"},
	},
	"RFC 9700 §2.3": {
		Quote:  "access tokens SHOULD be audience-restricted to a specific resource server",
		Source: src9700,
		Where:  []string{"caveat agent-audience-bound", "caveat audience-restrict", "caveat token-exchange-keeps-user", "disagreement client-credentials-for-users", "flow token-exchange", "rule full-scope-allowed", "rule mixed-client-roles"},
	},
	"RFC 9700 §2.4": {
		Quote:  "The resource owner password credentials grant [@!RFC6749] MUST NOT be used.",
		Source: src9700,
		Where:  []string{"caveat first-party-login", "caveat password-must-not", "decision row 0 rejecting password", "decision row 10 rejecting password", "decision row 11 rejecting password", "decision row 12 rejecting password", "decision row 14 rejecting password", "decision row 15 rejecting password", "decision row 4 rejecting password", "decision row 5 rejecting password", "decision row 6 rejecting password", "decision row 7 rejecting password", "decision row 8 rejecting password", "decision row 9 rejecting password", "disagreement am-template-defaults", "disagreement password", "flow password", "rule cross-origin-auth", "rule kind-mismatch", "rule ropc"},
	},
	"RFC 9700 §2.5": {
		Quote:  "It is RECOMMENDED to use asymmetric cryptography for client authentication",
		Source: src9700,
		Where:  []string{"caveat agent-backend-key", "caveat prefer-asymmetric-auth", "extension private_key_jwt", "rule committed-secret", "rule fapi-client-auth", "rule weak-signing-alg"},
	},
	"RFC 9700 §2.6": {
		Quote:  "CORS MUST NOT be supported at the Authorization Endpoint",
		Source: src9700,
		Where:  []string{"caveat exact-redirect-uris", "caveat spa-token-endpoint-cors", "rule openapi-oauth-url-insecure", "rule redirect-http-non-loopback", "rule redirect-prefix-match", "rule redirect-wildcard", "rule ssl-required-none", "rule web-origins-wildcard"},
	},
	"RFC 9700 §4.1": {
		Quote:  "Some authorization servers allow clients to register redirect URI patterns instead of complete redirect URIs.",
		Source: src9700,
		Where:  []string{"rule dynamic-registration-open", "rule redirect-dangerous-scheme", "rule redirect-fragment"},
	},
	"RFC 9700 §4.1.3": {
		Quote:  "the authorization server MUST ensure that the two URIs are equal",
		Source: src9700,
		Where:  []string{"caveat exact-redirect-uris", "disagreement am-template-defaults", "rule redirect-http-non-loopback", "rule redirect-prefix-match", "rule redirect-wildcard"},
	},
	"RFC 9700 §4.11.2": {
		Quote:  "OAuth authorization servers regularly redirect users to other websites (the clients), but must do so safely.",
		Source: src9700,
		Where:  []string{"rule post-logout-redirect-unsafe"},
	},
	"RFC 9700 §4.14": {
		Quote:  "Refresh tokens are a convenient and user-friendly way to obtain new access tokens.",
		Source: src9700,
		Where:  []string{"flow refresh-token"},
	},
	"RFC 9700 §4.14.2": {
		Quote:  "Refresh tokens SHOULD expire if the client has been inactive for some time",
		Source: src9700,
		Where:  []string{"caveat public-refresh-rotation", "rule public-refresh-no-rotation", "rule refresh-no-expiry", "rule refresh-reuse-allowed"},
	},
	"RFC 9700 §4.4": {
		Quote:  "clients MUST prevent mix-up attacks",
		Source: src9700,
		Where:  []string{"caveat mix-up-defence", "rule iss-response-disabled"},
	},
	"RFC 9700 §4.7.1": {
		Quote:  "The same protection is provided by PKCE or the OpenID Connect `nonce` value.",
		Source: src9700,
		Where:  []string{"caveat redirect-csrf"},
	},
	"RFC 9728 §3.3": {
		Quote:  "The `resource` value returned MUST be identical to the protected resource's resource identifier value into which the well-known URI path suffix was inserted",
		Source: srcCode,
		Where:  []string{"caveat agent-discovery", "disagreement agents"},
	},
	"RFC 9728 §7.4": {
		Quote:  "This requirement aligns with the recommendation in [RFC 9728 Section 7.4]",
		Source: srcMcpcite,
		Where:  []string{"caveat agent-audience-bound"},
	},
}

var citationsUnchecked = map[string]citationGap{
	"MCP Authorization (2025-11-25) §11.1": {
		Why:   agentTrack,
		Where: []string{"caveat agent-audience-bound"},
	},
	"MCP Authorization (2025-11-25) §11.4": {
		Why:   agentTrack,
		Where: []string{"caveat agent-verify-pkce"},
	},
	"MCP Authorization (2025-11-25) §11.6.2": {
		Why:   agentTrack,
		Where: []string{"caveat agent-loopback"},
	},
	"MCP Authorization (2025-11-25) §11.7": {
		Why:   agentTrack,
		Where: []string{"caveat no-token-passthrough"},
	},
	"MCP Authorization (2025-11-25) §11.8": {
		Why:   agentTrack,
		Where: []string{"caveat no-token-passthrough", "disagreement agents"},
	},
	"MCP Authorization (2025-11-25) §4.2": {
		Why:   agentTrack,
		Where: []string{"caveat agent-discovery"},
	},
	"MCP Authorization (2025-11-25) §4.3": {
		Why:   agentTrack,
		Where: []string{"caveat agent-discovery"},
	},
	"MCP Authorization (2025-11-25) §5": {
		Why:   agentTrack,
		Where: []string{"caveat agent-registration", "caveat server-lacks-client-id-metadata-document", "disagreement agents"},
	},
	"MCP Authorization (2025-11-25) §5.1": {
		Why:   agentTrack,
		Where: []string{"extension client-id-metadata-document"},
	},
	"MCP Authorization (2025-11-25) §5.1.1": {
		Why:   agentTrack,
		Where: []string{"rule client-metadata-shared-secret"},
	},
	"MCP Authorization (2025-11-25) §7": {
		Why:   agentTrack,
		Where: []string{"decision row 14 rejecting client-credentials", "decision row 15 rejecting client-credentials"},
	},
	"MCP Authorization (2025-11-25) §8": {
		Why:   agentTrack,
		Where: []string{"caveat agent-audience-bound", "extension resource-indicators"},
	},
	"MCP Security Best Practices (2025-11-25) §2.1": {
		Why:   agentTrack,
		Where: []string{"caveat no-token-passthrough"},
	},
	"MCP Security Best Practices (2025-11-25) §2.2": {
		Why:   agentTrack,
		Where: []string{"caveat no-token-passthrough"},
	},
	"MCP Security Best Practices (2025-11-25) §2.3": {
		Why:   agentTrack,
		Where: []string{"caveat agent-discovery"},
	},
	"MCP Security Best Practices (2025-11-25) §2.6": {
		Why:   agentTrack,
		Where: []string{"caveat agent-discovery", "caveat agent-loopback"},
	},
	"OAuth Client ID Metadata Document (draft) §3": {
		Why:   agentTrack,
		Where: []string{"extension client-id-metadata-document"},
	},
	"OAuth Client ID Metadata Document (draft) §4.1": {
		Why:   agentTrack,
		Where: []string{"caveat agent-registration", "extension client-id-metadata-document", "rule client-metadata-shared-secret"},
	},
	"OAuth Client ID Metadata Document (draft) §5": {
		Why:   agentTrack,
		Where: []string{"caveat agent-registration", "caveat server-lacks-client-id-metadata-document"},
	},
	"OAuth Client ID Metadata Document (draft) §6.2": {
		Why:   agentTrack,
		Where: []string{"caveat agent-backend-key", "caveat agent-high-security", "caveat agent-registration", "rule client-metadata-shared-secret"},
	},
	"RFC 6819 §5.1.5.3": {
		Why:   "no copy of RFC 6819's text found here (code index, stored pages); the section number is from reference/standards.md",
		Where: []string{"rule token-lifetime-long"},
	},
	"RFC 7591 §2.3": {
		Why:   "the section's text (software statements) was not found here; RFC 7591 §3, quoted in oauthlib, names software statements but not this number",
		Where: []string{"caveat fapi2-per-instance-registration"},
	},
	"RFC 7591 §5": {
		Why:   "RFC 7591's Security Considerations were not found here; the rule's claim rests on §3 (quoted)",
		Where: []string{"rule dynamic-registration-open"},
	},
	"RFC 7636 §4": {
		Why:   "the flow cites the protocol section as a whole; only §4.2 was read",
		Where: []string{"flow authorization-code"},
	},
	"RFC 8628 §3": {
		Why:   "the flow cites the protocol section as a whole; only the §3.4 title and §3.5 text were read",
		Where: []string{"flow device-code", "provider gravitee gap"},
	},
	"RFC 8693 §2": {
		Why:   "only the titles §2.1 Request / §2.2 Response (Spring Security's javadoc) were seen, not the section's text",
		Where: []string{"flow token-exchange", "provider auth0 gap", "provider entra gap", "provider hydra gap"},
	},
	"RFC 8693 §4.1": {
		Why:   "the act claim section was not found here; the advice track checked it against code quoting the RFC",
		Where: []string{"decision row 13 rejecting client-credentials", "disagreement client-credentials-for-users"},
	},
	"RFC 9101 §5": {
		Why:   "the section's text (the authorization request with a request object) was not found here",
		Where: []string{"extension jar"},
	},
	"RFC 9207 §2": {
		Why:   "the rule cites the iss parameter section as a whole; only §2.4 was read",
		Where: []string{"rule iss-response-disabled"},
	},
	"RFC 9728 §3.1": {
		Why:   agentTrack,
		Where: []string{"caveat agent-discovery"},
	},
	"RFC 9728 §5.1": {
		Why:   agentTrack,
		Where: []string{"caveat agent-discovery"},
	},
	"WHATWG Fetch §3.2": {
		Why:   "the Fetch standard was not fetched here; §3.2 is its CORS protocol section in the living standard, which renumbers",
		Where: []string{"rule web-origins-wildcard"},
	},
	"whichflow lint: suppressions §expiry": {
		Why:   "whichflow's own documentation, not a standard",
		Where: []string{"rule suppression-expired"},
	},
	"whichflow lint: suppressions §reasons": {
		Why:   "whichflow's own documentation, not a standard",
		Where: []string{"rule suppression-without-reason"},
	},
	"whichflow lint: suppressions §suppressions": {
		Why:   "whichflow's own documentation, not a standard",
		Where: []string{"rule suppression-unknown-rule"},
	},
}

// agentTrack is why the agent/MCP situation's documents are unchecked.
const agentTrack = "added with the agent/MCP situation; not re-read by the citations track (no copy of the document was fetched here)"

// TestCitationsChecked: every citation of the catalog is covered by a
// recorded check (or a recorded gap), and no record outlives the citation
// it covers.
func TestCitationsChecked(t *testing.T) {
	sources := map[string]bool{}
	for _, s := range []string{src6749, src9700, src10017, srcV21, srcXd, srcFipa, srcFapi, srcFapiciba, srcOidc, srcRpl, srcCode, srcCodetitle, srcMcpcite} {
		sources[s] = true
	}
	covered := map[string][]string{}
	for ref, c := range citationsChecked {
		if _, dup := citationsUnchecked[ref]; dup {
			t.Errorf("%s is both checked and unchecked", ref)
		}
		if strings.TrimSpace(c.Quote) == "" || len(c.Quote) > 240 || !sources[c.Source] {
			t.Errorf("%s: a check needs a short quote and one of the sources read", ref)
		}
		covered[ref] = c.Where
	}
	for ref, g := range citationsUnchecked {
		if strings.TrimSpace(g.Why) == "" {
			t.Errorf("%s: an unchecked reference needs the reason", ref)
		}
		covered[ref] = g.Where
	}
	cited := map[string][]string{}
	for _, c := range Citations() {
		ref := c.Ref.String()
		if !slices.Contains(cited[ref], c.Where) {
			cited[ref] = append(cited[ref], c.Where)
		}
		where, ok := covered[ref]
		switch {
		case !ok:
			t.Errorf("%s cites %s, which nobody checked against the spec text: read the section and record it in citationsChecked (or the reason in citationsUnchecked)", c.Where, ref)
		case !slices.Contains(where, c.Where):
			t.Errorf("%s now cites %s: the check of that section did not cover this statement; read it again and add %q to its Where", c.Where, ref, c.Where)
		}
	}
	for ref, where := range covered {
		for _, w := range where {
			if !slices.Contains(cited[ref], w) {
				t.Errorf("the record of %s covers %q, which no longer cites it: update the record", ref, w)
			}
		}
	}
	t.Logf("%d references cited: %d checked against spec text, %d not", len(cited), len(citationsChecked), len(citationsUnchecked))
}
