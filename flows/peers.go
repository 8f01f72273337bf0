package flows

// SecondRoundRules are the rule IDs DESIGN §3 fixes for the second round.
// The catalog gains them as they are implemented; until then the peer
// mapping below and the corpus labels (testdata/labels) may name them, and
// their tests accept an ID that is either in Rules() or here.
var SecondRoundRules = []string{
	"front-channel-id-token",
	"web-origins-wildcard",
	"refresh-reuse-allowed",
	"refresh-no-expiry",
	"post-logout-redirect-unsafe",
	"redirect-fragment",
	"redirect-dangerous-scheme",
	"redirect-localhost",
	"redirect-custom-scheme",
	"weak-signing-alg",
	"ssl-required-none",
	"token-lifetime-long",
	"mixed-client-roles",
	"full-scope-allowed",
	"iss-response-disabled",
	"cross-origin-auth",
	"dynamic-registration-open",
	"openapi-oauth-url-insecure",
	"fapi-signing-alg",
	"fapi-response-type",
	"fapi-refresh-rotation",
}

// KnownRule reports whether id is a catalog rule or a second-round rule
// DESIGN fixes but the catalog may not hold yet.
func KnownRule(id string) bool {
	if _, ok := RuleByID(id); ok {
		return true
	}
	for _, r := range SecondRoundRules {
		if r == id {
			return true
		}
	}
	return false
}
