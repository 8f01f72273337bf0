package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// Gravitee Access Management (AM): application and domain documents of its
// Management API, read as AM itself treats them. One document, an array, or
// `{applications: [...]}`. Sources are gravitee-io/gravitee-access-management
// at tag 4.12.4 (973a85a0df; the template classes are byte-identical from
// 3.0.0 to 4.12.4 and at master 35b314b2c3); paths below are relative to
// gravitee-am-service/src/main/java/io/gravitee/am/service/ unless they name
// another module.
//
// Four document kinds, told apart by their keys (amShapeOf), give an absent
// field four meanings:
//
//   - Create body (POST …/applications, model/NewApplication): `type` and
//     `name` and nothing but description, clientId, clientSecret,
//     redirectUris, metadata, kind. ApplicationServiceImpl.create (l.405-457)
//     stores tokenEndpointAuthMethod client_secret_basic and runs the
//     type's template with no grants, so every absent field is the
//     template's default.
//   - Desired state: `type` plus `settings.oauth` (whichflow's own scaffold
//     before it split the two calls, the graviteeam_application Terraform
//     resource, which creates and then PUTs settings). Modelled as AM runs
//     it: create (template defaults), the settings replace what they name
//     (SetterUtils.safeSet), the template runs again in fill-only mode
//     (ApplicationServiceImpl.patch l.802-803), then
//     GrantTypeUtils.completeGrantTypeCorrespondance.
//   - Patch body (PATCH/PUT …/applications/{id}, model/PatchApplication):
//     `settings.oauth` without `type`. An absent key leaves the stored value
//     unchanged, and the type (so the template) is not in the body: absent
//     grants, authentication method and PKCE flags are unknown. Only the
//     response types AM adds for a granted authorization_code or implicit
//     grant that lists none are reported (every template but SERVICE's does
//     this on every save, and keeps those creation stored: AM's own e2e test
//     application-type-management.jest.spec.ts l.200-216 asserts it).
//   - Stored document (a GET response): `id` with `domain`, `createdAt` or
//     `updatedAt`. What it says is what AM stores; an absent string is null
//     (the Management API serialises NON_NULL, mapper/ObjectMapperResolver
//     l.111), an absent boolean false.
//
// The templates (impl/application/Application*Template.update; handle is
// fill-only, PUT …/type is force mode, the defaults apply when grantTypes is
// empty; clientType and applicationType are always overwritten):
//
//	type             grants                                     responseTypes        auth                forcePKCE/S256
//	WEB              authorization_code, password               the 4 code types     client_secret_basic false/false
//	BROWSER, NATIVE  authorization_code                         the 4 code types     none                true/true
//	SERVICE          client_credentials                         []                   client_secret_basic false/false
//	RESOURCE_SERVER  WEB's, plus client_credentials always      the 4 code types     client_secret_basic false/false
//
// The 4 code types are code, code token, code id_token and code id_token
// token (ApplicationAbstractTemplate.defaultAuthorizationCodeResponseTypes);
// with explicit grants every template but SERVICE adds them for
// authorization_code when no code type is listed, and removes them when it
// is not granted (the same for implicit with token, id_token, id_token
// token). An explicit code type survives: ["code"] stays ["code"].
// AGENT (4.11+) follows ApplicationServiceImpl.applyAgentDefaults by kind.
//
// Token endpoint authentication (gravitee-am-gateway-handler-oidc
// oauth2/resources/auth/provider/Client*AuthProvider.canHandle): only
// tokenEndpointAuthMethod "none" is public (ClientNoneAuthProvider); a null
// method accepts client_secret_basic, client_secret_post or a client
// assertion. clientType is stored but never read by the gateway (the
// gateway Client has no such field, ApplicationOAuthSettings.copyTo does
// not copy it): it is only a TypeHint. forcePKCE and
// forceS256CodeChallengeMethod default to false (primitive booleans,
// model/application/ApplicationOAuthSettings l.285/291); without S256
// forced, plain is accepted (AuthorizationRequestParseParametersHandler.
// parsePKCEParameter). requireParRequest is no PatchApplicationOAuthSettings
// field: the Management API refuses it, only dynamic client registration
// sets it, so create, desired and patch bodies cannot require PAR.
// Extension grants are stored as `<grant-urn>~<extensionGrantId>`; the
// suffix is stripped (GrantTypeUtils.validateGrantTypes).
//
// A domain document (PATCH …/domains/{domain} or a GET response) with
// `oidc` settings is a realm: oidc.redirectUriStrictMatching defaults to
// false (model/oidc/OIDCSettings.defaultSettings), and then
// core/root/resources/endpoint/ParamUtils.redirectMatches (gateway core
// module) accepts any path that starts with a registered one; the FAPI
// profiles (securityProfileSettings.enablePlainFapi, enableFapiBrazil)
// force exact matching (RedirectUriValidationHandler.checkMatchingRedirectUri).

