package clientconfig

import "testing"

// TestKeycloakRedirectWildcard pins what Keycloak reads as a redirect
// wildcard (RedirectUtils, 26.6.3): only a trailing `*` outside the host,
// or `*` alone; a `*` inside the host is compared literally.
func TestKeycloakRedirectWildcard(t *testing.T) {
	for u, want := range map[string]bool{
		"*":                              true,
		"https://*":                      true,
		"https://app.example.com/*":      true,
		"https://app.example.com*":       true, // read as /* since 26.6.3; other hosts before
		"http://localhost:*":             true,
		"/*":                             true,
		"?ROOTURL?/*":                    true, // a placeholder root: the path wildcard stays
		"myapp:*":                        true,
		"https://app.example.com/cb":     false,
		"https://*.example.com/callback": false, // literal host: matches no URL
		"https://*.example.com/*":        false, // the prefix keeps a literal * in the host
		"https://app.example.com/cb?x=*": false, // a query: compared exactly
		"https://app.example.com/cb#*":   false,
		"http://localhost:*/callback":    false,
		"https://app.example.com/*/cb":   false,
		"https://app.example.com/a*/b/*": true, // trailing wildcard under a literal * in the path
	} {
		if got := keycloakRedirectWildcard(u); got != want {
			t.Errorf("keycloakRedirectWildcard(%q) = %v, want %v", u, got, want)
		}
	}
	for o, want := range map[string]bool{"*": true, "https://*.example.com": false, "+": false, "https://a.example.com": false} {
		if got := keycloakOriginWildcard(o); got != want {
			t.Errorf("keycloakOriginWildcard(%q) = %v, want %v", o, got, want)
		}
	}
}
