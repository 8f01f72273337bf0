package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
	"github.com/whichflow/whichflow/internal/redact"
)

// hit is where a check fired and what it says.
type hit struct {
	pos clientconfig.Pos
	msg string
	// refs replace the rule's refs when set (kind-mismatch cites what the
	// advisor cited).
	refs []string
	// severity replaces the rule's when set: a rule whose table entry
	// names a lower severity for some cases (refresh-no-expiry is a note
	// when only confidential clients are concerned).
	severity flows.Severity
}

// check is the logic of one rule over one client. It returns false when the
// rule does not fire. Checks never fire on unresolved values they need.
type check func(c *clientconfig.Client) (hit, bool)

// checks maps rule IDs to their logic. Rules without an entry here
// (invalid-config, the suppression rules) are raised by the engine itself.
var checks = map[string]check{
	flows.RuleImplicitGrant:            checkImplicit,
	flows.RuleROPC:                     checkROPC,
	flows.RulePublicClientNoPKCE:       checkPublicNoPKCE,
	flows.RuleConfidentialClientNoPKCE: checkConfidentialNoPKCE,
	flows.RuleRedirectWildcard:         checkRedirectWildcard,
	flows.RuleRedirectHTTP:             checkRedirectHTTP,
	flows.RuleCCOnPublicClient:         checkCCOnPublic,
	flows.RuleCommittedSecret:          checkCommittedSecret,
	flows.RuleAmbiguousClientType:      checkAmbiguous,
	flows.RulePublicRefreshNoRotation:  checkPublicRefresh,
	flows.RuleKindMismatch:             checkKindMismatch,
	flows.RuleFAPIPAR:                  checkFAPIPAR,
	flows.RuleFAPIClientAuth:           checkFAPIClientAuth,
	flows.RuleFAPIPublicClient:         checkFAPIPublic,
	flows.RuleFAPISenderConstrained:    checkFAPISenderConstrained,
	flows.RuleFAPIPKCES256:             checkFAPIPKCE,
	flows.RuleClientMetadataSecret:     checkClientMetadataSecret,
	flows.RuleFrontChannelIDToken:      checkFrontChannelIDToken,
	flows.RuleRedirectFragment:         checkRedirectFragment,
	flows.RuleRedirectDangerousScheme:  checkRedirectDangerous,
	flows.RuleRedirectLocalhost:        checkRedirectLocalhost,
	flows.RuleRedirectCustomScheme:     checkRedirectCustomScheme,
	flows.RuleMixedClientRoles:         checkMixedClientRoles,
	flows.RuleCrossOriginAuth:          checkCrossOriginAuth,
	flows.RuleOpenAPIOAuthURLInsecure:  checkOpenAPIURLInsecure,
	flows.RuleFAPISigningAlg:           checkFAPISigningAlg,
	flows.RuleFAPIResponseType:         checkFAPIResponseType,
	flows.RuleFAPIRefreshRotation:      checkFAPIRefreshRotation,
	flows.RuleRefreshReuseAllowed:      checkRefreshReuse,
	flows.RuleRefreshNoExpiry:          checkRefreshNoExpiry,
}

// realmCheck is the logic of one realm-scope rule over one realm.
type realmCheck func(r *clientconfig.Realm) (hit, bool)

// realmChecks maps realm-scope rule IDs to their logic.
var realmChecks = map[string]realmCheck{
	flows.RuleDynamicRegistrationOpen: checkDynamicRegistration,
}

// clientTarget is where client c sits for the rules of a run in profile.
func clientTarget(c *clientconfig.Client, profile string) flows.Target {
	// GrantsOnly clients (OpenAPI) need nothing here: the catalog lists
	// the formats each rule applies to.
	return flows.Target{Format: c.Format, Scope: flows.ScopeClient, Profile: flows.Profile(profile), Flowless: c.Flowless()}
}

