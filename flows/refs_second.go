package flows

// Documents the second-round rules cite (kept apart from refs.go so the
// tracks adding those rules append without touching each other's lines).
var (
	RFC6819 = rfc("6819") // OAuth 2.0 threat model
	RFC8725 = rfc("8725") // JSON Web Token best current practices
	// OIDCRPLogout is OpenID Connect RP-Initiated Logout 1.0.
	OIDCRPLogout = Doc{"OpenID Connect RP-Initiated Logout 1.0", "https://openid.net/specs/openid-connect-rpinitiated-1_0.html"}
	// Fetch is the WHATWG Fetch standard (§3.2: the CORS protocol).
	Fetch = Doc{"WHATWG Fetch", "https://fetch.spec.whatwg.org/"}
)

func init() { citedDocs = append(citedDocs, RFC6819, RFC8725, OIDCRPLogout, Fetch) }
