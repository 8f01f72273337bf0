package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// okta_app_oauth (okta/terraform-provider-okta, resource_okta_app_oauth.go
// and docs/resources/app_oauth.md), with the defaults the provider applies
// when it builds the app (v6.12.0, buildAppOAuthV6):
//   - grant_types absent or empty: appRequirementsByType's RequiredGrantTypes
//     for the type (web and native authorization_code, service
//     client_credentials); browser has none, so it gets every ValidGrantTypes
//     entry, implicit included (oktaBrowserGrants).
//   - response_types absent or empty: token when implicit or
//     client_credentials is granted, code when password, authorization_code
//     or refresh_token is. Okta's token serves client_credentials too: a
//     token or id_token response type reaches the authorization endpoint only
//     with the implicit grant, so without it only code is kept.
//   - pkce_required absent: true when token_endpoint_auth_method is none or
//     the type is native or browser, else false (Okta PKCE is S256).
//   - token_endpoint_auth_method client_secret_basic, refresh_token_rotation
//     STATIC (schema defaults).
//
// client_basic_secret is the secret; post_logout_redirect_uris.

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
	if len(c.GrantTypes.Items) == 0 && !c.GrantTypes.Unresolved && !typ.Unresolved {
		def := tfOktaDefault + " for type " + typ.Value
		switch typ.Value {
		case "service":
			c.GrantTypes = defaultList(typ.Pos, def, flows.GrantClientCredentials)
		case "web", "native":
			c.GrantTypes = defaultList(typ.Pos, def, flows.GrantAuthorizationCode)
		case "browser":
			c.GrantTypes = defaultList(typ.Pos, def, oktaBrowserGrants...)
		}
	}
	c.ResponseTypes = t.list("response_types")
	oktaResponseTypes(&c, t.pos())
	c.RedirectURIs = t.list("redirect_uris")
	c.PostLogoutRedirectURIs = t.list("post_logout_redirect_uris")
	c.AuthMethod = t.str("token_endpoint_auth_method", flows.AuthClientSecretBasic)
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	c.Public = Bool{Value: c.AuthMethod.Value == flows.AuthNone && !c.AuthMethod.Unresolved, Pos: c.AuthMethod.Pos,
		Set: c.AuthMethod.Set, Unresolved: c.AuthMethod.Unresolved, Default: c.AuthMethod.Default}

	defPKCE := typ.Value == "browser" || typ.Value == "native" || (c.AuthMethod.Value == flows.AuthNone && !c.AuthMethod.Unresolved)
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

// oktaBrowserGrants are appRequirementsByType["browser"].ValidGrantTypes:
// what a browser app gets without grant_types.
var oktaBrowserGrants = []string{flows.GrantImplicit, flows.GrantAuthorizationCode, flows.GrantRefreshToken,
	"urn:ietf:params:oauth:grant-type:saml2-bearer", flows.GrantTokenExchange, flows.GrantDeviceCode, "interaction_code",
	"urn:okta:params:oauth:grant-type:oob", "urn:okta:params:oauth:grant-type:otp",
	"http://auth0.com/oauth/grant-type/mfa-oob", "http://auth0.com/oauth/grant-type/mfa-otp"}

// oktaResponseTypes applies the provider's response type default and keeps
// only what can come from the authorization endpoint (see the file comment).
func oktaResponseTypes(c *Client, p Pos) {
	g := c.GrantTypes
	if g.Unresolved || c.ResponseTypes.Unresolved {
		return
	}
	for _, it := range g.Items {
		if it.Unresolved {
			return
		}
	}
	if len(c.ResponseTypes.Items) == 0 {
		def := tfOktaDefault + " for the grant types"
		var rts []string
		if g.Has(flows.GrantImplicit) || g.Has(flows.GrantClientCredentials) {
			rts = append(rts, "token")
		}
		if g.Has(flows.GrantPassword) || g.Has(flows.GrantAuthorizationCode) || g.Has(flows.GrantRefreshToken) {
			rts = append(rts, "code")
		}
		pos := c.ResponseTypes.Pos
		if !c.ResponseTypes.Set {
			pos = p
		}
		c.ResponseTypes = defaultList(pos, def, rts...)
	}
	if g.Has(flows.GrantImplicit) {
		return
	}
	kept := c.ResponseTypes.Items[:0:0]
	for _, rt := range c.ResponseTypes.Items {
		if rt.Unresolved || rt.Value == "code" {
			kept = append(kept, rt)
		}
	}
	c.ResponseTypes.Items = kept
}
