package clientconfig

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/whichflow/whichflow/flows"
)

// Terraform (.tf, HCL native syntax), read with hclsyntax only: no
// evaluation context, so var.*, local.*, resource references, function calls
// and ${} interpolations are Unresolved (unknown, not absent). Literal list
// items stay resolved even when other items are expressions.
//
//   - keycloak_openid_client (keycloak/terraform-provider-keycloak):
//     access_type PUBLIC / CONFIDENTIAL / BEARER-ONLY; standard_flow_enabled,
//     implicit_flow_enabled, direct_access_grants_enabled,
//     service_accounts_enabled, oauth2_device_authorization_grant_enabled,
//     standard_token_exchange_enabled, oauth2_jwt_authorization_grant_enabled
//     default false; use_refresh_tokens
//     default true; pkce_code_challenge_method; valid_redirect_uris relative
//     to root_url; client_secret; client_authenticator_type; extra_config
//     attributes as in a realm export. Rotation is realm-level: not declarable.
//   - okta_app_oauth (okta/terraform-provider-okta): type web / native /
//     browser / service; grant_types default to the type's minimum
//     (authorization_code for web/native/browser, client_credentials for
//     service); pkce_required defaults true for browser and native (Okta
//     PKCE is S256); token_endpoint_auth_method default client_secret_basic;
//     client_basic_secret; refresh_token_rotation ROTATE / STATIC (default).
//   - auth0_client (auth0/terraform-provider-auth0) with the Auth0 semantics
//     of auth0.go; auth0_client_credentials (authentication_method,
//     client_secret) applies to the auth0_client its client_id references
//     (auth0_client.X.id).
//
// The client ID is the resource address TYPE.LABEL.

func readTerraform(data []byte) (*File, error) {
	if p, deep := hclTooDeep(data); deep {
		return nil, &ParseError{Format: "hcl", Pos: p, Msg: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}
	}
	file, diags := hclsyntax.ParseConfig(data, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		if !hasMarkers(data) {
			return nil, ErrUnrecognised
		}
		pe := &ParseError{Format: "hcl", Msg: "invalid HCL"}
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				pe.Msg = d.Summary
				if d.Detail != "" {
					pe.Msg += ": " + d.Detail
				}
				if d.Subject != nil {
					pe.Pos = Pos{Line: d.Subject.Start.Line, Col: d.Subject.Start.Column}
				}
				break
			}
		}
		return nil, pe
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, ErrUnrecognised
	}
	f := &File{}
	byAddr := map[string]int{}
	var creds []*hclsyntax.Block
	for _, b := range body.Blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		var c Client
		switch b.Labels[0] {
		case "keycloak_openid_client":
			c = tfKeycloak(b)
		case "okta_app_oauth":
			c = tfOkta(b)
		case "auth0_client":
			c = tfAuth0(b)
		case "auth0_client_credentials":
			creds = append(creds, b)
			continue
		default:
			continue
		}
		c.ID = b.Labels[0] + "." + b.Labels[1]
		c.Pos = hpos(b.TypeRange.Start)
		c.End = b.CloseBraceRange.End.Line
		byAddr[c.ID] = len(f.Clients)
		f.Clients = append(f.Clients, c)
	}
	for _, b := range creds {
		tfAuth0Credentials(b, f, byAddr)
	}
	if len(f.Clients) == 0 {
		return nil, ErrUnrecognised
	}
	f.Format = f.Clients[0].Format
	f.Directives = scanDirectives(data, true)
	return f, nil
}

func hpos(p hcl.Pos) Pos { return Pos{Line: p.Line, Col: p.Column} }