// graviteeDefault names AM's model defaults.
const graviteeDefault = "Gravitee AM's default"

func init() {
	registerTree(50, readGravitee, anyWord("oauth", "oidc", "type"), "grantTypes", "tokenEndpointAuthMethod", "redirectUris", "redirectUriStrictMatching")
}

// The grant and response types AM's rules name.
var (
	amCodeTypes     = []string{"code", "code token", "code id_token", "code id_token token"}
	amImplicitTypes = []string{"token", "id_token", "id_token token"}
)

// amShape is the kind of application document (see above).
type amShape uint8

const (
	amDesired amShape = iota
	amCreate
	amPatch
	amStored
)

// amNewApplicationKeys are the fields of NewApplication, the create body.
var amNewApplicationKeys = map[string]bool{"name": true, "type": true, "description": true, "clientId": true,
	"clientSecret": true, "redirectUris": true, "metadata": true, "kind": true}

// amTemplate is what one application type's template stores (see the
// table above).
type amTemplate struct {
	typ    string
	grants []string
	rts    []string
	auth   string
	// pkce: forcePKCE and forceS256CodeChallengeMethod set at creation.
	pkce bool
	// adjusts: response types follow the grants on every save.
	adjusts bool
	// always are grants added on every save.
	always []string
	// What the template's values say about where they come from
	// (String.Default), made once by withTexts.
	defGrants, defRTs, defAuth, defPKCE, addsCode, addsImplicit string
}

// withTexts fills the template's provenance texts.
func (t amTemplate) withTexts() amTemplate {
	t.defGrants, t.defRTs, t.defAuth, t.defPKCE = t.grantsDefault(), t.rtsDefault(), t.authDefault(), t.pkceDefault()
	t.addsCode = t.addsDefault(flows.GrantAuthorizationCode, amCodeTypes)
	t.addsImplicit = t.addsDefault(flows.GrantImplicit, amImplicitTypes)
	return t
}

func init() {
	for k, t := range amTemplates {
		amTemplates[k] = t.withTexts()
	}
}

var amTemplates = map[string]amTemplate{
	"WEB": {typ: "WEB", grants: []string{flows.GrantAuthorizationCode, flows.GrantPassword}, rts: amCodeTypes,
		auth: flows.AuthClientSecretBasic, adjusts: true},
	"BROWSER": {typ: "BROWSER", grants: []string{flows.GrantAuthorizationCode}, rts: amCodeTypes,
		auth: flows.AuthNone, pkce: true, adjusts: true},
	"NATIVE": {typ: "NATIVE", grants: []string{flows.GrantAuthorizationCode}, rts: amCodeTypes,
		auth: flows.AuthNone, pkce: true, adjusts: true},
	"SERVICE": {typ: "SERVICE", grants: []string{flows.GrantClientCredentials}, auth: flows.AuthClientSecretBasic},
	// ApplicationResourceServerTemplate extends the WEB template and adds
	// client_credentials (and the uma_protection scope) on every save.
	"RESOURCE_SERVER": {typ: "RESOURCE_SERVER", grants: []string{flows.GrantAuthorizationCode, flows.GrantPassword, flows.GrantClientCredentials},
		rts: amCodeTypes, auth: flows.AuthClientSecretBasic, adjusts: true, always: []string{flows.GrantClientCredentials}},
}

