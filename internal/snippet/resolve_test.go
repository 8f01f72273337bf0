package snippet

import (
	"errors"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/discovery"
)

func TestResolveGapsAreUnsupported(t *testing.T) {
	for _, tc := range []struct {
		in   Input
		want string
	}{
		{Input{Flow: flows.DeviceCode, Provider: flows.ProviderGravitee}, "Gravitee AM does not support --flow device-code"},
		{Input{Flow: flows.ClientCredentials, Provider: flows.ProviderHydra, High: true}, "does not support DPoP, which --security high uses"},
		{Input{Flow: flows.AuthorizationCode, Provider: flows.ProviderEntra, High: true}, "does not support DPoP"},
	} {
		_, err := Resolve(tc.in)
		var gap *UnsupportedError
		if !errors.As(err, &gap) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Resolve(%+v) = %v, want an UnsupportedError %q", tc.in, err, tc.want)
		}
	}
	// PAR is only a gap for the flow that uses it.
	if _, err := Resolve(Input{Flow: flows.DeviceCode, Provider: flows.ProviderEntra}); err != nil {
		t.Errorf("entra device-code: %v", err)
	}
}

func TestResolveBadInputIsError(t *testing.T) {
	for in, want := range map[*Input]string{
		{Flow: flows.ClientCredentials, Provider: "nope"}:                                                       `unknown --provider "nope"`,
		{Flow: flows.ClientCredentials, Provider: flows.ProviderAuth0, Params: map[string]string{"realm": "x"}}: "--realm does not apply to --provider auth0 (it takes --domain)",
	} {
		_, err := Resolve(*in)
		if !isError(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("Resolve(%+v) = %v, want %q", *in, err, want)
		}
	}
}

func TestResolveTemplatesAndQuirks(t *testing.T) {
	r, err := Resolve(Input{Flow: flows.ClientCredentials, Provider: flows.ProviderAuth0, Params: map[string]string{flows.ParamDomain: "t.eu.auth0.com"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Endpoints.Token != "https://t.eu.auth0.com/oauth/token" || r.Audience != "https://api.example.com" || r.DiscoveryURL != "" {
		t.Errorf("auth0: %+v", r)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), `placeholder audience "https://api.example.com": pass --audience`) {
		t.Errorf("auth0 notes: %q", r.Notes)
	}
	r, _ = Resolve(Input{Flow: flows.ClientCredentials, Provider: flows.ProviderEntra})
	if r.Scope != "https://graph.microsoft.com/.default" || !strings.Contains(strings.Join(r.Notes, "\n"), `placeholder tenant "your-tenant-id"`) {
		t.Errorf("entra: %+v", r)
	}
}

// With metadata, the endpoints are the server's, the header's Source is
// catalog text and the URL a separate value; a grant the server does not
// list is noted (advisor.Discovery.LacksGrant decides).
func TestResolveFromMetadata(t *testing.T) {
	m := &discovery.Metadata{Issuer: "https://as.example", TokenEndpoint: "https://as.example/t", BackchannelAuthenticationEndpoint: "https://as.example/bc",
		UserinfoEndpoint: "https://as.example/me", GrantTypesSupported: []string{"authorization_code"}, URL: "https://as.example/.well-known/openid-configuration"}
	r, err := Resolve(Input{Flow: flows.CIBA, Metadata: m})
	if err != nil {
		t.Fatal(err)
	}
	if r.Endpoints.CIBA != "https://as.example/bc" || r.Endpoints.Userinfo != "https://as.example/me" || r.DiscoveryURL != m.URL {
		t.Errorf("endpoints: %+v", r)
	}
	if strings.Contains(r.Source, "as.example") {
		t.Errorf("Source %q holds a value from the network", r.Source)
	}
	if want := "the server's grant_types_supported does not list " + flows.GrantCIBA; !strings.Contains(strings.Join(r.Notes, "\n"), want) {
		t.Errorf("notes %q lack %q", r.Notes, want)
	}
	m.GrantTypesSupported = nil
	if r, _ := Resolve(Input{Flow: flows.CIBA, Metadata: m}); len(r.Notes) != 0 {
		t.Errorf("an absent grant_types_supported says nothing, got notes %q", r.Notes)
	}
}

// A resource indicator must be one (RFC 8707 §2); found from the resource,
// the server's endpoints are used and the resource's scope is the default
// (MCP authorization 2025-11-25 §6), unless --scope says otherwise.
func TestResolveResource(t *testing.T) {
	for _, bad := range []string{"mcp.example.com", "https://mcp.example/#x", "https://u:p@mcp.example/mcp", "javascript:alert(1)"} {
		if _, err := Resolve(Input{Flow: flows.AuthorizationCode, Resource: bad}); !isError(err) {
			t.Errorf("--resource %q: err %v, want an *Error", bad, err)
		}
	}
	found := &discovery.Found{
		Resource: discovery.ResourceMetadata{Resource: "https://mcp.example/mcp", ScopesSupported: []string{"files:read", "files:write"}, URL: "https://mcp.example/.well-known/oauth-protected-resource/mcp"},
		Server:   discovery.Metadata{Issuer: "https://as.example", AuthorizationEndpoint: "https://as.example/a", TokenEndpoint: "https://as.example/t", URL: "https://as.example/.well-known/oauth-authorization-server"},
	}
	r, err := Resolve(Input{Flow: flows.AuthorizationCode, Resource: "https://mcp.example/mcp", Found: found})
	if err != nil {
		t.Fatal(err)
	}
	if r.Resource != "https://mcp.example/mcp" || r.Endpoints.Token != "https://as.example/t" || r.DiscoveryURL != found.Server.URL || r.Scope != "files:read files:write" {
		t.Errorf("request %+v", r)
	}
	if strings.Contains(r.Source, "example") || !strings.Contains(r.Source, "RFC 9728") {
		t.Errorf("Source %q", r.Source)
	}
	if r, _ := Resolve(Input{Flow: flows.AuthorizationCode, Scope: "mine", Resource: "https://mcp.example/mcp", Found: found}); r.Scope != "mine" {
		t.Errorf("--scope lost to the resource's: %q", r.Scope)
	}
	// A control character in the resource's scope is refused, naming where
	// the scope came from (the user typed no --scope).
	found.Resource.ScopesSupported = []string{"files:read\x1b[2J"}
	r, _ = Resolve(Input{Flow: flows.AuthorizationCode, Resource: "https://mcp.example/mcp", Found: found})
	r.Lang = flows.LangCurl
	if _, err := Render(r); err == nil || strings.Contains(err.Error(), "--scope") || !strings.Contains(err.Error(), "protected resource's scope") {
		t.Errorf("hostile resource scope: %v", err)
	}
}
