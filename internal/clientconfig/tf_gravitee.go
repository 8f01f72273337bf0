package clientconfig

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/whichflow/whichflow/flows"
)

// graviteeam_application (maxvanp/terraform-provider-graviteeam,
// internal/resources/application/application_resource.go at 0fe59ef and
// 5e48bf4): Create POSTs {name, type, kind, description, metadata,
// redirectUris} (buildCreateBody), then PUTs the settings
// (buildUpdateBody: settings_json deep-merged with the typed oauth_settings
// block, whose keys win; lists are replaced). AM runs the type's template at
// the create and again on the PUT (see gravitee.go), so this is AM's
// desired-state document: what oauth_settings and settings_json leave out
// keeps the template's defaults. oauth_settings has redirect_uris,
// post_logout_redirect_uris, grant_types, response_types (and scopes and
// lifetimes); everything else (forcePKCE, forceS256CodeChallengeMethod,
// tokenEndpointAuthMethod, clientType, disableRefreshTokenRotation,
// tlsClientCertificateBoundAccessTokens …) can only come from settings_json.
// settings_json is read when it is a literal (jsonencode of an object
// literal, a JSON string or heredoc); anything else (var.x, file(), a
// local) leaves what only it could say unresolved. client_secret is
// computed by AM: the resource holds no secret. Changing `type` later calls
// PUT …/type after the settings (Update), which re-applies the template in
// force mode: a note on the format page, not a finding (the file cannot
// show the previous type).

const tfGraviteeDefault = "Gravitee AM's default"

func init() {
	tfResources["graviteeam_application"] = tfResource{client: tfGravitee}
	tfResources["graviteeam_domain"] = tfResource{realm: tfGraviteeDomain}
}

// graviteeam_domain (docs/resources/domain.md at 7666c79): settings_json
// is merged into the domain payload AM is PATCHed with, the typed blocks'
// keys winning; the typed oidc block carries only client registration
// switches. Its oidc object is the domain's OIDC settings, read as
// graviteeDomain reads a domain document: redirectUriStrictMatching absent
// keeps AM's default (false) on the domain the resource creates, and the
// FAPI profiles force exact matching.
func tfGraviteeDomain(t tfBlock) Realm {
	t.def = tfGraviteeDefault
	r := Realm{Format: flows.FormatTerraformGravitee}
	js := tfSettingsJSON(t, "oidc")
	strict := js.boolean("redirectUriStrictMatching", t.pos())
	if !strict.Set && !strict.Unresolved {
		strict = Bool{Pos: t.pos(), Default: tfGraviteeDefault}
	}
	sp := js.object("securityProfileSettings")
	for _, key := range amFAPIProfiles {
		if b := sp.boolean(key, t.pos()); b.Set && !b.Unresolved && b.Value {
			strict = Bool{Value: true, Pos: b.Pos, Set: true}
		}
	}
	r.RedirectStrictMatching = strict
	// Registration: the typed oidc block's switch wins over settings_json;
	// only settings_json can open it (openDynamicClientRegistrationEnabled).
	crs := js.object("clientRegistrationSettings")
	enabled := crs.boolean("dynamicClientRegistrationEnabled", t.pos())
	if b := t.block("oidc"); b != nil {
		if typed := t.child(b); typed.attr("dynamic_client_registration_enabled") != nil {
			enabled = typed.boolean("dynamic_client_registration_enabled", false)
		}
	}
	r.DynamicRegistration = amOpenRegistration(enabled, crs.boolean("openDynamicClientRegistrationEnabled", t.pos()), t.pos())
	return r
}

// amFields are the settings.oauth keys the adapter reads, with the typed
// oauth_settings attribute that overrides each (if any).
var amTypedOAuth = map[string]string{
	"redirectUris":           "redirect_uris",
	"postLogoutRedirectUris": "post_logout_redirect_uris",
	"grantTypes":             "grant_types",
	"responseTypes":          "response_types",
}