// amAgentTemplate is ApplicationServiceImpl.applyAgentDefaults (4.12): run
// at creation only, after create stored client_secret_basic (so the
// private_key_jwt it sets "if null" never applies to a Management API
// create); no kind means no defaults.
func amAgentTemplate(kind string) (amTemplate, bool) {
	switch strings.ToUpper(kind) {
	case "USER_EMBEDDED":
		return amTemplate{typ: "AGENT", grants: []string{flows.GrantAuthorizationCode}, rts: []string{"code"}, auth: flows.AuthNone, pkce: true}.withTexts(), true
	case "HOSTED_DELEGATED":
		return amTemplate{typ: "AGENT", grants: []string{flows.GrantAuthorizationCode, flows.GrantClientCredentials, flows.GrantTokenExchange},
			rts: []string{"code"}, auth: flows.AuthClientSecretBasic}.withTexts(), true
	case "AUTONOMOUS":
		return amTemplate{typ: "AGENT", grants: []string{flows.GrantClientCredentials, flows.GrantTokenExchange}, auth: flows.AuthClientSecretBasic}.withTexts(), true
	}
	return amTemplate{}, false
}

// What a value AM supplies says about where it came from (String.Default).
func (t amTemplate) grantsDefault() string {
	return "AM's " + t.typ + " template adds " + amJoin(t.grants) + " at creation, and again whenever grantTypes is empty"
}

func (t amTemplate) rtsDefault() string {
	return "AM's " + t.typ + " template adds " + amJoin(t.rts) + " at creation, and again whenever grantTypes is empty"
}

func (t amTemplate) authDefault() string {
	if t.auth == flows.AuthNone {
		return "AM's " + t.typ + " template sets none at creation"
	}
	return "set by AM when it created the application"
}

func (t amTemplate) pkceDefault() string {
	if t.pkce {
		return "AM's " + t.typ + " template turns forcePKCE and forceS256CodeChallengeMethod on at creation"
	}
	return graviteeDefault
}

func (t amTemplate) addsDefault(grant string, types []string) string {
	return "AM's " + t.typ + " template adds " + amJoin(types) + " for " + grant + " when no such response type is set"
}

func amJoin(types []string) string {
	switch len(types) {
	case 0:
		return "none"
	case 1:
		return types[0]
	}
	return strings.Join(types[:len(types)-1], ", ") + " and " + types[len(types)-1]
}

const (
	amPatchCodeDefault = "AM keeps the code response types its template stored at creation, or adds " +
		"code, code token, code id_token and code id_token token when none is stored, for every application type but SERVICE"
	amPatchImplicitDefault = "AM keeps the implicit response types its template stored, or adds token, id_token and id_token token " +
		"when none is stored, for every application type but SERVICE"
	amLenientAuth = "AM's gateway when tokenEndpointAuthMethod is unset: it accepts client_secret_basic, " +
		"client_secret_post or a client assertion"
	amNoPAR = "Gravitee AM's default; its Management API refuses requireParRequest in this body, only dynamic client registration sets it"
)

// amApp is what one application document states, whatever its syntax (a
// JSON or YAML body, a graviteeam_application resource): the input of AM's
// rules (apply).
type amApp struct {
	shape amShape
	// typ is the application type, upper case; kind the AGENT kind.
	typ, kind String
	// at is where the OAuth settings (or the document) start: the position
	// of values nothing in the file states.
	at Pos
	// grants and rts are grantTypes and responseTypes (Set with no items
	// for [] or null).
	grants, rts List
	// auth is tokenEndpointAuthMethod (Set with Value "" for null).
	auth                   String
	forcePKCE, forceS256   Bool
	rotationOff            Bool // disableRefreshTokenRotation
	par, mtls, dpop        Bool
	clientType             String
	redirects, postLogouts List
}

// template returns the type's template: false when the type is not known
// (a patch body, an unresolved or unknown type).
func (a *amApp) template() (amTemplate, bool) {
	if a.typ.Unresolved || a.typ.Value == "" {
		return amTemplate{}, false
	}
	if a.typ.Value == "AGENT" {
		if a.kind.Unresolved {
			return amTemplate{}, false
		}
		return amAgentTemplate(a.kind.Value)
	}
	t, ok := amTemplates[a.typ.Value]
	return t, ok
}

