package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// okta_app_oauth (okta/terraform-provider-okta, resource_okta_app_oauth.go
// and docs/resources/app_oauth.md): type web / native / browser / service;
// grant_types default to the type's minimum (authorization_code for
// web/native/browser, client_credentials for service, appRequirementsByType);
// pkce_required defaults true for browser and native (Okta PKCE is S256);
// token_endpoint_auth_method default client_secret_basic;
// client_basic_secret; refresh_token_rotation ROTATE / STATIC (default);
// post_logout_redirect_uris.

const tfOktaDefault = "terraform-provider-okta's default"

func init() { tfResources["okta_app_oauth"] = tfResource{client: tfOkta} }

func tfOkta(t tfBlock) Client {
	t.def = tfOktaDefault
	c := Client{Format: flows.FormatTerraformOkta}
	if l := t.str("label", ""); !l.Unresolved {
		c.Name = l.Value
	}
	typ := t.str("type", "")
	typ.Value = strings.ToLower(typ.Value)
	c.ApplicationType = typ
	c.GrantTypes = t.list("grant_types")
	if !c.GrantTypes.Set && !typ.Unresolved {
		def := tfOktaDefault + " for type " + typ.Value
		switch typ.Value {
		case "service":
			c.GrantTypes = defaultList(typ.Pos, def, flows.GrantClientCredentials)
		case "web", "native", "browser":
			c.GrantTypes = defaultList(typ.Pos, def, flows.GrantAuthorizationCode)
		}
	}
	c.ResponseTypes = t.list("response_types")
	c.RedirectURIs = t.list("redirect_uris")
	c.PostLogoutRedirectURIs = t.list("post_logout_redirect_uris")
	c.AuthMethod = t.str("token_endpoint_auth_method", flows.AuthClientSecretBasic)
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	c.Public = Bool{Value: c.AuthMethod.Value == flows.AuthNone && !c.AuthMethod.Unresolved, Pos: c.AuthMethod.Pos,
		Set: c.AuthMethod.Set, Unresolved: c.AuthMethod.Unresolved, Default: c.AuthMethod.Default}

	defPKCE := typ.Value == "browser" || typ.Value == "native"
	pr := t.boolean("pkce_required", defPKCE)
	pk := String{Pos: pr.Pos, Set: pr.Set, Unresolved: pr.Unresolved || (!pr.Set && typ.Unresolved), Default: pr.Default}
	if pr.Value {
		pk.Value = "S256"
	}
	c.PKCE = Declarable{Declarable: true, Value: pk}
	rot := t.str("refresh_token_rotation", "STATIC")
	c.RefreshRotation = Declarable{Declarable: true, Value: String{Value: boolString(strings.EqualFold(rot.Value, "ROTATE")),
		Pos: rot.Pos, Set: rot.Set, Unresolved: rot.Unresolved, Default: rot.Default}}
	t.readSecret(&c, "client_basic_secret")
	return c
}
