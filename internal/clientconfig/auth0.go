package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// Auth0 Deploy CLI: tenant.yaml (`clients:` with other tenant sections) and
// the directory format's clients/*.json (one client object). The schema
// passes Management API Client fields through.
//
// app_type spa/native or token_endpoint_auth_method none = public; no
// per-client PKCE field (not declarable); refresh_token.rotation_type
// "rotating" = rotation declared. require_proof_of_possession is one generic
// PoP flag and is reported as DPoPBound. Deploy CLI keywords (##KEY## in
// strings, @@KEY@@ as whole values) are unresolved. The tenant section is the
// file's realm (name tenant.friendly_name; flags.enable_dynamic_client_registration).
//
// Defaults Auth0 applies to a client created without the field (the Deploy
// CLI and the Terraform provider send only what the file states):
//   - token_endpoint_auth_method: none for app_type spa and native (Auth0 sets
//     it for new SPAs and native apps: auth0/terraform-provider-auth0#958,
//     auth0/auth0-cli#217 apiDefaultAuthMethodFor), else client_secret_post
//     (Management API, POST /api/v2/clients).
//   - grant_types: by client type (auth0/docs
//     articles/applications/reference/grant-types-auth0-mapping.md, and the
//     design in auth0/docs#3907: "if a token_endpoint_auth_method is not
//     specified, it is considered a Confidential client"): public (auth method
//     none) implicit, authorization_code, refresh_token; confidential the same
//     plus client_credentials.
//   - refresh_token: rotation_type non-rotating, expiration_type non-expiring,
//     leeway 0 (Management API client schema; terraform-provider-auth0's
//     generated configuration of a default client shows the same).
//   - jwt_configuration.lifetime_in_seconds 36000 (ID tokens, 10 hours);
//     cross_origin_authentication false.

// auth0Default names the defaults Auth0 applies to an absent field.
const auth0Default = "Auth0's default"

func init() { registerTree(70, readAuth0, anyWord("name", "clients"), "app_type", "callbacks") }

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
	if r, ok := auth0Tenant(root); ok {
		f.Realms = append(f.Realms, r)
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
	case app.Set && !app.Unresolved && auth0PublicApp(app.Value):
		c.Public = Bool{Value: true, Pos: app.Pos, Set: true}
	case app.Unresolved || c.AuthMethod.Unresolved:
		c.Public = Bool{Pos: c.Pos, Set: true, Unresolved: true}
	default:
		c.Public = Bool{Value: false, Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set || app.Set, Default: c.AuthMethod.Default}
	}
}

// auth0PublicApp reports the app types Auth0 makes public clients of.
func auth0PublicApp(app string) bool { return app == "spa" || app == "native" }

// auth0DefaultFor names Auth0's default for the client's app_type.
func auth0DefaultFor(app String) string {
	if app.Set && !app.Unresolved && app.Value != "" {
		return auth0Default + " for app_type " + app.Value
	}
	return auth0Default + " for a client without app_type"
}

// auth0AuthMethod is the token endpoint auth method: as declared (m), else
// Auth0's default for the app_type; unknown when the app_type is.
func auth0AuthMethod(m, app String, p Pos) String {
	if m.Set || m.Unresolved {
		return m
	}
	if app.Unresolved {
		return String{Pos: p, Unresolved: true}
	}
	v := flows.AuthClientSecretPost
	if auth0PublicApp(app.Value) {
		v = flows.AuthNone
	}
	return String{Value: v, Pos: p, Default: auth0DefaultFor(app)}
}

// auth0DefaultGrants gives a client without grant_types the grants Auth0
// creates it with (see the file comment), positioned at p. It runs again
// when the client type changes (auth0_client_credentials).
func auth0DefaultGrants(c *Client, p Pos) {
	if c.GrantTypes.Set || c.GrantTypes.Unresolved && c.GrantTypes.Default == "" {
		return
	}
	if c.Public.Unresolved {
		c.GrantTypes = List{Pos: p, Unresolved: true, Default: auth0Default}
		return
	}
	def := auth0DefaultFor(c.ApplicationType)
	if c.AuthMethod.Set && !c.ApplicationType.Set {
		def = auth0Default + " for token_endpoint_auth_method " + c.AuthMethod.Value
	}
	grants := []string{flows.GrantImplicit, flows.GrantAuthorizationCode, flows.GrantRefreshToken}
	if !c.Public.Value {
		grants = append(grants, flows.GrantClientCredentials)
	}
	c.GrantTypes = defaultList(p, def, grants...)
}

// auth0Refresh are a client's refresh_token settings as read.
type auth0Refresh struct {
	block      Pos // the refresh_token key, the client's when absent
	rotation   String
	expiration String
	infinite   Bool
	leeway     Int
}