// apply fills c with what AM stores and enforces for the document.
func (a *amApp) apply(c *Client) {
	c.ApplicationType = a.typ
	c.ApplicationType.Value = strings.ToLower(a.typ.Value)
	c.RedirectURIs = a.redirects
	c.PostLogoutRedirectURIs = a.postLogouts
	c.TypeHint = a.clientType
	c.TypeHint.Value = strings.ToLower(strings.TrimSpace(a.clientType.Value))

	var (
		grants, rts  List
		auth         String
		force, s256  Bool
		lenient      bool
		tpl, typeSet = a.template()
	)
	switch {
	case a.shape == amStored:
		grants, rts = a.grants, a.rts
		auth = a.auth
		force, s256 = amOr(a.forcePKCE, false, a.at), amOr(a.forceS256, false, a.at)
		if !auth.Unresolved && strings.TrimSpace(auth.Value) == "" {
			auth, lenient = String{Value: flows.AuthClientSecretBasic, Pos: orPos(auth.Pos, a.at), Default: amLenientAuth}, true
		}
	case typeSet && a.shape != amPatch:
		grants, rts, auth, force, s256, lenient = a.desired(tpl)
	default:
		grants, rts = a.patch()
		auth, force, s256 = a.auth, a.forcePKCE, a.forceS256
		if !auth.Set && !auth.Unresolved {
			auth = String{Pos: a.at, Unresolved: true} // unchanged: what AM stores
		} else if !auth.Unresolved && strings.TrimSpace(auth.Value) == "" {
			auth, lenient = String{Value: flows.AuthClientSecretBasic, Pos: auth.Pos, Default: amLenientAuth}, true
		}
		if !force.Set {
			force.Unresolved = true
		}
		if !s256.Set && force.Value {
			s256.Unresolved = true
		}
	}

	c.GrantTypes, c.ResponseTypes = grants, rts
	c.AuthMethod = auth
	c.AuthMethods = List{Pos: auth.Pos, Set: auth.Set, Unresolved: auth.Unresolved, Default: auth.Default, Items: []String{auth}}
	if lenient {
		post := auth
		post.Value = flows.AuthClientSecretPost
		c.AuthMethods.Items = append(c.AuthMethods.Items, post)
	}
	c.Public = Bool{Value: auth.Value == flows.AuthNone && !auth.Unresolved, Pos: auth.Pos, Set: auth.Set,
		Unresolved: auth.Unresolved, Default: auth.Default}

	pk := String{Pos: force.Pos, Set: force.Set, Unresolved: force.Unresolved || (force.Value && s256.Unresolved), Default: force.Default}
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
	dis := amOr(a.rotationOff, false, a.at)
	c.RefreshRotation = Declarable{Declarable: true, Value: String{Value: boolString(!dis.Value), Pos: dis.Pos, Set: dis.Set, Unresolved: dis.Unresolved, Default: dis.Default}}
	c.PARRequired = a.par
	if a.shape != amStored {
		c.PARRequired = Bool{Pos: orPos(a.par.Pos, a.at), Default: amNoPAR}
	}
	c.MTLSBound = amOr(a.mtls, false, a.at)
	c.DPoPBound = amOr(a.dpop, false, a.at)
}

// orPos is the first known position of ps.
func orPos(ps ...Pos) Pos {
	for _, p := range ps {
		if p.Line > 0 {
			return p
		}
	}
	return Pos{}
}

// amOr is b, or AM's default def when the document does not state it.
func amOr(b Bool, def bool, at Pos) Bool {
	if b.Set || b.Unresolved {
		return b
	}
	return Bool{Value: def, Pos: orPos(b.Pos, at), Default: graviteeDefault}
}