// lintSubjects runs the rules that apply to each client and realm of file
// (flows.Rule.AppliesTo decides, nothing else), and returns the findings
// and the subjects the rules ran on.
func lintSubjects(display string, file *clientconfig.File, opts *Options, cfg *config) (*findingPack, []Subject) {
	out := &findingPack{}
	subjects := make([]Subject, 0, len(file.Clients)+len(file.Realms))
	for i := range file.Realms {
		rm := &file.Realms[i]
		t := realmTarget(rm, opts.Profile)
		subjects = append(subjects, Subject{Name: rm.Name, Target: t})
		for _, p := range opts.rulesFor(t) {
			if h, ok := p.realm(rm); ok {
				f := h.finding(p.rule, display, rm.Name, flows.ScopeRealm)
				out.add(&f)
			}
		}
	}
	for i := range file.Clients {
		c := &file.Clients[i]
		if c.Builtin && !opts.IncludeBuiltin {
			continue
		}
		t := clientTarget(c, opts.Profile)
		subjects = append(subjects, Subject{Name: c.ID, Target: t})
		for _, p := range opts.rulesFor(t) {
			if h, ok := p.client(c); ok {
				f := h.finding(p.rule, display, c.ID, flows.ScopeClient)
				out.add(&f)
			}
		}
	}
	for _, f := range applyDirectives(display, file, out, opts.Now) {
		out.add(&f)
	}
	for i := 0; i < out.len(); i++ {
		if out.rec(i).sup == 0 {
			f := out.bare(i)
			cfg.apply(&f, opts.Now)
			out.suppress(i, f.Suppressed)
		}
	}
	out.done()
	return out, subjects
}

// finding is h as rule r's finding on subject, in scope (a rule may check
// realms and clients: the subject decides), without its fingerprint (the
// pack computes it when the finding is handed on).
func (h hit) finding(r flows.Rule, display, subject string, scope flows.Scope) Finding {
	f := makeFinding(r, display, subject, h.pos, h.msg)
	f.Scope = scope
	if h.refs != nil {
		f.Refs = h.refs
	}
	if h.severity != "" {
		f.Severity = h.severity
	}
	return f
}

// --- helpers over the model -------------------------------------------------

func resolvedItems(l clientconfig.List) []clientconfig.String {
	var out []clientconfig.String
	for _, it := range l.Items {
		if !it.Unresolved {
			out = append(out, it)
		}
	}
	return out
}

// literalMatches returns the items of l whose literal text (String.Literal:
// resolved values whole, unresolved ones around their placeholders) match.
func literalMatches(l clientconfig.List, match func(lit string) bool) []clientconfig.String {
	var out []clientconfig.String
	for _, it := range l.Items {
		if lit := it.Literal(); lit != "" && match(lit) {
			out = append(out, it)
		}
	}
	return out
}

func hasCode(c *clientconfig.Client) (clientconfig.String, bool) {
	return c.GrantTypes.Find(flows.GrantAuthorizationCode)
}

// redirectFlow reports whether a redirect-based flow is on.
func redirectFlow(c *clientconfig.Client) bool {
	if c.GrantTypes.Has(flows.GrantAuthorizationCode) || c.GrantTypes.Has(flows.GrantImplicit) {
		return true
	}
	for _, rt := range resolvedItems(c.ResponseTypes) {
		if strings.TrimSpace(rt.Value) != "" {
			return true
		}
	}
	return false
}

// isPublic reports a resolved public client.
func isPublic(c *clientconfig.Client) bool { return c.Public.Value && !c.Public.Unresolved }

// isConfidential reports a resolved confidential client.
func isConfidential(c *clientconfig.Client) bool { return !c.Public.Value && !c.Public.Unresolved }

// provenance is what a message adds after a value the file does not state
// but a provider default supplies: " (not in the file: Auth0's default for
// app_type spa)". A declared value needs nothing: messages quote the file
// as the file says it, and the provider's assumption as the provider's.
func provenance(o clientconfig.Origin, def string) string {
	if o == clientconfig.Defaulted && def != "" {
		return " (not in the file: " + def + ")"
	}
	return ""
}

// itemProvenance is provenance for one item of l: an item the file does not
// state comes from the list's default (Auth0's grant_types for an app type).
func itemProvenance(l clientconfig.List, it clientconfig.String) string {
	switch {
	case it.Set:
		return ""
	case it.Origin() == clientconfig.Defaulted:
		return provenance(clientconfig.Defaulted, it.Default)
	}
	return provenance(l.Origin(), l.Default)
}

func quoteAll(items []clientconfig.String) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = fmt.Sprintf("%q", it.Value)
	}
	return strings.Join(q, ", ")
}

func firstPos(ps ...clientconfig.Pos) clientconfig.Pos {
	for _, p := range ps {
		if p.Line > 0 {
			return p
		}
	}
	return clientconfig.Pos{}
}

// --- the checks ---------------------------------------------------------------

// tokenResponseTypes are the declared response types that return an
// access token from the authorization endpoint ("token" among their words:
// token, id_token token, code token, code id_token token).
func tokenResponseTypes(c *clientconfig.Client) []clientconfig.String {
	var out []clientconfig.String
	for _, rt := range resolvedItems(c.ResponseTypes) {
		if slices.Contains(strings.Fields(rt.Value), "token") {
			out = append(out, rt)
		}
	}
	return out
}

