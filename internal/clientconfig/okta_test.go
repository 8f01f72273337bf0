package clientconfig

import (
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// TestOktaDefaults: okta_app_oauth as terraform-provider-okta builds it.
func TestOktaDefaults(t *testing.T) {
	src := `resource "okta_app_oauth" "browser" {
  label = "browser"
  type  = "browser"
  token_endpoint_auth_method = "none"
}
resource "okta_app_oauth" "service" {
  label          = "service"
  type           = "service"
  grant_types    = ["client_credentials"]
  response_types = ["token"]
}
resource "okta_app_oauth" "web" {
  label                      = "web"
  type                       = "web"
  grant_types                = []
  token_endpoint_auth_method = "none"
}
`
	f, err := Read("main.tf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b, s, w := f.Clients[0], f.Clients[1], f.Clients[2]
	if !b.GrantTypes.Has(flows.GrantImplicit) || !b.GrantTypes.Has(flows.GrantDeviceCode) || b.GrantTypes.Origin() != Defaulted {
		t.Errorf("browser without grant_types: %+v, want every valid browser grant, defaulted", b.GrantTypes)
	}
	if !b.ResponseTypes.Has("token") || !b.ResponseTypes.Has("code") {
		t.Errorf("browser response types %+v, want token and code", b.ResponseTypes)
	}
	if len(s.ResponseTypes.Items) != 0 {
		t.Errorf("service: token for client_credentials is no authorization endpoint response: %+v", s.ResponseTypes)
	}
	if !w.GrantTypes.Has(flows.GrantAuthorizationCode) || w.PKCE.Value.Value != "S256" {
		t.Errorf("web with none and grant_types []: grants %+v pkce %+v", w.GrantTypes, w.PKCE)
	}
}