// desired is what AM stores for a create body or a desired state: creation
// (the template's defaults), the settings replacing what they name, the
// template again, then the grant/response type correspondence.
func (a *amApp) desired(t amTemplate) (grants, rts List, auth String, force, s256 Bool, lenient bool) {
	typPos := orPos(a.typ.Pos, a.at)
	creation := func(at Pos) {
		grants = defaultList(at, t.defGrants, t.grants...)
		rts = defaultList(at, t.defRTs, t.rts...)
		auth = String{Value: t.auth, Pos: at, Default: t.defAuth}
		force = Bool{Value: t.pkce, Pos: at, Default: t.defPKCE}
		s256 = force
	}
	creation(typPos)
	// The settings replace what they name (SetterUtils.safeSet).
	if a.grants.Set || a.grants.Unresolved {
		grants = a.grants
	}
	if a.rts.Set || a.rts.Unresolved {
		rts = a.rts
	} else if a.grants.Set {
		// Creation's response types stay, and the grants decide them.
		for i := range rts.Items {
			rts.Items[i].Pos = a.grants.Pos
		}
	}
	if a.auth.Set || a.auth.Unresolved {
		auth = a.auth
	}
	if a.forcePKCE.Set || a.forcePKCE.Unresolved {
		force = a.forcePKCE
	}
	if a.forceS256.Set || a.forceS256.Unresolved {
		s256 = a.forceS256
	}
	// The template, fill-only: no grants means the type's defaults again.
	switch {
	case grants.Unresolved:
		if !rts.Set {
			rts = List{Pos: rts.Pos, Unresolved: true}
		}
	case len(grants.Items) == 0:
		keep := [2]Bool{force, s256}
		creation(orPos(grants.Pos, typPos))
		if !t.pkce { // only BROWSER and NATIVE templates set the PKCE pair
			force, s256 = keep[0], keep[1]
		}
	case t.adjusts && !rts.Unresolved:
		rts = amFollow(grants, rts, flows.GrantAuthorizationCode, amCodeTypes, t.addsCode, true)
		rts = amFollow(grants, rts, flows.GrantImplicit, amImplicitTypes, t.addsImplicit, true)
	}
	for _, g := range t.always {
		if !grants.Unresolved && !grants.Has(g) {
			grants.Items = append(grants.Items, String{Value: g, Pos: typPos,
				Default: "AM's " + t.typ + " template adds " + g + " to every " + t.typ + " application"})
		}
	}
	amCorrespond(&grants, &rts, true)
	if !auth.Unresolved && strings.TrimSpace(auth.Value) == "" {
		auth, lenient = String{Value: flows.AuthClientSecretBasic, Pos: auth.Pos, Default: amLenientAuth}, true
	}
	return grants, rts, auth, force, s256, lenient
}

// patch is what a patch body (no type) makes certain: the grants it names,
// and the response types every template but SERVICE's keeps or adds for
// them.
func (a *amApp) patch() (grants, rts List) {
	grants, rts = a.grants, a.rts
	if !grants.Set || len(grants.Items) == 0 {
		// Absent: unchanged. Empty: the type's defaults, which the body
		// does not name. Either way what AM stores.
		grants = List{Pos: orPos(grants.Pos, a.at), Unresolved: true}
		if !rts.Set {
			rts = List{Pos: orPos(rts.Pos, a.at), Unresolved: true}
		}
		return grants, rts
	}
	if grants.Unresolved || rts.Unresolved {
		return grants, rts
	}
	rts = amFollow(grants, rts, flows.GrantAuthorizationCode, amCodeTypes, amPatchCodeDefault, false)
	rts = amFollow(grants, rts, flows.GrantImplicit, amImplicitTypes, amPatchImplicitDefault, false)
	amCorrespond(&grants, &rts, false)
	return grants, rts
}

// amFollow makes rts follow grant as the templates do: the family of
// response types is added (defaulted, at the grants) when grant is granted
// and none of them is listed; removed when grant is not granted (remove:
// only when the type, and so the template, is known).
func amFollow(grants, rts List, grant string, family []string, def string, remove bool) List {
	if g, ok := grants.Find(grant); ok {
		if amHasAny(rts, family) || amHasUnresolved(rts) {
			return rts
		}
		at := orPos(grants.Pos, g.Pos)
		if !grants.Set {
			at = g.Pos
		}
		out := rts
		out.Items = make([]String, len(rts.Items), len(rts.Items)+len(family))
		copy(out.Items, rts.Items)
		for _, v := range family {
			out.Items = append(out.Items, String{Value: v, Pos: at, Default: def})
		}
		return out
	}
	if !remove || grants.Unresolved || amHasUnresolvedList(grants) || !amHasAny(rts, family) {
		return rts
	}
	out := rts
	out.Items = make([]String, 0, len(rts.Items))
	for _, it := range rts.Items {
		if it.Unresolved || !amIn(it.Value, family) {
			out.Items = append(out.Items, it)
		}
	}
	return out
}