// hclTooDeep bounds how deep hclsyntax will recurse, before it sees the
// input: brackets, template interpolations and directives (${, %{, in quoted
// strings and heredocs) and, within one expression, the operators that nest
// without brackets (a chain of unary ! or -, `a ? b : a ? b : ...`, long
// binary chains, which build a tree as deep as the chain). hclsyntax recurses
// once per level; on a long enough chain that is a stack overflow, which is
// fatal, not a panic Read could recover. Operators are counted per
// expression: a comma, or a newline in a block or object, starts a new one.
func hclTooDeep(data []byte) (Pos, bool) {
	// open is ( [ { for code, '"' for a quoted string, 'h' for a heredoc
	// body, '$' for an interpolation or directive; ops counts operators in
	// the current expression at this level.
	type frame struct {
		open byte
		ops  int
	}
	stack := []frame{{open: '{'}}
	depth := 0 // len(stack)-1 plus every frame's ops
	line, ls := 1, 0
	var marker []byte // closing marker of the innermost heredoc
	var markers [][]byte
	push := func(open byte) { stack = append(stack, frame{open: open}); depth++ }
	pop := func() {
		depth -= 1 + stack[len(stack)-1].ops
		if stack[len(stack)-1].open == 'h' {
			markers = markers[:len(markers)-1]
			marker = nil
			if len(markers) > 0 {
				marker = markers[len(markers)-1]
			}
		}
		stack = stack[:len(stack)-1]
	}
	resetOps := func() { depth -= stack[len(stack)-1].ops; stack[len(stack)-1].ops = 0 }
	for i := 0; i < len(data); i++ {
		if depth > maxDepth {
			return Pos{Line: line, Col: i - ls + 1}, true
		}
		c := data[i]
		top := stack[len(stack)-1].open
		if c == '\n' {
			line++
			ls = i + 1
			switch top {
			case '"':
				pop() // quoted strings are single-line
			case '{':
				resetOps()
			case 'h':
				end := bytes.IndexByte(data[i+1:], '\n')
				if end < 0 {
					end = len(data) - i - 1
				}
				if bytes.Equal(bytes.TrimSpace(data[i+1:i+1+end]), marker) {
					pop()
				}
			}
			continue
		}
		if top == '"' || top == 'h' {
			switch {
			case c == '\\' && top == '"':
				i++
			case c == '"' && top == '"':
				pop()
			case (c == '$' || c == '%') && i+1 < len(data) && data[i+1] == c:
				// $${ and %%{ are escapes; hclsyntax's template parser
				// is quadratic in a run of them, so they count too.
				i++
				stack[len(stack)-1].ops++
				depth++
			case (c == '$' || c == '%') && i+1 < len(data) && data[i+1] == '{':
				if c == '%' {
					// %{if} and %{for} nest until %{endif} / %{endfor}.
					kw := bytes.TrimLeft(data[i+2:min(i+16, len(data))], "~ \t")
					switch {
					case bytes.HasPrefix(kw, []byte("if")), bytes.HasPrefix(kw, []byte("for")):
						stack[len(stack)-1].ops++
						depth++
					case bytes.HasPrefix(kw, []byte("end")) && stack[len(stack)-1].ops > 0:
						stack[len(stack)-1].ops--
						depth--
					}
				}
				push('$')
				i++
			}
			continue
		}
		switch c {
		case '"':
			push('"')
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '/':
			if i+1 < len(data) && data[i+1] == '/' {
				for i+1 < len(data) && data[i+1] != '\n' {
					i++
				}
			} else if i+1 < len(data) && data[i+1] == '*' {
				end := bytes.Index(data[i+2:], []byte("*/"))
				if end < 0 {
					end = len(data) - i - 4
				}
				for j := i; j < i+2+end; j++ {
					if data[j] == '\n' {
						line++
						ls = j + 1
					}
				}
				i += end + 3
			} else {
				stack[len(stack)-1].ops++
				depth++
			}
		case '<':
			j := i + 2
			if i+1 < len(data) && data[i+1] == '<' {
				if j < len(data) && data[j] == '-' {
					j++
				}
				k := j
				for k < len(data) && (data[k] == '_' || data[k] == '-' || data[k] >= 'A' && data[k] <= 'Z' || data[k] >= 'a' && data[k] <= 'z' || data[k] >= '0' && data[k] <= '9') {
					k++
				}
				if k > j && k < len(data) && (data[k] == '\n' || data[k] == '\r') {
					push('h')
					markers = append(markers, data[j:k])
					marker = data[j:k]
					i = k - 1 // the newline is next
					continue
				}
			}
			stack[len(stack)-1].ops++
			depth++
		case '!', '-', '?', '+', '*', '%', '>', '&', '|':
			stack[len(stack)-1].ops++
			depth++
		case ',':
			resetOps()
		case '(', '[', '{':
			push(c)
		case ')', ']', '}':
			if len(stack) > 1 && top != '"' {
				pop()
			}
		}
	}
	if depth > maxDepth {
		return Pos{Line: line, Col: len(data) - ls + 1}, true
	}
	return Pos{}, false
}

// tfBlock wraps a resource body for attribute lookups.
type tfBlock struct {
	b *hclsyntax.Block
}

func (t tfBlock) attr(name string) *hclsyntax.Attribute {
	if a, ok := t.b.Body.Attributes[name]; ok {
		return a
	}
	return nil
}

func (t tfBlock) block(name string) *hclsyntax.Block {
	for _, b := range t.b.Body.Blocks {
		if b.Type == name {
			return b
		}
	}
	return nil
}

func (t tfBlock) pos() Pos { return hpos(t.b.TypeRange.Start) }