// responseTypesExclude reports whether the file declares response types,
// all of them known, none returning an access token: the implicit grant is
// then only there for ID tokens (hybrid `code id_token`, or `id_token`),
// which OIDC Registration §2 pairs with grant_types implicit.
func responseTypesExclude(c *clientconfig.Client) bool {
	rts := c.ResponseTypes
	if !rts.Set || rts.Unresolved || len(rts.Items) == 0 {
		return false
	}
	for _, rt := range rts.Items {
		if rt.Unresolved {
			return false
		}
	}
	return len(tokenResponseTypes(c)) == 0
}

// checkImplicit fires where access tokens come from the authorization
// endpoint: a token-bearing response type, or the implicit grant unless the
// declared response types exclude tokens (DESIGN §3, the change to
// implicit-grant).
func checkImplicit(c *clientconfig.Client) (hit, bool) {
	var parts []string
	var pos clientconfig.Pos
	if it, ok := c.GrantTypes.Find(flows.GrantImplicit); ok && !responseTypesExclude(c) {
		parts = append(parts, "the implicit grant is enabled"+itemProvenance(c.GrantTypes, it))
		pos = it.Pos
	}
	if tokenTypes := tokenResponseTypes(c); len(tokenTypes) > 0 {
		// Grouped by where they come from: the file's own first, then each
		// provider default that adds some (Gravitee AM's templates).
		var origins []string
		groups := map[string][]clientconfig.String{}
		for _, rt := range tokenTypes {
			from := itemProvenance(c.ResponseTypes, rt)
			if _, ok := groups[from]; !ok {
				origins = append(origins, from)
			}
			groups[from] = append(groups[from], rt)
		}
		for _, from := range origins {
			parts = append(parts, "response types "+quoteAll(groups[from])+" return access tokens from the authorization endpoint"+from)
		}
		pos = firstPos(pos, tokenTypes[0].Pos)
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, c.GrantTypes.Pos, c.Pos), msg: strings.Join(parts, "; ")}, true
}

// passwordGrants are the password grant and vendor variants of it.
var passwordGrants = []string{flows.GrantPassword, flows.GrantAuth0PasswordRealm}

func checkROPC(c *clientconfig.Client) (hit, bool) {
	var found []clientconfig.String
	for _, g := range passwordGrants {
		if it, ok := c.GrantTypes.Find(g); ok {
			found = append(found, it)
		}
	}
	if len(found) == 0 {
		return hit{}, false
	}
	msg := "the password grant is enabled"
	if len(found) > 1 || found[0].Value != flows.GrantPassword {
		msg = "password grants are enabled: " + quoteAll(found)
	}
	msg += itemProvenance(c.GrantTypes, found[0])
	return hit{pos: firstPos(found[0].Pos, c.GrantTypes.Pos, c.Pos), msg: msg}, true
}

// pkceGap describes a declarable PKCE setting that is not S256; ok is false
// when PKCE cannot be declared, is unresolved, or is S256.
func pkceGap(c *clientconfig.Client) (clientconfig.Pos, string, bool) {
	if !c.PKCE.Declarable || c.PKCE.Value.Unresolved {
		return clientconfig.Pos{}, "", false
	}
	switch v := c.PKCE.Value.Value; {
	case strings.EqualFold(v, "S256"):
		return clientconfig.Pos{}, "", false
	case strings.EqualFold(v, "plain"):
		return c.PKCE.Value.Pos, "allows the PKCE method \"plain\", which exposes the verifier" + provenance(c.PKCE.Value.Origin(), c.PKCE.Value.Default), true
	default:
		return c.PKCE.Value.Pos, "does not enforce PKCE" + provenance(c.PKCE.Value.Origin(), c.PKCE.Value.Default), true
	}
}

func checkPublicNoPKCE(c *clientconfig.Client) (hit, bool) {
	code, ok := hasCode(c)
	if !ok || !isPublic(c) {
		return hit{}, false
	}
	pos, what, gap := pkceGap(c)
	if !gap {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, code.Pos, c.Pos), msg: "public client with the authorization code grant " + what + " (S256 required)"}, true
}

func checkConfidentialNoPKCE(c *clientconfig.Client) (hit, bool) {
	code, ok := hasCode(c)
	if !ok || !isConfidential(c) {
		return hit{}, false
	}
	pos, what, gap := pkceGap(c)
	if !gap {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, code.Pos, c.Pos), msg: "confidential client with the authorization code grant " + what}, true
}

