package clientconfig

import (
	"strings"
	"sync"

	"github.com/whichflow/whichflow/flows"
)

// RFC 7591 / OpenID Connect Dynamic Client Registration metadata, as JSON or
// YAML: one client object, an array of them (Hydra `clients.json`), or a
// node-oidc-provider-like `{clients: [...]}`; and the Ory Hydra Maester CRD
// (`kind: OAuth2Client`, camelCase `spec`), with the Kubernetes Secret it
// references reported as a committed secret on that client.
//
// Defaults (RFC 7591 §2): grant_types ["authorization_code"], response_types
// ["code"], token_endpoint_auth_method client_secret_basic. PKCE is server
// policy (Hydra oauth2.pkce.enforced, node-oidc-provider pkce.required), so
// it is not declarable; neither is refresh-token rotation.

// rfc7591Default names the RFC 7591 §2 defaults of absent metadata.
const rfc7591Default = "RFC 7591 §2 default"

func init() {
	registerTree(80, readRFC7591, anyWord(rfcKeys...), "redirect_uris", "grant_types", "token_endpoint_auth_method", "client_secret")
}

// rfcKeys are the members that make a mapping an RFC 7591 client.
var rfcKeys = []string{"redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method"}

func isRFCClient(m Node) bool { return isMap(m) && has(m, rfcKeys...) }

func readRFC7591(docs []Node) (*File, bool) {
	objs := collect(docs, isRFCClient, "clients")
	if len(objs) == 0 {
		return nil, false
	}
	format := flows.FormatRFC7591
	if isMetadataDocument(docs, objs) {
		format = flows.FormatClientMetadata
	}
	f, room := newFile(format, docs[0], len(objs))
	if !room {
		return f, true
	}
	for _, o := range objs {
		c := rfcClient(o, false, format)
		f.Clients = append(f.Clients, c)
	}
	return f, true
}

// isMetadataDocument tells a client ID metadata document from other RFC
// 7591 metadata: the file is one client object whose client_id is the URL
// of such a document (flows.IsClientIDURL, CIMD §3). A list of clients, or
// a document without that client_id, stays RFC 7591.
func isMetadataDocument(docs, objs []Node) bool {
	return len(docs) == 1 && len(objs) == 1 && deref(docs[0]) == objs[0] && flows.IsClientIDURL(scalar(objs[0], "client_id"))
}

