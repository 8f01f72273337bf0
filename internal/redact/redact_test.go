package redact

import "testing"

func TestInText(t *testing.T) {
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
		if got := InText(in); got != want {
			t.Errorf("InText(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}

// TestURL: a URL from the command line loses its user information, every
// query value and its fragment, parsed or not.
func TestURL(t *testing.T) {
	for raw, want := range map[string]string{
		"https://alice:pw@as.example/x":     "https://***@as.example/x",
		"https://as.example/x?secret=a&b=c": "https://as.example/x?secret=***&b=***",
		"https://as.example/x":              "https://as.example/x",
		"http://a:pw@[::1/x":                "http://***@[::1/x",
	} {
		if got := URL(raw); got != want {
			t.Errorf("URL(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestSecret(t *testing.T) {
	for in, want := range map[string]string{
		"Xq7Lz3Vb9Nc2Mk5Rt8Wp1Ys4Ud6Ef0Gh": "Xq… (32 chars)",
		"abcd":                             "… (4 chars)",
		"":                                 "… (0 chars)",
		"éàü€x":                            "éà… (5 chars)",
	} {
		if got := Secret(in); got != want {
			t.Errorf("Secret(%q) = %q, want %q", in, got, want)
		}
	}
}
