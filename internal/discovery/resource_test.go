package discovery

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// resourceServer is a protected resource and its authorization server on
// one test server: /mcp answers 401 with challenge (if set), the metadata
// documents are served from docs by path.
func resourceServer(t *testing.T, challenge func(base string) string, docs func(base string) map[string]string) (*httptest.Server, *[]string) {
	t.Helper()
	var asked []string
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.RequestURI())
		if r.URL.Path == "/mcp" {
			if challenge != nil {
				w.Header().Set("WWW-Authenticate", challenge(srv.URL))
			}
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		doc, ok := docs(srv.URL)[r.URL.RequestURI()]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(doc))
	}))
	t.Cleanup(srv.Close)
	return srv, &asked
}

func asDoc(base string) string {
	return `{"issuer":"` + base + `/as","authorization_endpoint":"` + base + `/as/auth","token_endpoint":"` + base + `/as/token",` +
		`"registration_endpoint":"` + base + `/as/reg","client_id_metadata_document_supported":true,"code_challenge_methods_supported":["S256"]}`
}

func TestFetchResourceFromTheChallenge(t *testing.T) {
	srv, asked := resourceServer(t,
		func(base string) string {
			return `Bearer error="invalid_token", resource_metadata="` + base + `/meta/mcp", scope="files:read files:write"`
		},
		func(base string) map[string]string {
			return map[string]string{
				"/meta/mcp": `{"resource":"` + base + `/mcp","authorization_servers":["` + base + `/as"],"scopes_supported":["files:read"]}`,
				"/.well-known/oauth-authorization-server/as": asDoc(base),
			}
		})
	f, err := FetchResource(context.Background(), srv.Client(), srv.URL+"/mcp")
	if err != nil {
		t.Fatal(err)
	}
	if f.Resource.URL != srv.URL+"/meta/mcp" || f.Server.Issuer != srv.URL+"/as" || !f.Server.ClientIDMetadataDocumentSupported || f.Server.RegistrationEndpoint == "" {
		t.Errorf("found %+v", f)
	}
	if f.Scope() != "files:read files:write" {
		t.Errorf("scope %q: the challenge's scope comes first (MCP §6)", f.Scope())
	}
	if want := []string{"/mcp", "/meta/mcp", "/.well-known/oauth-authorization-server/as"}; !slices.Equal(*asked, want) {
		t.Errorf("asked %v, want %v", *asked, want)
	}
}

// Without resource_metadata in the 401, the well-known location with the
// resource's path inserted is tried, then the root (RFC 9728 §3.1; MCP
// authorization §4.2).
func TestFetchResourceWellKnownFallback(t *testing.T) {
	srv, asked := resourceServer(t, func(string) string { return `Bearer realm="x"` },
		func(base string) map[string]string {
			return map[string]string{
				"/.well-known/oauth-protected-resource":      `{"resource":"` + base + `/mcp","authorization_servers":["` + base + `/as"],"scopes_supported":["a","b"]}`,
				"/.well-known/oauth-authorization-server/as": asDoc(base),
			}
		})
	f, err := FetchResource(context.Background(), srv.Client(), srv.URL+"/mcp")
	if err != nil {
		t.Fatal(err)
	}
	if f.Scope() != "a b" {
		t.Errorf("scope %q: without a challenge scope, every supported scope (MCP §6)", f.Scope())
	}
	if want := []string{"/mcp", "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource", "/.well-known/oauth-authorization-server/as"}; !slices.Equal(*asked, want) {
		t.Errorf("asked %v, want %v", *asked, want)
	}
}

// RFC 9728 §3.3, §7.3: metadata naming another resource is not used.
func TestFetchResourceRefusesAnotherResource(t *testing.T) {
	srv, _ := resourceServer(t, func(base string) string { return `Bearer resource_metadata="` + base + `/meta"` },
		func(base string) map[string]string {
			return map[string]string{"/meta": `{"resource":"https://victim.example/mcp","authorization_servers":["` + base + `/as"]}`}
		})
	_, err := FetchResource(context.Background(), srv.Client(), srv.URL+"/mcp")
	var mm *ResourceMismatchError
	if !errors.As(err, &mm) || mm.Got != "https://victim.example/mcp" || !strings.Contains(err.Error(), "RFC 9728 §3.3") {
		t.Fatalf("err = %v, want a ResourceMismatchError", err)
	}
}

