package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// Gravitee Access Management application (JSON/YAML): `type` plus
// `settings.oauth` (ApplicationOAuthSettings). One application, an array, or
// `{applications: [...]}`.
//
// Extension grants are stored as `<grant-urn>~<extensionGrantId>`; the
// suffix is stripped. tokenEndpointAuthMethod defaults to
// client_secret_basic; none (or clientType public) = public. PKCE: forcePKCE
// (default false) with forceS256CodeChallengeMethod (default false, so plain
// is accepted). Refresh rotation is on unless disableRefreshTokenRotation.
// Source: gravitee-access-management ApplicationOAuthSettings and
// AuthorizationRequestParseParametersHandler (see reference standards.md §2.7).

// graviteeDefault names the defaults of ApplicationOAuthSettings.
const graviteeDefault = "Gravitee AM's default"

func init() { registerTree(50, readGravitee, "grantTypes", "tokenEndpointAuthMethod", "redirectUris") }

func isGraviteeApp(m Node) bool {
	if !isMap(m) {
		return false
	}
	_, st := get(m, "settings")
	_, o := get(st, "oauth")
	return isMap(st) && isMap(o)
}

func readGravitee(docs []Node) (*File, bool) {
	apps := collect(docs, isGraviteeApp, "applications")
	if len(apps) == 0 {
		return nil, false
	}
	f, room := newFile(flows.FormatGravitee, docs[0], len(apps))
	if !room {
		return f, true
	}
	for _, a := range apps {
		f.Clients = append(f.Clients, graviteeClient(a))
	}
	return f, true
}

func graviteeClient(a Node) Client {
	_, st := get(a, "settings")
	_, o := get(st, "oauth")
	c := Client{Format: flows.FormatGravitee, Pos: pos(a), End: endLine(a)}
	c.Name = scalar(a, "name")
	c.ID = scalar(o, "clientId")
	if c.ID == "" {
		c.ID = c.Name
	}
	gv := defaults(graviteeDefault)
	c.ApplicationType = strKey(a, "type")
	c.ApplicationType.Value = strings.ToLower(c.ApplicationType.Value)

	c.GrantTypes = listKey(o, "grantTypes")
	for i, g := range c.GrantTypes.Items {
		if j := strings.IndexByte(g.Value, '~'); j >= 0 {
			c.GrantTypes.Items[i].Value = g.Value[:j]
		}
	}
	c.ResponseTypes = listKey(o, "responseTypes")
	c.RedirectURIs = listKey(o, "redirectUris")
	c.AuthMethod = gv.str(o, flows.AuthClientSecretBasic, "tokenEndpointAuthMethod")
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	ct := strKey(o, "clientType")
	switch {
	case c.AuthMethod.Set && c.AuthMethod.Value == flows.AuthNone:
		c.Public = Bool{Value: true, Pos: c.AuthMethod.Pos, Set: true}
	case ct.Set && strings.EqualFold(ct.Value, "public"):
		c.Public = Bool{Value: true, Pos: ct.Pos, Set: true}
	default:
		c.Public = Bool{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set || ct.Set, Unresolved: c.AuthMethod.Unresolved, Default: c.AuthMethod.Default}
	}

	force := gv.boolean(o, false, "forcePKCE")
	s256 := gv.boolean(o, false, "forceS256CodeChallengeMethod")
	pk := String{Pos: force.Pos, Set: force.Set, Unresolved: force.Unresolved || s256.Unresolved, Default: force.Default}
	if force.Value {
		pk.Value = "plain"
		if s256.Value {
			pk.Value = "S256"
			if s256.Set {
				pk.Pos = s256.Pos
			}
		}
	}
	c.PKCE = Declarable{Declarable: true, Value: pk}
	dis := gv.boolean(o, false, "disableRefreshTokenRotation")
	c.RefreshRotation = Declarable{Declarable: true, Value: String{Value: boolString(!dis.Value), Pos: dis.Pos, Set: dis.Set, Unresolved: dis.Unresolved, Default: dis.Default}}
	c.PARRequired = gv.boolean(o, false, "requireParRequest")
	c.MTLSBound = gv.boolean(o, false, "tlsClientCertificateBoundAccessTokens")
	c.DPoPBound = gv.boolean(o, false, "dpopBoundAccessTokens")
	if _, v := get(o, "clientSecret"); v.ok() {
		c.readSecret("settings.oauth.clientSecret", v)
	}
	c.Secrets = append(c.Secrets, jwksPrivateKeys(o, "jwks")...)
	return c
}
