package clientconfig

import (
	"strings"

	"go.yaml.in/yaml/v3"

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

// rfcKeys are the members that make a mapping an RFC 7591 client.
var rfcKeys = []string{"redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method"}

func isRFCClient(m *yaml.Node) bool { return isMap(m) && has(m, rfcKeys...) }

func readRFC7591(docs []*yaml.Node) (*File, bool) {
	objs := collect(docs, isRFCClient, "clients")
	if len(objs) == 0 {
		return nil, false
	}
	format := flows.FormatRFC7591
	if isMetadataDocument(docs, objs) {
		format = flows.FormatClientMetadata
	}
	f := newFile(format)
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
func isMetadataDocument(docs, objs []*yaml.Node) bool {
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

// rfcClient maps one RFC 7591 metadata object.
func rfcClient(m *yaml.Node, camel bool, format flows.Format) Client {
	k := func(s string) string { return rfcKey(s, camel) }
	c := Client{Format: format, Pos: pos(m), End: endLine(m)}
	c.ID = scalar(m, k("client_id"))
	c.Name = scalar(m, k("client_name"))
	if c.ID == "" {
		c.ID = c.Name
	}
	c.ApplicationType = strKey(m, "web", k("application_type"))
	c.ApplicationType.Value = strings.ToLower(c.ApplicationType.Value)

	c.GrantTypes = listKey(m, k("grant_types"))
	if !c.GrantTypes.Set {
		c.GrantTypes = defaultList(pos(m), flows.GrantAuthorizationCode)
	}
	c.ResponseTypes = listKey(m, k("response_types"))
	if !c.ResponseTypes.Set {
		c.ResponseTypes = defaultList(pos(m), "code")
	}
	c.RedirectURIs = listKey(m, k("redirect_uris"))

	c.AuthMethod = strKey(m, flows.AuthClientSecretBasic, k("token_endpoint_auth_method"))
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	c.Public = Bool{Value: c.AuthMethod.Value == flows.AuthNone && !c.AuthMethod.Unresolved, Pos: c.AuthMethod.Pos,
		Set: c.AuthMethod.Set, Unresolved: c.AuthMethod.Unresolved}

	c.PKCE = Declarable{}
	c.RefreshRotation = Declarable{}
	c.DPoPBound = boolKey(m, false, k("dpop_bound_access_tokens"))
	c.MTLSBound = boolKey(m, false, k("tls_client_certificate_bound_access_tokens"))
	c.PARRequired = boolKey(m, false, k("require_pushed_authorization_requests"))

	if _, v := get(m, k("client_secret")); v != nil {
		c.readSecret(k("client_secret"), v)
	}
	c.Secrets = append(c.Secrets, jwksPrivateKeys(m, k("jwks"))...)
	return c
}

// jwksPrivateKeys reports JWKs carrying private members (d, p, q, k) inline.
func jwksPrivateKeys(m *yaml.Node, key string) []Secret {
	_, j := get(m, key)
	if j == nil {
		return nil
	}
	_, keys := get(j, "keys")
	var out []Secret
	for _, jwk := range items(keys) {
		for _, priv := range []string{"d", "k", "p", "q"} {
			if _, v := get(jwk, priv); v != nil {
				if s, ok := secretAt(key+".keys[]."+priv, v); ok {
					out = append(out, s)
					break
				}
			}
		}
	}
	return out
}

// --- Ory Hydra Maester CRD ----------------------------------------------------

func isHydraCRD(d *yaml.Node) bool {
	return isMap(d) && scalar(d, "kind") == "OAuth2Client" && strings.HasPrefix(scalar(d, "apiVersion"), "hydra.ory.sh/")
}

func readHydraCRD(docs []*yaml.Node) (*File, bool) {
	var crds []*yaml.Node
	secrets := map[string]*yaml.Node{}
	for _, d := range docs {
		d = deref(d)
		if isHydraCRD(d) {
			crds = append(crds, d)
		} else if isMap(d) && scalar(d, "kind") == "Secret" {
			_, md := get(d, "metadata")
			if name := scalar(md, "name"); name != "" {
				secrets[name] = d
			}
		}
	}
	if len(crds) == 0 {
		return nil, false
	}
	f := newFile(flows.FormatRFC7591)
	for _, d := range crds {
		_, spec := get(d, "spec")
		if spec == nil {
			spec = &yaml.Node{Kind: yaml.MappingNode, Line: d.Line, Column: d.Column}
		}
		c := rfcClient(spec, true, flows.FormatRFC7591)
		c.Pos, c.End = pos(d), endLine(d)
		_, md := get(d, "metadata")
		if c.ID == "" {
			c.ID = scalar(md, "name")
		}
		if c.Name == "" {
			c.Name = scalar(md, "name")
		}
		if name := scalar(spec, "secretName"); name != "" {
			if sec := secrets[name]; sec != nil {
				c.Secrets = append(c.Secrets, k8sSecretData(sec, name)...)
			}
		}
		f.Clients = append(f.Clients, c)
	}
	return f, true
}

// k8sSecretData reports every value under a Secret's data / stringData as
// committed (base64 is an encoding, not protection). Values are kept as
// written (base64 for data).
func k8sSecretData(sec *yaml.Node, name string) []Secret {
	var out []Secret
	for _, key := range []string{"data", "stringData"} {
		_, m := get(sec, key)
		for _, kv := range pairs(m) {
			if n := strings.ToLower(kv[0].Value); n == "client_id" || n == "clientid" {
				continue // an identifier, not a credential
			}
			if s, ok := secretAt("Secret "+name+" "+key+"."+kv[0].Value, kv[1]); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