func checkRedirectWildcard(c *clientconfig.Client) (hit, bool) {
	if !redirectFlow(c) {
		return hit{}, false
	}
	// A literal * stays a wildcard behind a placeholder (${ROOT}/*), as the
	// provider reads it (Keycloak: a * inside the host is literal).
	bad := literalMatches(c.RedirectURIs, c.RedirectWildcard)
	if len(bad) == 0 {
		return hit{}, false
	}
	noun := "redirect URI contains"
	if len(bad) > 1 {
		noun = "redirect URIs contain"
	}
	return hit{pos: firstPos(bad[0].Pos, c.RedirectURIs.Pos, c.Pos), msg: noun + " a wildcard: " + quoteAll(bad)}, true
}

func checkRedirectHTTP(c *clientconfig.Client) (hit, bool) {
	if !redirectFlow(c) {
		return hit{}, false
	}
	// The host must be literal: http://${HOST}/cb is unknown,
	// http://example.com/${PATH} is not.
	bad := literalMatches(c.RedirectURIs, insecureHTTP)
	if len(bad) == 0 {
		return hit{}, false
	}
	noun := "plain-http redirect URI"
	if len(bad) > 1 {
		noun = "plain-http redirect URIs"
	}
	return hit{pos: firstPos(bad[0].Pos, c.RedirectURIs.Pos, c.Pos), msg: noun + " on a non-loopback host: " + quoteAll(bad)}, true
}

