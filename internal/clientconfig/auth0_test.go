package clientconfig

import (
	"slices"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// TestAuth0Defaults: a client without token_endpoint_auth_method or
// grant_types gets what Auth0 creates it with, for its app_type, in the
// tenant format and in Terraform alike, and says that Auth0 defaulted it.
func TestAuth0Defaults(t *testing.T) {
	public := []string{flows.GrantImplicit, flows.GrantAuthorizationCode, flows.GrantRefreshToken}
	confidential := append(slices.Clone(public), flows.GrantClientCredentials)
	for _, c := range []struct {
		yaml, hcl   string
		method      string
		grants      []string
		unknown     bool
		defaultName string
	}{
		{"app_type: spa", `app_type = "spa"`, flows.AuthNone, public, false, "Auth0's default for app_type spa"},
		{"app_type: native", `app_type = "native"`, flows.AuthNone, public, false, "Auth0's default for app_type native"},
		{"app_type: regular_web", `app_type = "regular_web"`, flows.AuthClientSecretPost, confidential, false, "Auth0's default for app_type regular_web"},
		{"app_type: non_interactive", `app_type = "non_interactive"`, flows.AuthClientSecretPost, confidential, false, "Auth0's default for app_type non_interactive"},
		{"description: x", `description = "x"`, flows.AuthClientSecretPost, confidential, false, "Auth0's default for a client without app_type"},
		{"token_endpoint_auth_method: none", `token_endpoint_auth_method = "none"`, flows.AuthNone, public, false, "Auth0's default for token_endpoint_auth_method none"},
		{"app_type: '@@APP@@'", `app_type = var.app`, "", nil, true, ""},
	} {
		for _, src := range []struct{ name, text string }{
			{"tenant.yaml", "clients:\n  - name: a\n    callbacks: []\n    " + c.yaml + "\n"},
			{"main.tf", "resource \"auth0_client\" \"a\" {\n  name = \"a\"\n  " + c.hcl + "\n}\n"},
		} {
			f, err := Read(src.name, []byte(src.text))
			if err != nil {
				t.Fatalf("%s: %v", src.text, err)
			}
			cl := f.Clients[0]
			if c.unknown {
				if !cl.GrantTypes.Unresolved || cl.GrantTypes.Has(flows.GrantImplicit) {
					t.Errorf("%s: grants %+v, want unknown", src.text, cl.GrantTypes)
				}
				continue
			}
			if cl.AuthMethod.Value != c.method || (!cl.AuthMethod.Set && cl.AuthMethod.Origin() != Defaulted) {
				t.Errorf("%s: auth %+v, want %s", src.text, cl.AuthMethod, c.method)
			}
			var got []string
			for _, g := range cl.GrantTypes.Items {
				got = append(got, g.Value)
				if g.Set || g.Default != c.defaultName {
					t.Errorf("%s: grant %+v not reported as %q", src.text, g, c.defaultName)
				}
			}
			if !slices.Equal(got, c.grants) || cl.GrantTypes.Origin() != Defaulted {
				t.Errorf("%s: grants %v (%v), want %v defaulted", src.text, got, cl.GrantTypes.Origin(), c.grants)
			}
			if !cl.RefreshNonExpiring.Value || cl.RefreshNonExpiring.Origin() != Defaulted ||
				!strings.Contains(cl.RefreshNonExpiring.Default, "non-expiring") {
				t.Errorf("%s: refresh expiry %+v, want Auth0's non-expiring default", src.text, cl.RefreshNonExpiring)
			}
		}
	}
}

// TestAuth0ClientCredentialsResource: auth0_client_credentials making a
// regular web app public changes the grants Auth0 defaults it to.
func TestAuth0ClientCredentialsResource(t *testing.T) {
	src := `resource "auth0_client" "a" {
  name     = "a"
  app_type = "regular_web"
}
resource "auth0_client_credentials" "a" {
  client_id             = auth0_client.a.id
  authentication_method = "none"
}
`
	f, err := Read("main.tf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if g := f.Clients[0].GrantTypes; g.Has(flows.GrantClientCredentials) || !g.Has(flows.GrantImplicit) {
		t.Errorf("grants %+v, want the public defaults", g)
	}
}

// TestAuth0Fields reads the second-round fields from both Auth0 formats.
func TestAuth0Fields(t *testing.T) {
	yaml := `tenant:
  friendly_name: Acme
  flags:
    enable_dynamic_client_registration: true
clients:
  - name: a
    app_type: spa
    callbacks: [https://a.example.com/cb]
    web_origins: ["*"]
    allowed_origins: [http://a.example.com]
    allowed_logout_urls: [https://a.example.com/*]
    cross_origin_authentication: true
    jwt_configuration:
      alg: HS256
      lifetime_in_seconds: 86400
    refresh_token:
      rotation_type: rotating
      expiration_type: expiring
      leeway: 300
`
	hcl := `resource "auth0_client" "a" {
  name                = "a"
  app_type            = "spa"
  callbacks           = ["https://a.example.com/cb"]
  web_origins         = ["*"]
  allowed_origins     = ["http://a.example.com"]
  allowed_logout_urls = ["https://a.example.com/*"]
  cross_origin_auth   = true
  jwt_configuration {
    alg                 = "HS256"
    lifetime_in_seconds = 86400
  }
  refresh_token {
    rotation_type   = "rotating"
    expiration_type = "expiring"
    leeway          = 300
  }
}
`
	for name, src := range map[string]string{"tenant.yaml": yaml, "main.tf": hcl} {
		f, err := Read(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		c := f.Clients[0]
		if len(c.WebOrigins.Items) != 2 || c.WebOrigins.Items[0].Value != "*" || c.WebOrigins.Items[1].Value != "http://a.example.com" {
			t.Errorf("%s: origins %+v", name, c.WebOrigins)
		}
		if len(c.PostLogoutRedirectURIs.Items) != 1 || !c.CrossOriginAuth.Value || !c.CrossOriginAuth.Set {
			t.Errorf("%s: logout %+v cross-origin %+v", name, c.PostLogoutRedirectURIs, c.CrossOriginAuth)
		}
		if len(c.Algs) != 1 || c.Algs[0].Use != AlgIDToken || c.Algs[0].Value.Value != "HS256" || c.IDTokenLifetime.Value != 86400 {
			t.Errorf("%s: algs %+v id ttl %+v", name, c.Algs, c.IDTokenLifetime)
		}
		if c.RefreshRotation.Value.Value != "true" || c.RefreshLeeway.Value != 300 || c.RefreshNonExpiring.Value {
			t.Errorf("%s: rotation %+v leeway %+v non-expiring %+v", name, c.RefreshRotation, c.RefreshLeeway, c.RefreshNonExpiring)
		}
		if name == "tenant.yaml" {
			if len(f.Realms) != 1 || f.Realms[0].Name != "Acme" || !f.Realms[0].DynamicRegistration.Value {
				t.Errorf("tenant realm %+v", f.Realms)
			}
		}
	}
}
