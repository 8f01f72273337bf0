package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// keycloak_openid_client (keycloak/terraform-provider-keycloak,
// docs/resources/openid_client.md): access_type PUBLIC / CONFIDENTIAL /
// BEARER-ONLY; standard_flow_enabled, implicit_flow_enabled,
// direct_access_grants_enabled, service_accounts_enabled,
// oauth2_device_authorization_grant_enabled, standard_token_exchange_enabled,
// oauth2_jwt_authorization_grant_enabled default false; use_refresh_tokens
// default true; pkce_code_challenge_method; valid_redirect_uris relative to
// root_url; client_secret; client_authenticator_type (default
// client-secret); extra_config attributes as in a realm export. Rotation is
// realm-level: not declarable.

const tfKeycloakDefault = "terraform-provider-keycloak's default"

func init() {
	tfResources["keycloak_openid_client"] = tfResource{client: tfKeycloak}
	tfResources["keycloak_realm"] = tfResource{realm: tfKeycloakRealm}
}

// tfKeycloakRealm reads a keycloak_realm (docs/resources/realm.md,
// provider/resource_keycloak_realm.go): ssl_required defaults to
// "external", revoke_refresh_token false, refresh_token_max_reuse 0,
// offline_session_max_lifespan_enabled false (provider schema defaults);
// access_token_lifespan and access_code_lifespan are duration strings
// ("5m") the provider leaves to Keycloak when absent (Keycloak: 300 s and
// 60 s), as it does default_signature_algorithm (RS256).
func tfKeycloakRealm(t tfBlock) Realm {
	t.def = tfKeycloakDefault
	r := Realm{Format: flows.FormatTerraformKeycloak}
	r.SSLRequired = t.str("ssl_required", kcDefaultSSLRequired)
	r.RevokeRefreshToken = t.boolean("revoke_refresh_token", false)
	r.RefreshTokenMaxReuse = t.integer("refresh_token_max_reuse", 0)
	r.OfflineSessionMaxLifespanEnabled = t.boolean("offline_session_max_lifespan_enabled", false)
	r.AccessTokenLifespan = t.duration("access_token_lifespan", kcDefaultAccessTokenLife, keycloakDefault)
	r.AccessCodeLifespan = t.duration("access_code_lifespan", kcDefaultAccessCodeLife, keycloakDefault)
	r.DefaultSignatureAlgorithm = t.str("default_signature_algorithm", "")
	if !r.DefaultSignatureAlgorithm.Set && !r.DefaultSignatureAlgorithm.Unresolved {
		r.DefaultSignatureAlgorithm = String{Value: kcDefaultSignatureAlg, Pos: t.pos(), Default: keycloakDefault}
	}
	return r
}