// staticValue evaluates an expression with no context; ok is false when it
// needs variables, functions or anything else only known at plan time.
func staticValue(e hclsyntax.Expression) (cty.Value, bool) {
	if len(e.Variables()) > 0 {
		return cty.NilVal, false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

func exprString(e hclsyntax.Expression) String {
	s := String{Pos: hpos(e.Range().Start), Set: true}
	v, ok := staticValue(e)
	if !ok {
		s.Unresolved = true
		return s
	}
	if v.IsNull() {
		s.Set = false
		return s
	}
	switch v.Type() {
	case cty.String:
		s.Value = v.AsString()
	case cty.Bool:
		s.Value = boolString(v.True())
	case cty.Number:
		s.Value = v.AsBigFloat().String()
	default:
		s.Unresolved = true
	}
	return s
}

// str reads a string attribute; def is the provider default.
func (t tfBlock) str(name, def string) String {
	a := t.attr(name)
	if a == nil {
		return String{Value: def, Pos: t.pos()}
	}
	s := exprString(a.Expr)
	if !s.Set && !s.Unresolved { // = null
		return String{Value: def, Pos: hpos(a.SrcRange.Start)}
	}
	return s
}

// boolean reads a bool attribute, positioned at the attribute name.
func (t tfBlock) boolean(name string, def bool) Bool {
	a := t.attr(name)
	if a == nil {
		return Bool{Value: def, Pos: t.pos()}
	}
	b := Bool{Pos: hpos(a.NameRange.Start), Set: true, Value: def}
	v, ok := staticValue(a.Expr)
	if !ok {
		b.Unresolved = true
		return b
	}
	if v.IsNull() {
		b.Set = false
		return b
	}
	switch v.Type() {
	case cty.Bool:
		b.Value = v.True()
	case cty.String:
		if val, ok := parseBool(v.AsString()); ok {
			b.Value = val
		} else {
			b.Unresolved = true
		}
	default:
		b.Unresolved = true
	}
	return b
}

// list reads a list attribute element by element.
func (t tfBlock) list(name string) List {
	a := t.attr(name)
	if a == nil {
		return List{Pos: t.pos()}
	}
	l := List{Pos: hpos(a.NameRange.Start), Set: true}
	tup, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		v, ok := staticValue(a.Expr)
		if !ok || !(v.Type().IsListType() || v.Type().IsTupleType() || v.Type().IsSetType()) || v.IsNull() {
			if ok && v.IsNull() {
				return List{Pos: l.Pos}
			}
			l.Unresolved = true
			return l
		}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if ev.Type() == cty.String && !ev.IsNull() {
				l.Items = append(l.Items, String{Value: ev.AsString(), Pos: hpos(a.Expr.StartRange().Start), Set: true})
			}
		}
		return l
	}
	for _, e := range tup.Exprs {
		l.Items = append(l.Items, exprString(e))
	}
	return l
}

// objectAttr reads a string from a map attribute (extra_config).
func (t tfBlock) objectAttr(name, key string) (String, bool) {
	a := t.attr(name)
	if a == nil {
		return String{}, false
	}
	obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return String{}, false
	}
	for _, it := range obj.Items {
		k, ok := staticValue(it.KeyExpr)
		if !ok || k.Type() != cty.String || k.IsNull() || k.AsString() != key {
			continue
		}
		s := exprString(it.ValueExpr)
		s.Pos = hpos(it.KeyExpr.Range().Start)
		return s, true
	}
	return String{}, false
}