func tfGravitee(t tfBlock) Client {
	t.def = tfGraviteeDefault
	c := Client{Format: flows.FormatTerraformGravitee}
	if n := t.str("name", ""); !n.Unresolved {
		c.Name = n.Value
	}
	app := amApp{shape: amDesired, at: t.pos()}
	app.typ = t.str("type", "")
	app.typ.Value = strings.ToUpper(strings.TrimSpace(app.typ.Value))
	app.kind = t.str("kind", "")
	js := tfSettingsJSON(t, "oauth")
	var typed *tfBlock
	if b := t.block("oauth_settings"); b != nil {
		tb := t.child(b)
		typed = &tb
	}
	list := func(key string) List {
		if typed != nil {
			if a := typed.attr(amTypedOAuth[key]); a != nil {
				return typed.list(amTypedOAuth[key])
			}
		}
		return js.list(key, t.pos())
	}
	app.grants = list("grantTypes")
	for i, g := range app.grants.Items {
		if j := strings.IndexByte(g.Value, '~'); j >= 0 {
			app.grants.Items[i].Value = g.Value[:j]
		}
	}
	app.rts = list("responseTypes")
	app.redirects = list("redirectUris")
	app.postLogouts = list("postLogoutRedirectUris")
	app.auth = js.str("tokenEndpointAuthMethod", t.pos())
	app.clientType = js.str("clientType", t.pos())
	app.forcePKCE = js.boolean("forcePKCE", t.pos())
	app.forceS256 = js.boolean("forceS256CodeChallengeMethod", t.pos())
	app.rotationOff = js.boolean("disableRefreshTokenRotation", t.pos())
	app.mtls = js.boolean("tlsClientCertificateBoundAccessTokens", t.pos())
	app.dpop = js.boolean("dpopBoundAccessTokens", t.pos())
	app.apply(&c)
	return c
}

// tfAMSettings is an object of settings_json (an application's oauth, a
// domain's oidc): an HCL object literal
// (jsonencode), a JSON tree (a JSON string), or unknown.
type tfAMSettings struct {
	// blk is the resource, whose module resolves variables and locals.
	blk        tfBlock
	obj        *hclsyntax.ObjectConsExpr
	tree       Node
	at         Pos // where settings_json is, for values from a JSON string
	unresolved bool
}

// tfSettingsJSON reads settings_json's object key.
func tfSettingsJSON(t tfBlock, key string) tfAMSettings {
	a := t.attr("settings_json")
	if a == nil {
		return tfAMSettings{blk: t}
	}
	at := hpos(a.NameRange.Start)
	if call, ok := a.Expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		obj, ok := call.Args[0].(*hclsyntax.ObjectConsExpr)
		if !ok {
			return tfAMSettings{blk: t, at: at, unresolved: true}
		}
		v, found := tfObjectItem(obj, key)
		if !found {
			return tfAMSettings{blk: t, at: at}
		}
		if o, ok := v.(*hclsyntax.ObjectConsExpr); ok {
			return tfAMSettings{blk: t, obj: o, at: at}
		}
		return tfAMSettings{blk: t, at: at, unresolved: true}
	}
	v, ok := t.mod.value(a.Expr)
	if !ok || v.IsNull() || v.Type() != cty.String {
		return tfAMSettings{blk: t, at: at, unresolved: !ok}
	}
	root, perr := parseJSON([]byte(v.AsString()))
	if perr != nil {
		return tfAMSettings{blk: t, at: at, unresolved: true}
	}
	_, o := get(root, key)
	return tfAMSettings{blk: t, tree: o, at: at}
}

// object is the object under key, read as s is; absent reads as empty.
func (s tfAMSettings) object(key string) tfAMSettings {
	switch {
	case s.unresolved:
		return s
	case s.tree.ok():
		_, o := get(s.tree, key)
		return tfAMSettings{blk: s.blk, tree: o, at: s.at}
	case s.obj == nil:
		return tfAMSettings{blk: s.blk, at: s.at}
	}
	v, found := tfObjectItem(s.obj, key)
	if !found {
		return tfAMSettings{blk: s.blk, at: s.at}
	}
	if o, ok := v.(*hclsyntax.ObjectConsExpr); ok {
		return tfAMSettings{blk: s.blk, obj: o, at: s.at}
	}
	return tfAMSettings{blk: s.blk, at: s.at, unresolved: true}
}