func tfKeycloak(t tfBlock) Client {
	t.def = tfKeycloakDefault
	c := Client{Format: flows.FormatTerraformKeycloak}
	c.Name = t.str("name", "").Value
	if c.Name == "" {
		if id := t.str("client_id", ""); !id.Unresolved {
			c.Name = id.Value
		}
	}
	at := t.str("access_type", "")
	switch {
	case at.Unresolved || !at.Set:
		c.Public = Bool{Pos: at.Pos, Set: at.Set, Unresolved: at.Unresolved}
	default:
		v := strings.ToUpper(at.Value)
		c.Public = Bool{Value: v == "PUBLIC", Pos: at.Pos, Set: true}
		c.BearerOnly = v == "BEARER-ONLY"
	}
	grants := List{Pos: t.pos()}
	add := grants.addSwitch
	code := add(t.boolean("standard_flow_enabled", false), flows.GrantAuthorizationCode)
	add(t.boolean("implicit_flow_enabled", false), flows.GrantImplicit)
	ropc := add(t.boolean("direct_access_grants_enabled", false), flows.GrantPassword)
	add(t.boolean("service_accounts_enabled", false), flows.GrantClientCredentials)
	device := add(t.boolean("oauth2_device_authorization_grant_enabled", false), flows.GrantDeviceCode)
	ciba := add(t.extraBool("oidc.ciba.grant.enabled", false), flows.GrantCIBA)
	add(t.boolean("standard_token_exchange_enabled", false), flows.GrantTokenExchange)
	add(t.boolean("oauth2_jwt_authorization_grant_enabled", false), flows.GrantJWTBearer)
	if r := t.boolean("use_refresh_tokens", true); (code || ropc || device || ciba) && r.Value && !r.Unresolved {
		add(r, flows.GrantRefreshToken)
	}
	if c.BearerOnly {
		grants.Items = nil
	}
	c.GrantTypes = grants

	if c.Public.Value {
		c.AuthMethod = String{Value: flows.AuthNone, Pos: c.Public.Pos, Set: true}
		c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: true, Items: []String{c.AuthMethod}}
	} else {
		c.AuthMethods, c.AuthMethod = keycloakAuthMethods(t.str("client_authenticator_type", "client-secret"))
	}

	// Relative redirect URIs resolve against root_url. An unresolved root
	// (var.x) keeps its place as a placeholder, so what the path says stays
	// literal: "/*" under root_url = var.x is still a wildcard (DESIGN §4).
	root := t.str("root_url", "")
	rootText := strings.TrimSuffix(root.Value, "/")
	if root.Unresolved && rootText == "" {
		rootText = "${…}"
	}
	c.RedirectURIs = t.list("valid_redirect_uris")
	for i, it := range c.RedirectURIs.Items {
		if strings.HasPrefix(it.Value, "/") && (root.Value != "" || root.Unresolved) {
			c.RedirectURIs.Items[i].Value = rootText + it.Value
			c.RedirectURIs.Items[i].Unresolved = it.Unresolved || root.Unresolved
		}
	}
	pk := t.str("pkce_code_challenge_method", "")
	if !pk.Set {
		if s, ok := t.objectAttr("extra_config", "pkce.code.challenge.method"); ok {
			pk = s
		}
	}
	c.PKCE = Declarable{Declarable: true, Value: pk}
	c.DPoPBound = t.boolean("require_dpop_bound_tokens", false)
	if !c.DPoPBound.Set {
		c.DPoPBound = t.extraBool("dpop.bound.access.tokens", false)
	}
	c.MTLSBound = t.extraBool("tls.client.certificate.bound.access.tokens", false)
	c.PARRequired = t.extraBool("require.pushed.authorization.requests", false)
	t.readSecret(&c, "client_secret")

	c.WebOrigins = t.list("web_origins")
	c.PostLogoutRedirectURIs = t.list("valid_post_logout_redirect_uris")
	if !c.PostLogoutRedirectURIs.Set {
		if s, ok := t.objectAttr("extra_config", "post.logout.redirect.uris"); ok {
			c.PostLogoutRedirectURIs = tfHashList(s)
		}
	}
	c.PostLogoutRedirectURIs.Items = expandPlus(c.PostLogoutRedirectURIs.Items, c.RedirectURIs)
	for _, a := range kcAlgAttrs {
		if s, ok := t.objectAttr("extra_config", a.key); ok && (s.Unresolved || strings.TrimSpace(s.Value) != "") {
			c.Algs = append(c.Algs, Alg{Use: a.use, Field: "extra_config." + a.key, Value: s})
		}
	}
	// access_token_lifespan: seconds as a string ("" = the realm's).
	if lt := t.str("access_token_lifespan", ""); lt.Set || lt.Unresolved {
		n := Int{Pos: lt.Pos, Set: true, Unresolved: lt.Unresolved}
		if !lt.Unresolved {
			if strings.TrimSpace(lt.Value) == "" {
				n = Int{Pos: lt.Pos}
			} else {
				n.Value, n.Unresolved = tfSeconds(lt.Value)
			}
		}
		c.AccessTokenLifetime = n
	} else {
		c.AccessTokenLifetime = Int{Pos: t.pos()}
	}
	c.FullScopeAllowed = t.boolean("full_scope_allowed", true)
	c.ExcludeIssuer = t.boolean("exclude_issuer_from_auth_response", false)
	if !c.ExcludeIssuer.Set && !c.ExcludeIssuer.Unresolved {
		// Optional and computed in the provider: absent, Keycloak's
		// attribute default applies.
		c.ExcludeIssuer = t.extraBool("exclude.issuer.from.auth.response", false)
	}
	return c
}

// tfSeconds reads a number of seconds; ok false (unresolved) otherwise.
func tfSeconds(s string) (int64, bool) {
	n, ok := parseInt(s)
	return n, !ok
}

// tfHashList reads a "##"-separated extra_config value as a list.
func tfHashList(s String) List {
	l := List{Pos: s.Pos, Set: true, Unresolved: s.Unresolved}
	if s.Unresolved {
		return l
	}
	for _, part := range strings.Split(s.Value, "##") {
		if part = strings.TrimSpace(part); part != "" {
			l.Items = append(l.Items, String{Value: part, Pos: s.Pos, Set: true, Unresolved: unresolvedText(part)})
		}
	}
	return l
}

// expandPlus replaces Keycloak's "+" among post-logout redirect URIs by the
// redirect URIs (not in the file: what "+" stands for).
func expandPlus(items []String, redirects List) []String {
	var out []String
	for _, it := range items {
		if it.Unresolved || strings.TrimSpace(it.Value) != "+" {
			out = append(out, it)
			continue
		}
		for _, r := range redirects.Items {
			r.Set, r.Default, r.Pos = false, kcPlusDefault, it.Pos
			out = append(out, r)
		}
	}
	return out
}

// extraBool reads a Keycloak client attribute from extra_config; absent,
// it takes Keycloak's own attribute default.
func (t tfBlock) extraBool(key string, def bool) Bool {
	s, ok := t.objectAttr("extra_config", key)
	if !ok {
		return Bool{Value: def, Pos: t.pos(), Default: keycloakDefault}
	}
	b := Bool{Pos: s.Pos, Set: true, Unresolved: s.Unresolved, Value: def}
	if !s.Unresolved {
		if v, ok := parseBool(s.Value); ok {
			b.Value = v
		} else {
			b.Unresolved = true
		}
	}
	return b
}