func (t tfBlock) extraBool(key string, def bool) Bool {
	s, ok := t.objectAttr("extra_config", key)
	if !ok {
		return Bool{Value: def, Pos: t.pos()}
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

// tfSecretDeclared returns the SecretField for attribute name when it has a
// value, resolved (a literal) or not (var.x, a template).
func tfSecretDeclared(t tfBlock, name string) SecretField {
	if t.attr(name) == nil {
		return SecretField{}
	}
	s := exprString(t.attr(name).Expr)
	if !s.Set || (!s.Unresolved && strings.TrimSpace(s.Value) == "") {
		return SecretField{}
	}
	return SecretField{Field: name, Pos: s.Pos, Unresolved: s.Unresolved || placeholderSecret(s.Value)}
}

func tfSecret(t tfBlock, name string) []Secret {
	a := t.attr(name)
	if a == nil {
		return nil
	}
	s := exprString(a.Expr)
	if !s.Set || s.Unresolved || placeholderSecret(s.Value) {
		return nil
	}
	return []Secret{{Field: name, Value: s.Value, Pos: s.Pos}}
}

func tfKeycloak(b *hclsyntax.Block) Client {
	t := tfBlock{b}
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
	c.Secrets = tfSecret(t, "client_secret")
	c.SecretDeclared = tfSecretDeclared(t, "client_secret")
	return c
}

func tfOkta(b *hclsyntax.Block) Client {
	t := tfBlock{b}
	c := Client{Format: flows.FormatTerraformOkta}
	if l := t.str("label", ""); !l.Unresolved {
		c.Name = l.Value
	}
	typ := t.str("type", "")
	typ.Value = strings.ToLower(typ.Value)
	c.ApplicationType = typ
	c.GrantTypes = t.list("grant_types")
	if !c.GrantTypes.Set && !typ.Unresolved {
		switch typ.Value {
		case "service":
			c.GrantTypes = defaultList(typ.Pos, flows.GrantClientCredentials)
		case "web", "native", "browser":
			c.GrantTypes = defaultList(typ.Pos, flows.GrantAuthorizationCode)
		}
	}
	c.ResponseTypes = t.list("response_types")
	c.RedirectURIs = t.list("redirect_uris")
	c.AuthMethod = t.str("token_endpoint_auth_method", flows.AuthClientSecretBasic)
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	c.Public = Bool{Value: c.AuthMethod.Value == flows.AuthNone && !c.AuthMethod.Unresolved, Pos: c.AuthMethod.Pos,
		Set: c.AuthMethod.Set, Unresolved: c.AuthMethod.Unresolved}

	defPKCE := typ.Value == "browser" || typ.Value == "native"
	pr := t.boolean("pkce_required", defPKCE)
	pk := String{Pos: pr.Pos, Set: pr.Set, Unresolved: pr.Unresolved || (!pr.Set && typ.Unresolved)}
	if pr.Value {
		pk.Value = "S256"
	}
	c.PKCE = Declarable{Declarable: true, Value: pk}
	rot := t.str("refresh_token_rotation", "STATIC")
	c.RefreshRotation = Declarable{Declarable: true, Value: String{Value: boolString(strings.EqualFold(rot.Value, "ROTATE")), Pos: rot.Pos, Set: rot.Set, Unresolved: rot.Unresolved}}
	c.Secrets = tfSecret(t, "client_basic_secret")
	c.SecretDeclared = tfSecretDeclared(t, "client_basic_secret")
	return c
}

func tfAuth0(b *hclsyntax.Block) Client {
	t := tfBlock{b}
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
	for i := range c.GrantTypes.Items {
		c.GrantTypes.Items[i].Value = auth0Grant(c.GrantTypes.Items[i].Value)
	}
	c.RedirectURIs = t.list("callbacks")
	rot := String{Value: "false", Pos: t.pos()}
	if rb := t.block("refresh_token"); rb != nil {
		rs := tfBlock{rb}.str("rotation_type", "")
		rot = String{Value: boolString(rs.Value == "rotating"), Pos: rs.Pos, Set: rs.Set, Unresolved: rs.Unresolved}
		if !rs.Set {
			rot.Value = "false"
		}
	}
	c.RefreshRotation = Declarable{Declarable: true, Value: rot}
	c.DPoPBound = t.boolean("require_proof_of_possession", false)
	c.PARRequired = t.boolean("require_pushed_authorization_requests", false)
	c.Secrets = tfSecret(t, "client_secret")
	c.SecretDeclared = tfSecretDeclared(t, "client_secret")
	return c
}

// auth0Public derives the client type from app_type and the auth method.
func auth0Public(c *Client) {
	app := c.ApplicationType
	switch {
	case c.AuthMethod.Set && !c.AuthMethod.Unresolved && c.AuthMethod.Value == flows.AuthNone:
		c.Public = Bool{Value: true, Pos: c.AuthMethod.Pos, Set: true}
	case app.Set && !app.Unresolved && (app.Value == "spa" || app.Value == "native"):
		c.Public = Bool{Value: true, Pos: app.Pos, Set: true}
	case app.Unresolved || c.AuthMethod.Unresolved:
		c.Public = Bool{Pos: c.Pos, Set: true, Unresolved: true}
	default:
		c.Public = Bool{Value: false, Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set || app.Set}
	}
}

// tfAuth0Credentials applies an auth0_client_credentials resource to the
// auth0_client its client_id references.
func tfAuth0Credentials(b *hclsyntax.Block, f *File, byAddr map[string]int) {
	t := tfBlock{b}
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
	i, ok := byAddr["auth0_client."+attr.Name]
	if !ok {
		return
	}
	c := &f.Clients[i]
	if am := t.str("authentication_method", ""); am.Set {
		c.AuthMethod = am
		c.AuthMethods = List{Pos: am.Pos, Set: true, Items: []String{am}}
		auth0Public(c)
	}
	c.Secrets = append(c.Secrets, tfSecret(t, "client_secret")...)
	if d := tfSecretDeclared(t, "client_secret"); d.Declared() {
		c.SecretDeclared = d
	}
}
