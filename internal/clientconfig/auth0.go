package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// Auth0 Deploy CLI: tenant.yaml (`clients:` with other tenant sections) and
// the directory format's clients/*.json (one client object). The schema
// passes Management API Client fields through.
//
// app_type spa/native or token_endpoint_auth_method none = public; absent
// auth method = client_secret_post (Management API default); no per-client
// PKCE field (not declarable); refresh_token.rotation_type "rotating" =
// rotation declared (absent = non-rotating). require_proof_of_possession is
// one generic PoP flag and is reported as DPoPBound. Deploy CLI keywords
// (##KEY## in strings, @@KEY@@ as whole values) are unresolved.
// Defaults: Auth0 Management API, Clients (POST /api/v2/clients):
// token_endpoint_auth_method client_secret_post, refresh_token.rotation_type
// non-rotating.

// auth0Default names the defaults Auth0 applies to an absent field.
const auth0Default = "Auth0's default"

func init() { registerTree(70, readAuth0, "app_type", "callbacks") }

// auth0Keys are Management API client fields other formats do not use.
var auth0Keys = []string{"app_type", "callbacks", "jwt_configuration", "oidc_conformant", "is_first_party",
	"cross_origin_auth", "allowed_logout_urls", "custom_login_page_on", "sso_disabled", "is_token_endpoint_ip_header_trusted"}

// auth0TenantKeys are tenant.yaml sections besides clients.
var auth0TenantKeys = []string{"tenant", "resourceServers", "rules", "rulesConfigs", "connections", "databases",
	"clientGrants", "emailTemplates", "pages", "guardianFactors", "hooks", "actions", "branding", "prompts"}

func isAuth0Client(m Node) bool {
	return isMap(m) && has(m, "name") && has(m, auth0Keys...)
}

func readAuth0(docs []Node) (*File, bool) {
	if len(docs) != 1 {
		return nil, false
	}
	root := deref(docs[0])
	var list []Node
	switch {
	case isAuth0Client(root):
		list = []Node{root}
	case isMap(root):
		_, cl := get(root, "clients")
		its := items(cl)
		tenant := has(root, auth0TenantKeys...)
		for _, it := range its {
			if isAuth0Client(it) || (tenant && isMap(it) && has(it, "name")) {
				list = append(list, it)
			}
		}
		if len(list) == 0 && !(tenant && cl.ok()) {
			return nil, false
		}
	case isSeq(root):
		for _, it := range items(root) {
			if isAuth0Client(it) {
				list = append(list, it)
			}
		}
		if len(list) == 0 {
			return nil, false
		}
	default:
		return nil, false
	}
	f, room := newFile(flows.FormatAuth0, root, len(list))
	if !room {
		return f, true
	}
	for _, m := range list {
		f.Clients = append(f.Clients, auth0Client(m))
	}
	return f, true
}

// auth0Grants maps Auth0 grant identifiers to the RFC ones where there is
// one (password-realm is the password grant).
func auth0Grants(l *List) {
	for i := range l.Items {
		if l.Items[i].Value == flows.GrantAuth0PasswordRealm {
			l.Items[i].Value = flows.GrantPassword
		}
	}
}

// auth0Public derives the client type from app_type and the auth method.
func auth0Public(c *Client) {
	app := c.ApplicationType
	switch {
	case c.AuthMethod.Set && !c.AuthMethod.Unresolved && c.AuthMethod.Value == flows.AuthNone:
		c.Public = Bool{Value: true, Pos: c.AuthMethod.Pos, Set: true}
	case app.Set && !app.Unresolved && (app.Value == "spa" || app.Value == "native"):
		c.Public = Bool{Value: true, Pos: app.Pos, Set: true}
	case app.Unresolved || c.AuthMethod.Unresolved:
		c.Public = Bool{Pos: c.Pos, Set: true, Unresolved: true}
	default:
		c.Public = Bool{Value: false, Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set || app.Set, Default: c.AuthMethod.Default}
	}
}

func auth0Client(m Node) Client {
	c := Client{Format: flows.FormatAuth0, Pos: pos(m), End: endLine(m)}
	c.Name = scalar(m, "name")
	c.ID = c.Name
	if c.ID == "" {
		c.ID = scalar(m, "client_id")
	}
	a0 := defaults(auth0Default)
	c.ApplicationType = strKey(m, "app_type")
	c.ApplicationType.Value = strings.ToLower(c.ApplicationType.Value)

	c.AuthMethod = a0.str(m, flows.AuthClientSecretPost, "token_endpoint_auth_method")
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	if _, cam := get(m, "client_authentication_methods"); cam.ok() {
		for _, kv := range pairs(cam) {
			meth := text(kv[0])
			switch meth {
			case flows.AuthPrivateKeyJWT, flows.AuthTLSClient, flows.AuthSelfSignedTLS:
				it := String{Value: meth, Pos: pos(kv[0]), Set: true}
				if c.AuthMethods.Items[0].Set {
					c.AuthMethods.Items = append(c.AuthMethods.Items, it)
				} else {
					c.AuthMethods = List{Pos: it.Pos, Set: true, Items: []String{it}}
					c.AuthMethod = it
				}
			}
		}
	}
	auth0Public(&c)

	c.GrantTypes = listKey(m, "grant_types")
	auth0Grants(&c.GrantTypes)
	c.RedirectURIs = listKey(m, "callbacks")

	c.PKCE = Declarable{}
	rot := String{Value: "false", Pos: pos(m), Default: auth0Default}
	if k, rt := get(m, "refresh_token"); k.ok() {
		rot.Pos = pos(k)
		if rk, v := get(rt, "rotation_type"); rk.ok() {
			s := str(v)
			rot = String{Value: boolString(s.Value == "rotating"), Pos: s.Pos, Set: true, Unresolved: s.Unresolved}
		}
	}
	c.RefreshRotation = Declarable{Declarable: true, Value: rot}
	c.DPoPBound = a0.boolean(m, false, "require_proof_of_possession")
	c.PARRequired = a0.boolean(m, false, "require_pushed_authorization_requests")

	if _, v := get(m, "client_secret"); v.ok() {
		c.readSecret("client_secret", v)
	}
	return c
}
