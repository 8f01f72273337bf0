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
	tfResources["auth0_tenant"] = tfResource{realm: tfAuth0Tenant}
}

// tfAuth0Tenant reads an auth0_tenant (terraform-provider-auth0
// docs/resources/tenant.md): flags.enable_dynamic_client_registration is
// the tenant's open dynamic registration, as in a Deploy CLI tenant.yaml.
// The provider manages only the flags it is given (Optional, Computed), so
// an absent flag says nothing about the tenant.
func tfAuth0Tenant(t tfBlock) Realm {
	t.def = auth0Default
	r := Realm{Format: flows.FormatTerraformAuth0}
	r.DynamicRegistration = Bool{Pos: t.pos()}
	if b := t.block("flags"); b != nil {
		if f := t.child(b); f.attr("enable_dynamic_client_registration") != nil {
			r.DynamicRegistration = f.boolean("enable_dynamic_client_registration", false)
		}
	}
	return r
}

func tfAuth0(t tfBlock) Client {
	t.def = auth0Default
	c := Client{Format: flows.FormatTerraformAuth0}
	if n := t.str("name", ""); !n.Unresolved {
		c.Name = n.Value
	}
	c.ApplicationType = t.str("app_type", "")
	c.ApplicationType.Value = strings.ToLower(c.ApplicationType.Value)
	c.AuthMethod = auth0AuthMethod(t.str("token_endpoint_auth_method", ""), c.ApplicationType, t.pos())
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	auth0Public(&c)
	c.GrantTypes = t.list("grant_types")
	auth0Grants(&c.GrantTypes)
	auth0DefaultGrants(&c, firstPos(c.ApplicationType.Pos, t.pos()))
	c.RedirectURIs = t.list("callbacks")
	c.WebOrigins = joinLists(t.list("web_origins"), t.list("allowed_origins"))
	c.PostLogoutRedirectURIs = t.list("allowed_logout_urls")

	r := auth0Refresh{block: t.pos()}
	if rb := t.block("refresh_token"); rb != nil {
		b := t.child(rb)
		r.block = hpos(rb.TypeRange.Start)
		r.rotation = b.str("rotation_type", "")
		r.expiration = b.str("expiration_type", "")
		r.infinite = b.boolean("infinite_token_lifetime", false)
		r.leeway = b.integer("leeway", 0)
	}
	r.apply(&c)

	// jwt_configuration: a block (provider v1) or, in older
	// configurations, a map attribute.
	var alg String
	var life Int
	jp := t.pos()
	if jb := t.block("jwt_configuration"); jb != nil {
		b := t.child(jb)
		jp = hpos(jb.TypeRange.Start)
		alg, life = b.str("alg", ""), b.integer("lifetime_in_seconds", 0)
	} else if a := t.attr("jwt_configuration"); a != nil {
		jp = hpos(a.NameRange.Start)
		if v, ok := t.objectAttr("jwt_configuration", "alg"); ok {
			alg = v
		}
		if v, ok := t.objectAttr("jwt_configuration", "lifetime_in_seconds"); ok {
			life = intString(v)
		}
	}
	auth0JWT(&c, alg, life, jp)
	c.CrossOriginAuth = t.boolean("cross_origin_auth", false)
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
		auth0DefaultGrants(c, firstPos(c.ApplicationType.Pos, c.Pos))
	}
	d, secrets := t.secret("client_secret")
	c.Secrets = append(c.Secrets, secrets...)
	if d.Declared() {
		c.SecretDeclared = d
	}
}