// amCorrespond is GrantTypeUtils.completeGrantTypeCorrespondance: a code
// (implicit) response type brings its grant, a grant without its response
// types goes (remove: the type is known), and an application with neither
// gets authorization_code and code.
func amCorrespond(grants, rts *List, remove bool) {
	if grants.Unresolved || rts.Unresolved || amHasUnresolvedList(*grants) || amHasUnresolved(*rts) {
		return
	}
	code, impl := amHasAny(*rts, amCodeTypes), amHasAny(*rts, amImplicitTypes)
	add := func(g string, at Pos) {
		grants.Items = append(grants.Items, String{Value: g, Pos: at,
			Default: "AM adds " + g + " for the response types " + amListed(*rts)})
	}
	if code && !grants.Has(flows.GrantAuthorizationCode) {
		add(flows.GrantAuthorizationCode, orPos(rts.Pos, grants.Pos))
	}
	if impl && !grants.Has(flows.GrantImplicit) {
		add(flows.GrantImplicit, orPos(rts.Pos, grants.Pos))
	}
	if remove {
		drop := func(g string) {
			out := grants.Items[:0:0]
			for _, it := range grants.Items {
				if it.Value != g {
					out = append(out, it)
				}
			}
			grants.Items = out
		}
		if !code {
			drop(flows.GrantAuthorizationCode)
		}
		if !impl {
			drop(flows.GrantImplicit)
		}
		if len(grants.Items) == 0 && len(rts.Items) == 0 {
			const def = "AM's default for an application with neither grant nor response type"
			at := orPos(grants.Pos, rts.Pos)
			*grants = defaultList(at, def, flows.GrantAuthorizationCode)
			*rts = defaultList(at, def, "code")
		}
	}
}

func amIn(v string, family []string) bool {
	for _, f := range family {
		if v == f {
			return true
		}
	}
	return false
}

func amHasAny(l List, family []string) bool {
	for _, it := range l.Items {
		if !it.Unresolved && amIn(it.Value, family) {
			return true
		}
	}
	return false
}

func amHasUnresolved(l List) bool { return l.Unresolved || amHasUnresolvedList(l) }

func amHasUnresolvedList(l List) bool {
	for _, it := range l.Items {
		if it.Unresolved {
			return true
		}
	}
	return false
}

func amListed(l List) string {
	var q []string
	for _, it := range l.Items {
		q = append(q, it.Value)
	}
	return strings.Join(q, ", ")
}

// --- the JSON / YAML adapter ----------------------------------------------------

// amShapeOf says which kind of application document m is; ok is false
// for anything else.
func amShapeOf(m Node) (amShape, bool) {
	if !isMap(m) {
		return 0, false
	}
	_, st := get(m, "settings")
	_, o := get(st, "oauth")
	if isMap(st) && isMap(o) {
		switch {
		case has(m, "id") && has(m, "domain", "createdAt", "updatedAt"):
			return amStored, true
		case has(m, "type"):
			return amDesired, true
		}
		return amPatch, true
	}
	if has(m, "settings") || !has(m, "name") {
		return 0, false
	}
	if _, ok := amTemplates[strings.ToUpper(scalar(m, "type"))]; !ok && !strings.EqualFold(scalar(m, "type"), "AGENT") {
		return 0, false
	}
	known := true
	eachPair(m, func(k, _ Node) bool {
		known = amNewApplicationKeys[text(k)]
		return known
	})
	return amCreate, known
}

func isGraviteeApp(m Node) bool { _, ok := amShapeOf(m); return ok }

// amDomainKeys are settings only an AM domain's oidc object has.
var amDomainKeys = []string{"redirectUriStrictMatching", "clientRegistrationSettings", "securityProfileSettings", "cibaSettings"}

func isGraviteeDomain(m Node) bool {
	_, o := get(m, "oidc")
	return isMap(m) && isMap(o) && has(o, amDomainKeys...)
}

func isGraviteeDoc(m Node) bool { return isGraviteeApp(m) || isGraviteeDomain(m) }

func readGravitee(docs []Node) (*File, bool) {
	found := collect(docs, isGraviteeDoc, "applications")
	if len(found) == 0 {
		return nil, false
	}
	f, room := newFile(flows.FormatGravitee, docs[0], len(found))
	if !room {
		return f, true
	}
	for _, d := range found {
		if shape, ok := amShapeOf(d); ok {
			f.Clients = append(f.Clients, graviteeClient(d, shape))
		} else {
			f.Realms = append(f.Realms, graviteeDomain(d))
		}
	}
	return f, true
}

// amList reads a list key: null stands for the empty list.
func amList(m Node, key string) List {
	k, v := get(m, key)
	if k.ok() && isNull(v) {
		return List{Pos: pos(k), Set: true}
	}
	return listKey(m, key)
}

// amString reads a string key: null is stated, with Value "".
func amString(m Node, key string) String {
	k, v := get(m, key)
	if k.ok() && isNull(v) {
		return String{Pos: pos(k), Set: true}
	}
	return strKey(m, key)
}

