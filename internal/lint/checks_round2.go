package lint

import (
	"fmt"
	"strings"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
)

// Second-round checks with Keycloak forms (DESIGN §3). They read the model
// only, so a format whose adapter fills the same fields gets them by
// listing the format in the rule's catalog entry. They register here, not
// in the maps of checks.go, so that tracks adding checks do not edit the
// same lines.
func init() {
	for id, chk := range map[string]check{
		flows.RuleTokenLifetimeLong:   checkTokenLifetime,
		flows.RuleWeakSigningAlg:      checkWeakAlg,
		flows.RuleWebOriginsWildcard:  checkWebOrigins,
		flows.RulePostLogoutUnsafe:    checkPostLogout,
		flows.RuleFullScopeAllowed:    checkFullScope,
		flows.RuleIssResponseDisabled: checkIssDisabled,
	} {
		checks[id] = chk
	}
	for id, chk := range map[string]realmCheck{
		flows.RuleSSLRequiredNone:     checkSSLRequiredNone,
		flows.RuleRefreshReuseAllowed: checkRealmRefreshReuse,
		flows.RuleRefreshNoExpiry:     checkRealmRefreshNoExpiry,
		flows.RuleTokenLifetimeLong:   checkRealmTokenLifetime,
		flows.RuleWeakSigningAlg:      checkRealmWeakAlg,
	} {
		realmChecks[id] = chk
	}
}

// realmKey is the name a realm setting has in r's format: the realm
// export's camelCase or terraform keycloak_realm's snake_case.
func realmKey(r *clientconfig.Realm, export, tf string) string {
	if r.Format == flows.FormatTerraformKeycloak {
		return tf
	}
	return export
}

func resolvedInt(n clientconfig.Int) bool { return !n.Unresolved && (n.Set || n.Default != "") }

func checkSSLRequiredNone(r *clientconfig.Realm) (hit, bool) {
	s := r.SSLRequired
	if s.Unresolved || !strings.EqualFold(strings.TrimSpace(s.Value), "none") {
		return hit{}, false
	}
	return hit{pos: firstPos(s.Pos, r.Pos), msg: fmt.Sprintf("%s is %q: Keycloak accepts logins, codes and tokens over plain http from every address",
		realmKey(r, "sslRequired", "ssl_required"), s.Value)}, true
}

func checkRealmRefreshReuse(r *clientconfig.Realm) (hit, bool) {
	rv, n := r.RevokeRefreshToken, r.RefreshTokenMaxReuse
	if rv.Unresolved || !rv.Value || !resolvedInt(n) || n.Value <= 0 {
		return hit{}, false
	}
	times := "time"
	if n.Value > 1 {
		times = "times"
	}
	return hit{pos: firstPos(n.Pos, rv.Pos, r.Pos), msg: fmt.Sprintf("refresh tokens rotate (%s) but %s is %d: a used refresh token is accepted %d more %s, so a stolen one is replayed unnoticed",
		realmKey(r, "revokeRefreshToken", "revoke_refresh_token"), realmKey(r, "refreshTokenMaxReuse", "refresh_token_max_reuse"), n.Value, n.Value, times)}, true
}

// maxNamed is how many clients a realm finding names before "and N more".
const maxNamed = 5

func checkRealmRefreshNoExpiry(r *clientconfig.Realm) (hit, bool) {
	on := r.OfflineSessionMaxLifespanEnabled
	if on.Unresolved || on.Value || len(r.OfflineTokenClients) == 0 {
		return hit{}, false
	}
	var names []string
	public := false
	for i, c := range r.OfflineTokenClients {
		public = public || c.Public
		if i == maxNamed {
			names = append(names, fmt.Sprintf("and %d more", len(r.OfflineTokenClients)-maxNamed))
			break
		}
		n := fmt.Sprintf("%q", c.ID)
		if c.Public {
			n += " (public)"
		}
		names = append(names, n)
	}
	h := hit{pos: firstPos(on.Pos, r.Pos), msg: fmt.Sprintf("offline tokens never expire: %s is %v%s, and clients can request offline_access: %s",
		realmKey(r, "offlineSessionMaxLifespanEnabled", "offline_session_max_lifespan_enabled"), on.Value,
		provenance(on.Origin(), on.Default), strings.Join(names, ", "))}
	if !public {
		h.severity = flows.SeverityNote // only confidential clients (DESIGN §3)
	}
	return h, true
}