func isLoopback(host string) bool {
	switch host {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

func checkCCOnPublic(c *clientconfig.Client) (hit, bool) {
	it, ok := c.GrantTypes.Find(flows.GrantClientCredentials)
	if !ok || !isPublic(c) {
		return hit{}, false
	}
	for _, m := range resolvedItems(c.AuthMethods) {
		if am := flows.AuthMethod(m.Value); m.Set && (am.SecretBased() || am.Asymmetric()) {
			// The client can authenticate for client credentials; the
			// mixed registration is ambiguous-client-type's finding.
			return hit{}, false
		}
	}
	return hit{pos: firstPos(it.Pos, c.Public.Pos, c.Pos), msg: "public client" + provenance(c.Public.Origin(), c.Public.Default) +
		" has the client credentials grant (service account) enabled" + itemProvenance(c.GrantTypes, it)}, true
}

func checkCommittedSecret(c *clientconfig.Client) (hit, bool) {
	var parts []string
	var pos clientconfig.Pos
	for _, s := range c.Secrets {
		if clientconfig.IsPlaceholder(s.Value) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s = %s", s.Field, redact.Secret(s.Value)))
		pos = firstPos(pos, s.Pos)
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, c.Pos), msg: "literal secret in the file: " + strings.Join(parts, ", ")}, true
}

func checkAmbiguous(c *clientconfig.Client) (hit, bool) {
	// Only what the file states can contradict itself: a provider's
	// default method (Auth0's client_secret_post when the field is absent)
	// is no declaration, and the provider picks it to fit the app type.
	var methods []clientconfig.String
	for _, m := range resolvedItems(c.AuthMethods) {
		if m.Set {
			methods = append(methods, m)
		}
	}
	if c.AuthMethod.Set && !c.AuthMethod.Unresolved {
		methods = append(methods, c.AuthMethod)
	}
	var none, secret *clientconfig.String
	for i := range methods {
		m := &methods[i]
		switch {
		case flows.AuthMethod(m.Value).Public() && none == nil:
			none = m
		case flows.AuthMethod(m.Value).SecretBased() && secret == nil:
			secret = m
		}
	}
	switch {
	case none != nil && secret != nil:
		return hit{pos: firstPos(none.Pos, secret.Pos, c.Pos),
			msg: fmt.Sprintf("client allows both %q (public) and %q (secret)", none.Value, secret.Value)}, true
	case none != nil && len(c.Secrets) > 0:
		return hit{pos: firstPos(none.Pos, c.Secrets[0].Pos, c.Pos),
			msg: fmt.Sprintf("client authenticates with %q (public) but has a client secret (%s)", none.Value, c.Secrets[0].Field)}, true
	case none != nil && c.SecretDeclared.Declared():
		// The secret is only known at deploy time (${X}, var.x, ##KEY##)
		// or is a placeholder: not a committed secret, but still declared.
		return hit{pos: firstPos(none.Pos, c.SecretDeclared.Pos, c.Pos),
			msg: fmt.Sprintf("client authenticates with %q (public) but declares a client secret (%s)", none.Value, c.SecretDeclared.Field)}, true
	case secret != nil && c.Public.Value && c.Public.Set && !c.Public.Unresolved &&
		c.Format != flows.FormatKeycloak && c.Format != flows.FormatTerraformKeycloak:
		// Keycloak keeps clientAuthenticatorType on public clients and
		// ignores it; elsewhere a declared public type with a secret
		// method is a contradiction.
		return hit{pos: firstPos(c.Public.Pos, secret.Pos, c.Pos),
			msg: fmt.Sprintf("client is declared public but authenticates with %q", secret.Value)}, true
	case c.TypeHint.Set && !c.TypeHint.Unresolved && !c.Public.Unresolved &&
		(c.TypeHint.Value == flows.Public) != c.Public.Value && (c.TypeHint.Value == flows.Public || c.TypeHint.Value == flows.Confidential):
		// A client type the server never reads (Gravitee AM clientType):
		// the authentication method decides, and says otherwise.
		how := fmt.Sprintf("requires client authentication, with %q%s", c.AuthMethod.Value, provenance(c.AuthMethod.Origin(), c.AuthMethod.Default))
		fix := fmt.Sprintf("a public client needs the authentication method %q", flows.AuthNone)
		if c.Public.Value {
			how = fmt.Sprintf("accepts the client without authentication, with %q", flows.AuthNone)
			fix = "a confidential client needs a method that authenticates it"
		}
		return hit{pos: firstPos(c.TypeHint.Pos, c.Pos),
			msg: fmt.Sprintf("the client type is declared %q, but the server never reads that field: its token endpoint %s; %s", c.TypeHint.Value, how, fix)}, true
	}
	return hit{}, false
}

func checkPublicRefresh(c *clientconfig.Client) (hit, bool) {
	rt, ok := c.GrantTypes.Find(flows.GrantRefreshToken)
	if !ok || !isPublic(c) || !c.RefreshRotation.Declarable || c.RefreshRotation.Value.Unresolved {
		return hit{}, false
	}
	if c.RefreshRotation.Value.Value == "true" || c.DPoPBound.Value || c.MTLSBound.Value ||
		c.DPoPBound.Unresolved || c.MTLSBound.Unresolved {
		return hit{}, false
	}
	return hit{pos: firstPos(c.RefreshRotation.Value.Pos, rt.Pos, c.Pos),
		msg: "public client gets refresh tokens" + itemProvenance(c.GrantTypes, rt) + " without rotation" +
			provenance(c.RefreshRotation.Value.Origin(), c.RefreshRotation.Value.Default) + ", DPoP or mTLS binding"}, true
}

func checkKindMismatch(c *clientconfig.Client) (hit, bool) {
	kind := c.Kind
	if c.Format != flows.FormatWhichflow || !kind.Set || kind.Unresolved || kind.Value == "" {
		return hit{}, false
	}
	d, err := advisor.Decide(advisor.Answers{"client": kind.Value})
	if err != nil {
		return hit{}, false // an unknown kind is for the reader to report
	}
	allowed := map[string]bool{}
	for _, g := range d.Registration.GrantTypes {
		allowed[g] = true
	}
	allowed[d.Recommendation.GrantType] = true
	for _, a := range d.Alternatives {
		allowed[a.GrantType] = true
	}
	rejected := map[string]advisor.Rejection{}
	for _, r := range d.Rejected {
		rejected[r.GrantType] = r
	}
	var parts []string
	var pos clientconfig.Pos
	var refs []string
	for _, g := range resolvedItems(c.GrantTypes) {
		if r, ok := rejected[g.Value]; ok {
			parts = append(parts, fmt.Sprintf("%q is rejected for kind %q: %s", g.Value, kind.Value, strings.TrimSuffix(r.Reason, ".")))
			refs = append(refs, flows.RefStrings(r.Refs)...)
		} else if !allowed[g.Value] {
			parts = append(parts, fmt.Sprintf("%q is not what `whichflow advise --client %s` registers", g.Value, kind.Value))
		} else {
			continue
		}
		pos = firstPos(pos, g.Pos)
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	h := hit{pos: firstPos(pos, c.GrantTypes.Pos, c.Pos), msg: strings.Join(parts, "; ")}
	if len(refs) > 0 {
		h.refs = dedup(refs)
	}
	return h, true
}

func dedup(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func checkFAPIPAR(c *clientconfig.Client) (hit, bool) {
	code, ok := hasCode(c)
	if !ok || c.PARRequired.Value || c.PARRequired.Unresolved {
		return hit{}, false
	}
	return hit{pos: firstPos(c.PARRequired.Pos, code.Pos, c.Pos), msg: "authorization requests are not required to use PAR" +
		provenance(c.PARRequired.Origin(), c.PARRequired.Default)}, true
}

func checkFAPIClientAuth(c *clientconfig.Client) (hit, bool) {
	if !isConfidential(c) || c.AuthMethod.Unresolved || c.AuthMethod.Value == "" || flows.AuthMethod(c.AuthMethod.Value).Asymmetric() {
		return hit{}, false
	}
	how, from := "authenticates with", provenance(c.AuthMethod.Origin(), c.AuthMethod.Default)
	if !c.AuthMethod.Set && from == "" {
		how = "authenticates (by default) with"
	}
	return hit{pos: firstPos(c.AuthMethod.Pos, c.Pos), msg: fmt.Sprintf("client %s %q%s; FAPI 2.0 allows private_key_jwt or mTLS only", how, c.AuthMethod.Value, from)}, true
}

func checkFAPIPublic(c *clientconfig.Client) (hit, bool) {
	if !isPublic(c) {
		return hit{}, false
	}
	return hit{pos: firstPos(c.Public.Pos, c.AuthMethod.Pos, c.Pos), msg: "public client; FAPI 2.0 allows confidential clients only"}, true
}

func checkFAPISenderConstrained(c *clientconfig.Client) (hit, bool) {
	if len(resolvedItems(c.GrantTypes)) == 0 || c.DPoPBound.Value || c.MTLSBound.Value ||
		c.DPoPBound.Unresolved || c.MTLSBound.Unresolved {
		return hit{}, false
	}
	return hit{pos: firstPos(c.DPoPBound.Pos, c.MTLSBound.Pos, c.Pos), msg: "access tokens are bound neither to a DPoP key nor to an mTLS certificate"}, true
}

func checkFAPIPKCE(c *clientconfig.Client) (hit, bool) {
	code, ok := hasCode(c)
	if !ok {
		return hit{}, false
	}
	pos, what, gap := pkceGap(c)
	if !gap {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, code.Pos, c.Pos), msg: "client " + what + "; FAPI 2.0 requires S256"}, true
}

// checkClientMetadataSecret: a client ID metadata document can establish no
// shared secret (CIMD §4.1): a client_secret, a secret-based method, or no
// method at all (RFC 7591 §2's default is client_secret_basic) is one.
func checkClientMetadataSecret(c *clientconfig.Client) (hit, bool) {
	if c.SecretDeclared.Declared() {
		return hit{pos: firstPos(c.SecretDeclared.Pos, c.Pos),
			msg: fmt.Sprintf("a client ID metadata document declares %s: no secret can be shared through a public document", c.SecretDeclared.Field)}, true
	}
	m := c.AuthMethod
	if m.Unresolved || !flows.AuthMethod(m.Value).SecretBased() {
		return hit{}, false
	}
	if !m.Set {
		return hit{pos: c.Pos, msg: fmt.Sprintf("token_endpoint_auth_method is absent, so RFC 7591 §2's default %q applies, a shared secret: declare none or private_key_jwt", m.Value)}, true
	}
	return hit{pos: firstPos(m.Pos, c.Pos), msg: fmt.Sprintf("token_endpoint_auth_method %q authenticates with a shared secret, which a client ID metadata document cannot establish", m.Value)}, true
}

// --- second-round rules (rulesg) ----------------------------------------------

// redirectHit reports the redirect URIs of a client with a redirect-based
// flow whose literal text matches, as "<noun> <what>: <uris>".
func redirectHit(c *clientconfig.Client, what string, match func(lit string) bool) (hit, bool) {
	if !redirectFlow(c) {
		return hit{}, false
	}
	bad := literalMatches(c.RedirectURIs, match)
	if len(bad) == 0 {
		return hit{}, false
	}
	noun := "redirect URI "
	if len(bad) > 1 {
		noun = "redirect URIs "
	}
	return hit{pos: firstPos(bad[0].Pos, c.RedirectURIs.Pos, c.Pos), msg: noun + what + ": " + quoteAll(bad)}, true
}

func checkRedirectFragment(c *clientconfig.Client) (hit, bool) {
	return redirectHit(c, "with a fragment (#)", func(lit string) bool { return strings.Contains(lit, "#") })
}

func checkRedirectDangerous(c *clientconfig.Client) (hit, bool) {
	return redirectHit(c, "with a scheme that runs code or reads files in the browser", func(lit string) bool {
		s, ok := uriScheme(lit)
		return ok && slices.Contains(dangerousSchemes, s)
	})
}

func checkRedirectLocalhost(c *clientconfig.Client) (hit, bool) {
	return redirectHit(c, "naming localhost instead of the loopback IP 127.0.0.1 or [::1]", func(lit string) bool {
		scheme, host, ok := uriHost(lit)
		return ok && scheme == "http" && host == "localhost"
	})
}

func checkRedirectCustomScheme(c *clientconfig.Client) (hit, bool) {
	return redirectHit(c, "with a private-use scheme not in reverse-DNS form", func(lit string) bool {
		s, ok := uriScheme(lit)
		return ok && !strings.Contains(s, ".") && !slices.Contains(assignedSchemes, s) && !slices.Contains(dangerousSchemes, s)
	})
}

// checkFrontChannelIDToken: each registered response type is a request the
// client may make, so "id_token" alone is one even when "token" (the
// implicit-grant finding) is registered beside it.
func checkFrontChannelIDToken(c *clientconfig.Client) (hit, bool) {
	for _, rt := range resolvedItems(c.ResponseTypes) {
		if f := strings.Fields(rt.Value); len(f) == 1 && f[0] == "id_token" {
			return hit{pos: firstPos(rt.Pos, c.ResponseTypes.Pos, c.Pos),
				msg: "response type \"id_token\" returns the ID token from the authorization endpoint (OIDC implicit login)" + itemProvenance(c.ResponseTypes, rt)}, true
		}
	}
	return hit{}, false
}

// userFacingGrants are the grants a user takes part in.
var userFacingGrants = []string{flows.GrantAuthorizationCode, flows.GrantImplicit, flows.GrantDeviceCode, flows.GrantCIBA,
	flows.GrantPassword, flows.GrantAuth0PasswordRealm}

// userFacing returns the first user-facing grant of c.
func userFacing(c *clientconfig.Client) (clientconfig.String, bool) {
	for _, g := range userFacingGrants {
		if it, ok := c.GrantTypes.Find(g); ok {
			return it, true
		}
	}
	return clientconfig.String{}, false
}

func checkMixedClientRoles(c *clientconfig.Client) (hit, bool) {
	cc, ok := c.GrantTypes.Find(flows.GrantClientCredentials)
	if !ok {
		return hit{}, false
	}
	user, ok := userFacing(c)
	if !ok {
		return hit{}, false
	}
	return hit{pos: firstPos(cc.Pos, c.GrantTypes.Pos, c.Pos), msg: fmt.Sprintf("client acts for itself (client credentials%s) and for users (%s%s)",
		itemProvenance(c.GrantTypes, cc), user.Value, itemProvenance(c.GrantTypes, user))}, true
}

func checkCrossOriginAuth(c *clientconfig.Client) (hit, bool) {
	co := c.CrossOriginAuth
	if !co.Value || co.Unresolved {
		return hit{}, false
	}
	user, ok := userFacing(c)
	if !ok {
		return hit{}, false
	}
	return hit{pos: firstPos(co.Pos, c.Pos), msg: fmt.Sprintf("cross-origin authentication is on for a client that signs users in (%s%s): credentials are typed into the app and posted to Auth0 from its origin",
		user.Value, itemProvenance(c.GrantTypes, user))}, true
}

func checkDynamicRegistration(r *clientconfig.Realm) (hit, bool) {
	d := r.DynamicRegistration
	if !d.Value || d.Unresolved {
		return hit{}, false
	}
	return hit{pos: firstPos(d.Pos, r.Pos), msg: "dynamic client registration is open: anyone can register a client"}, true
}

func checkOpenAPIURLInsecure(c *clientconfig.Client) (hit, bool) {
	bad := literalMatches(c.OAuthURLs, insecureHTTP)
	if len(bad) == 0 {
		return hit{}, false
	}
	noun := "OAuth endpoint URL uses"
	if len(bad) > 1 {
		noun = "OAuth endpoint URLs use"
	}
	return hit{pos: firstPos(bad[0].Pos, c.OAuthURLs.Pos, c.Pos), msg: noun + " plain http on a non-loopback host: " + quoteAll(bad)}, true
}

// fapiAlgs are the signing algorithms FAPI 2.0 §5.4 allows.
var fapiAlgs = []string{"PS256", "ES256", "EdDSA"}

func checkFAPISigningAlg(c *clientconfig.Client) (hit, bool) {
	var parts []string
	var pos clientconfig.Pos
	for _, a := range c.Algs {
		switch a.Use {
		case clientconfig.AlgIDToken, clientconfig.AlgRequestObject, clientconfig.AlgClientAssertion:
		default:
			continue
		}
		if a.Value.Unresolved || a.Value.Value == "" || slices.Contains(fapiAlgs, a.Value.Value) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %q", a.Field, a.Value.Value))
		pos = firstPos(pos, a.Value.Pos)
	}
	for _, m := range resolvedItems(c.AuthMethods) {
		if m.Set && m.Value == flows.AuthClientSecretJWT {
			parts = append(parts, "client_secret_jwt (HMAC-signed client assertions)")
			pos = firstPos(pos, m.Pos)
			break
		}
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, c.Pos), msg: strings.Join(parts, ", ") + "; FAPI 2.0 allows PS256, ES256 or EdDSA only"}, true
}

func checkFAPIResponseType(c *clientconfig.Client) (hit, bool) {
	var bad []clientconfig.String
	for _, rt := range resolvedItems(c.ResponseTypes) {
		if strings.TrimSpace(rt.Value) != "code" {
			bad = append(bad, rt)
		}
	}
	if len(bad) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(bad[0].Pos, c.ResponseTypes.Pos, c.Pos), msg: "response types other than code: " + quoteAll(bad) +
		itemProvenance(c.ResponseTypes, bad[0]) + "; FAPI 2.0 allows code only"}, true
}

