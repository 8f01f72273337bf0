package clientconfig

import (
	"fmt"
	"strings"
)

// fieldsSummary writes the second-round model fields of c that a file
// states, a default supplies (value*) or leaves unknown (?), for the golden
// normal form; absent ones are left out.
func fieldsSummary(c Client) string {
	var b strings.Builder
	list := func(name string, l List) {
		if l.Set || l.Unresolved || len(l.Items) > 0 {
			fmt.Fprintf(&b, " %s=%s", name, lv(l))
		}
	}
	list("origins", c.WebOrigins)
	list("logout", c.PostLogoutRedirectURIs)
	list("oauth_urls", c.OAuthURLs)
	for _, a := range c.Algs {
		fmt.Fprintf(&b, " alg{%s %s=%s}", a.Use, a.Field, sv(a.Value))
	}
	num := func(name string, n Int) {
		if n.Origin() != Absent {
			fmt.Fprintf(&b, " %s=%s", name, iv(n))
		}
	}
	num("access_ttl", c.AccessTokenLifetime)
	num("code_ttl", c.CodeLifetime)
	num("id_ttl", c.IDTokenLifetime)
	num("leeway", c.RefreshLeeway)
	flag := func(name string, v Bool) {
		if v.Value || v.Unresolved {
			fmt.Fprintf(&b, " %s=%s", name, bv(v))
		}
	}
	flag("full_scope", c.FullScopeAllowed)
	flag("exclude_iss", c.ExcludeIssuer)
	flag("cross_origin", c.CrossOriginAuth)
	flag("refresh_no_expiry", c.RefreshNonExpiring)
	if c.Protocol != "" {
		fmt.Fprintf(&b, " protocol=%s", c.Protocol)
	}
	return b.String()
}

func iv(n Int) string {
	return sv(String{Value: fmt.Sprint(n.Value), Set: n.Set, Unresolved: n.Unresolved})
}

// realmSummary is the golden normal form of a realm: its name, span and
// the settings the file states or defaults.
func realmSummary(r Realm) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s realm %q @%d:%d-%d", r.Format, r.Name, r.Pos.Line, r.Pos.Col, r.End)
	if r.SSLRequired.Origin() != Absent {
		fmt.Fprintf(&b, " ssl=%s", sv(r.SSLRequired))
	}
	for _, f := range []struct {
		name string
		v    Bool
	}{{"revoke_refresh", r.RevokeRefreshToken}, {"offline_max_lifespan", r.OfflineSessionMaxLifespanEnabled}, {"dynamic_registration", r.DynamicRegistration}} {
		if f.v.Origin() != Absent {
			fmt.Fprintf(&b, " %s=%s", f.name, bv(f.v))
		}
	}
	for _, f := range []struct {
		name string
		v    Int
	}{{"max_reuse", r.RefreshTokenMaxReuse}, {"access_ttl", r.AccessTokenLifespan}, {"code_ttl", r.AccessCodeLifespan}} {
		if f.v.Origin() != Absent {
			fmt.Fprintf(&b, " %s=%s", f.name, iv(f.v))
		}
	}
	if r.DefaultSignatureAlgorithm.Origin() != Absent {
		fmt.Fprintf(&b, " alg=%s", sv(r.DefaultSignatureAlgorithm))
	}
	return b.String()
}
