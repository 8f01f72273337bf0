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

func init() { tfResources["keycloak_openid_client"] = tfResource{client: tfKeycloak} }

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

	root := t.str("root_url", "")
	c.RedirectURIs = t.list("valid_redirect_uris")
	for i, it := range c.RedirectURIs.Items {
		if strings.HasPrefix(it.Value, "/") && (root.Value != "" || root.Unresolved) {
			c.RedirectURIs.Items[i].Value = strings.TrimSuffix(root.Value, "/") + it.Value
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
	return c
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
