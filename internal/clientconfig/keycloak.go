package clientconfig

import (
	"bytes"
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
// (protocol saml) are not OAuth clients: they are read for their secrets
// only (Client.Flowless).
//
// Defaults: keycloak/keycloak ClientRepresentation and
// RepresentationToModel.createClient (standardFlowEnabled defaults true when
// absent, every other flow switch false), OIDCAdvancedConfigWrapper for the
// attributes, RealmRepresentation for revokeRefreshToken.

// keycloakDefault names the defaults Keycloak applies on import.
const keycloakDefault = "Keycloak's import default"

func init() {
	registerTree(60, readKeycloak, anyWord("clientId", "realm", "clients"), "clientId", "redirectUris", "standardFlowEnabled")
	w := struct{ redirect, origin func(string) bool }{keycloakRedirectWildcard, keycloakOriginWildcard}
	wildcardReaders[flows.FormatKeycloak] = w
	wildcardReaders[flows.FormatTerraformKeycloak] = w
}

// keycloakRedirectWildcard is how Keycloak matches a valid redirect URI
// (services RedirectUtils.matchesRedirects / checkValidRedirectWildcard,
// release 26.6.3 and 26.4.13, keycloak#48430): `*` alone matches every
// http(s) URL; otherwise only a trailing `*` in an entry without `?` or `#`
// is a wildcard: on the path (`https://app/*`), the port (`host:*`), the
// whole authority (`https://*`), or right after the host (`https://app*`,
// read as `https://app/*` since 26.6.3; earlier releases let it match other
// hosts that start the same, `https://app.evil.example`). Any other `*` is
// compared literally: an entry such as `https://*.example.com/callback`
// (or `https://*.example.com/*`, whose prefix holds a `*` in the host) can
// only match a URL with a `*` in its host, which no browser reaches, so it
// is a dead entry, not a wildcard. (Subdomain wildcards are proposed in
// keycloak#47570, not released.)
func keycloakRedirectWildcard(u string) bool {
	u = strings.TrimSpace(u)
	if u == "*" {
		return true
	}
	if !strings.HasSuffix(u, "*") {
		return false
	}
	prefix := u[:len(u)-1]
	i := strings.Index(prefix, "://")
	if i < 0 {
		// A relative path (resolved against an unresolved rootUrl) or a
		// private-use scheme: what follows the first "/" is path, where a
		// query or fragment turns the wildcard off.
		if j := strings.IndexByte(prefix, '/'); j >= 0 && strings.ContainsAny(prefix[j:], "?#") {
			return false
		}
		return true
	}
	rest := prefix[i+3:]
	if strings.ContainsAny(rest, "?#") {
		return false // Keycloak compares entries with a query or fragment exactly
	}
	authority := rest
	if j := strings.IndexByte(authority, '/'); j >= 0 {
		authority = authority[:j]
	}
	return !strings.Contains(authority, "*")
}

// keycloakOriginWildcard is how Keycloak matches a web origin
// (RedirectUtils.matchesOrigin, 26.x): `*` allows every origin, any other
// entry is compared exactly.
func keycloakOriginWildcard(o string) bool { return strings.TrimSpace(o) == "*" }

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
		if !cl.ok() {
			// A realm export without clients still configures the
			// realm (sslRequired, token lifetimes ...).
			if !isKeycloakRealm(root) {
				return nil, false
			}
		} else if !isSeq(cl) {
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
	var offline []RealmClient
	for _, m := range list {
		if !isMap(m) {
			continue
		}
		c := keycloakClient(m, realm)
		if c.offlineCapable() && kcOfflineScope(m, realm) {
			offline = append(offline, RealmClient{ID: c.ID, Public: isPublicClient(&c)})
		}
		f.Clients = append(f.Clients, c)
	}
	if realm.ok() && has(realm, "realm") {
		f.Realms = []Realm{keycloakRealm(realm, offline)}
	}
	return f, true
}

// keycloakRealmKeys are realm representation fields that, with `realm`,
// make a mapping a realm export when it has no clients.
var keycloakRealmKeys = []string{"sslRequired", "accessTokenLifespan", "accessCodeLifespan", "revokeRefreshToken",
	"refreshTokenMaxReuse", "offlineSessionMaxLifespanEnabled", "defaultSignatureAlgorithm", "ssoSessionIdleTimeout",
	"clientScopes", "defaultDefaultClientScopes"}

func isKeycloakRealm(m Node) bool {
	_, name := get(m, "realm")
	return isScalar(name) && has(m, keycloakRealmKeys...)
}

// Realm defaults Keycloak applies when an import leaves a setting out:
// keycloak/keycloak DefaultExportImportManager.importRealm (revokeRefreshToken
// false, refreshTokenMaxReuse 0, accessTokenLifespan 300, accessCodeLifespan
// 60, offlineSessionMaxLifespanEnabled false, defaultSignatureAlgorithm
// Constants.DEFAULT_SIGNATURE_ALGORITHM = RS256) and RealmManager's realm
// defaults (sslRequired EXTERNAL).
const (
	kcDefaultSSLRequired     = "external"
	kcDefaultAccessTokenLife = 300
	kcDefaultAccessCodeLife  = 60
	kcDefaultSignatureAlg    = "RS256"
)

// keycloakRealm reads the realm-level settings of realm export m; offline
// are its clients that can obtain offline tokens.
func keycloakRealm(m Node, offline []RealmClient) Realm {
	kc := defaults(keycloakDefault)
	r := Realm{Format: flows.FormatKeycloak, Name: scalar(m, "realm"), Pos: pos(m), End: documentEnd(m)}
	r.SSLRequired = kc.str(m, kcDefaultSSLRequired, "sslRequired")
	r.RevokeRefreshToken = kc.boolean(m, false, "revokeRefreshToken")
	r.RefreshTokenMaxReuse = kc.integer(m, 0, "refreshTokenMaxReuse")
	r.OfflineSessionMaxLifespanEnabled = kc.boolean(m, false, "offlineSessionMaxLifespanEnabled")
	r.AccessTokenLifespan = kc.integer(m, kcDefaultAccessTokenLife, "accessTokenLifespan")
	r.AccessCodeLifespan = kc.integer(m, kcDefaultAccessCodeLife, "accessCodeLifespan")
	r.DefaultSignatureAlgorithm = kc.str(m, kcDefaultSignatureAlg, "defaultSignatureAlgorithm")
	r.OfflineTokenClients = offline
	return r
}

// documentEnd is the last line of the document a realm export is (the
// realm is the whole file): counted in the JSON source at memory speed
// rather than by walking to its last value (endLine would scan the users
// and roles of a large export); a YAML tree has no source and is walked.
func documentEnd(m Node) int {
	if src := m.t.src; len(src) > 0 {
		return bytes.Count(bytes.TrimRight(src, " \t\r\n"), []byte("\n")) + 1
	}
	return endLine(m)
}

// offlineCapable reports whether c has a user-facing flow that issues
// refresh tokens (offline tokens are refresh tokens of an offline session,
// issued only where refresh tokens are: use.refresh.tokens), and is the
// realm's own rather than a built-in.
func (c *Client) offlineCapable() bool {
	if c.Builtin || c.Flowless() || !c.GrantTypes.Has(flows.GrantRefreshToken) {
		return false
	}
	for _, g := range []string{flows.GrantAuthorizationCode, flows.GrantPassword, flows.GrantDeviceCode, flows.GrantCIBA} {
		if c.GrantTypes.Has(g) {
			return true
		}
	}
	return false
}

func isPublicClient(c *Client) bool { return c.Public.Value && !c.Public.Unresolved }

// kcOfflineScope reports whether client m of realm export realm may request
// the offline_access scope. A client that lists default or optional client
// scopes has exactly those (RepresentationToModel replaces the realm's
// defaults with its lists); one that lists neither gets the realm's default
// client scopes (defaultDefaultClientScopes, defaultOptionalClientScopes) and,
// when the realm lists none either, Keycloak's own defaults, which make
// offline_access optional (RealmManager.setupOfflineTokens).
func kcOfflineScope(m, realm Node) bool {
	const offline = "offline_access"
	_, d := get(m, "defaultClientScopes")
	_, o := get(m, "optionalClientScopes")
	if d.ok() || o.ok() {
		return seqHas(d, offline) || seqHas(o, offline)
	}
	_, rd := get(realm, "defaultDefaultClientScopes")
	_, ro := get(realm, "defaultOptionalClientScopes")
	if rd.ok() || ro.ok() {
		return seqHas(rd, offline) || seqHas(ro, offline)
	}
	return true
}

// seqHas reports whether sequence n holds the string s.
func seqHas(n Node, s string) bool {
	found := false
	deref(n).children(func(c Node) bool {
		found = textIs(deref(c), s)
		return !found
	})
	return found
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
	if p := strings.ToLower(strings.TrimSpace(scalar(m, "protocol"))); p != "" && p != "openid-connect" && !unresolvedText(p) {
		// SAML (and docker-v2) clients are read for committed-secret only
		// (they are Flowless): a literal signing key in their attributes.
		c.Protocol = p
		keycloakSecrets(&c, m)
		return c
	}

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

	keycloakSecondRound(&c, m)
	keycloakSecrets(&c, m)
	return c
}

// kcAlgAttrs are the client attributes that declare a signing algorithm
// (OIDCConfigAttributes), by what they sign.
var kcAlgAttrs = []struct {
	key string
	use AlgUse
}{
	{"id.token.signed.response.alg", AlgIDToken},
	{"user.info.response.signature.alg", AlgUserinfo},
	{"request.object.signature.alg", AlgRequestObject},
	{"token.endpoint.auth.signing.alg", AlgClientAssertion},
	{"access.token.signed.response.alg", AlgAccessToken},
	{"authorization.signed.response.alg", AlgOther},
	{"introspection.signed.response.alg", AlgOther},
}

// kcPlusDefault names what Keycloak's "+" stands for in a client's
// post-logout redirect URIs.
const kcPlusDefault = "Keycloak's \"+\": the client's redirect URIs"

// keycloakSecondRound reads what the second-round rules need: web
// origins, post-logout redirect URIs, signing algorithms, the access token
// lifespan, full scope and the iss switch.
func keycloakSecondRound(c *Client, m Node) {
	kc := defaults(keycloakDefault)
	// webOrigins: "+" (the redirect URIs' origins) is kept as written; it
	// is no wildcard.
	c.WebOrigins = listKey(m, "webOrigins")
	// post.logout.redirect.uris: one string, "##"-separated; "+" means the
	// redirect URIs (OIDCAdvancedConfigWrapper.getPostLogoutRedirectUris).
	if k, v := kcAttr(m, "post.logout.redirect.uris"); v.ok() {
		c.PostLogoutRedirectURIs = kcHashList(k, v, c.RedirectURIs)
	} else {
		c.PostLogoutRedirectURIs = List{Pos: pos(m)}
	}
	_, attrs := get(m, "attributes")
	for _, a := range kcAlgAttrs {
		if _, v := get(attrs, a.key); v.ok() {
			if s := str(v); s.Unresolved || strings.TrimSpace(s.Value) != "" {
				c.Algs = append(c.Algs, Alg{Use: a.use, Field: "attributes." + a.key, Value: s})
			}
		}
	}
	if k, v := get(attrs, "access.token.lifespan"); v.ok() && strings.TrimSpace(text(v)) != "" {
		c.AccessTokenLifetime = intOf(k, v)
	} else {
		c.AccessTokenLifetime = Int{Pos: pos(m)}
	}
	// fullScopeAllowed defaults to true (ClientRepresentation → the
	// client model's default).
	c.FullScopeAllowed = kc.boolean(m, true, "fullScopeAllowed")
	c.ExcludeIssuer = kcAttrBool(m, "exclude.issuer.from.auth.response", false)
}

// kcHashList reads a "##"-separated attribute (key k, value v) as a list;
// "+" stands for the redirect URIs (positioned at the attribute, not in
// the file).
func kcHashList(k, v Node, redirects List) List {
	l := List{Pos: pos(k), Set: true}
	s := str(v)
	if s.Unresolved && onlyPlaceholder(s.Value) {
		l.Unresolved = true
		return l
	}
	for _, part := range strings.Split(s.Value, "##") {
		if part = strings.TrimSpace(part); part != "" {
			l.Items = append(l.Items, String{Value: part, Pos: s.Pos, Set: true, Unresolved: unresolvedText(part)})
		}
	}
	l.Items = expandPlus(l.Items, redirects)
	return l
}

// keycloakSecrets reads the client's secrets: `secret` unless the export
// mask or a placeholder; inline private keys in attributes
// (saml.signing.private.key, ...).
func keycloakSecrets(c *Client, m Node) {
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
