package scaffold

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// The properties Gravitee AM's Management API accepts (4.12.4), which
// answers 400 for any other (a default Jackson ObjectMapper with
// UnrecognizedPropertyExceptionMapper): NewApplication for the create call,
// PatchApplication, PatchApplicationSettings and
// PatchApplicationOAuthSettings for the PATCH (gravitee-am-service
// src/main/java/io/gravitee/am/service/model/).
var (
	amNewApplication   = []string{"name", "type", "description", "clientId", "clientSecret", "redirectUris", "metadata", "kind"}
	amPatchApplication = []string{"name", "kind", "description", "enabled", "template", "identityProviders", "factors", "certificate", "metadata", "settings"}
	amPatchSettings    = []string{"account", "login", "oauth", "saml", "advanced", "mfa", "cookieSettings", "riskAssessment", "secretExpirationSettings"}
	amPatchOAuth       = []string{"redirectUris", "responseTypes", "grantTypes", "applicationType", "contacts", "clientName", "logoUri",
		"clientUri", "policyUri", "tosUri", "jwksUri", "jwks", "sectorIdentifierUri", "subjectType", "idTokenSignedResponseAlg",
		"idTokenEncryptedResponseAlg", "idTokenEncryptedResponseEnc", "userinfoSignedResponseAlg", "userinfoEncryptedResponseAlg",
		"userinfoEncryptedResponseEnc", "requestObjectSigningAlg", "requestObjectEncryptionAlg", "requestObjectEncryptionEnc",
		"tokenEndpointAuthMethod", "tokenEndpointAuthSigningAlg", "defaultMaxAge", "requireAuthTime", "defaultACRvalues",
		"initiateLoginUri", "requestUris", "softwareId", "softwareVersion", "softwareStatement", "registrationAccessToken",
		"registrationClientUri", "clientIdIssuedAt", "clientSecretExpiresAt", "enhanceScopesWithUserPermissions",
		"accessTokenValiditySeconds", "refreshTokenValiditySeconds", "idTokenValiditySeconds", "tokenCustomClaims",
		"userinfoCustomClaims", "tlsClientAuthSubjectDn", "tlsClientAuthSanDns", "tlsClientAuthSanUri", "tlsClientAuthSanIp",
		"tlsClientAuthSanEmail", "tlsClientCertificateBoundAccessTokens", "authorizationSignedResponseAlg",
		"authorizationEncryptedResponseAlg", "authorizationEncryptedResponseEnc", "forcePKCE", "forceS256CodeChallengeMethod",
		"postLogoutRedirectUris", "singleSignOut", "silentReAuthentication", "scopeSettings", "disableRefreshTokenRotation",
		"tokenExchangeOAuthSettings"}
)

func onlyKeys(t *testing.T, what string, m map[string]any, allowed []string) {
	t.Helper()
	for k := range m {
		found := false
		for _, a := range allowed {
			found = found || a == k
		}
		if !found {
			t.Errorf("%s has %q, which AM's Management API refuses (400)", what, k)
		}
	}
}

// TestGraviteeCalls: for every answer set AM can take, the output is a
// PATCH body AM accepts and the notes carry a create body AM accepts, with
// the application type and the client ID.
func TestGraviteeCalls(t *testing.T) {
	sf, _ := flows.ScaffoldFormatByID(flows.FormatGravitee)
	checked := 0
	for _, a := range answerSets(t) {
		d, err := advisor.Decide(a)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Render(d, sf.Format, Params{})
		if err != nil {
			continue // refusals: TestRoundTrip
		}
		checked++
		var patch map[string]any
		if err := json.Unmarshal(out, &patch); err != nil {
			t.Fatal(err)
		}
		onlyKeys(t, caseName(a)+" PATCH body", patch, amPatchApplication)
		settings, _ := patch["settings"].(map[string]any)
		onlyKeys(t, caseName(a)+" settings", settings, amPatchSettings)
		oauth, _ := settings["oauth"].(map[string]any)
		onlyKeys(t, caseName(a)+" settings.oauth", oauth, amPatchOAuth)
		if _, ok := oauth["grantTypes"]; !ok {
			t.Errorf("%s: no explicit grantTypes (AM's template would fill them)", caseName(a))
		}

		var create map[string]any
		for _, n := range Notes(d, sf.Format, Params{}) {
			if i := strings.Index(n, "\n  {"); i >= 0 && strings.Contains(n, "POST /management/") {
				line := n[i+3:]
				line = line[:strings.IndexByte(line, '\n')]
				if err := json.Unmarshal([]byte(line), &create); err != nil {
					t.Fatalf("%s: create body %q: %v", caseName(a), line, err)
				}
			}
		}
		if create == nil {
			t.Errorf("%s: the notes give no create call", caseName(a))
			continue
		}
		onlyKeys(t, caseName(a)+" create body", create, amNewApplication)
		if create["clientId"] != "my-"+a[flows.FacetClient] || create["type"] == nil {
			t.Errorf("%s: create body %v", caseName(a), create)
		}
		if want := "BROWSER"; d.Recommendation.ClientType == flows.Public && strings.HasPrefix(firstOr(d.Registration.RedirectURIs), "https://") && create["type"] != want {
			t.Errorf("%s: type %v, want %s", caseName(a), create["type"], want)
		}
	}
	if checked < 10 {
		t.Errorf("only %d answer sets rendered for gravitee", checked)
	}
}
