package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRedactCredentials(t *testing.T) {
	for in, want := range map[string]string{
		`redirect URI contains a wildcard: "https://user:s3cr3tpass@app.example.com/*"`: `redirect URI contains a wildcard: "https://us… (15 chars)@app.example.com/*"`,
		`"https://app.example.com/cb?client_secret=abc123xyz&x=1"`:                      `"https://app.example.com/cb?client_secret=ab… (9 chars)&x=1"`,
		`"https://app.example.com/cb#access_token=eyJhbGciOi.x.y"`:                      `"https://app.example.com/cb#access_token=ey… (14 chars)"`,
		`"http://admin:pw@10.0.0.1/cb", "https://x.example.com/?token=t0k3nvalue"`:      `"http://ad… (8 chars)@10.0.0.1/cb", "https://x.example.com/?token=t0… (10 chars)"`,
		`"https://app.example.com/cb?secret=${APP_SECRET}"`:                             `"https://app.example.com/cb?secret=${APP_SECRET}"`,
		`no urls here = fine`: `no urls here = fine`,
		`literal secret in the file: client_secret = Xq… (32 chars)`: `literal secret in the file: client_secret = Xq… (32 chars)`,
		`"https://app.example.com/cb?state=abc"`:                     `"https://app.example.com/cb?state=abc"`,
	} {
		if got := RedactCredentials(in); got != want {
			t.Errorf("RedactCredentials(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}

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
