package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// Keycloak realm export / import (JSON, also keycloak-config-cli YAML):
// `clients[]` of a realm, or a single client representation.
//
// Absent booleans take the model defaults Keycloak applies on import
// (ClientRepresentation → RepresentationToModel): standardFlowEnabled true;
// publicClient, bearerOnly, implicitFlowEnabled, directAccessGrantsEnabled,
// serviceAccountsEnabled false. Attributes are strings ("true").
// The JWT authorization grant (RFC 7523) is attribute
// oauth2.jwt.authorization.grant.enabled.
// Refresh tokens: attribute use.refresh.tokens (default "true") adds
// refresh_token when a flow that issues them is on (code, password, device,
// CIBA); client_credentials.use_refresh_token (default "false") does the same
// for service accounts. Rotation is realm-level (revokeRefreshToken, default
// false), so it is declarable only in a realm export. SAML clients
// (protocol saml) are not OAuth clients and are skipped.
//
// Defaults: keycloak/keycloak ClientRepresentation and
// RepresentationToModel.createClient (standardFlowEnabled defaults true when
// absent, every other flow switch false), OIDCAdvancedConfigWrapper for the
// attributes, RealmRepresentation for revokeRefreshToken.

// keycloakDefault names the defaults Keycloak applies on import.
const keycloakDefault = "Keycloak's import default"

func init() { registerTree(60, readKeycloak, "clientId", "redirectUris", "standardFlowEnabled") }

var keycloakBuiltins = map[string]bool{
	"account": true, "account-console": true, "admin-cli": true, "broker": true,
	"realm-management": true, "security-admin-console": true,
}

// keycloakClientKeys are representation fields that, with clientId, make a
// mapping a Keycloak client.
var keycloakClientKeys = []string{"publicClient", "bearerOnly", "standardFlowEnabled", "implicitFlowEnabled",
	"directAccessGrantsEnabled", "serviceAccountsEnabled", "redirectUris", "rootUrl", "protocol", "attributes",
	"secret", "clientAuthenticatorType", "webOrigins", "enabled"}

func isKeycloakClient(m Node) bool {
	return isMap(m) && has(m, "clientId") && has(m, keycloakClientKeys...)
}

func readKeycloak(docs []Node) (*File, bool) {
	if len(docs) != 1 {
		return nil, false
	}
	root := deref(docs[0])
	var (
		list  []Node
		realm Node
	)
	switch {
	case isKeycloakClient(root):
		list = []Node{root}
	case isMap(root):
		_, cl := get(root, "clients")
		if !cl.ok() || !isSeq(cl) {
			return nil, false
		}
		its := items(cl)
		isRealm := has(root, "realm", "id") && (len(its) == 0 || has(root, "users", "roles", "enabled", "sslRequired", "clientScopes"))
		anyKC := false
		for _, it := range its {
			if isMap(it) && has(it, "clientId") {
				anyKC = true
				break
			}
		}
		if !anyKC && !(isRealm && len(its) == 0) {
			return nil, false
		}
		list, realm = its, root
	case isSeq(root):
		for _, it := range items(root) {
			if isKeycloakClient(it) {
				list = append(list, it)
			}
		}
		if len(list) == 0 {
			return nil, false
		}
	default:
		return nil, false
	}
	f, room := newFile(flows.FormatKeycloak, root, len(list))
	if !room {
		return f, true
	}
	for _, m := range list {
		if !isMap(m) || strings.EqualFold(scalar(m, "protocol"), "saml") {
			continue
		}
		f.Clients = append(f.Clients, keycloakClient(m, realm))
	}
	return f, true
}

// kcAttr returns the key and value nodes of attribute name.
func kcAttr(m Node, name string) (k, v Node) {
	_, attrs := get(m, "attributes")
	return get(attrs, name)
}

func kcAttrBool(m Node, name string, def bool) Bool {
	_, attrs := get(m, "attributes")
	if !attrs.ok() {
		return Bool{Value: def, Pos: pos(m), Default: keycloakDefault}
	}
	b := defaults(keycloakDefault).boolean(attrs, def, name)
	if !b.Set {
		b.Pos = pos(m)
	}
	return b
}