func checkFAPIRefreshRotation(c *clientconfig.Client) (hit, bool) {
	rt, ok := c.GrantTypes.Find(flows.GrantRefreshToken)
	rot := c.RefreshRotation
	if !ok || !isConfidential(c) || !rot.Declarable || rot.Value.Unresolved || rot.Value.Value != "true" {
		return hit{}, false
	}
	return hit{pos: firstPos(rot.Value.Pos, rt.Pos, c.Pos), msg: "refresh tokens rotate for a confidential client" + provenance(rot.Value.Origin(), rot.Value.Default) +
		"; FAPI 2.0 servers do not rotate them except in extraordinary circumstances (client authentication and sender-constraint protect them)"}, true
}

func init() { realmChecks[flows.RuleRedirectPrefixMatch] = checkRedirectPrefixMatch }

// checkRedirectPrefixMatch: a Gravitee AM domain whose redirect URIs match
// by path prefix (strict matching off, declared or AM's default).
func checkRedirectPrefixMatch(r *clientconfig.Realm) (hit, bool) {
	s := r.RedirectStrictMatching
	if s.Value || s.Unresolved || s.Origin() == clientconfig.Absent {
		return hit{}, false
	}
	return hit{pos: firstPos(s.Pos, r.Pos), msg: "redirect URIs match by path prefix: oidc.redirectUriStrictMatching is false" +
		provenance(s.Origin(), s.Default) + ", so a registered https://host/cb also accepts https://host/cb-anything and any query"}, true
}