// apply sets the rotation, leeway and expiry of c from r with Auth0's
// defaults (non-rotating, non-expiring, leeway 0).
func (r auth0Refresh) apply(c *Client) {
	rot := String{Value: "false", Pos: r.block, Default: auth0Default}
	if r.rotation.Set || r.rotation.Unresolved {
		rot = String{Value: boolString(r.rotation.Value == "rotating"), Pos: r.rotation.Pos, Set: true, Unresolved: r.rotation.Unresolved}
	}
	c.RefreshRotation = Declarable{Declarable: true, Value: rot}
	c.RefreshLeeway = r.leeway
	if !r.leeway.Set && !r.leeway.Unresolved {
		c.RefreshLeeway = Int{Pos: r.block, Default: auth0Default}
	}
	// No absolute lifetime: expiration_type non-expiring (Auth0's default)
	// or infinite_token_lifetime true (as stated: expiring tokens get a
	// lifetime).
	switch e := r.expiration; {
	case r.infinite.Set && !r.infinite.Unresolved && r.infinite.Value:
		c.RefreshNonExpiring = Bool{Value: true, Pos: r.infinite.Pos, Set: true}
	case e.Unresolved:
		c.RefreshNonExpiring = Bool{Pos: e.Pos, Set: true, Unresolved: true}
	case e.Set:
		c.RefreshNonExpiring = Bool{Value: e.Value == "non-expiring", Pos: e.Pos, Set: true, Unresolved: r.infinite.Unresolved && e.Value != "non-expiring"}
	default:
		c.RefreshNonExpiring = Bool{Value: true, Pos: r.block, Default: auth0Default + " refresh_token.expiration_type non-expiring"}
	}
}

// auth0JWT sets the ID token signing algorithm and lifetime from
// jwt_configuration (alg, lifetime_in_seconds).
func auth0JWT(c *Client, alg String, life Int, p Pos) {
	if alg.Set || alg.Unresolved {
		c.Algs = append(c.Algs, Alg{Use: AlgIDToken, Field: "jwt_configuration.alg", Value: alg})
	}
	c.IDTokenLifetime = life
	if !life.Set && !life.Unresolved {
		c.IDTokenLifetime = Int{Value: 36000, Pos: p, Default: auth0Default}
	}
}

// joinLists is a followed by the items of b, one list for two fields of the
// same meaning (web_origins and allowed_origins).
func joinLists(a, b List) List {
	switch {
	case !b.Set && !b.Unresolved:
		return a
	case !a.Set && !a.Unresolved:
		return b
	}
	out := a
	out.Items = append(append([]String(nil), a.Items...), b.Items...)
	out.Unresolved = a.Unresolved || b.Unresolved
	return out
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

	c.AuthMethod = auth0AuthMethod(strKey(m, "token_endpoint_auth_method"), c.ApplicationType, pos(m))
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
	auth0DefaultGrants(&c, firstPos(c.ApplicationType.Pos, pos(m)))
	c.RedirectURIs = listKey(m, "callbacks")
	c.WebOrigins = joinLists(listKey(m, "web_origins"), listKey(m, "allowed_origins"))
	c.PostLogoutRedirectURIs = listKey(m, "allowed_logout_urls")

	c.PKCE = Declarable{}
	r := auth0Refresh{block: pos(m)}
	if k, rt := get(m, "refresh_token"); k.ok() {
		r.block = pos(k)
		r.rotation = strKey(rt, "rotation_type")
		r.expiration = strKey(rt, "expiration_type")
		r.infinite = defaults("").boolean(rt, false, "infinite_token_lifetime")
		r.leeway = defaults("").integer(rt, 0, "leeway")
	}
	r.apply(&c)

	jk, jwt := get(m, "jwt_configuration")
	auth0JWT(&c, strKey(jwt, "alg"), defaults("").integer(jwt, 0, "lifetime_in_seconds"), firstPos(pos(jk), pos(m)))
	// cross_origin_authentication (Management API) or the older
	// cross_origin_auth, both default false.
	c.CrossOriginAuth = a0.boolean(m, false, "cross_origin_authentication", "cross_origin_auth")
	c.DPoPBound = a0.boolean(m, false, "require_proof_of_possession")
	c.PARRequired = a0.boolean(m, false, "require_pushed_authorization_requests")

	if _, v := get(m, "client_secret"); v.ok() {
		c.readSecret("client_secret", v)
	}
	return c
}

// auth0Tenant is the tenant section of a tenant.yaml as the file's realm.
func auth0Tenant(root Node) (Realm, bool) {
	k, t := get(root, "tenant")
	if !k.ok() || !isMap(t) {
		return Realm{}, false
	}
	r := Realm{Format: flows.FormatAuth0, Pos: pos(k), End: endLine(t)}
	if n := strKey(t, "friendly_name"); !n.Unresolved {
		r.Name = n.Value
	}
	_, flags := get(t, "flags")
	r.DynamicRegistration = defaults(auth0Default).boolean(flags, false, "enable_dynamic_client_registration")
	if !r.DynamicRegistration.Set {
		r.DynamicRegistration.Pos = r.Pos
	}
	return r, true
}
