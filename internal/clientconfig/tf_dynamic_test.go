package clientconfig

import "testing"

// TestTerraformDynamicBlocks: a nested block written as `dynamic "x"` is
// generated at plan time, zero or more times, from its for_each. Its
// attributes are unresolved, not the provider's defaults for an absent
// block (taitounited/terraform-auth0-auth builds refresh_token and
// jwt_configuration this way).
func TestTerraformDynamicBlocks(t *testing.T) {
	src := `resource "auth0_client" "spa" {
  name        = "spa"
  app_type    = "spa"
  grant_types = ["authorization_code", "refresh_token"]
  callbacks   = ["https://app.example.com/callback"]

  dynamic "refresh_token" {
    for_each = var.refresh != null ? [var.refresh] : []
    content {
      rotation_type   = refresh_token.value.rotationType
      expiration_type = "expiring"
      leeway          = 0
    }
  }
  dynamic "jwt_configuration" {
    for_each = var.jwt
    content {
      alg = "HS256"
    }
  }
}
`
	f, err := Read("main.tf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := f.Clients[0]
	if rot := c.RefreshRotation.Value; !rot.Unresolved || rot.Origin() == Defaulted {
		t.Errorf("refresh rotation %+v: want unresolved (dynamic refresh_token), not Auth0's default", rot)
	}
	if e := c.RefreshNonExpiring; !e.Unresolved || e.Origin() == Defaulted {
		t.Errorf("refresh expiry %+v: want unresolved (a literal inside a dynamic block exists only if for_each yields it)", e)
	}
	if len(c.Algs) != 1 || !c.Algs[0].Value.Unresolved {
		t.Errorf("algs %+v: want jwt_configuration.alg unresolved", c.Algs)
	}
	if l := c.IDTokenLifetime; l.Origin() != Defaulted {
		t.Errorf("ID token lifetime %+v: absent in the content block, so the default either way", l)
	}
}