// rfcKey returns the snake_case name, or its camelCase form for Hydra CRDs.
func rfcKey(snake string, camel bool) string {
	if !camel {
		return snake
	}
	parts := strings.Split(snake, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// The members rfcClient reads, by index into rfcMembers (the signing
// algorithms follow, rfcAlgs' order, from rfcAlgMember on).
const (
	rfcClientID = iota
	rfcClientName
	rfcApplicationType
	rfcGrantTypes
	rfcResponseTypes
	rfcRedirectURIs
	rfcPostLogoutRedirectURIs
	rfcAuthMethod
	rfcDPoPBound
	rfcMTLSBound
	rfcPARRequired
	rfcClientSecret
	rfcJWKS
	rfcAlgMember
)

// rfcMembers are the member names rfcClient reads, found in one pass
// (findFields); rfcCamelMembers are their camelCase forms for Hydra CRDs
// (rfcKey), made on first use, not at start-up.
var rfcMembers = append([]string{rfcClientID: "client_id", rfcClientName: "client_name", rfcApplicationType: "application_type",
	rfcGrantTypes: "grant_types", rfcResponseTypes: "response_types", rfcRedirectURIs: "redirect_uris",
	rfcPostLogoutRedirectURIs: "post_logout_redirect_uris", rfcAuthMethod: "token_endpoint_auth_method",
	rfcDPoPBound: "dpop_bound_access_tokens", rfcMTLSBound: "tls_client_certificate_bound_access_tokens",
	rfcPARRequired: "require_pushed_authorization_requests", rfcClientSecret: "client_secret", rfcJWKS: "jwks"},
	rfcAlgFields()...)

var rfcCamelMembers = sync.OnceValue(func() []string {
	out := make([]string, len(rfcMembers))
	for i, n := range rfcMembers {
		out[i] = rfcKey(n, true)
	}
	return out
})

func rfcAlgFields() []string {
	out := make([]string, len(rfcAlgs))
	for i, a := range rfcAlgs {
		out[i] = a.field
	}
	return out
}

// rfcClient maps one RFC 7591 metadata object.
func rfcClient(m Node, camel bool, format flows.Format) Client {
	keys := rfcMembers
	if camel {
		keys = rfcCamelMembers()
	}
	f := findFields(m, keys)
	c := Client{Format: format, Pos: pos(m), End: endLine(m)}
	c.ID = text(f.v[rfcClientID])
	c.Name = text(f.v[rfcClientName])
	if c.ID == "" {
		c.ID = c.Name
	}
	d := defaults(rfc7591Default)
	// application_type defaults to web: OpenID Connect Dynamic Client
	// Registration 1.0 §2.
	c.ApplicationType = defaults("OpenID Connect Registration §2 default").strOf(m, f.v[rfcApplicationType], "web")
	c.ApplicationType.Value = strings.ToLower(c.ApplicationType.Value)

	c.GrantTypes = listOf(m, f.k[rfcGrantTypes], f.v[rfcGrantTypes])
	if !c.GrantTypes.Set {
		c.GrantTypes = defaultList(pos(m), rfc7591Default, flows.GrantAuthorizationCode)
	}
	c.ResponseTypes = listOf(m, f.k[rfcResponseTypes], f.v[rfcResponseTypes])
	if !c.ResponseTypes.Set {
		c.ResponseTypes = defaultList(pos(m), rfc7591Default, "code")
	}
	c.RedirectURIs = listOf(m, f.k[rfcRedirectURIs], f.v[rfcRedirectURIs])
	// OpenID Connect RP-Initiated Logout 1.0 §3.1.
	c.PostLogoutRedirectURIs = listOf(m, f.k[rfcPostLogoutRedirectURIs], f.v[rfcPostLogoutRedirectURIs])
	for j, a := range rfcAlgs {
		if v := f.v[rfcAlgMember+j]; v.ok() {
			c.Algs = append(c.Algs, Alg{Use: a.use, Field: a.key(camel), Value: str(v)})
		}
	}

	c.AuthMethod = d.strOf(m, f.v[rfcAuthMethod], flows.AuthClientSecretBasic)
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	c.Public = Bool{Value: c.AuthMethod.Value == flows.AuthNone && !c.AuthMethod.Unresolved, Pos: c.AuthMethod.Pos,
		Set: c.AuthMethod.Set, Unresolved: c.AuthMethod.Unresolved, Default: c.AuthMethod.Default}

	c.PKCE = Declarable{}
	c.RefreshRotation = Declarable{}
	// RFC 9449 §5.2, RFC 8705 §3.4, RFC 9126 §6: false when absent.
	c.DPoPBound = defaults("RFC 9449 §5.2 default").booleanOf(m, f.k[rfcDPoPBound], f.v[rfcDPoPBound], false)
	c.MTLSBound = defaults("RFC 8705 §3.4 default").booleanOf(m, f.k[rfcMTLSBound], f.v[rfcMTLSBound], false)
	c.PARRequired = defaults("RFC 9126 §6 default").booleanOf(m, f.k[rfcPARRequired], f.v[rfcPARRequired], false)

	if v := f.v[rfcClientSecret]; v.ok() {
		c.readSecret(keys[rfcClientSecret], v)
	}
	c.Secrets = append(c.Secrets, jwksPrivateKeysOf(keys[rfcJWKS], f.v[rfcJWKS])...)
	return c
}

// rfcAlgs are the signing algorithm metadata of RFC 7591 §2, OpenID
// Connect Dynamic Client Registration 1.0 §2, RFC 9101 §10.5 (request
// objects), RFC 9701 §6 (introspection) and JARM §3 (authorization
// responses). Encryption algorithms (*_encrypted_response_alg) are not
// signatures and are not read.
var rfcAlgs = []rfcAlg{
	{"id_token_signed_response_alg", "idTokenSignedResponseAlg", AlgIDToken},
	{"userinfo_signed_response_alg", "userinfoSignedResponseAlg", AlgUserinfo},
	{"request_object_signing_alg", "requestObjectSigningAlg", AlgRequestObject},
	{"token_endpoint_auth_signing_alg", "tokenEndpointAuthSigningAlg", AlgClientAssertion},
	{"introspection_signed_response_alg", "introspectionSignedResponseAlg", AlgOther},
	{"authorization_signed_response_alg", "authorizationSignedResponseAlg", AlgOther},
}

// rfcAlg is one signing algorithm member, in both spellings (rfcKey's
// camelCase for Hydra CRDs, written out so reading allocates nothing).
type rfcAlg struct {
	field, camel string
	use          AlgUse
}

func (a rfcAlg) key(camel bool) string {
	if camel {
		return a.camel
	}
	return a.field
}

// jwksPrivateKeys reports JWKs carrying private members (d, p, q, k) inline.
func jwksPrivateKeys(m Node, key string) []Secret {
	_, j := get(m, key)
	return jwksPrivateKeysOf(key, j)
}

// jwksPrivateKeysOf is jwksPrivateKeys for the value j of key.
func jwksPrivateKeysOf(key string, j Node) []Secret {
	if !j.ok() {
		return nil
	}
	_, keys := get(j, "keys")
	var out []Secret
	for _, jwk := range items(keys) {
		for _, priv := range []string{"d", "k", "p", "q"} {
			if _, v := get(jwk, priv); v.ok() {
				if s, ok := secretAt(key+".keys[]."+priv, v); ok {
					out = append(out, s)
					break
				}
			}
		}
	}
	return out
}
