package lint

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestDeclaredSecretPlaceholders: a public client that declares a secret
// only known at deploy time is ambiguous-client-type; committed-secret
// still ignores placeholders.
func TestDeclaredSecretPlaceholders(t *testing.T) {
	cases := []struct {
		name, text string
		ambiguous  bool
	}{
		{"env.json", `{"client_id": "a", "token_endpoint_auth_method": "none", "client_secret": "${A_SECRET}", "redirect_uris": ["http://127.0.0.1/cb"]}`, true},
		{"empty.json", `{"client_id": "a", "token_endpoint_auth_method": "none", "client_secret": "", "redirect_uris": ["http://127.0.0.1/cb"]}`, false},
		{"auth0.yaml", "clients:\n  - name: spa\n    app_type: spa\n    token_endpoint_auth_method: none\n    client_secret: '##SPA_SECRET##'\n    callbacks: [https://x.example.com/cb]\n", true},
		{"kc.tf", "resource \"keycloak_openid_client\" \"c\" {\n  realm_id = \"r\"\n  client_id = \"c\"\n  access_type = \"PUBLIC\"\n  client_secret = var.client_secret\n  valid_redirect_uris = [\"https://x.example.com/cb\"]\n}\n", true},
		{"kc-mask.json", `{"clientId": "c", "publicClient": true, "secret": "**********", "redirectUris": ["https://x.example.com/cb"], "attributes": {"pkce.code.challenge.method": "S256"}}`, false},
		{"kc-env.json", `{"clientId": "c", "publicClient": true, "secret": "${KC_SECRET}", "redirectUris": ["https://x.example.com/cb"]}`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name)
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := Run(context.Background(), Options{Paths: []string{path}, Now: testNow, Config: os.DevNull})
			if err != nil {
				t.Fatal(err)
			}
			var ambiguous bool
			for _, f := range res.Findings {
				switch f.Rule {
				case "committed-secret", "invalid-config":
					t.Errorf("unexpected %s: %s", f.Rule, f.Message)
				case "ambiguous-client-type":
					ambiguous = true
				}
			}
			if ambiguous != tc.ambiguous {
				t.Errorf("ambiguous-client-type fired: %v, want %v; findings %+v", ambiguous, tc.ambiguous, res.Findings)
			}
		})
	}
}
