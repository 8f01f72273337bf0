package clientconfig

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/whichflow/whichflow/flows"
)

// auth0_client (auth0/terraform-provider-auth0, docs/resources/client.md)
// with the Auth0 semantics of auth0.go; auth0_client_credentials
// (authentication_method, client_secret) applies to the auth0_client its
// client_id references (auth0_client.X.id).

func init() {
	tfResources["auth0_client"] = tfResource{client: tfAuth0}
	tfResources["auth0_client_credentials"] = tfResource{amend: tfAuth0Credentials}
}

func tfAuth0(t tfBlock) Client {
	t.def = auth0Default
	c := Client{Format: flows.FormatTerraformAuth0}
	if n := t.str("name", ""); !n.Unresolved {
		c.Name = n.Value
	}
	c.ApplicationType = t.str("app_type", "")
	c.ApplicationType.Value = strings.ToLower(c.ApplicationType.Value)
	c.AuthMethod = t.str("token_endpoint_auth_method", flows.AuthClientSecretPost)
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	auth0Public(&c)
	c.GrantTypes = t.list("grant_types")
	auth0Grants(&c.GrantTypes)
	c.RedirectURIs = t.list("callbacks")
	rot := String{Value: "false", Pos: t.pos(), Default: auth0Default}
	if rb := t.block("refresh_token"); rb != nil {
		rs := tfBlock{b: rb}.str("rotation_type", "")
		rot = String{Value: boolString(rs.Value == "rotating"), Pos: rs.Pos, Set: rs.Set, Unresolved: rs.Unresolved}
		if !rs.Set {
			rot.Value, rot.Default = "false", auth0Default
		}
	}
	c.RefreshRotation = Declarable{Declarable: true, Value: rot}
	c.DPoPBound = t.boolean("require_proof_of_possession", false)
	c.PARRequired = t.boolean("require_pushed_authorization_requests", false)
	t.readSecret(&c, "client_secret")
	return c
}

// tfAuth0Credentials applies an auth0_client_credentials resource to the
// auth0_client its client_id references.
func tfAuth0Credentials(t tfBlock, cs *tfClients) {
	a := t.attr("client_id")
	if a == nil {
		return
	}
	trav, ok := a.Expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(trav.Traversal) < 2 || trav.Traversal.RootName() != "auth0_client" {
		return
	}
	attr, ok := trav.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return
	}
	c := cs.lookup("auth0_client." + attr.Name)
	if c == nil {
		return
	}
	if am := t.str("authentication_method", ""); am.Set {
		c.AuthMethod = am
		c.AuthMethods = List{Pos: am.Pos, Set: true, Items: []String{am}}
		auth0Public(c)
	}
	d, secrets := t.secret("client_secret")
	c.Secrets = append(c.Secrets, secrets...)
	if d.Declared() {
		c.SecretDeclared = d
	}
}