// tfObjectItem finds key in an object literal (a bare or quoted key).
func tfObjectItem(obj *hclsyntax.ObjectConsExpr, key string) (hclsyntax.Expression, bool) {
	v, _, ok := tfObjectKey(obj, key)
	return v, ok
}

// tfObjectKey is tfObjectItem with the key's position.
func tfObjectKey(obj *hclsyntax.ObjectConsExpr, key string) (hclsyntax.Expression, Pos, bool) {
	for _, it := range obj.Items {
		k := hcl.ExprAsKeyword(it.KeyExpr)
		if k == "" {
			if v, ok := staticValue(it.KeyExpr); ok && !v.IsNull() && v.Type() == cty.String {
				k = v.AsString()
			}
		}
		if k == key {
			return it.ValueExpr, hpos(it.KeyExpr.Range().Start), true
		}
	}
	return nil, Pos{}, false
}

// fromString moves a value read from a JSON string to settings_json's position
// (positions inside the string are not the file's).
func (s tfAMSettings) fromString(p Pos) Pos {
	if s.tree.ok() {
		return s.at
	}
	return p
}

func (s tfAMSettings) list(key string, at Pos) List {
	switch {
	case s.unresolved:
		return List{Pos: s.at, Set: true, Unresolved: true}
	case s.tree.ok():
		l := amList(s.tree, key)
		l.Pos = s.fromString(l.Pos)
		for i := range l.Items {
			l.Items[i].Pos = s.at
		}
		if !l.Set {
			l.Pos = at
		}
		return l
	case s.obj == nil:
		return List{Pos: at}
	}
	e, ok := tfObjectItem(s.obj, key)
	if !ok {
		return List{Pos: at}
	}
	l := List{Pos: hpos(e.Range().Start), Set: true}
	if tup, ok := e.(*hclsyntax.TupleConsExpr); ok {
		for _, it := range tup.Exprs {
			l.Items = append(l.Items, s.blk.exprString(it))
		}
		return l
	}
	v, ok := s.blk.mod.value(e)
	if !ok || !(v.Type().IsListType() || v.Type().IsTupleType()) {
		if !(ok && v.IsNull()) {
			l.Unresolved = true
		}
		return l
	}
	for it := v.ElementIterator(); it.Next(); {
		if _, ev := it.Element(); ev.Type() == cty.String && !ev.IsNull() {
			l.Items = append(l.Items, String{Value: ev.AsString(), Pos: l.Pos, Set: true})
		}
	}
	return l
}

func (s tfAMSettings) str(key string, at Pos) String {
	switch {
	case s.unresolved:
		return String{Pos: s.at, Set: true, Unresolved: true}
	case s.tree.ok():
		v := amString(s.tree, key)
		if v.Set {
			v.Pos = s.at
		}
		return v
	case s.obj == nil:
		return String{Pos: at}
	}
	e, ok := tfObjectItem(s.obj, key)
	if !ok {
		return String{Pos: at}
	}
	v := s.blk.exprString(e)
	if !v.Set && !v.Unresolved { // null: stated, cleared
		v.Set = true
	}
	return v
}

func (s tfAMSettings) boolean(key string, at Pos) Bool {
	switch {
	case s.unresolved:
		return Bool{Pos: s.at, Set: true, Unresolved: true}
	case s.tree.ok():
		b := amBool(s.tree, key)
		if b.Set {
			b.Pos = s.at
		} else {
			b.Pos = at
		}
		return b
	case s.obj == nil:
		return Bool{Pos: at}
	}
	e, kp, ok := tfObjectKey(s.obj, key)
	if !ok {
		return Bool{Pos: at}
	}
	v := s.blk.exprString(e)
	b := Bool{Pos: kp, Set: true, Unresolved: v.Unresolved}
	if !v.Unresolved {
		val, ok := parseBool(v.Value)
		b.Value, b.Unresolved = val, !ok
	}
	return b
}