// maxRefreshLeeway is the retry grace a rotated refresh token may keep: a
// minute covers a lost response and a retry (DESIGN §3).
const maxRefreshLeeway = 60

// checkRefreshReuse: rotation is on, but the used refresh token stays
// valid for longer than a retry takes (Auth0 refresh_token.leeway).
func checkRefreshReuse(c *clientconfig.Client) (hit, bool) {
	rot, lw := c.RefreshRotation, c.RefreshLeeway
	if !rot.Declarable || rot.Value.Unresolved || rot.Value.Value != "true" || lw.Unresolved || lw.Value <= maxRefreshLeeway {
		return hit{}, false
	}
	return hit{pos: firstPos(lw.Pos, rot.Value.Pos, c.Pos), msg: fmt.Sprintf("refresh tokens rotate, but a used one stays valid for %s (leeway %d s, over %d s): a stolen token works alongside the real one for that long",
		seconds(lw.Value), lw.Value, maxRefreshLeeway)}, true
}

// checkRefreshNoExpiry: a client that gets refresh tokens gets ones without
// an absolute lifetime; a note for a confidential client, whose tokens need
// its credentials too.
func checkRefreshNoExpiry(c *clientconfig.Client) (hit, bool) {
	rt, ok := c.GrantTypes.Find(flows.GrantRefreshToken)
	ne := c.RefreshNonExpiring
	if !ok || !ne.Value || ne.Unresolved {
		return hit{}, false
	}
	h := hit{pos: firstPos(ne.Pos, rt.Pos, c.Pos), msg: "refresh tokens have no absolute lifetime" + provenance(ne.Origin(), ne.Default)}
	if from := itemProvenance(c.GrantTypes, rt); from != "" {
		h.msg += "; the client gets them by the refresh_token grant" + from
	}
	if isConfidential(c) {
		h.severity = flows.SeverityNote
		h.msg += " (a confidential client: the token also needs the client's credentials)"
	}
	return h, true
}
