package discovery

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLocations(t *testing.T) {
	tests := []struct {
		issuer string
		want   []string
	}{
		{"https://as.example", []string{"https://as.example/.well-known/oauth-authorization-server", "https://as.example/.well-known/openid-configuration"}},
		// RFC 8414 §3 inserts the well-known segment; OIDC Discovery §4 appends it.
		// With a path, OpenID Connect discovery with the segment inserted
		// comes second (RFC 8414 §5; MCP authorization 2025-11-25 §4.3).
		{"https://id.example/realms/main/", []string{"https://id.example/.well-known/oauth-authorization-server/realms/main", "https://id.example/.well-known/openid-configuration/realms/main", "https://id.example/realms/main/.well-known/openid-configuration"}},
	}
	for _, tt := range tests {
		got, err := Locations(tt.issuer)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Locations(%q) = %v, %v; want %v", tt.issuer, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "id.example", "ftp://id.example", "https://"} {
		if _, err := Locations(bad); err == nil || !strings.Contains(err.Error(), "--issuer") {
			t.Errorf("Locations(%q) error = %v, want one naming --issuer", bad, err)
		}
	}
}

// A server that only serves OpenID Connect discovery (as Keycloak and
// Gravitee AM do) is found at the second location.
func TestFetchFallsBackToOpenIDConfiguration(t *testing.T) {
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.Path)
		if r.URL.Path != "/realms/main/.well-known/openid-configuration" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"issuer":"` + "http://" + r.Host + `/realms/main","token_endpoint":"http://t/token","grant_types_supported":["authorization_code"],"code_challenge_methods_supported":["S256"]}`))
	}))
	defer srv.Close()
	m, err := Fetch(context.Background(), srv.Client(), srv.URL+"/realms/main")
	if err != nil {
		t.Fatal(err)
	}
	if m.TokenEndpoint != "http://t/token" || !strings.HasSuffix(m.URL, "/realms/main/.well-known/openid-configuration") || !slices.Equal(m.GrantTypesSupported, []string{"authorization_code"}) {
		t.Errorf("got %+v", m)
	}
	if want := []string{"/.well-known/oauth-authorization-server/realms/main", "/.well-known/openid-configuration/realms/main", "/realms/main/.well-known/openid-configuration"}; !slices.Equal(asked, want) {
		t.Errorf("asked %v, want %v", asked, want)
	}
}

func TestFetchErrorsNameEveryLocation(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "openid") {
			w.Write([]byte(`{"issuer": "x"}`)) // no token_endpoint
			return
		}
		w.Write([]byte(`<html>not json</html>`))
	}))
	defer srv.Close()
	_, err := Fetch(context.Background(), srv.Client(), srv.URL)
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"oauth-authorization-server: not a JSON metadata document", "openid-configuration: document has no token_endpoint", "check the issuer URL"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestFetchTimesOut(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-block }))
	defer srv.Close()
	defer close(block)
	client := &http.Client{Timeout: 100 * time.Millisecond}
	start := time.Now()
	if _, err := Fetch(context.Background(), client, srv.URL); err == nil {
		t.Fatal("want a timeout error")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v: the client timeout must bound each request", d)
	}
}
