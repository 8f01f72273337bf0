package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestURLCredentialsNeverInFindings: credentials in redirect URIs are
// redacted in the findings every format prints.
func TestURLCredentialsNeverInFindings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "client.json")
	data := `{"client_id": "a", "token_endpoint_auth_method": "none", "grant_types": ["authorization_code"],
	  "redirect_uris": ["http://deploy:hunter2hunter2@app.example.com/*", "http://app.example.com/cb?client_secret=sekr1tsekr1t"]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Options{Paths: []string{path}, Now: testNow, Config: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) < 2 {
		t.Fatalf("want redirect-wildcard and redirect-http-non-loopback, got %+v", res.Findings)
	}
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "hunter2") || strings.Contains(f.Message, "sekr1t") {
			t.Errorf("%s prints a credential: %s", f.Rule, f.Message)
		}
	}
}
