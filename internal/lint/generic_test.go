package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/corpus"
)

// lintCorpusFile lints one file of the real-file corpus and returns its
// unsuppressed findings as rule -> client -> message.
func lintCorpusFile(t *testing.T, rel string, profile string) map[string]map[string]string {
	t.Helper()
	res, err := Run(context.Background(), Options{Paths: []string{filepath.Join(corpus.Dir(t), rel)}, Profile: profile, Now: testNow, Config: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		if out[f.Rule] == nil {
			out[f.Rule] = map[string]string{}
		}
		out[f.Rule][f.Client] = f.Message
	}
	return out
}

// TestPlaceholdersInRealFiles: both placeholder styles of the corpus keep a
// literal wildcard a wildcard (helsinki's ${X}/*, ceai-cqen's ?ROOTURL?
// root under /*), and ceai-cqen's ?UUID? secrets are placeholders.
func TestPlaceholdersInRealFiles(t *testing.T) {
	h := lintCorpusFile(t, "keycloak/helsinki-notification-service-realm.json", "")
	if _, ok := h["redirect-wildcard"]["${KEYCLOAK_CLIENT_NAME}"]; !ok {
		t.Errorf("helsinki: ${KEYCLOAK_CLIENT_REDIRECT_URL}/* not reported as a wildcard: %v", h)
	}
	c := lintCorpusFile(t, "keycloak/ceai-cqen-example-realm-template.json", "")
	if _, ok := c["redirect-wildcard"]["example-app"]; !ok {
		t.Errorf("ceai-cqen: ?ROOTURL?/* not reported as a wildcard: %v", c)
	}
	if m, ok := c["committed-secret"]; ok {
		t.Errorf("ceai-cqen: ?UUID? reported as a committed secret: %v", m)
	}
}

// TestAuth0DefaultsInRealFiles: regular web apps without grant_types
// (moj-cloud-platform, terraform-auth0-test) get Auth0's default grants, so
// implicit-grant fires, and says the default is Auth0's, not the file's.
func TestAuth0DefaultsInRealFiles(t *testing.T) {
	for file, client := range map[string]string{
		"terraform/moj-cloud-platform-auth0/moj-cloud-platform-auth0-main.tf": "auth0_client.kubernetes",
		"terraform/terraform-auth0-test/terraform-auth0-test-clients.tf":      "auth0_client.test_client",
	} {
		got := lintCorpusFile(t, file, "")
		msg, ok := got["implicit-grant"][client]
		if !ok || !strings.Contains(msg, "not in the file: Auth0's default for app_type regular_web") {
			t.Errorf("%s: implicit-grant on %s = %q, %v; want it, as Auth0's default", file, client, msg, ok)
		}
		if _, ok := got["mixed-client-roles"][client]; !ok {
			t.Errorf("%s: %s gets client_credentials and authorization_code by default: no mixed-client-roles", file, client)
		}
	}
}

func TestURIParts(t *testing.T) {
	for _, c := range []struct {
		lit, scheme string
		ok          bool
	}{
		{"https://a.example.com/cb", "https", true}, {" JavaScript:alert(1)", "javascript", true},
		{"com.example.app:/cb", "com.example.app", true}, {"localhost:3000/cb", "", false},
		{"\x00/cb", "", false}, {"/relative", "", false}, {"my-app+x://cb", "my-app+x", true}, {"1abc://x", "", false},
	} {
		s, ok := uriScheme(c.lit)
		if s != c.scheme || ok != c.ok {
			t.Errorf("uriScheme(%q) = %q, %v; want %q, %v", c.lit, s, ok, c.scheme, c.ok)
		}
	}
	for lit, want := range map[string]bool{
		"http://example.com/x": true, "http://\x00/x": false, "http://example.com/\x00": true, "http://localhost:\x00/cb": false,
		"https://example.com/": false, "http://[::1]:8080/": false, "http://127.0.0.1./": false, "http://user@evil.example/": true,
	} {
		if got := insecureHTTP(lit); got != want {
			t.Errorf("insecureHTTP(%q) = %v, want %v", lit, got, want)
		}
	}
	if _, host, ok := uriHost("http://localhost:\x00/cb"); !ok || host != "localhost" {
		t.Errorf("a placeholder port leaves the host literal: %q %v", host, ok)
	}
}