func TestFetchResourceRefusesUnsafeURLs(t *testing.T) {
	tests := []struct {
		name, challenge, servers, want string
	}{
		{"javascript metadata URL", `Bearer resource_metadata="javascript:alert(1)"`, "", "not an http(s) URL"},
		{"file metadata URL", `Bearer resource_metadata="file:///etc/passwd"`, "", "not an http(s) URL"},
		{"credentials in the metadata URL", `Bearer resource_metadata="http://user:pw@127.0.0.1/meta"`, "", "no user information"},
		{"no authorization server", `Bearer resource_metadata="{base}/meta"`, `[]`, "names no authorization_servers"},
		{"javascript authorization server", `Bearer resource_metadata="{base}/meta"`, `["javascript:alert(1)"]`, "authorization_servers entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := resourceServer(t, func(base string) string { return strings.ReplaceAll(tt.challenge, "{base}", base) },
				func(base string) map[string]string {
					return map[string]string{"/meta": `{"resource":"` + base + `/mcp","authorization_servers":` + tt.servers + `}`}
				})
			_, err := FetchResource(context.Background(), srv.Client(), srv.URL+"/mcp")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "pw@") {
				t.Errorf("credentials echoed: %v", err)
			}
		})
	}
}

// Under an https resource, plain http off loopback is a downgrade.
func TestFetchResourceRefusesDowngrade(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/mcp":
			w.Header().Set("WWW-Authenticate", `Bearer resource_metadata="`+srv.URL+`/meta"`)
			w.WriteHeader(http.StatusUnauthorized)
		case "/meta":
			w.Write([]byte(`{"resource":"` + srv.URL + `/mcp","authorization_servers":["http://as.example"]}`))
		}
	}))
	defer srv.Close()
	_, err := FetchResource(context.Background(), srv.Client(), srv.URL+"/mcp")
	if err == nil || !strings.Contains(err.Error(), "plain http under an https resource") {
		t.Fatalf("err = %v", err)
	}
}

func TestFetchResourceRefusesCrossOriginRedirect(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"resource":"x","authorization_servers":["x"]}`))
	}))
	defer other.Close()
	srv, _ := resourceServer(t, func(base string) string { return `Bearer resource_metadata="` + base + `/meta"` },
		func(string) map[string]string { return nil })
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/mcp" {
			w.Header().Set("WWW-Authenticate", `Bearer resource_metadata="`+srv.URL+`/meta"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/meta", http.StatusFound)
	})
	_, err := FetchResource(context.Background(), srv.Client(), srv.URL+"/mcp")
	if err == nil || !strings.Contains(err.Error(), "another origin") {
		t.Fatalf("err = %v, want a refused redirect", err)
	}
}

func TestCheckResource(t *testing.T) {
	for _, bad := range []string{"", "mcp.example.com", "ftp://mcp.example", "https://mcp.example/#frag", "https://u:secret@mcp.example/mcp", "urn:x:y"} {
		_, err := CheckResource(bad)
		if err == nil {
			t.Errorf("CheckResource(%q) accepted", bad)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("credentials echoed: %v", err)
		}
	}
	if w, err := CheckResource("https://mcp.example/mcp?tenant=a"); err != nil || !strings.Contains(w, "SHOULD NOT") {
		t.Errorf("query: warning %q, err %v", w, err)
	}
	if w, err := CheckResource("https://mcp.example/mcp"); err != nil || w != "" {
		t.Errorf("plain resource: warning %q, err %v", w, err)
	}
}

func TestResourceLocations(t *testing.T) {
	tests := map[string][]string{
		"https://mcp.example":                {"https://mcp.example/.well-known/oauth-protected-resource"},
		"https://mcp.example/":               {"https://mcp.example/.well-known/oauth-protected-resource"},
		"https://mcp.example/public/mcp":     {"https://mcp.example/.well-known/oauth-protected-resource/public/mcp", "https://mcp.example/.well-known/oauth-protected-resource"},
		"https://mcp.example:8443/a%2Fb?t=1": {"https://mcp.example:8443/.well-known/oauth-protected-resource/a%2Fb?t=1", "https://mcp.example:8443/.well-known/oauth-protected-resource"},
	}
	for in, want := range tests {
		got, err := ResourceLocations(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("ResourceLocations(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestChallengeParam(t *testing.T) {
	tests := []struct {
		headers []string
		want    string
	}{
		{[]string{`Bearer resource_metadata="https://r.example/meta"`}, "https://r.example/meta"},
		{[]string{`Bearer realm="a, resource_metadata=\"no\"", Resource_Metadata=https://r.example/m`}, "https://r.example/m"},
		{[]string{`DPoP algs="ES256"`, `Bearer error="invalid_token", resource_metadata="https://r.example/q\"x"`}, `https://r.example/q"x`},
		{[]string{`Basic abc==, Bearer scope="a"`}, ""},
		{[]string{`Bearer resource_metadata="unterminated`}, "unterminated"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := ChallengeParam(tt.headers, "resource_metadata"); got != tt.want {
			t.Errorf("ChallengeParam(%q) = %q, want %q", tt.headers, got, tt.want)
		}
	}
}

func FuzzChallengeParam(f *testing.F) {
	f.Add(`Bearer resource_metadata="https://r.example/meta", scope="a b"`)
	f.Add(`Basic abc==, Bearer realm="x\"y"`)
	f.Fuzz(func(t *testing.T, h string) {
		v := ChallengeParam([]string{h}, "resource_metadata")
		if len(v) > len(h) {
			t.Fatalf("value %q longer than the header %q", v, h)
		}
	})
}
