package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// OpenAPI 3.x `components.securitySchemes` and Swagger 2.0
// `securityDefinitions`: each scheme of type oauth2 becomes a client named
// after the scheme, with GrantsOnly set (the document describes the flows an
// API accepts, not a registration). OpenAPI 3 flows implicit, password,
// clientCredentials, authorizationCode; Swagger 2 flow implicit, password,
// application (client credentials), accessCode (authorization code). A
// document without an oauth2 scheme is not a client configuration
// (ErrUnrecognised).

var openAPI3Flows = map[string]string{
	"implicit":          flows.GrantImplicit,
	"password":          flows.GrantPassword,
	"clientCredentials": flows.GrantClientCredentials,
	"authorizationCode": flows.GrantAuthorizationCode,
}

var swagger2Flows = map[string]string{
	"implicit":    flows.GrantImplicit,
	"password":    flows.GrantPassword,
	"application": flows.GrantClientCredentials,
	"accessCode":  flows.GrantAuthorizationCode,
}

func init() {
	registerTree(30, readOpenAPI, anyWord("openapi", "swagger"), "securitySchemes", "securityDefinitions")
}

func readOpenAPI(docs []Node) (*File, bool) {
	if len(docs) != 1 {
		return nil, false
	}
	root := deref(docs[0])
	if !isMap(root) || !has(root, "openapi", "swagger") {
		return nil, false
	}
	var schemes Node
	if _, comp := get(root, "components"); comp.ok() {
		_, schemes = get(comp, "securitySchemes")
	}
	if !schemes.ok() {
		_, schemes = get(root, "securityDefinitions")
	}
	f, room := newFile(flows.FormatOpenAPI, root, len(pairs(schemes)))
	if !room {
		return f, true
	}
	for _, kv := range pairs(schemes) {
		s := kv[1]
		if !strings.EqualFold(scalar(s, "type"), "oauth2") {
			continue
		}
		c := Client{Format: flows.FormatOpenAPI, ID: text(kv[0]), Name: text(kv[0]), Pos: pos(kv[0]), End: endLine(s), GrantsOnly: true}
		c.GrantTypes = List{Pos: pos(kv[0]), Set: true}
		if fk, fl := get(s, "flows"); fk.ok() {
			c.GrantTypes.Pos = pos(fk)
			for _, f := range pairs(fl) {
				if g, ok := openAPI3Flows[text(f[0])]; ok {
					c.GrantTypes.Items = append(c.GrantTypes.Items, String{Value: g, Pos: pos(f[0]), Set: true})
					openAPIURLs(&c, f[1])
				}
			}
		} else if fk, fv := get(s, "flow"); fk.ok() {
			c.GrantTypes.Pos = pos(fk)
			if g, ok := swagger2Flows[text(fv)]; ok {
				c.GrantTypes.Items = append(c.GrantTypes.Items, String{Value: g, Pos: pos(fv), Set: true})
			}
			openAPIURLs(&c, s)
		}
		f.Clients = append(f.Clients, c)
	}
	if len(f.Clients) == 0 {
		return nil, false
	}
	return f, true
}

// openAPIURLs adds the endpoint URLs of one flow object (OpenAPI 3 OAuth
// Flow Object; a Swagger 2 oauth2 Security Scheme Object) to c.OAuthURLs.
func openAPIURLs(c *Client, flow Node) {
	for _, key := range []string{"authorizationUrl", "tokenUrl", "refreshUrl"} {
		k, v := get(flow, key)
		if !k.ok() || !isScalar(v) {
			continue
		}
		if !c.OAuthURLs.Set {
			c.OAuthURLs = List{Pos: pos(k), Set: true}
		}
		c.OAuthURLs.Items = append(c.OAuthURLs.Items, str(v))
	}
}