// Lifetime limits (DESIGN §3): access tokens 1 hour, authorization codes 10
// minutes (RFC 6749 §4.1.2), ID tokens 10 hours.
const (
	maxAccessTokenLife = 3600
	maxCodeLife        = 600
	maxIDTokenLife     = 36000
)

func checkRealmTokenLifetime(r *clientconfig.Realm) (hit, bool) {
	var parts []string
	var pos clientconfig.Pos
	if n := r.AccessTokenLifespan; resolvedInt(n) && n.Value > maxAccessTokenLife {
		parts = append(parts, fmt.Sprintf("access tokens live %s (%s %d)", seconds(n.Value), realmKey(r, "accessTokenLifespan", "access_token_lifespan"), n.Value))
		pos = firstPos(pos, n.Pos)
	}
	if n := r.AccessCodeLifespan; resolvedInt(n) && n.Value > maxCodeLife {
		parts = append(parts, fmt.Sprintf("authorization codes live %s (%s %d)", seconds(n.Value), realmKey(r, "accessCodeLifespan", "access_code_lifespan"), n.Value))
		pos = firstPos(pos, n.Pos)
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, r.Pos), msg: strings.Join(parts, "; ") + " (limits: 1 hour for access tokens, 10 minutes for codes)"}, true
}

func checkTokenLifetime(c *clientconfig.Client) (hit, bool) {
	var parts []string
	var pos clientconfig.Pos
	for _, l := range []struct {
		what string
		n    clientconfig.Int
		max  int64
	}{
		{"access tokens", c.AccessTokenLifetime, maxAccessTokenLife},
		{"authorization codes", c.CodeLifetime, maxCodeLife},
		{"ID tokens", c.IDTokenLifetime, maxIDTokenLife},
	} {
		if l.n.Set && !l.n.Unresolved && l.n.Value > l.max {
			parts = append(parts, fmt.Sprintf("%s live %s (over %s)", l.what, seconds(l.n.Value), seconds(l.max)))
			pos = firstPos(pos, l.n.Pos)
		}
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, c.Pos), msg: strings.Join(parts, "; ")}, true
}

// seconds says a lifetime in the largest whole unit: "2 hours", "90 s".
func seconds(n int64) string {
	switch {
	case n%86400 == 0:
		return plural(n/86400, "day")
	case n%3600 == 0:
		return plural(n/3600, "hour")
	case n%60 == 0:
		return plural(n/60, "minute")
	}
	return fmt.Sprintf("%d s", n)
}

func plural(n int64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// weakAlg reports an unsigned (`none`) or HMAC (`HS*`) JWS algorithm.
func weakAlg(v string) bool {
	v = strings.TrimSpace(v)
	return strings.EqualFold(v, "none") || (len(v) > 2 && strings.EqualFold(v[:2], "HS"))
}

// weakAlgUses are what weak-signing-alg checks (DESIGN §3): ID tokens,
// userinfo, request objects, client assertions.
var weakAlgUses = map[clientconfig.AlgUse]bool{clientconfig.AlgIDToken: true, clientconfig.AlgUserinfo: true,
	clientconfig.AlgRequestObject: true, clientconfig.AlgClientAssertion: true}

func checkWeakAlg(c *clientconfig.Client) (hit, bool) {
	var parts []string
	var pos clientconfig.Pos
	for _, a := range c.Algs {
		if a.Use == clientconfig.AlgClientAssertion && !assertionAuth(c) {
			continue // the client sends no assertions: the setting is unused
		}
		if weakAlgUses[a.Use] && !a.Value.Unresolved && weakAlg(a.Value.Value) {
			parts = append(parts, fmt.Sprintf("%s = %q", a.Field, a.Value.Value))
			pos = firstPos(pos, a.Value.Pos)
		}
	}
	if m := c.AuthMethod; m.Set && !m.Unresolved && m.Value == flows.AuthClientSecretJWT && !isPublic(c) {
		parts = append(parts, "client_secret_jwt authentication (assertions signed with the shared client secret)")
		pos = firstPos(pos, m.Pos)
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, c.Pos), msg: "unsigned or HMAC signing: " + strings.Join(parts, ", ")}, true
}

// assertionAuth reports whether c may authenticate with a JWT assertion
// (private_key_jwt, client_secret_jwt), where the assertion's algorithm
// matters: not a public client, and a JWT method or one not known.
func assertionAuth(c *clientconfig.Client) bool {
	if isPublic(c) {
		return false
	}
	m := c.AuthMethod
	return m.Unresolved || m.Value == "" || m.Value == flows.AuthPrivateKeyJWT || m.Value == flows.AuthClientSecretJWT
}