func amBool(m Node, key string) Bool { return defaults("").boolean(m, false, key) }

func graviteeClient(a Node, shape amShape) Client {
	_, st := get(a, "settings")
	_, o := get(st, "oauth")
	c := Client{Format: flows.FormatGravitee, Pos: pos(a), End: endLine(a)}
	c.Name = scalar(a, "name")
	src := o
	if shape == amCreate {
		src = a // NewApplication has clientId, clientSecret, redirectUris at the top
	}
	c.ID = scalar(src, "clientId")
	if c.ID == "" {
		c.ID = c.Name
	}
	app := amApp{shape: shape, at: orPos(pos(src), pos(a)), kind: strKey(a, "kind")}
	app.typ = strKey(a, "type")
	app.typ.Value = strings.ToUpper(strings.TrimSpace(app.typ.Value))
	if shape != amCreate {
		app.grants = amList(o, "grantTypes")
		for i, g := range app.grants.Items {
			if j := strings.IndexByte(g.Value, '~'); j >= 0 {
				app.grants.Items[i].Value = g.Value[:j]
			}
		}
		app.rts = amList(o, "responseTypes")
		app.auth = amString(o, "tokenEndpointAuthMethod")
		app.forcePKCE = amBool(o, "forcePKCE")
		app.forceS256 = amBool(o, "forceS256CodeChallengeMethod")
		app.rotationOff = amBool(o, "disableRefreshTokenRotation")
		app.par = amBool(o, "requireParRequest")
		app.mtls = amBool(o, "tlsClientCertificateBoundAccessTokens")
		app.dpop = amBool(o, "dpopBoundAccessTokens")
		app.clientType = strKey(o, "clientType")
		app.postLogouts = listKey(o, "postLogoutRedirectUris")
	}
	app.redirects = listKey(src, "redirectUris")
	app.apply(&c)
	if _, v := get(src, "clientSecret"); v.ok() {
		field := "settings.oauth.clientSecret"
		if shape == amCreate {
			field = "clientSecret"
		}
		c.readSecret(field, v)
	}
	c.Secrets = append(c.Secrets, jwksPrivateKeys(o, "jwks")...)
	return c
}

// amFAPIProfiles are the securityProfileSettings switches that make AM
// match redirect URIs exactly.
var amFAPIProfiles = []string{"enablePlainFapi", "enableFapiBrazil"}

// graviteeDomain reads an AM domain document's OIDC settings.
func graviteeDomain(d Node) Realm {
	_, o := get(d, "oidc")
	r := Realm{Format: flows.FormatGravitee, Name: scalar(d, "name"), Pos: pos(d), End: endLine(d)}
	strict := amBool(o, "redirectUriStrictMatching")
	if !strict.Set {
		// A domain PATCH leaves what it does not name unchanged; a stored
		// domain without the key has AM's default.
		if has(d, "id") {
			strict = Bool{Pos: pos(o), Default: graviteeDefault}
		} else {
			strict = Bool{Pos: pos(o), Unresolved: true}
		}
	}
	_, sp := get(o, "securityProfileSettings")
	for _, key := range amFAPIProfiles {
		if b := amBool(sp, key); b.Set && !b.Unresolved && b.Value {
			strict = Bool{Value: true, Pos: b.Pos, Set: true} // FAPI matches exactly
		}
	}
	r.RedirectStrictMatching = strict
	_, crs := get(o, "clientRegistrationSettings")
	r.DynamicRegistration = amOpenRegistration(amBool(crs, "dynamicClientRegistrationEnabled"), amBool(crs, "openDynamicClientRegistrationEnabled"), pos(o))
	return r
}

// amOpenRegistration: AM accepts registrations without an initial access
// token when both dynamicClientRegistrationEnabled and
// openDynamicClientRegistrationEnabled are on
// (ClientRegistrationSettings, both false in defaultSettings).
func amOpenRegistration(enabled, open Bool, at Pos) Bool {
	switch {
	case enabled.Set && !enabled.Unresolved && !enabled.Value, open.Set && !open.Unresolved && !open.Value:
		return Bool{Pos: at, Set: true}
	case enabled.Unresolved || open.Unresolved:
		return Bool{Pos: at, Set: true, Unresolved: true}
	}
	b := Bool{Value: enabled.Value && open.Value, Pos: at, Set: enabled.Set || open.Set}
	if open.Set {
		b.Pos = open.Pos
	}
	return b
}
