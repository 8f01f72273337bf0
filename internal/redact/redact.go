// Package redact owns how whichflow hides a credential in what it prints:
// a secret read from a configuration, credentials inside URLs quoted in a
// finding, and a URL given on the command line that may carry them. Every
// printer and error message that shows such a value goes through it.
package redact

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/whichflow/whichflow/internal/clientconfig"
)

// Secret shows the first two characters of a secret and its length, never
// the secret: enough to find it in the file, not enough to use it.
func Secret(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= 4 {
		return fmt.Sprintf("… (%d chars)", n)
	}
	r := []rune(s)
	return fmt.Sprintf("%s… (%d chars)", string(r[:2]), n)
}

// credentialURLRe finds credentials inside URLs: the userinfo of any
// scheme://user:pass@host, and the values of query or fragment parameters
// that carry secrets or tokens.
var credentialURLRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)([a-z][a-z0-9+.-]*://)([^/?#@\s"']+)@` +
		`|([?&#;](?:client_secret|client_assertion|access_token|refresh_token|id_token|token|password|passwd|pwd|secret|api_?key|apikey|key|code|code_verifier|assertion|sig|signature)=)([^&#\s"']+)`)
})

// InText redacts the credentials inside URLs anywhere in s, as Secret
// does: "https://user:pass@host/*" becomes "https://us… (9 chars)@host/*"
// and "?client_secret=abc123" becomes "?client_secret=… (6 chars)". Other
// query parameters stay: in a configuration they are what the finding is
// about. A placeholder (${SECRET}) is not a credential and stays.
func InText(s string) string {
	if !strings.Contains(s, "@") && !strings.Contains(s, "=") {
		return s
	}
	re := credentialURLRe()
	return re.ReplaceAllStringFunc(s, func(m string) string {
		sub := re.FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1] + Secret(sub[2]) + "@"
		}
		if clientconfig.IsPlaceholder(sub[4]) {
			return m
		}
		return sub[3] + Secret(sub[4])
	})
}

// URL returns raw — a URL the user typed (--issuer, --resource), which
// an error message echoes — with its user information, every query value
// and its fragment replaced by ***: nothing says which of a user's own
// parameters are secret, so none is shown.
func URL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		// Unparseable: cut what could be user information or a query.
		if i := strings.Index(raw, "://"); i >= 0 {
			if j := strings.LastIndex(raw, "@"); j > i {
				raw = raw[:i+3] + "***@" + raw[j+1:]
			}
		}
		if i := strings.IndexAny(raw, "?#"); i >= 0 {
			raw = raw[:i] + "?***"
		}
		return raw
	}
	user := u.User != nil
	u.User = nil
	q := u.RawQuery
	u.RawQuery = ""
	u.ForceQuery = false
	u.Fragment, u.RawFragment = "", ""
	out := u.String()
	if user {
		if i := strings.Index(out, "://"); i >= 0 {
			out = out[:i+3] + "***@" + out[i+3:]
		}
	}
	if q != "" {
		var parts []string
		for _, kv := range strings.Split(q, "&") {
			k, _, _ := strings.Cut(kv, "=")
			parts = append(parts, k+"=***")
		}
		out += "?" + strings.Join(parts, "&")
	}
	return out
}