func checkRealmWeakAlg(r *clientconfig.Realm) (hit, bool) {
	a := r.DefaultSignatureAlgorithm
	if a.Unresolved || !weakAlg(a.Value) {
		return hit{}, false
	}
	return hit{pos: firstPos(a.Pos, r.Pos), msg: fmt.Sprintf("%s is %q: the realm's tokens are signed with a shared secret (or not at all)",
		realmKey(r, "defaultSignatureAlgorithm", "default_signature_algorithm"), a.Value)}, true
}

// unsafeURIs returns the items of l that are wildcards (as the provider
// reads them, isWild) or plain http on a non-loopback host, judged on their
// literal text: a * after a placeholder is still a wildcard, a placeholder
// host is unknown.
func unsafeURIs(l clientconfig.List, isWild func(string) bool) (wild, plain []clientconfig.String) {
	for _, u := range l.Items {
		lit := u.Literal()
		switch {
		case lit == "":
		case isWild(lit):
			wild = append(wild, u)
		case insecureHTTP(lit):
			plain = append(plain, u)
		}
	}
	return wild, plain
}

// unsafeHit words the wildcard and plain-http items of a list named what.
func unsafeHit(c *clientconfig.Client, l clientconfig.List, what string, wild, plain []clientconfig.String) (hit, bool) {
	var parts []string
	var pos clientconfig.Pos
	quote := func(items []clientconfig.String) string {
		q := make([]string, len(items))
		for i, it := range items {
			q[i] = fmt.Sprintf("%q%s", it.Value, itemProvenance(l, it))
		}
		return strings.Join(q, ", ")
	}
	if len(wild) > 0 {
		parts = append(parts, "a wildcard: "+quote(wild))
		pos = wild[0].Pos
	}
	if len(plain) > 0 {
		parts = append(parts, "plain http on a non-loopback host: "+quote(plain))
		pos = firstPos(pos, plain[0].Pos)
	}
	if len(parts) == 0 {
		return hit{}, false
	}
	return hit{pos: firstPos(pos, l.Pos, c.Pos), msg: what + " " + strings.Join(parts, "; ")}, true
}

func checkWebOrigins(c *clientconfig.Client) (hit, bool) {
	wild, plain := unsafeURIs(c.WebOrigins, c.OriginWildcard)
	return unsafeHit(c, c.WebOrigins, "allowed web origins (CORS) include", wild, plain)
}

func checkPostLogout(c *clientconfig.Client) (hit, bool) {
	wild, plain := unsafeURIs(c.PostLogoutRedirectURIs, c.RedirectWildcard)
	return unsafeHit(c, c.PostLogoutRedirectURIs, "post-logout redirect URIs include", wild, plain)
}

// userFacingOrService are the grants that make a client's tokens carry a
// user's or its service account's roles.
var userFacingOrService = []string{flows.GrantAuthorizationCode, flows.GrantImplicit, flows.GrantPassword,
	flows.GrantDeviceCode, flows.GrantCIBA, flows.GrantClientCredentials}

func checkFullScope(c *clientconfig.Client) (hit, bool) {
	fs := c.FullScopeAllowed
	if fs.Unresolved || !fs.Value {
		return hit{}, false
	}
	var grant clientconfig.String
	found := false
	for _, g := range userFacingOrService {
		if grant, found = c.GrantTypes.Find(g); found {
			break
		}
	}
	if !found {
		return hit{}, false
	}
	// One concatenation: the rule fires on most Keycloak clients (a note).
	return hit{pos: firstPos(fs.Pos, grant.Pos, c.Pos), msg: "full scope allowed is on" + provenance(fs.Origin(), fs.Default) +
		": the tokens of this " + grant.Value + " client carry every role the " + subjectOf(grant.Value) + " has"}, true
}

func subjectOf(grant string) string {
	if grant == flows.GrantClientCredentials {
		return "service account"
	}
	return "user"
}

func checkIssDisabled(c *clientconfig.Client) (hit, bool) {
	x := c.ExcludeIssuer
	if x.Unresolved || !x.Value || !redirectFlow(c) {
		return hit{}, false
	}
	return hit{pos: firstPos(x.Pos, c.Pos), msg: "authorization responses carry no iss (excluded for this client): the RFC 9207 mix-up defence is off"}, true
}