func keycloakClient(m, realm Node) Client {
	c := Client{Format: flows.FormatKeycloak, Pos: pos(m), End: endLine(m)}
	c.ID = scalar(m, "clientId")
	c.Name = scalar(m, "name")
	c.Builtin = keycloakBuiltins[c.ID]

	kc := defaults(keycloakDefault)
	c.Public = kc.boolean(m, false, "publicClient")
	bearer := kc.boolean(m, false, "bearerOnly")
	c.BearerOnly = bearer.Value && !bearer.Unresolved

	// Grants, each positioned at the switch that enables it.
	grants := List{Pos: pos(m)}
	add := grants.addSwitch
	code := add(kc.boolean(m, true, "standardFlowEnabled"), flows.GrantAuthorizationCode)
	add(kc.boolean(m, false, "implicitFlowEnabled"), flows.GrantImplicit)
	ropc := add(kc.boolean(m, false, "directAccessGrantsEnabled"), flows.GrantPassword)
	sa := kc.boolean(m, false, "serviceAccountsEnabled")
	cc := add(sa, flows.GrantClientCredentials)
	device := add(kcAttrBool(m, "oauth2.device.authorization.grant.enabled", false), flows.GrantDeviceCode)
	ciba := add(kcAttrBool(m, "oidc.ciba.grant.enabled", false), flows.GrantCIBA)
	add(kcAttrBool(m, "standard.token.exchange.enabled", false), flows.GrantTokenExchange)
	// Keycloak 26.5+ JWT authorization grant (RFC 7523 §2.1).
	add(kcAttrBool(m, "oauth2.jwt.authorization.grant.enabled", false), flows.GrantJWTBearer)
	refresh := kcAttrBool(m, "use.refresh.tokens", true)
	ccRefresh := kcAttrBool(m, "client_credentials.use_refresh_token", false)
	if (code || ropc || device || ciba) && refresh.Value && !refresh.Unresolved {
		add(refresh, flows.GrantRefreshToken)
	} else if cc && ccRefresh.Value && !ccRefresh.Unresolved {
		add(ccRefresh, flows.GrantRefreshToken)
	}
	if c.BearerOnly {
		// Bearer-only clients start no flows.
		grants.Items = nil
	}
	c.GrantTypes = grants

	// Auth method: publicClient wins; else clientAuthenticatorType.
	switch {
	case c.Public.Value && !c.Public.Unresolved:
		c.AuthMethod = String{Value: flows.AuthNone, Pos: c.Public.Pos, Set: c.Public.Set}
		c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	default:
		c.AuthMethods, c.AuthMethod = keycloakAuthMethods(kc.str(m, "client-secret", "clientAuthenticatorType"))
	}

	// Redirect URIs; relative ones resolve against rootUrl.
	root := strKey(m, "rootUrl")
	c.RedirectURIs = listKey(m, "redirectUris")
	kept := c.RedirectURIs.Items[:0]
	for _, it := range c.RedirectURIs.Items {
		if it.Value == "" && !it.Unresolved {
			continue // Keycloak ignores empty entries
		}
		if strings.HasPrefix(it.Value, "/") && root.Value != "" {
			it.Value = strings.TrimSuffix(root.Value, "/") + it.Value
			it.Unresolved = it.Unresolved || root.Unresolved
		}
		kept = append(kept, it)
	}
	c.RedirectURIs.Items = kept

	// PKCE: attribute pkce.code.challenge.method ("S256", "plain", "" = off).
	pk := String{Pos: pos(m)}
	if _, v := kcAttr(m, "pkce.code.challenge.method"); v.ok() {
		pk = str(v)
	}
	c.PKCE = Declarable{Declarable: true, Value: pk}

	if realm.ok() {
		rb := kc.boolean(realm, false, "revokeRefreshToken")
		c.RefreshRotation = Declarable{Declarable: true, Value: String{Value: boolString(rb.Value), Pos: rb.Pos, Set: rb.Set, Unresolved: rb.Unresolved, Default: rb.Default}}
	}
	c.DPoPBound = kcAttrBool(m, "dpop.bound.access.tokens", false)
	c.MTLSBound = kcAttrBool(m, "tls.client.certificate.bound.access.tokens", false)
	c.PARRequired = kcAttrBool(m, "require.pushed.authorization.requests", false)

	// Secrets: `secret` unless the export mask or a placeholder; inline
	// private keys in attributes (saml.signing.private.key, ...).
	if _, v := get(m, "secret"); v.ok() {
		if v.kind() != kindScalar || strings.Trim(text(v), "*") != "" {
			c.SecretDeclared = declaredSecret("secret", v) // not the export mask
		}
		if s, ok := secretAt("secret", v); ok {
			c.Secrets = append(c.Secrets, s)
		}
	}
	_, attrs := get(m, "attributes")
	eachPair(attrs, func(k, v Node) bool {
		if strings.Contains(strings.ToLower(text(k)), "private.key") {
			if s, ok := secretAt("attributes."+text(k), v); ok {
				c.Secrets = append(c.Secrets, s)
			}
		}
		return true
	})
	return c
}

// keycloakAuthenticators maps Keycloak's client authenticator types (realm
// exports' clientAuthenticatorType, Terraform's client_authenticator_type)
// to RFC 7591 token endpoint auth methods.
var keycloakAuthenticators = map[string][]string{
	"client-secret":     {flows.AuthClientSecretBasic, flows.AuthClientSecretPost},
	"client-jwt":        {flows.AuthPrivateKeyJWT},
	"client-secret-jwt": {flows.AuthClientSecretJWT},
	"client-x509":       {flows.AuthTLSClient},
	"federated-jwt":     {flows.AuthPrivateKeyJWT},
}

// keycloakAuthMethods reads an authenticator type as the methods it allows
// and the first of them; an unknown type stays unresolved.
func keycloakAuthMethods(at String) (List, String) {
	methods := keycloakAuthenticators[at.Value]
	list := List{Pos: at.Pos, Set: at.Set, Unresolved: at.Unresolved, Default: at.Default}
	for _, m := range methods {
		list.Items = append(list.Items, String{Value: m, Pos: at.Pos, Set: at.Set, Default: at.Default})
	}
	if len(methods) == 0 {
		return list, String{Value: at.Value, Pos: at.Pos, Set: at.Set, Unresolved: true}
	}
	return list, String{Value: methods[0], Pos: at.Pos, Set: at.Set, Default: at.Default}
}
