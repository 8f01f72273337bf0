package flows

import "testing"

// CIMD §3: the client_id of a metadata document is an https URL with a
// path, no dot segments, fragment or credentials (and here no query).
func TestCheckClientIDURL(t *testing.T) {
	for _, ok := range []string{
		"https://app.example.com/oauth/client-metadata.json",
		"https://raw.githubusercontent.com/modelcontextprotocol/rust-sdk/refs/heads/main/client-metadata.json",
		"https://127.0.0.1:8443/agent.json",
		"https://app.example.com/a%2Fb.json",
	} {
		if err := CheckClientIDURL(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{
		"", "my-client", "http://app.example.com/c.json", "https://", "https://app.example.com", "https://app.example.com/",
		"https://u:p@app.example.com/c.json", "https://app.example.com/c.json#x", "https://app.example.com/c.json?v=1",
		"https://app.example.com/a/../c.json", "https://app.example.com/./c.json", "https://app.example.com/%2E%2e/c.json",
		"HTTPS://app.example.com/c.json", "https://app.example.com/c json",
	} {
		if CheckClientIDURL(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
