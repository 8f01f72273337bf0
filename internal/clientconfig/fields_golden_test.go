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
	return b.String()
}
